import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectors } from '../../detectors/index.js';
import { fieldDictionary, normalizeFieldName } from '../../src/policy/dictionary.js';
import { FieldRules, type FieldAction } from '../../src/policy/fields.js';
import { formatPath, lastKey, type FieldPath } from '../../src/record/index.js';
import { parsePolicy } from '../../src/policy/load.js';
import type { PolicyInput } from '../../src/policy/schema.js';

type Fields = NonNullable<PolicyInput['fields']>;
const rules = (fields: Fields) => new FieldRules(parsePolicy({ fields }));
const only = (r: NonNullable<Fields['rules']>) => rules({ dictionary: false, rules: r });
const kind = (fr: FieldRules, path: FieldPath) => {
  const a = fr.resolve(path);
  return a.kind === 'as' ? `as ${a.type}${a.operator ? ` ${a.operator}` : ''}` : a.kind;
};

describe('FieldRules: paths and globs', () => {
  it('a dotted path matches from the root, exactly', () => {
    const fr = only([{ match: 'user.email', action: 'drop' }]);
    expect(kind(fr, ['user', 'email'])).toBe('drop');
    expect(kind(fr, ['email'])).toBe('scan');
    expect(kind(fr, ['a', 'user', 'email'])).toBe('scan');
    expect(kind(fr, ['user', 'email', 'x'])).toBe('drop'); // nested under the dropped field
  });

  it('`*` is exactly one key', () => {
    const fr = only([{ match: '*.address', action: 'drop' }]);
    expect(kind(fr, ['home', 'address'])).toBe('drop');
    expect(kind(fr, ['work', 'address'])).toBe('drop');
    expect(kind(fr, ['address'])).toBe('scan');
    expect(kind(fr, ['a', 'b', 'address'])).toBe('scan');
    expect(kind(fr, [3, 'address'])).toBe('scan'); // an array index is not a key
  });

  it('`**` alone matches every path (it used to be read as a key named "**", matching nothing)', () => {
    const fr = only([{ match: 'service', action: 'keep' }, { match: '**', action: 'drop' }]);
    expect(kind(fr, ['service'])).toBe('keep');
    expect(kind(fr, ['user', 'email'])).toBe('drop');
    expect(kind(fr, ['items', 0])).toBe('drop');
  });

  it('`**` is any number of segments, none included', () => {
    const fr = only([{ match: '**.card', action: 'drop' }, { match: 'user.**', action: 'keep' }]);
    expect(kind(fr, ['card'])).toBe('drop');
    expect(kind(fr, ['a', 'b', 'card'])).toBe('drop');
    expect(kind(fr, ['items', 4, 'card'])).toBe('drop');
    expect(kind(fr, ['user', 'profile', 'nick'])).toBe('keep');
    expect(kind(fr, ['user'])).toBe('keep');
    expect(kind(fr, ['users', 'x'])).toBe('scan');
  });

  it('`[*]` is any array index, `[2]` that one only', () => {
    const fr = only([
      { match: 'items[2].card', action: 'keep' },
      { match: 'items[*].card', action: 'drop' },
      { match: 'tags[*]', as: 'PERSON_NAME' },
    ]);
    expect(kind(fr, ['items', 2, 'card'])).toBe('keep');
    expect(kind(fr, ['items', 0, 'card'])).toBe('drop');
    expect(kind(fr, ['items', 17, 'card'])).toBe('drop');
    expect(kind(fr, ['items', 'x', 'card'])).toBe('scan'); // a key is not an index
    expect(kind(fr, ['items', 'card'])).toBe('scan');
    expect(kind(fr, ['tags', 0])).toBe('as PERSON_NAME');
    expect(kind(fr, ['tags'])).toBe('scan');
  });

  it('a name without `.` or `[` matches that key at any depth, and array elements under it', () => {
    const fr = only([{ match: 'email', action: 'drop' }]);
    expect(kind(fr, ['email'])).toBe('drop');
    expect(kind(fr, ['user', 'email'])).toBe('drop');
    expect(kind(fr, ['items', 0, 'email'])).toBe('drop');
    expect(kind(fr, ['email', 1])).toBe('drop'); // ["a@…", "b@…"] under email
    expect(kind(fr, ['email', 'domain'])).toBe('drop'); // nested under a dropped key
    expect(kind(fr, ['emails'])).toBe('scan');
  });

  it('CSV columns and text keys are one-segment paths; a whole line is [] and always scanned', () => {
    const fr = only([{ match: '客户姓名', as: 'PERSON_NAME' }, { match: '*', action: 'drop' }]);
    expect(kind(fr, ['客户姓名'])).toBe('as PERSON_NAME');
    expect(kind(fr, ['anything'])).toBe('drop');
    expect(kind(fr, [])).toBe('scan');
  });

  it('column indexes (no header) match `[n]`', () => {
    const fr = only([{ match: '[3]', action: 'keep' }]);
    expect(kind(fr, [3])).toBe('keep');
    expect(kind(fr, [4])).toBe('scan');
  });
});

