import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKeyValues } from '../../../src/formats/inline/pairs.js';
import { decodeValue } from '../../../src/formats/inline/encoding.js';
import { NO_SPANS, type KvEncoding } from '../../../src/formats/inline/span.js';
import { luhnCheckDigit, luhnValid, usccCheckChar } from '../../../detectors/lib/checksum.js';

/** A credit code (GB 32100) printed 4-4-4-4-2 whose 17th char and check char are capitals, computed. */
/** 19 digits in 4-4-4-4-3 whose first 16 pass Luhn and whose 19 do not (computed). */
const ACCOUNT_19 = (() => {
  const first16 = `696417838013142${luhnCheckDigit('696417838013142')}`;
  const tail = ['925', '926', '927'].find((t) => !luhnValid(first16 + t, 0, 19))!;
  return `${first16}${tail}`.replace(/(\d{4})(?=\d)/g, '$1 ');
})();

const USCC_LETTER_TAIL = (() => {
  for (const c of 'ABCDEFGHJKLMNPQRTUWXY') {
    const body = `91330106MA2K8JBB${c}`;
    const check = usccCheckChar(body, 0);
    if (/[A-Z]/.test(check) && /[A-Z]/.test(body[16])) return `${body}${check}`.replace(/^(.{4})(.{4})(.{4})(.{4})/, '$1 $2 $3 $4 ');
  }
  throw new Error('no such code');
})();

/** [path as dots, encoding, the value's text in the line] for every span. */
const pairs = (line: string) =>
  findKeyValues(line).map((s) => [s.path.map(String).join('.'), s.encoding, line.slice(s.start, s.end)] as [string, KvEncoding, string]);
/** [path, decoded value]. */
const values = (line: string) =>
  findKeyValues(line).map((s) => [s.path.map(String).join('.'), decodeValue(line.slice(s.start, s.end), s.encoding)]);

describe('logfmt', () => {
  it('bare and quoted values', () => {
    expect(pairs('user=alice email=a@example.com msg="quoted value"')).toEqual([
      ['user', 'logfmt', 'alice'],
      ['email', 'logfmt', 'a@example.com'],
      ['msg', 'quoted', 'quoted value'],
    ]);
  });

  it('quoted values with escapes: the span is the text inside the quotes, decoded on request', () => {
    const line = 'msg="say \\"hi\\" to C:\\\\tmp\\n" next=1';
    expect(pairs(line)).toEqual([
      ['msg', 'quoted', 'say \\"hi\\" to C:\\\\tmp\\n'],
      ['next', 'logfmt', '1'],
    ]);
    expect(values(line)[0]).toEqual(['msg', 'say "hi" to C:\\tmp\n']);
  });

  it('a bare value ends at the next space: quote values that have spaces', () => {
    expect(pairs('name=Zhang San age=30')).toEqual([
      ['name', 'logfmt', 'Zhang'],
      ['age', 'logfmt', '30'],
    ]);
    expect(pairs('name="Zhang San" age=30')).toEqual([
      ['name', 'quoted', 'Zhang San'],
      ['age', 'logfmt', '30'],
    ]);
  });

  it('an unterminated quote is a bare value (the rest of the line is not taken as one value)', () => {
    expect(pairs('msg="open ended x=1')).toEqual([
      ['msg', 'logfmt', '"open'],
      ['x', 'logfmt', '1'],
    ]);
  });

  it('a `,` `;` or `&` ends a value when the next pair starts there (toString of Java objects)', () => {
    expect(pairs('User(name=alice, email=a@example.com, tags=a,b)')).toEqual([
      ['name', 'logfmt', 'alice'],
      ['email', 'logfmt', 'a@example.com'],
      ['tags', 'logfmt', 'a,b'],
    ]);
    expect(pairs('a=1;b=2&c=3')).toEqual([
      ['a', 'logfmt', '1'],
      ['b', 'logfmt', '2'],
      ['c', 'url', '3'], // after `&`: a query pair
    ]);
  });

  it('keys: letters, digits, _ - . and CJK; trailing punctuation and stray closers are not part of a value', () => {
    expect(pairs('http.status_code=200 content-type=json 用户名=张三 [user=bob] (id=7), done=yes.')).toEqual([
      ['http.status_code', 'logfmt', '200'],
      ['content-type', 'logfmt', 'json'],
      ['用户名', 'logfmt', '张三'],
      ['user', 'logfmt', 'bob'],
      ['id', 'logfmt', '7'],
      ['done', 'logfmt', 'yes'],
    ]);
    expect(pairs('tag=<PHONE> list=[1,2]')).toEqual([
      ['tag', 'logfmt', '<PHONE>'], // the closer has its opener
      ['list', 'logfmt', '[1,2]'],
    ]);
  });

  it('no pair: comparisons, empty values, base64 padding, a key longer than 128 chars', () => {
    expect(pairs('if a == b or x != y or p >= q')).toEqual([]);
    expect(pairs('k= next')).toEqual([]);
    expect(pairs('k=')).toEqual([]);
    expect(pairs('k=""')).toEqual([]);
    expect(pairs('token=YWJjZA== padding')).toEqual([['token', 'logfmt', 'YWJjZA==']]);
    expect(pairs(`${'a'.repeat(129)}=1`)).toEqual([]);
    expect(pairs(`${'a'.repeat(128)}=1`)).toEqual([['a'.repeat(128), 'logfmt', '1']]);
  });
});

