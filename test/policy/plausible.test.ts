import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { settle, type FieldAction } from '../../src/policy/fields.js';
import { isIdentifier, isPlaceholder, isPlausible } from '../../src/policy/plausible.js';

const card = (payload: string) => payload + luhnCheckDigit(payload);
const IMEI = card('86012345678901');

describe('placeholders stay as they are', () => {
  it.each(['', ' ', '-', '--', 'null', 'NULL', 'None', 'N/A', 'n/a', 'unknown', 'undefined', '(null)', '***', '******', 'XXX-XX-XXXX', 'xxxx', '####', '0000', '000000000000000', '00:00:00:00:00:00', '0.0.0.0', '无', '未知'])(
    '%j',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );
  it.each(['0', 'x', 'X', 'Alice', '13800138000', '138****8000', '4111 **** **** 1111', 'no', 'nan', 'XO', '0001', 'Na', 'NA'])('%j is a value', (v) =>
    expect(isPlaceholder(v)).toBe(false),
  );
});

describe('a value must be plausible for a type guessed from its field name', () => {
  it.each<[Parameters<typeof isPlausible>[0], string]>([
    ['PHONE', '13800138000'],
    ['PHONE', '+86 138 0013 8000'],
    ['PHONE', '(202) 555-0143 ext. 12'],
    ['PHONE', '0755-8888 1234'],
    ['PHONE', '"1380013'], // cut off in a broken JSON text: still a phone's digits
    ['EMAIL', 'alice@example.com'],
    ['EMAIL', 'alice%40example.com'],
    ['IP_ADDRESS', '203.0.113.9'],
    ['IP_ADDRESS', '2001:db8::17'],
    ['IP_ADDRESS', 'fe80::1%eth0'],
    ['MAC_ADDRESS', '00:00:5e:00:53:af'],
    ['MAC_ADDRESS', '0000.5e00.53af'],
    ['MAC_ADDRESS', '00 00 5E 00 53 AF'],
    ['PHONE', '0755-88881234 分机 8001'],
    ['PHONE', '+12025550143;ext=12'],
    ['IMEI', IMEI],
    ['PAYMENT_CARD', card('411111111111111')],
    ['PAYMENT_CARD', '4111 1111 1111 1111'],
    ['CN_RESIDENT_ID', '110105199003071239'],
    ['PERSON_NAME', 'Zhang San'],
    ['PERSON_NAME', '张三'],
    ['PERSON_NAME', "O'Brien"],
    ['PERSON_NAME', 'McDonald'],
    ['PERSON_NAME', 'alice.w'], // an account name
    ['PERSON_NAME', 'J.R.R.'],
    ['ADDRESS', 'Room 1203, 8 Example Road'],
    ['ADDRESS', '北京市朝阳区示例路8号'],
    ['ADDRESS', 'Beijing'],
    ['DEVICE_ID', '6D92078A-8246-4BA4-AE5B-76104861E7DC'],
    ['POSTAL_CODE', '100020'],
    ['POSTAL_CODE', 'SW1A 1AA'],
    ['GEO', '39.90421,116.40739'],
    ['GENDER', 'F'],
    ['GENDER', '1'],
  ])('%s %j: plausible', (type, v) => expect(isPlausible(type, v)).toBe(true));

  it.each<[Parameters<typeof isPlausible>[0], string]>([
    ['PHONE', 'true'],
    ['PHONE', '3'],
    ['PHONE', 'call 13800138000 after 6pm'], // words: scanned, and the number is found there
    ['EMAIL', 'false'],
    ['EMAIL', '12'],
    ['IP_ADDRESS', '10.20.30'],
    // With a port, brackets or a list: scanned, so the port and separators stay as written.
    ['IP_ADDRESS', '203.0.113.9:8443'],
    ['IP_ADDRESS', '[2001:db8::1]:443'],
    ['IP_ADDRESS', '203.0.113.9, 198.51.100.2'],
    ['IP_ADDRESS', 'db01.example.com'],
    ['IP_ADDRESS', '北京市朝阳区'],
    ['MAC_ADDRESS', 'a4:5e:60:12:9f'],
    ['IMEI', '3'],
    ['PAYMENT_CARD', 'VISA'],
    ['PAYMENT_CARD', '411111'],
    ['CN_RESIDENT_ID', 'yes'],
    ['PERSON_NAME', 'com.example.app'],
    ['PERSON_NAME', 'IOReporter'],
    ['PERSON_NAME', 'UserServiceImpl'],
    ['PERSON_NAME', 'db01.example.com'],
    ['PERSON_NAME', 'nginx-7d9f8c5b6-x2k4p'],
    ['PERSON_NAME', '12345'],
    ['PERSON_NAME', 'true'],
    ['ADDRESS', '0x0003f2a0'],
    ['ADDRESS', '203.0.113.9'],
    ['ADDRESS', 'db01.example.com:5432'],
    ['ADDRESS', 'https://example.com/a'],
    ['ADDRESS', '140737488355328'],
    ['ADDRESS', 'localhost'],
    ['ADDRESS', 'alice@example.com'],
    ['ADDRESS', 'any'],
    ['DEVICE_ID', '3'],
    ['DEVICE_ID', '42'],
    ['POSTAL_CODE', 'ZIP'],
    ['GEO', 'home'],
  ])('%s %j: not plausible', (type, v) => expect(isPlausible(type, v)).toBe(false));

  it('tells code from names', () => {
    for (const v of ['com.example.app', 'IOReporter', 'HTTPClient', 'a::b', 'C:\\x', '/var/log', '0xdeadbeef', 'host:8080']) expect(isIdentifier(v)).toBe(true);
    // An error's class, as `{"err":{"name":"TypeError"}}` records it.
    for (const v of ['Error', 'TypeError', 'PaymentError', 'NullPointerException']) expect(isIdentifier(v)).toBe(true);
    for (const v of ['Alice', 'ZHANG', 'Zhang San', 'LeBlanc', 'bob_smith', 'alice99', 'Errol', 'Terror']) expect(isIdentifier(v)).toBe(false);
  });
});