describe('FieldRules: names are compared normalized', () => {
  it.each([['firstName'], ['first_name'], ['First-Name'], ['FIRSTNAME'], ['first name'], ['first.name']])('%s = first_name', (key) => {
    expect(normalizeFieldName(key)).toBe('firstname');
    expect(kind(only([{ match: 'first_name', action: 'drop' }]), [key])).toBe('drop');
    expect(kind(only([{ match: 'firstName', action: 'drop' }]), ['user', key])).toBe('drop');
  });

  it('path segments are normalized too', () => {
    const fr = only([{ match: 'billingAddress.zip_code', action: 'drop' }]);
    expect(kind(fr, ['billing_address', 'ZipCode'])).toBe('drop');
    expect(kind(fr, ['Billing-Address', 'zip-code'])).toBe('drop');
  });

  it('the dictionary matches keys in any of those forms', () => {
    const fr = rules({});
    expect(kind(fr, ['firstName'])).toBe('as PERSON_NAME');
    expect(kind(fr, ['First-Name'])).toBe('as PERSON_NAME');
    expect(kind(fr, ['user', 'EMAIL_ADDRESS'])).toBe('as EMAIL');
    expect(kind(fr, ['dateOfBirth'])).toBe('as DATE_OF_BIRTH');
  });
});