describe('numbers written in groups are one value', () => {
  it.each([
    ['card=4111 1111 1111 1111 exp=12/29', 'card', '4111 1111 1111 1111'],
    ['phone=+86 138 0013 8000 ip=192.0.2.10', 'phone', '+86 138 0013 8000'],
    ['phone: (010) 5555 0199, email: x', 'phone', '(010) 5555 0199'],
    ['id=110105 19491231 002X ok', 'id', '110105 19491231 002X'],
    ['iban=GB82 WEST 1234 5698 7654 32 next', 'iban', 'GB82 WEST 1234 5698 7654 32'],
    // An IBAN in lower case: its letter groups are groups too (`ingb`), not the next word.
    ['iban=nl37 ingb 8064 2658 50 next=1', 'iban', 'nl37 ingb 8064 2658 50'],
    // The country code apart from the check digits, then irregular groups (bank code, branch, account).
    ['iban=DE 89 37040 044 053201 3000 next=1', 'iban', 'DE 89 37040 044 053201 3000'],
    ['iban: GB 29 NWBK6 016 133192 6819, bic x', 'iban', 'GB 29 NWBK6 016 133192 6819'],
    // A credit code printed in fours: a group of capitals inside it (`GXLE`) is a group too.
    ['统一社会信用代码：9261 0113 GXLE WEQ0 67 订单号：202612036612996423', '统一社会信用代码', '9261 0113 GXLE WEQ0 67'],
    ['unified_social_credit_code=9135 0100 MAAA WEQB 4X build=0.9.4', 'unified_social_credit_code', '9135 0100 MAAA WEQB 4X'],
    ['手机：138 0013 8000，地址：x', '手机', '138 0013 8000'],
    // Later groups with dashes, as Brazil and Russia end their numbers (not a date).
    ['mobile=+55 11 91234-5678 ok', 'mobile', '+55 11 91234-5678'],
    ['phone: (11) 91234-5678 ok', 'phone', '(11) 91234-5678'],
    ['phone: 8 (912) 345-67-89 ok', 'phone', '8 (912) 345-67-89'],
    ['mobile=+7 912 345-67-89 ok', 'mobile', '+7 912 345-67-89'],
    ['mobile=+33 6 12 34 56 78 done', 'mobile', '+33 6 12 34 56 78'],
    // A phone's extension after the number.
    ['phone=201-555-0123 x1234 next=1', 'phone', '201-555-0123 x1234'],
    ['phone: 201-555-0123 ext. 12 ok', 'phone', '201-555-0123 ext. 12'],
    ['phone=+1 201 555 0123 #123 ok', 'phone', '+1 201 555 0123 #123'],
    ['联系电话：010-12345678 转 8001，谢谢', '联系电话', '010-12345678 转 8001'],
    ['phone_number=(027) 8809-4121转0831 ok', 'phone_number', '(027) 8809-4121转0831'], // glued to the last group
    ['mobile=(81) 918003845 ok', 'mobile', '(81) 918003845'], // unbroken after an area code
    // A CN landline's four-digit area code and the subscriber number split (`0755-8888 1234`).
    ['phone=0755-8888 1234 build=1.2.3', 'phone', '0755-8888 1234'],
    ['phone=0755-888 1234 ok', 'phone', '0755-888 1234'],
    // After a country code the national number unbroken (`+34 612345678`, libphonenumber's ES example).
    ['手机号：+34 612345678 订单号：202612032304377094', '手机号', '+34 612345678'],
    ['tel=+34 612345678 order=1', 'tel', '+34 612345678'],
    // or dashed as its region writes it (`138-0013-8000`, `415-555-0123`)
    ['mobile=+86 138-0013-8000 err=timeout', 'mobile', '+86 138-0013-8000'],
    ['phone=+1 415-555-0123 200 ok', 'phone', '+1 415-555-0123'],
    // German subscriber numbers run to 9 or 10 digits after the area code (`030 727242413`).
    ['phone=030 727242413 build=5.18.13', 'phone', '030 727242413'],
    ['contactPhone=0241 3444171420 order=202612032581373777', 'contactPhone', '0241 3444171420'],
    ['phone=+49 491 690583496 build=6.6.5', 'phone', '+49 491 690583496'],
    ['phone=+49 30 727242413 200 ok', 'phone', '+49 30 727242413'], // the long group ends it
    // A credit code printed 4-4-4-4-2 whose last two chars are capitals: its check char says so.
    ['uscc=' + USCC_LETTER_TAIL + ' build=4.3.20', 'uscc', USCC_LETTER_TAIL],
    // A bank account printed 4-4-4-4-3 is one value even when its first 16 digits pass Luhn and the
    // 19 do not (accounts have no Luhn digit): the short group is never cut off as "the next field",
    // though `card=… 200` then takes the status with it (fail closed: three digits of an account).
    [`bank_account=${ACCOUNT_19} cost=42692s`, 'bank_account', ACCOUNT_19],
  ])('%s', (line, key, value) => {
    expect(pairs(line)[0]).toEqual([key, expect.any(String), value]);
  });

  it.each([
    ['uid=10086 13800138000', '10086'], // an 11-digit token is not a group of the first
    ['code=200 OK', '200'], // capitals without a digit are a word
    ['id=1234 ABCD next', '1234'], // capitals after groups of four: kept only when a group with a digit follows
    ['n=1234 5678 ABCD EFGH', '1234 5678'],
    ['code=12345 ABCD 12', '12345'], // not printed in fours
    ['n=1234 ABCDE 12', '1234'],
    ['status=OK 12 items', 'OK'], // two capitals and a number: no IBAN's country code and check digits
    ['cc=DE 89 next', 'DE'],
    ['cc=DE 89 1234 5678', 'DE'], // too short for an IBAN (Norway's 15 chars are the shortest)
    ['cc=de 89 37040 044 053201 3000', 'de'], // apart only in upper case
    ['n=5 items', '5'],
    ['v=12 34=x', '12'], // a group glued to `=` is a key
    ['name=Zhang San', 'Zhang'],
    ['t=1700000000 2', '1700000000'], // only a short first group starts a grouped number
    ['phone: 0912 345 678 2026-12-03 ok', '0912 345 678'], // a date is no group of a phone
    ['phone: 0912 345 678 03-12-2026 ok', '0912 345 678'],
    ['n=12 2026-12-03T10:00:00Z', '12'],
    ['phone=201-555-0123 x2 times', '201-555-0123'], // `x2` is a count: an extension has two digits
    ['id=12 x1234', '12'], // no phone before it: no extension
    ['n=5 items x1234', '5'],
    ['n=12 918003845 ok', '12'], // an unbroken run follows a bracketed area code only
    ['code=(81) 91800384512 ok', '(81)'], // longer than a subscriber number
    ['ref=abc1 cd34 ef', 'abc1'], // lower-case groups follow only an IBAN's head (two letters, two digits)
    ['iban=nl37 next=2', 'nl37'], // a lower-case word after the head is a group only with four chars
    ['phone=0755-8888 1234 200 ok', '0755-8888 1234'], // the landline's other half ends it: a status follows
    ['phone=0755-8888 12345678 ok', '0755-8888'], // not a subscriber number's other half
    ['ts=2026-12-03 1234 ok', '2026-12-03'], // a date is no landline
    ['tel=+34 612345678 200 ok', '+34 612345678'], // the unbroken national number ends it
    ['id=+1 1234567890123456 x', '+1'], // longer than any national number
    ['id=+12345 612345678 x', '+12345'], // no country code is that long
    ['n=12 918003845 ok', '12'], // a long group follows a phone's head only (trunk 0 or `+`)
    ['phone=030 72724241312 ok', '030'], // longer than a subscriber number
    ['phone=030 12 3456 727242413 ok', '030 12 3456'], // a long group ends a head of at most two groups…
    ['n=0301 2345 6789 727242413 ok', '0301 2345 6789'], // …so a longer grouped number stops before it
    ['card=4111 1111 1111 1111 OK', '4111 1111 1111 1111'], // two capitals without a credit code's check char
  ])('%s: the value is %s', (line, value) => {
    expect(pairs(line)[0][2]).toBe(value);
  });
});