describe('settle: what a field rule does with this very value', () => {
  const guessed = (type: Parameters<typeof isPlausible>[0]): FieldAction => ({ kind: 'as', type, guessed: true });
  const explicit = (type: Parameters<typeof isPlausible>[0]): FieldAction => ({ kind: 'as', type });

  it('keeps placeholders and what operators wrote, under guessed and explicit rules alike', () => {
    for (const v of ['-', '***', 'null', 'N/A', 'none', 'unknown', '<PHONE>', '138****8000', 'PHONE_k3j7abcdefgh2345']) {
      expect(settle(guessed('PHONE'), v).kind, v).toBe('keep');
      expect(settle(explicit('PHONE'), v).kind, v).toBe('keep');
    }
    expect(settle(explicit('US_SSN'), 'XXX-XX-XXXX').kind).toBe('keep');
    expect(settle(explicit('US_SSN'), '000000000').kind).toBe('keep');
    expect(settle(explicit('MAC_ADDRESS'), '00:00:00:00:00:00').kind).toBe('keep');
  });

  it('scans the next word after a label whose value is gone, when the type was guessed', () => {
    expect(settle(guessed('CN_PASSPORT'), 'cn_passport=').kind).toBe('scan');
    expect(settle(guessed('TW_NATIONAL_ID'), 'retry').kind).toBe('scan');
    expect(settle(guessed('MAC_ADDRESS'), 'rev=2a0a67e7e882').kind).toBe('scan');
  });

  it('replaces a value that can be of the type, and any non-placeholder under an explicit rule', () => {
    expect(settle(guessed('PHONE'), '+86 138 0013 8000').kind).toBe('as');
    expect(settle(guessed('MAC_ADDRESS'), 'aa:bb:cc:dd:ee:ff').kind).toBe('as');
    expect(settle(guessed('PERSON_NAME'), 'Zhang San').kind).toBe('as');
    expect(settle(guessed('EMAIL'), 'a@example.com').kind).toBe('as');
    expect(settle(explicit('US_SSN'), '000-12-3456').kind).toBe('as'); // invalid, but not a placeholder
    expect(settle(explicit('PERSON_NAME'), 'com.example.app').kind).toBe('as'); // the user's word
  });
});

describe('a value a field rule cannot take is scanned, not passed on (fail closed)', () => {
  it('an ID under an email key, a phone under an ip key: found by the scan', async () => {
    const { createAnonymizer } = await import('../../src/anonymizer.js');
    const { visitLine } = await import('../../src/formats/text.js');
    const { anonymizingVisitor, scanningVisitor } = await import('../../src/visitors.js');
    const a = createAnonymizer();
    // GB 11643: 11010519491231002 → check char X (weights 2^(17-i) mod 11, sum mod 11 = 2 → 'X').
    expect(visitLine(anonymizingVisitor(a), 'email=11010519491231002X status=ok', 0)).toBe('email=<CN_RESIDENT_ID> status=ok');
    expect(visitLine(anonymizingVisitor(a), 'email=N/A status=ok', 0)).toBe('email=N/A status=ok');
    const found: string[] = [];
    visitLine(scanningVisitor(a, (r) => found.push(`${r.field}:${r.finding.type}`)), 'email=11010519491231002X', 0);
    expect(found).toEqual(['email:CN_RESIDENT_ID']);
  });
});