describe('FieldRules: the dictionary', () => {
  it.each<[string, string]>([
    ['name', 'PERSON_NAME'],
    ['username', 'USERNAME'],
    ['userName', 'USERNAME'],
    ['用户名', 'USERNAME'],
    ['TargetUserName', 'USERNAME'],
    ['姓名', 'PERSON_NAME'],
    ['开户名', 'PERSON_NAME'],
    ['address', 'ADDRESS'],
    ['地址', 'ADDRESS'],
    ['dob', 'DATE_OF_BIRTH'],
    ['出生日期', 'DATE_OF_BIRTH'],
    ['zip', 'POSTAL_CODE'],
    ['邮编', 'POSTAL_CODE'],
    ['lat', 'GEO'],
    ['longitude', 'GEO'],
    ['device_id', 'DEVICE_ID'],
    ['设备号', 'DEVICE_ID'],
    ['phone', 'PHONE'],
    ['手机号', 'PHONE'],
    ['身份证号', 'CN_RESIDENT_ID'],
    ['银行卡号', 'BANK_ACCOUNT'],
    ['gender', 'GENDER'],
  ])('on by default: %s is %s', (key, type) => {
    expect(fieldDictionary(detectors).get(normalizeFieldName(key))).toBe(type);
    expect(kind(rules({}), ['order', key])).toBe(`as ${type}`);
  });

  it('keys that are not personal are scanned', () => {
    const fr = rules({});
    for (const key of ['order_id', 'status', 'msg', 'trace_id', 'amount', 'names', 'named']) expect(kind(fr, [key])).toBe('scan');
  });

  it('generic user keys are scanned, not replaced whole: their values are often placeholders, system accounts or ids', () => {
    const fr = rules({});
    for (const key of ['user', 'login', 'account', 'ruser', 'uid', 'user_id', 'userId', 'users']) expect(kind(fr, [key])).toBe('scan');
  });

  it('switched off, no name is special; `names` still adds its own', () => {
    const fr = rules({ dictionary: false, names: { nick: 'PERSON_NAME', 收件人: 'PERSON_NAME' } });
    expect(kind(fr, ['name'])).toBe('scan');
    expect(kind(fr, ['姓名'])).toBe('scan');
    expect(kind(fr, ['nick'])).toBe('as PERSON_NAME');
    expect(kind(fr, ['收件人'])).toBe('as PERSON_NAME');
  });

  it('`names` adds to the dictionary, normalized, and can change a built-in type', () => {
    const fr = rules({ names: { customerName: 'PERSON_NAME', lat: 'POSTAL_CODE' } });
    expect(kind(fr, ['customer_name'])).toBe('as PERSON_NAME');
    expect(kind(fr, ['lat'])).toBe('as POSTAL_CODE');
    expect(kind(fr, ['email'])).toBe('as EMAIL'); // the rest of the dictionary stays
  });

  it("takes the detectors' field names from the list it is given", () => {
    const iban = detectors.find((d) => d.type === 'IBAN')!;
    const withoutIban = detectors.filter((d) => d.type !== 'IBAN');
    expect(kind(new FieldRules(parsePolicy({})), ['IBAN'])).toBe('as IBAN');
    expect(kind(new FieldRules(parsePolicy({}), withoutIban), ['IBAN'])).toBe('scan');
    const renamed = { ...iban, fieldNames: ['beneficiary_account'] };
    expect(kind(new FieldRules(parsePolicy({}), [renamed]), ['beneficiaryAccount'])).toBe('as IBAN');
  });

  it('refuses a name two types claim, naming both', () => {
    const iban = detectors.find((d) => d.type === 'IBAN')!;
    const clash = { ...iban, fieldNames: ['Full-Name'] }; // PERSON_NAME's full_name, normalized
    expect(() => fieldDictionary([clash])).toThrow(/Full-Name means both PERSON_NAME and IBAN/);
  });
});

describe('FieldRules: rule order', () => {
  it('the first matching rule wins', () => {
    const fr = only([
      { match: 'user.email', action: 'keep' },
      { match: 'email', action: 'drop' },
      { match: '**', action: 'scan' },
    ]);
    expect(kind(fr, ['user', 'email'])).toBe('keep');
    expect(kind(fr, ['admin', 'email'])).toBe('drop');
  });

  it('rules come before the dictionary: keep, scan or another type override it', () => {
    const fr = rules({
      rules: [
        { match: 'phone', action: 'keep' },
        { match: 'name', action: 'scan' },
        { match: 'ip', as: 'IP_ADDRESS', operator: 'generalize' },
        { match: 'dob', action: 'drop' },
      ],
    });
    expect(kind(fr, ['phone'])).toBe('keep');
    expect(kind(fr, ['name'])).toBe('scan');
    expect(kind(fr, ['ip'])).toBe('as IP_ADDRESS generalize');
    expect(kind(fr, ['dob'])).toBe('drop');
    expect(kind(fr, ['email'])).toBe('as EMAIL'); // no rule: the dictionary
  });

  it('`as` carries the operator when one is given, none otherwise', () => {
    const fr = only([{ match: 'a', as: 'GEO', operator: 'generalize' }, { match: 'b', as: 'GEO' }]);
    expect(fr.resolve(['a'])).toEqual({ kind: 'as', type: 'GEO', operator: 'generalize' });
    const b = fr.resolve(['b']) as Extract<FieldAction, { kind: 'as' }>;
    expect(b.kind).toBe('as');
    expect(b.operator).toBeUndefined();
  });
});