describe('key: value', () => {
  it('English: a space after the colon; `,` `;` end a value', () => {
    expect(pairs('user: alice, email: a@example.com; role: admin')).toEqual([
      ['user', 'plain', 'alice'],
      ['email', 'plain', 'a@example.com'],
      ['role', 'plain', 'admin'],
    ]);
    expect(pairs('Host:\tapi.example.com')).toEqual([['Host', 'plain', 'api.example.com']]);
  });

  it('Chinese full-width colon, with or without a space; full-width punctuation ends a value', () => {
    expect(pairs('姓名：张三 地址：北京市朝阳区建国路88号，手机：13800138000；邮编： 100020。')).toEqual([
      ['姓名', 'plain', '张三'],
      ['地址', 'plain', '北京市朝阳区建国路88号'],
      ['手机', 'plain', '13800138000'],
      ['邮编', 'plain', '100020'],
    ]);
    expect(pairs('用户注册成功，联系人：李四（手机：13800138000）')).toEqual([
      ['联系人', 'plain', '李四（手机'], // `（` does not end a value…
      ['手机', 'plain', '13800138000'], // …but a value that runs into a colon holds the next key
    ]);
    expect(pairs('（姓名：王五）')).toEqual([['姓名', 'plain', '王五']]);
  });

  it('a value that runs into a colon is also the next key: nested labels, fields without separators', () => {
    expect(pairs('收货人信息：联系人：周八，电话：13800138000')).toEqual([
      ['收货人信息', 'plain', '联系人'],
      ['联系人', 'plain', '周八'],
      ['电话', 'plain', '13800138000'],
    ]);
    expect(pairs('姓名：张三手机：13800138000')).toEqual([
      ['姓名', 'plain', '张三手机'],
      ['张三手机', 'plain', '13800138000'],
    ]);
    expect(pairs('user: name: alice')).toEqual([
      ['user', 'plain', 'name'],
      ['name', 'plain', 'alice'],
    ]);
  });

  it('timestamps, ports, URLs and `::` are not pairs', () => {
    expect(pairs('2024-01-01T12:00:00Z 12:00:00 http://example.com:8080/a std::string ::1')).toEqual([]);
  });

  it('quoted keys and values: Python dicts, JSON that did not parse', () => {
    expect(pairs("{'name': 'Zhang San', 'age': 30, 'note': 'it\\'s'}")).toEqual([
      ['name', 'single', 'Zhang San'],
      ['age', 'plain', '30'],
      ['note', 'single', "it\\'s"],
    ]);
    expect(pairs('"user": "alice", "id":7')).toEqual([
      ['user', 'quoted', 'alice'],
      ['id', 'plain', '7'],
    ]);
  });

  it('a value with pairs inside gives its pairs, not itself', () => {
    expect(pairs('body: name=Zhang%20San&phone=13800138000')).toEqual([
      ['name', 'logfmt', 'Zhang%20San'],
      ['phone', 'url', '13800138000'],
    ]);
    expect(pairs('url: /search?q=a')).toEqual([['q', 'url', 'a']]);
  });

  it('ASCII `key: value` with a bare key is prose; full-width colons and quoted keys are not', () => {
    const line = 'passport no: E55512345 姓名：张三 "user": "a" \'k\': v';
    expect(findKeyValues(line).map((s) => [s.path[0], s.prose === true])).toEqual([
      ['no', true],
      ['姓名', false],
      ['user', false],
      ['k', false],
    ]);
    expect(findKeyValues('a=1 ?b=2 {"c":"3"}').some((s) => s.prose)).toBe(false);
  });

  it('a Java exception is harmless: its "key" is not a rule anyone writes', () => {
    expect(pairs('Caused by: java.lang.IllegalStateException: duplicate key')).toEqual([
      ['by', 'plain', 'java.lang.IllegalStateException'],
      ['java.lang.IllegalStateException', 'plain', 'duplicate'],
    ]);
  });
});