describe('FieldRules: caching', () => {
  it('the same path gives the same action object, whatever array it comes in', () => {
    const fr = rules({ rules: [{ match: 'user.email', action: 'drop' }] });
    const first = fr.resolve(['user', 'email']);
    expect(fr.resolve(['user', 'email'])).toBe(first);
    expect(fr.resolve(['user', 'email'].slice())).toBe(first);
    expect(fr.resolve(['phone'])).toBe(fr.resolve(['phone']));
  });

  it('stays right past the cache bound', () => {
    const fr = rules({ rules: [{ match: 'k7.email', action: 'drop' }] });
    for (let i = 0; i < 12_000; i++) expect(kind(fr, [`k${i}`, 'x'])).toBe('scan');
    expect(kind(fr, ['k7', 'email'])).toBe('drop');
    expect(kind(fr, ['k11999', 'email'])).toBe('as EMAIL');
    expect(kind(fr, ['k11999', 'x'])).toBe('scan');
  });
});

describe('review fixes', () => {
  const rules = (policyFields: Parameters<typeof parsePolicy>[0]) => new FieldRules(parsePolicy(policyFields));

  it('a drop or as on a key covers the values nested under it; keep does not', () => {
    const f = rules({ fields: { rules: [{ match: 'password', action: 'drop' }, { match: 'meta', action: 'keep' }] } });
    expect(f.resolve(['password', 'v']).kind).toBe('drop');
    expect(f.resolve(['user', 'password', 'hash', 0]).kind).toBe('drop');
    expect(f.resolve(['name', 'first'])).toEqual({ kind: 'as', type: 'PERSON_NAME', guessed: true }); // the dictionary's `name`
    expect(f.resolve(['meta', 'note']).kind).toBe('scan');
  });

  it('tells a dotted key from a nested path, and a key "0" from index 0, in its cache', () => {
    const f = rules({ fields: { rules: [{ match: 'user.password', action: 'drop' }, { match: 'a[0]', action: 'drop' }] } });
    expect(f.resolve(['user.password']).kind).toBe('scan');
    expect(f.resolve(['user', 'password']).kind).toBe('drop');
    expect(f.resolve(['a', '0']).kind).toBe('scan');
    expect(f.resolve(['a', 0]).kind).toBe('drop');
  });
});

describe('FieldRules: field names by their words', () => {
  it.each<[string, string]>([
    ['callback_number', 'PHONE'],
    ['contact_phone', 'PHONE'],
    ['custMobile', 'PHONE'],
    ['phone_no', 'PHONE'],
    ['CallerPhone', 'PHONE'],
    ['user_email', 'EMAIL'],
    ['emailAddr', 'EMAIL'],
    ['notify-mail', 'EMAIL'],
    ['src_ip', 'IP_ADDRESS'],
    ['SRC_IP', 'IP_ADDRESS'],
    ['remoteIP', 'IP_ADDRESS'],
    ['client_addr', 'IP_ADDRESS'],
    ['x-forwarded-for', 'IP_ADDRESS'],
    ['IPAddress', 'IP_ADDRESS'],
    ['cardNo', 'PAYMENT_CARD'],
    ['payment_card', 'PAYMENT_CARD'],
    ['deviceImei', 'IMEI'],
    ['wifi_mac', 'MAC_ADDRESS'],
    ['billing_first_name', 'PERSON_NAME'],
    ['customerName', 'PERSON_NAME'],
    ['delivery_address', 'ADDRESS'],
    ['customer_email_address', 'EMAIL'],
    ['user_date_of_birth', 'DATE_OF_BIRTH'],
    ['手机号码1', 'PHONE'],
    ['联系人手机号', 'PHONE'],
    ['收货人姓名', 'PERSON_NAME'],
    ['法人身份证号', 'CN_RESIDENT_ID'],
    ['IP地址', 'IP_ADDRESS'],
    ['MAC地址', 'MAC_ADDRESS'],
    ['公司地址', 'ADDRESS'],
    ['邮箱地址', 'EMAIL'],
    ['客户邮箱地址', 'EMAIL'],
    ['Email地址', 'EMAIL'],
    ['紧急联系人', 'PERSON_NAME'],
    ['紧急联系人电话', 'PHONE'],
    ['会员生日', 'DATE_OF_BIRTH'],
    ['信用卡号', 'PAYMENT_CARD'],
    // people a business record names by role
    ['买家昵称', 'PERSON_NAME'],
    ['操作人', 'PERSON_NAME'],
    ['审批人', 'PERSON_NAME'],
    ['收款人', 'PERSON_NAME'],
    ['法定代表人', 'PERSON_NAME'],
  ])('%s is %s, as a guess checked against the value', (key, type) => {
    const a = rules({}).resolve(['event', key]);
    expect(a).toEqual({ kind: 'as', type, guessed: true });
  });

  it('a path is read by its last key: payment.card', () => {
    expect(kind(rules({}), ['payment', 'card'])).toBe('as PAYMENT_CARD');
  });

  it.each([
    'zip_file', // `zip` is not the last word
    'tip',
    'description',
    'hostname',
    'host_name', // `name` alone names nothing
    'filename',
    'file_name',
    'app_name',
    'mailbox_size',
    'discard',
    'user_id', // `id` names nothing
    'order_id',
    'caller_id', // scanned, with `caller` as context
    'phone_count',
    'email_sent',
    'ip_count',
    'card_type',
    'vip_level',
    'skip',
    'id_no',
    'terminalNo',
    '订单号',
    '文件位置',
  ])('%s is scanned', (key) => {
    expect(kind(rules({}), [key])).toBe('scan');
  });

  it('off with the dictionary; explicit names and rules are not guesses', () => {
    expect(kind(rules({ dictionary: false }), ['contact_phone'])).toBe('scan');
    expect(rules({ names: { kontakt: 'PHONE' } }).resolve(['kontakt'])).toEqual({ kind: 'as', type: 'PHONE' });
    expect(rules({ rules: [{ match: 'src_ip', as: 'IP_ADDRESS' }] }).resolve(['src_ip'])).toEqual({ kind: 'as', type: 'IP_ADDRESS' });
  });

  it('names only types the anonymizer knows: without the IBAN detector, `iban` words are scanned', () => {
    const withoutIban = detectors.filter((d) => d.type !== 'IBAN');
    expect(kind(new FieldRules(parsePolicy({}), withoutIban), ['payee_iban'])).toBe('scan');
    expect(kind(new FieldRules(parsePolicy({})), ['payee_iban'])).toBe('as IBAN');
  });

  it('is worked out once per path (cached like the rest)', () => {
    const fr = rules({});
    expect(fr.resolve(['contact_phone'])).toBe(fr.resolve(['contact_phone']));
  });
});

describe('FieldRules: field names by their words, any spelling (property)', () => {
  const NEUTRAL = ['user', 'customer', 'contact', 'src', 'billing', 'primary', 'backup', 'new', 'old', 'payment', 'order', 'request', 'last'];
  const ENDS: ReadonlyArray<[string[], string]> = [
    [['phone'], 'PHONE'],
    [['mobile'], 'PHONE'],
    [['callback', 'number'], 'PHONE'],
    [['email'], 'EMAIL'],
    [['email', 'addr'], 'EMAIL'],
    [['ip'], 'IP_ADDRESS'],
    [['forwarded', 'for'], 'IP_ADDRESS'],
    [['card', 'no'], 'PAYMENT_CARD'],
    [['imei'], 'IMEI'],
    [['first', 'name'], 'PERSON_NAME'],
  ];
  /** Words written as a key: snake, kebab, dotted, camelCase, PascalCase or SCREAMING_SNAKE, maybe with a digit after. */
  const spell = (words: string[], style: number, digit: string): string => {
    const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
    const joined = [
      words.join('_'),
      words.join('-'),
      words.join('.'),
      words[0] + words.slice(1).map(cap).join(''),
      words.map(cap).join(''),
      words.join('_').toUpperCase(),
    ][style];
    return joined + digit;
  };
  const fr = rules({});

  it('a neutral prefix and any spelling keep the type the end words say', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...NEUTRAL), { maxLength: 3 }),
        fc.constantFrom(...ENDS),
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('', '', '1', '2'),
        (prefix, [end, type], style, digit) => {
          const key = spell([...prefix, ...end], style, digit);
          const a = fr.resolve([key]);
          expect(a.kind === 'as' ? a.type : a.kind, key).toBe(type);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('neutral words alone name nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...NEUTRAL, 'id', 'zip_file', 'host', 'file', 'size', 'count', 'tip', 'mailbox'), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (words, style) => {
        const key = spell(words, style, '');
        expect(fr.resolve([key]).kind, key).toBe('scan');
      }),
      { numRuns: 300 },
    );
  });
});