describe('URL query strings', () => {
  it('pairs after `?` and `&`, %-decoded and `+` read as a space', () => {
    const line = '"GET /api/v1/users?name=Zhang%20San&phone=13800138000&q=a+b&page=2 HTTP/1.1" 200';
    expect(pairs(line)).toEqual([
      ['name', 'url', 'Zhang%20San'],
      ['phone', 'url', '13800138000'],
      ['q', 'url', 'a+b'],
      ['page', 'url', '2'],
    ]);
    expect(values(line)).toEqual([
      ['name', 'Zhang San'],
      ['phone', '13800138000'],
      ['q', 'a b'],
      ['page', '2'],
    ]);
  });

  it('UTF-8 escapes, %40 in emails, encoded keys, a fragment, empty values', () => {
    const line = '/p?%E5%A7%93%E5%90%8D=%E5%BC%A0%E4%B8%89&email=a%40example.com&user%5Bname%5D=x&empty=&t=1#frag';
    expect(values(line)).toEqual([
      ['姓名', '张三'],
      ['email', 'a@example.com'],
      ['user[name]', 'x'],
      ['t', '1'],
    ]);
  });

  it('malformed %-escapes leave the value as written', () => {
    expect(values('/p?q=100%&r=%E5%A7')).toEqual([
      ['q', '100%'],
      ['r', '%E5%A7'],
    ]);
  });

  it('a phone in a query value is taken whole over its inner spaces, up to the next pair or fragment', () => {
    expect(pairs('GET /a?mobile=+33 6 12 34 56 78&x=1')).toEqual([
      ['mobile', 'url', '+33 6 12 34 56 78'],
      ['x', 'url', '1'],
    ]);
    expect(pairs('GET /a?tel=138 0013 8000#top')[0]).toEqual(['tel', 'url', '138 0013 8000']);
    expect(pairs('GET /a?mobile=+86 138 0013 8000 HTTP/1.1')[0]).toEqual(['mobile', 'url', '+86 138 0013 8000']);
    // Without `+` and not running up to `&` or `#`: the status and size after a URL are not its value.
    expect(pairs('GET /p?page=2 200 512')[0]).toEqual(['page', 'url', '2']);
    expect(pairs('GET /p?id=12 200 512 "-"')[0]).toEqual(['id', 'url', '12']);
  });

  it('a `?` that starts no pair is just text', () => {
    expect(pairs('really? yes')).toEqual([]);
  });
});

describe('embedded JSON objects', () => {
  it('string values with their JSON paths inside the object; the pair around it is not a value', () => {
    const line = '2024-01-01T12:00:00Z INFO payload={"user":{"name":"张三","email":"x@example.com"}} status=ok';
    expect(pairs(line)).toEqual([
      ['user.name', 'json', '张三'],
      ['user.email', 'json', 'x@example.com'],
      ['status', 'logfmt', 'ok'],
    ]);
  });

  it('arrays, numbers as written, literals and empty strings', () => {
    const line = 'x {"items":[{"card":"4111"},{"card":"5500"}],"n":1.50,"big":-2e+3,"ok":true,"none":null,"e":"","o":{},"a":[]} y';
    expect(pairs(line)).toEqual([
      ['items.0.card', 'json', '4111'],
      ['items.1.card', 'json', '5500'],
      ['n', 'number', '1.50'],
      ['big', 'number', '-2e+3'],
    ]);
    expect(findKeyValues(line)[0].path).toEqual(['items', 0, 'card']); // indexes are numbers
  });

  it('escapes in values and keys', () => {
    const line = '{"msg":"say \\"hi\\"","name":"\\u5f20\\u4e09","a\\"b":"v","path":"C:\\\\tmp"}';
    expect(values(line)).toEqual([
      ['msg', 'say "hi"'],
      ['name', '张三'],
      ['a"b', 'v'],
      ['path', 'C:\\tmp'],
    ]);
  });

  it('whitespace inside, a whole NDJSON line, two objects in one line, an object inside `[…]`', () => {
    expect(pairs('{ "a" : "x" ,\t"b" : [ 1 , "y" ] }')).toEqual([
      ['a', 'json', 'x'],
      ['b.0', 'number', '1'],
      ['b.1', 'json', 'y'],
    ]);
    expect(pairs('req={"a":"1"} resp={"b":"2"}')).toEqual([
      ['a', 'json', '1'],
      ['b', 'json', '2'],
    ]);
    expect(pairs('items=[{"card":"x"}]')).toEqual([['card', 'json', 'x']]);
  });

  it('`=` `:` `?` inside JSON strings make no pairs', () => {
    expect(pairs('{"url":"/a?name=x&b=2","note":"k: v"}')).toEqual([
      ['url', 'json', '/a?name=x&b=2'],
      ['note', 'json', 'k: v'],
    ]);
  });

  it('malformed JSON is no JSON: no JSON paths, its text is read as text', () => {
    // truncated: the quoted keys still give pairs, one key each, no path
    expect(pairs('payload={"user":{"name":"张三", broken')).toEqual([['name', 'quoted', '张三']]);
    // single quotes, trailing comma, bad escape, control char, leading zero: none is JSON
    for (const line of ["{'a':'b'}", '{"a":"b",}', '{"a":"\\x"}', '{"a":"b\tc"}', '{"a":01}', '{"a" "b"}', '{a:1}']) {
      expect(pairs(line).filter(([, enc]) => enc === 'json' || enc === 'number')).toEqual([]);
    }
    expect(pairs('{user} {} {{}}')).toEqual([]);
  });

  it('nesting deeper than 64 is not read as JSON', () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}"v"${'}'.repeat(n)}`;
    expect(pairs(deep(64))).toEqual([[Array(64).fill('a').join('.'), 'json', 'v']]);
    // 65 levels: the outer object is not read; the next `{` starts 64 levels that are
    expect(pairs(deep(65))).toEqual([[Array(64).fill('a').join('.'), 'json', 'v']]);
  });

  // Hostile 200 KB lines: each test checks what is read (no clock: a quadratic path takes minutes
  // here and fails by the test's timeout). Where the reading is not obvious, the spans must at least
  // lie inside the line, in order and apart.
  const inOrder = (line: string) => {
    const spans = findKeyValues(line);
    spans.forEach((s, i) => {
      expect(s.start).toBeGreaterThanOrEqual(i ? spans[i - 1].end : 0);
      expect(s.end).toBeLessThanOrEqual(line.length);
    });
    return spans;
  };
  it('200 KB hostile lines are read in linear time, and read right', () => {
    expect(inOrder('{"a":'.repeat(40_000))).toEqual([]); // no object ever closes, no `=`
    expect(inOrder('='.repeat(200_000))).toEqual([]); // no key
    // `a="a="…`: each `a="` opens a quoted value that the next `"` closes: `a=`
    const quotes = pairs('a="'.repeat(60_000));
    expect(quotes.length).toBe(30_000);
    expect(new Set(quotes.map((p) => p.join(' ')))).toEqual(new Set(['a quoted a=']));
    // `k：k：…`: every `：` but the last has a key before it and a value after it
    const colons = pairs('k：'.repeat(100_000));
    expect(colons.length).toBe(99_999);
    expect(new Set(colons.map((p) => p.join(' ')))).toEqual(new Set(['k plain k']));
    // one bare value to the end of the line
    const commas = `a=${',b'.repeat(100_000)}`;
    expect(pairs(commas)).toEqual([['a', 'logfmt', commas.slice(2)]]);
    for (const line of [`a=${')'.repeat(200_000)}`, `card=${'1 '.repeat(100_000)}`]) {
      const spans = inOrder(line);
      expect(spans.length).toBe(1);
      expect(line.slice(0, spans[0].start)).toMatch(/^[a-z]+=$/);
    }
    inOrder("'k': '".repeat(30_000));
    inOrder(`${'a'.repeat(200_000)}=1`);
  }, 60_000);
});

describe('lines without structure', () => {
  it.each([
    [''],
    ['plain words only'],
    ['2024-01-01T12:00:00.123Z INFO [main] c.e.user.UserService - user login succeeded 8d3f-11ee'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36'],
    ['用户登录成功 耗时 35ms'],
  ])('%j: the shared empty list', (line) => {
    expect(findKeyValues(line)).toBe(NO_SPANS);
  });

  it('spans are sorted, never overlap and lie inside the line, whatever the input', () => {
    const alphabet = fc.constantFrom('a', 'k', '1', ' ', '=', ':', '：', '?', '&', ',', '"', "'", '\\', '{', '}', '[', ']', '张', '%', 'E', '5');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (line) => {
        let at = 0;
        for (const s of findKeyValues(line)) {
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(line.length);
          at = s.end;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fixes from the cross-format property test', () => {
  it('a dotted logfmt key is a path (slog nested fields)', () => {
    const spans = findKeyValues('level=info user.phone=13800138000 a..b=1');
    expect(spans.map((s) => s.path)).toEqual([['level'], ['user', 'phone'], ['a', 'b']]);
  });
  it('a bare value does not take the quote that closes a quoted stretch around its pair', () => {
    const line = 'WARN "retry for phone=13800138000" attempt=2';
    const [phone] = findKeyValues(line);
    expect(line.slice(phone.start, phone.end)).toBe('13800138000');
  });
});

describe('a note between a key and its colon belongs to the key', () => {
  it('`Name (full): `, `姓名（中文）：`, `IMEI [slot 1]: `', () => {
    expect(pairs('Name (full): Zhang, Phone (mobile): 2025550143')).toEqual([
      ['Name (full)', 'plain', 'Zhang'],
      ['Phone (mobile)', 'plain', '2025550143'],
    ]);
    expect(pairs('姓名（中文）：张三 IMEI [slot 1]: 86')).toEqual([
      ['姓名（中文）', 'plain', '张三'],
      ['IMEI [slot 1]', 'plain', '86'],
    ]);
  });
  it('a bracket that is no note, or no key before it, keeps the old reading', () => {
    expect(pairs('(full): Zhang').map((p) => p[0])).toEqual([]);
    expect(pairs('see (12345678): x').map((p) => p[0])).toEqual([]);
  });
});

describe('an IPv6 address ending in :: keeps its colons (issue 10 §2)', () => {
  // Generated in 2001:db8::/32: 1 to 5 random groups after the prefix, then `::`.
  const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
  const compressed = fc.array(hex, { minLength: 1, maxLength: 5 }).map((gs) => `2001:db8:${gs.join(':')}::`);
  it('as a logfmt value, a key: value and before a comma', () => {
    fc.assert(
      fc.property(compressed, (ip) => {
        expect(pairs(`update remote_addr=${ip} build=2.15.2`)).toEqual([['remote_addr', 'logfmt', ip], ['build', 'logfmt', '2.15.2']]);
        expect(pairs(`客户端地址 client_ip: ${ip} 登录成功`)).toEqual([['client_ip', 'plain', ip]]);
        expect(pairs(`src=${ip}, dst=192.0.2.1`)).toEqual([['src', 'logfmt', ip], ['dst', 'logfmt', '192.0.2.1']]);
      }),
    );
    expect(pairs('peer=fe80:: up=1')).toEqual([['peer', 'logfmt', 'fe80::'], ['up', 'logfmt', '1']]);
  });
  it('other trailing colons are still punctuation', () => {
    expect(pairs('ns=std:: next=1')).toEqual([['ns', 'logfmt', 'std'], ['next', 'logfmt', '1']]);
    expect(pairs('at=2001:db8: x=1')).toEqual([['at', 'logfmt', '2001:db8'], ['x', 'logfmt', '1']]);
    expect(pairs('tag=ab: x=1')).toEqual([['tag', 'logfmt', 'ab'], ['x', 'logfmt', '1']]);
  });
});

describe('a bracket a colon value opens and does not close before a space is no value', () => {
  it('a shell prompt after a key: the line keeps it whole', () => {
    expect(pairs('2026-12-02T22:49:08.442Z session.log: [abc12@web01 ~]$ sudo systemctl restart nginx')).toEqual([]);
    expect(pairs('会话 terminal: [li_na@db1 /var/log]# tail syslog')).toEqual([]);
    expect(pairs('note: (see below) phone=13800138000')).toEqual([['phone', 'logfmt', '13800138000']]);
  });
  it('near misses: a bracket closed inside the value, or a list, is still a value', () => {
    expect(pairs('phone: (021) 6552 9988 ok')).toEqual([['phone', 'plain', '(021) 6552 9988']]);
    expect(pairs('msg: [INFO] x')).toEqual([['msg', 'plain', '[INFO]']]);
    expect(pairs('ip: [2001:db8::1]:8080 up')).toEqual([['ip', 'plain', '[2001:db8::1]:8080']]);
    expect(pairs('ids: [12, 34]')).toEqual([['ids', 'plain', '[12']]);
  });
});

describe("single-quoted values: key='value' (Python's repr, XML attributes, Java toString)", () => {
  it('the value is what the quotes hold; the quotes are not part of it', () => {
    expect(pairs("User(name='Zhang San', email='zs@example.com', age=34)")).toEqual([
      ['name', 'single', 'Zhang San'],
      ['email', 'single', 'zs@example.com'],
      ['age', 'logfmt', '34'],
    ]);
    expect(values("note='it\\'s fine' x=1")).toEqual([
      ['note', "it's fine"],
      ['x', '1'],
    ]);
  });

  it("a ' with a letter or digit after it is an apostrophe, not the closing quote", () => {
    expect(pairs("name='Siobhan O'Brien' id=7")).toEqual([
      ['name', 'single', "Siobhan O'Brien"],
      ['id', 'logfmt', '7'],
    ]);
    expect(pairs("msg='it's done', code=0")).toEqual([
      ['msg', 'single', "it's done"],
      ['code', 'logfmt', '0'],
    ]);
  });

  it("single quotes around pairs hold those pairs (Linux audit's msg='…')", () => {
    expect(pairs(`msg='op=login acct="alice" addr=192.0.2.4 res=failed'`)).toEqual([
      ['op', 'logfmt', 'login'],
      ['acct', 'quoted', 'alice'],
      ['addr', 'logfmt', '192.0.2.4'],
      ['res', 'logfmt', 'failed'], // the closing quote is the msg's
    ]);
  });

  it('near misses: an unclosed quote leaves a bare value; an empty one none', () => {
    expect(pairs("name='Zhang")).toEqual([['name', 'logfmt', "'Zhang"]]);
    expect(pairs("name='' x=1")).toEqual([['x', 'logfmt', '1']]);
  });
});

describe('hashes as Ruby, Perl and PHP print them (=>)', () => {
  it("Ruby's inspect (Rails' Parameters), symbols, Perl's Data::Dumper", () => {
    expect(values('Parameters: {"user"=>{"name"=>"Zhang San", "age"=>34}, "commit"=>"Sign up"}')).toEqual([
      ['name', 'Zhang San'],
      ['age', '34'],
      ['commit', 'Sign up'],
    ]);
    expect(values('{:name=>"Zhang San", :id=>7}')).toEqual([
      ['name', 'Zhang San'],
      ['id', '7'],
    ]);
    expect(values("$VAR1 = { 'name' => 'Zhang San', 'uid' => 1001 };")).toEqual([
      ['name', 'Zhang San'],
      ['uid', '1001'],
    ]);
  });

  it("PHP's print_r: a bare value runs to the next [key] => or the line's end", () => {
    expect(values('Array ( [name] => Zhang San [email] => zs@example.com [id] => 42 )')).toEqual([
      ['name', 'Zhang San'],
      ['email', 'zs@example.com'],
      ['id', '42'],
    ]);
    expect(values('    [name] => Zhang San')).toEqual([['name', 'Zhang San']]);
  });

  it('near misses: no key, an arrow alone, a nested hash gives its own pairs', () => {
    expect(pairs('=> x')).toEqual([]);
    expect(pairs('a => ')).toEqual([]);
    expect(values('"user"=>{"name"=>"x"}')).toEqual([['name', 'x']]);
  });
});

describe('a name attribute of an XML element is read under its element', () => {
  it.each([
    ["<Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>", 'Provider.#attributes.Name'],
    ['<user name="Zhang San" id="42"/>', 'user.#attributes.name'],
    ['<Provider Guid="{x}" EventSourceName="Service Control Manager" Name="Service Control Manager"/>', 'Provider.#attributes.Name'],
  ])('%s', (line, path) => {
    const paths = pairs(line).map(([p]) => p);
    expect(paths).toContain(path);
    expect(paths.filter((p) => /^name$/i.test(p))).toEqual([]);
  });

  it('near misses: outside a start tag, or another key, the path is the key alone', () => {
    expect(pairs('<b>name=Zhang</b>')).toEqual([['name', 'logfmt', 'Zhang</b>']]);
    expect(pairs('a < b name=x')).toEqual([['name', 'logfmt', 'x']]);
    expect(pairs("<user id='42'/>")).toEqual([['id', 'single', '42']]);
  });
});

describe('an element that names its field in a Name attribute (Windows event XML)', () => {
  it("its text is the named field's value; the name is a key, not a value", () => {
    expect(pairs('<Data Name="TargetUserName">jdoe</Data>')).toEqual([['TargetUserName', 'bare', 'jdoe']]);
    expect(pairs('<EventData><Data Name="SubjectUserName">SYSTEM</Data><Data Name="LogonType">3</Data><Data Name="IpAddress">192.0.2.4</Data></EventData>')).toEqual([
      ['SubjectUserName', 'bare', 'SYSTEM'],
      ['LogonType', 'bare', '3'],
      ['IpAddress', 'bare', '192.0.2.4'],
    ]);
    expect(pairs('<Data Name="TargetUserName"></Data> x=1')).toEqual([['x', 'logfmt', '1']]); // empty: no value, and the name is none
  });

  it.each([
    // A `name` attribute's path holds its element: whose name it is (src/policy/name-owners.ts).
    ['another element', '<param Name="user">bob</param>', [['param.#attributes.Name', 'quoted', 'user']]],
    ['another attribute', '<Data Type="TargetUserName">jdoe</Data>', [['Type', 'quoted', 'TargetUserName']]],
    ['a name with a space is a value', '<Data Name="Olivia Martin">x</Data>', [['Data.#attributes.Name', 'quoted', 'Olivia Martin']]],
    ['a text past the bound', `<Data Name="Message">${'x'.repeat(300)}</Data>`, []],
    ['a nested element', '<Data Name="Info"><b>x</b></Data>', []],
  ])('%s: no element value', (_why, line, expected) => {
    expect(pairs(line)).toEqual(expected);
  });
});