describe("FieldRules: a count of people, or a person's account, is no person (付款人数 ends in 人数, not 付款人)", () => {
  // 收款人账号 is scanned: its digits are the bank-account detector's, with 账号 as context.
  it.each([['付款人数'], ['申请人数'], ['操作人员数'], ['收款人账号']])('%s', (key) => {
    expect(rules({}).resolve(['event', key]).kind).toBe('scan');
  });
});

describe('FieldRules: a bare `name` is read under its owner (src/policy/name-owners.ts)', () => {
  const fr = rules({});
  it.each([
    [['host', 'name']],
    [['host', 'os', 'name']],
    [['service', 'name']],
    [['process', 'parent', 'name']],
    [['Event', 'System', 'Provider', '#attributes', 'Name']],
    [['Provider', '$', 'Name']],
    [['Provider', '#attributes', 'Name']], // as the text format reads `<Provider Name='…'>`
    [['user_agent', 'name']],
    [['userAgent', 'name']],
    [['hosts', 0, 'name']],
    [['libraries', 'name']],
    [['processes', 'name']],
    [['objectRef', 'name']],
  ] as FieldPath[][])('%j: scanned', (path) => {
    expect(kind(fr, path)).toBe('scan');
  });

  it.each([
    [['name']],
    [['user', 'name']],
    [['customer', 'name']],
    [['agent', 'name']], // a support agent is a person; ECS's agent.name is not told apart
    [['support_agent', 'name']],
    [['payload', 'name']],
    [['order', 'items', 1, 'name']],
    [['user', 'attributes', 'name']],
    [['host', 'owner', 'name']],
    [['student', 'parent', 'name']],
    [['data', 'object', 'name']], // Stripe: the customer object
    [['metadata', 'name']], // free-form (Stripe), or a Kubernetes object's: not told apart
    [['provider', 'name']], // a doctor, in a health record: a provider is a thing only as an XML element
  ] as FieldPath[][])('%j: a person', (path) => {
    expect(kind(fr, path)).toBe('as PERSON_NAME');
  });

  it('display names: a person\'s (identity providers\' audit logs), but not a thing\'s', () => {
    for (const path of [['displayName'], ['actor', 'displayName'], ['userDisplayName'], ['initiatedBy', 'user', 'displayName'], ['display_name']]) {
      expect(kind(fr, path)).toBe('as PERSON_NAME');
    }
    // Entra ID sign-in logs name the application and resource in every record.
    for (const path of [['appDisplayName'], ['resourceDisplayName'], ['targetResources', 0, 'displayName'], ['service', 'display_name']]) {
      expect(kind(fr, path)).toBe('scan');
    }
  });

  it('only `name` itself: other person keys under a thing stay persons, and a rule still wins', () => {
    expect(kind(fr, ['host', 'full_name'])).toBe('as PERSON_NAME');
    expect(kind(rules({ rules: [{ match: 'host.name', as: 'PERSON_NAME' }] }), ['host', 'name'])).toBe('as PERSON_NAME');
  });
});
