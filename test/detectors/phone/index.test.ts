import type { CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import phone, { DEFAULT_PHONE_REGIONS, makePhoneDetector } from '../../../detectors/phone/index.js';
import type { ValidateContext } from '../../../detectors/index.js';
import { compileScanner } from '../../../src/detect/scan.js';
import { findWith } from '../../support/scan.js';

/*
 * Where the values come from (none is a real subscriber's number):
 * - CN 138 0013 8000 / 139 1234 5678: mobile blocks 138/139 of the MIIT plan (1[3-9] + 9 digits);
 *   010/021/0755 + 8-digit local numbers and 0631 (Weihai) + 7 digits are the landline plan.
 *   `0755-1234567` is NOT valid: Shenzhen's local numbers have 8 digits in libphonenumber's metadata.
 * - US: 555-0100…555-0199 are the exchanges reserved for fiction; the area codes 201/212 are real, so
 *   (201) 555-0123 is valid. Area code 555 itself does not exist: (555) 234-5678 is invalid.
 * - GB: 020 7946 0xxx is Ofcom's drama range for London. Ofcom's drama mobiles 07700 900xxx are not
 *   valid in libphonenumber's metadata, so the mobile here is its documented example 07400 123456.
 * - FR: 01 99 00 xx xx is ARCEP's range for fiction. DE, JP, IN, HK and the FR mobile are
 *   libphonenumber's documented example numbers (getExampleNumber): DE 030 123456 / 01512 3456789,
 *   JP 03-1234-5678 / 090-1234-5678, IN 081234 56789 / 011 2345 6789, HK 2123 4567 / 5123 4567,
 *   FR 06 12 34 56 78.
 * E.164 is `+` country code + the national number without its trunk prefix, written out by hand.
 */

const scanner = compileScanner([phone]);
const scoreOf = (text: string): number[] => scanner.scan(text).map((f) => f.score);
const phones = (text: string): string[] => findWith(phone, text).map(([, v]) => v);

describe('PHONE: national numbers of each default region, as written', () => {
  // [region, written, E.164]
  const table: Array<[CountryCode, string, string]> = [
    ['CN', '13800138000', '+8613800138000'],
    ['CN', '138 0013 8000', '+8613800138000'],
    ['CN', '138-0013-8000', '+8613800138000'],
    ['CN', '139 1234 5678', '+8613912345678'],
    ['CN', '010-12345678', '+861012345678'],
    ['CN', '010 1234 5678', '+861012345678'],
    ['CN', '(021)12345678', '+862112345678'],
    ['CN', '(021) 1234 5678', '+862112345678'],
    ['CN', '021 1234 5678', '+862112345678'],
    ['CN', '021-1234-5678', '+862112345678'],
    ['CN', '0755-12345678', '+8675512345678'],
    ['CN', '0631-1234567', '+866311234567'],
    ['US', '(201) 555-0123', '+12015550123'],
    ['US', '(201)555-0123', '+12015550123'],
    ['US', '201-555-0123', '+12015550123'],
    ['US', '201.555.0123', '+12015550123'],
    ['US', '201 555 0123', '+12015550123'],
    ['US', '1-201-555-0123', '+12015550123'],
    ['US', '(212) 555-0100', '+12125550100'],
    ['GB', '020 7946 0958', '+442079460958'],
    ['GB', '07400 123456', '+447400123456'],
    ['DE', '030 12345678', '+493012345678'],
    ['DE', '030 123456', '+4930123456'],
    ['DE', '01512 3456789', '+4915123456789'],
    ['FR', '01 99 00 12 34', '+33199001234'],
    ['FR', '06 12 34 56 78', '+33612345678'],
    ['JP', '03-1234-5678', '+81312345678'],
    ['JP', '090-1234-5678', '+819012345678'],
    ['IN', '81234 56789', '+918123456789'],
    ['IN', '081234 56789', '+918123456789'],
    ['IN', '011 2345 6789', '+911123456789'],
  ];

  it.each(table)('%s %j is found whole by the default detector', (_region, written) => {
    expect(phones(`x ${written} y`)).toEqual([written]);
  });

  it.each(table)('%s %j normalizes to %s with that region', (region, written, e164) => {
    const only = makePhoneDetector([region]);
    expect(findWith(only, written).map(([, v]) => v)).toEqual([written]);
    expect(only.normalize!(written)).toBe(e164);
  });

  it('reads a number valid in several regions as the first configured one', () => {
    // 020 7946 0958 is London's drama range and a valid Guangzhou (020) number: CN comes first.
    expect(phone.normalize!('020 7946 0958')).toBe('+862079460958');
    expect(makePhoneDetector(['GB', 'CN']).normalize!('020 7946 0958')).toBe('+442079460958');
  });

  it('needs a context word for HK digit pairs (no national prefix to tell them from counts)', () => {
    expect(phones('2123 4567')).toEqual([]);
    expect(phones('5123 4567')).toEqual([]);
    expect(phones('tel: 2123 4567')).toEqual(['2123 4567']);
    expect(phones('手机 5123 4567')).toEqual(['5123 4567']);
    expect(phone.normalize!('2123 4567')).toBe('+85221234567');
    expect(findWith(phone, '5123 4567', { key: 'mobile' })).toEqual([['PHONE', '5123 4567']]);
  });
});

describe('PHONE: international numbers (any country)', () => {
  const table: Array<[string, string]> = [
    ['+86 138 0013 8000', '+8613800138000'],
    ['+86-138-0013-8000', '+8613800138000'],
    ['+8613800138000', '+8613800138000'],
    ['+86 10 1234 5678', '+861012345678'],
    ['0086 138 0013 8000', '+8613800138000'],
    ['0086-138-0013-8000', '+8613800138000'],
    ['008613800138000', '+8613800138000'],
    ['+1 201-555-0123', '+12015550123'],
    ['+1 (201) 555-0123', '+12015550123'],
    ['+12015550123', '+12015550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0)20 7946 0958', '+442079460958'],
    // The trunk 0 written after the country code by mistake; libphonenumber's parser drops it too.
    ['+44 020 7946 0958', '+442079460958'],
    ['+86 0755 1234 5678', '+8675512345678'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+49 30 12345678', '+493012345678'],
    ['+49 1512 3456789', '+4915123456789'],
    // A subscriber number of 9 digits in one group after the area code (libphonenumber: valid fixed line).
    ['+49 32 446465401', '+4932446465401'],
    ['+49 491 690583496', '+49491690583496'],
    ['+33 1 99 00 12 34', '+33199001234'],
    ['+81 3-1234-5678', '+81312345678'],
    ['+81 90 1234 5678', '+819012345678'],
    ['+91 81234 56789', '+918123456789'],
    ['+852 2123 4567', '+85221234567'],
    ['+852 5123 4567', '+85251234567'],
    // Not among the default regions: the country code is enough (libphonenumber's example numbers).
    ['+65 8123 4567', '+6581234567'],
    ['+61 412 345 678', '+61412345678'],
    ['+55 11 96123 4567', '+5511961234567'],
    ['+7 912 345 67 89', '+79123456789'],
    ['+82 10 2000 0000', '+821020000000'],
  ];

  it.each(table)('%j is found and normalizes to %s', (written, e164) => {
    expect(phones(`call ${written} now`)).toEqual([written]);
    expect(phone.normalize!(written)).toBe(e164);
  });

  it('finds them with any region set', () => {
    const usOnly = makePhoneDetector(['US']);
    expect(findWith(usOnly, '+86 138 0013 8000').map(([, v]) => v)).toEqual(['+86 138 0013 8000']);
    expect(findWith(usOnly, '138 0013 8000')).toEqual([]);
  });

  it('accepts the whole `(+86) …` form when offered at the bracket', () => {
    const text = '(+86) 138 0013 8000';
    const ctx: ValidateContext = { context: false, negative: false, field: false };
    expect(phone.validate!(text, 0, text.length, ctx)).toBeGreaterThan(0.9);
  });

  it('rejects invalid international numbers', () => {
    expect(phones('+1 555 234 5678')).toEqual([]); // area code 555 does not exist
    expect(phones('+44 7700 900123')).toEqual([]); // not valid in libphonenumber's GB metadata
    expect(phones('+999 1234 5678')).toEqual([]); // no such country code
    expect(phones('+86 1380013800')).toEqual([]); // one digit short
    expect(phones('+86 138 0013 800')).toEqual([]);
    expect(phones('+86 138 0013 80000')).toEqual([]); // one digit long
  });

  it('reads a bare `00` run only as a CN mobile or with a context word (zero-padded ids)', () => {
    expect(phones('id=0012015550123')).toEqual([]);
    expect(phones('tel 0012015550123')).toEqual(['0012015550123']);
    expect(phones('000000138001380')).toEqual([]);
  });

  it('reads a CN mobile right after its country code without the `+` (SMS gateways log them so)', () => {
    expect(phones('sms deliver to 8613800138000 status=ok')).toEqual(['8613800138000']);
    expect(phones('短信发送 手机:8613912345678 成功')).toEqual(['8613912345678']);
    expect(phone.normalize!('8613800138000')).toBe('+8613800138000');
    // Not a mobile after 86 (12 is no mobile block), other country codes, or a longer run.
    expect(phones('seq 8612800138000 ok')).toEqual([]);
    expect(phones('seq 4413800138000 ok')).toEqual([]);
    expect(phones('seq 86138001380001 ok')).toEqual([]);
    // An order word before it, as for the 11-digit form.
    expect(phones('order 8613800138000')).toEqual([]);
    // `86` as a group of its own, the mobile grouped 3-4-4.
    for (const written of ['86 138 0013 8000', '86-138-0013-8000']) {
      expect(phones(`sms to ${written} ok`)).toEqual([written]);
      expect(phone.normalize!(written)).toBe('+8613800138000');
    }
    expect(phones('sms to 86 1380 013 8000 ok')).toEqual([]); // not how a CN mobile is grouped
    expect(phones('sms to 86 128 0013 8000 ok')).toEqual([]); // 12 is no mobile block
  });
});

describe('PHONE: near misses in logs are not phones', () => {
  const table: Array<[string, string]> = [
    ['compact timestamp', 'batch_20260224122641 done'],
    ['compact timestamp', 'ts=20260224122641'],
    ['HDFS date and time', '081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 terminating'],
    ['epoch millis', 'at 1708761601123 ok'],
    ['epoch seconds', 'exp=1708761601'],
    ['ISO timestamp', '2026-02-24 12:26:41,123'],
    ['ISO timestamp', '2026-02-24T12:26:41.123456Z'],
    ['amount', 'amount=27,240.52'],
    ['amount', '¥1,380,013.80'],
    ['amount', 'total 13800138000.00'],
    ['thousands', 'rows 12 345 678'],
    ['thousands', 'rows 1.234.567.890'],
    ['version', 'version=10.0.10625.1189'],
    ['version', 'os=Windows 6.1.7601.23505'],
    ['OID', 'oid=1.3.6.1.4.1.311.21.7'],
    ['IPv4', 'from 192.0.2.17:50010'],
    ['IPv4', 'peer 198.51.100.218:4515'],
    ['UUID', 'request_id=414f2caf-0851-4902-a4a7-c67e2a1b3c4d'],
    ['UUID', 'traceId: 2e026c80-0377-4812-8970-43372749a1b2'],
    ['MAC', 'mac 06-74-04-32-34-0F'],
    ['EC2 host', 'host=ip-10-248-241-115.ec2.internal'],
    ['HDFS block', 'Deleting block blk_-1608999687919862906'],
    ['snowflake id', '"id":1824133681961895957'],
    ['port', 'listen 0.0.0.0:8080'],
    ['pid', 'pid=4194304'],
    ['duration', 'took 15000ms'],
    ['byte count', 'bytes=2147483647'],
    ['card-like groups', 'ref 5103 0852 6810 5380'],
    ['card-like groups with a 00 group', 'ref 6521 0036 3283 9107'],
    ['00 inside a dashed id', 'ssn 226-49-0049 1730339998'],
    ['card number after a label', '卡号:6232 0574 7127 6433'],
    ['card number after a label', '卡号:3455 099100 63357'],
    ['account after a label', '账号:1297 0981 3849 took 97.2ms'],
    ['Cisco MAC', 'mac 0621.5916.fa0a'],
    ['IBAN groups', 'iban=BE45 0780 3612 1183'],
    ['IBAN groups', 'GB70 LOYD 0049 0752 4827 32'],
    ['dashed id', 'sn 2024-13800138000'],
    ['dashed id', '13800138000-01'],
    ['US digits without grouping', 'id 2015550123'],
    ['GB number without its 0', 'x 20 7946 0958'],
    ['CN landline without its 0', 'x 10 1234 5678'],
    ['invalid CN landline', '0755-1234567'],
    ['invalid US area code', '(555) 234-5678'],
    ['order number', 'order 13800138000'],
    ['order number', '订单号:13800138000'],
    ['transaction number', 'txn=13800138000'],
    ['too short', 'code 1380013'],
    ['too long', '138001380001'],
  ];

  it.each(table)('%s: %j', (_kind, text) => {
    expect(phones(text)).toEqual([]);
  });

  it('does not read epoch seconds or compact timestamps as phones even with a context word', () => {
    expect(phones('phone=+8613800138000 1758709385')).toEqual(['+8613800138000']);
    expect(phones('手机号:13800138000 20260509094458')).toEqual(['13800138000']);
    expect(phones('tel: 1708761601')).toEqual([]);
  });
});

describe('PHONE: context', () => {
  it('finds ungrouped national numbers after a phone word or under a phone key', () => {
    expect(phones('phone: 2015550123')).toEqual(['2015550123']);
    expect(phone.normalize!('2015550123')).toBe('+12015550123');
    expect(phones('tel 02079460958')).toEqual(['02079460958']);
    expect(findWith(phone, '2015550123', { key: 'phoneNumber' })).toEqual([['PHONE', '2015550123']]);
    expect(phones('电话:8123456789')).toEqual(['8123456789']);
  });

  it('keeps the national prefix rules with a context word', () => {
    expect(phones('tel: 2079460958 ')).toEqual(['2079460958']); // US (207) 946-0958, not London
    expect(makePhoneDetector(['GB']).normalize!('02079460958')).toBe('+442079460958');
    // GB alone does not read it as London without its 0; after the phone word it is still a phone:
    // a valid number of another region (US, Maine's 207), read as one.
    expect(findWith(makePhoneDetector(['GB']), 'tel: 2079460958')).toEqual([['PHONE', '2079460958']]);
    expect(makePhoneDetector(['GB']).normalize!('2079460958')).toBe('+12079460958');
  });

  it('drops a national number after an order word unless a phone word is there too', () => {
    expect(phones('order 201-555-0123')).toEqual([]);
    expect(phones('订单 138 0013 8000')).toEqual([]);
    expect(phones('order 12345, phone 13800138000')).toEqual(['13800138000']);
    expect(phones('订单号:13800138000 手机:13912345678')).toEqual(['13912345678']);
    // The order word labels the number right after it, not the one after that.
    expect(phones('serial=9063547552795721 13800138000')).toEqual(['13800138000']);
    expect(phones('订单号:276915294495175 025-30320793')).toEqual(['025-30320793']);
    // The country code is a phone's own mark.
    expect(phones('order by +86 138 0013 8000')).toEqual(['+86 138 0013 8000']);
  });
});

describe('PHONE: scores', () => {
  it('scores by how sure the form is', () => {
    expect(scoreOf('+86 138 0013 8000')).toEqual([0.95]);
    expect(scoreOf('13800138000')).toEqual([0.95]);
    expect(scoreOf('(201) 555-0123')).toEqual([0.9]);
    expect(scoreOf('tel: 2123 4567')).toEqual([0.9]);
    expect(scoreOf('phone: 2015550123')).toEqual([0.85]);
  });
});

describe('PHONE: spans', () => {
  it('ends the span where the phone ends, before the next field', () => {
    expect(phones('phone=13800138000 status=200 1234')).toEqual(['13800138000']);
    expect(phones('[req 7f3a] 1708761601 13800138000 200 4512')).toEqual(['13800138000']);
    expect(phones('mobile=+86 151 9165 7954 1768305761')).toEqual(['+86 151 9165 7954']);
    expect(phones('tel: 020 7946 0680 1773782640')).toEqual(['020 7946 0680']);
    expect(phones('mobile=+49 32 446465401 1773782640')).toEqual(['+49 32 446465401']);
    expect(phones('call 201-555-0123 2 times')).toEqual(['201-555-0123']);
  });

  it('keeps the country code: the international span wins over the national one inside it', () => {
    expect(scanner.scan('x +86 138 0013 8000 y').map((f) => [f.start, f.end])).toEqual([[2, 19]]);
    expect(phones('tel +44 (0)20 7946 0958.')).toEqual(['+44 (0)20 7946 0958']);
  });

  it('finds a phone after a timestamp or a long id', () => {
    expect(phones('12:00:00 138 0013 8000')).toEqual(['138 0013 8000']);
    expect(phones('batch_20240527205242 029-74443901 ok')).toEqual(['029-74443901']);
    expect(phones('uid=2002312987141443267 131 5975 0912')).toEqual(['131 5975 0912']);
  });
});

describe('PHONE: realistic log lines, phones next to look-alikes', () => {
  const table: Array<[string, string[]]> = [
    ['2026-02-24 12:26:41,123 INFO [pid 4812] sms sent to 13800138000 in 235ms bytes=1048576', ['13800138000']],
    // A `,` and three digits after an unbroken 11-digit run is a list's next item, not a thousands group.
    ['notify [13800138000,100] retry', ['13800138000']],
    ['peers=13800138000,192.0.2.1', ['13800138000']],
    ['total ¥1,380,013,800,500 ok', []],
    ['081109 203615 148 INFO dfs.DataNode: Receiving block blk_-1608999687919862906 src: /192.0.2.17:50010', []],
    ['user=alice phone=+1 (201) 555-0123 order_id=20260224122641 amount=27,240.52', ['+1 (201) 555-0123']],
    ['callback from +44 20 7946 0958 at 1708761601123, retry 3 of 5, v10.0.10625.1189', ['+44 20 7946 0958']],
    ['GET /api/v2/users/13800138000/orders?ts=1708761601 HTTP/1.1" 200 5123 0.012', ['13800138000']],
    ['{"name":"Bob","tel":"(212) 555-0100","fax":"(212) 555-0199","zip":"10001","build":"6.1.7601.23505"}', ['(212) 555-0100', '(212) 555-0199']],
    ['HK office tel: 2123 4567, fax 2123 4568; see the ticket queue for case 5123 4567', ['2123 4567', '2123 4568']],
    ['2026-02-24T12:26:41Z 用户 张三 手机号 138 0013 8000，订单号 20260224122641，金额 ¥27,240.52', ['138 0013 8000']],
    ['联系电话：010-12345678 转 8001，版本 10.0.10625.1189，耗时 1500ms', ['010-12345678 转 8001']],
    ['客服热线 (021)12345678 / 0755-12345678，请求ID=2e026c80-0377-4812-8970-43372749a1b2', ['(021)12345678', '0755-12345678']],
    ['[2026-02-24 12:26:41] 实名认证 通过 手机:+86-139-1234-5678 IP 198.51.100.23 端口:8443', ['+86-139-1234-5678']],
    ['订单号:13800138000 已发货，收件人手机:13912345678，金额 ¥1,380,013.80', ['13912345678']],
    ['Bonjour, rappelez le 01 99 00 12 34 ou le +33 6 12 34 56 78 avant 18:00', ['01 99 00 12 34', '+33 6 12 34 56 78']],
    ['Rückruf unter 030 12345678, Vorgang 2026-02-24/4711, Betrag 1.234,56 EUR', ['030 12345678']],
    ['お問い合わせ 03-1234-5678 受付番号 20260224-0001', ['03-1234-5678']],
  ];

  it.each(table)('%j', (line, expected) => {
    expect(phones(line)).toEqual(expected);
  });
});

describe('PHONE: configuration', () => {
  it('defaults to CN, US, GB, DE, FR, JP, IN, HK', () => {
    expect([...DEFAULT_PHONE_REGIONS]).toEqual(['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK']);
  });

  it('finds national numbers of the configured regions only', () => {
    const gb = makePhoneDetector(['GB']);
    expect(findWith(gb, '020 7946 0958').map(([, v]) => v)).toEqual(['020 7946 0958']);
    expect(findWith(gb, '13800138000')).toEqual([]);
    expect(findWith(gb, '(201) 555-0123')).toEqual([]);
    const sg = makePhoneDetector(['SG']);
    expect(findWith(sg, 'tel: 8123 4567').map(([, v]) => v)).toEqual(['8123 4567']);
    expect(sg.normalize!('8123 4567')).toBe('+6581234567');
  });

  it('rejects unknown or missing regions when it is made', () => {
    expect(() => makePhoneDetector(['XX' as CountryCode])).toThrow(/unknown region XX/);
    expect(() => makePhoneDetector([])).toThrow(/no regions/);
  });

  it('normalizes what it cannot read to + and digits', () => {
    // No region's plan has numbers of all zeros.
    expect(makePhoneDetector(['GB']).normalize!('0000 000 000')).toBe('0000000000');
  });
});

describe('PHONE: linear on hostile input', () => {
  const MB = 1 << 20;
  it.each([
    ['1 1 1 1', '1 '.repeat(MB / 2)],
    ['+1 +1 +1', '+1 '.repeat(MB / 3)],
    ['(1)(1)(1)', '(1)'.repeat(MB / 3)],
    ['1-1-1-1', '1-'.repeat(MB / 2)],
    ['0 0 0 0', '0 '.repeat(MB / 2)],
    ['digits', '7'.repeat(MB)],
  ])('%s finishes with no phone', (_name, input) => {
    expect(findWith(phone, input)).toEqual([]);
  }, 30_000);

  it('finds every phone of a long list', () => {
    const n = 5000;
    expect(findWith(phone, '13800138000, '.repeat(n))).toHaveLength(n);
  }, 30_000);
});

describe('PHONE: calling codes several countries share', () => {
  // libphonenumber's own example mobiles (examples.mobile.json): valid for CA, JM, KZ and GG, which
  // share +1, +7 and +44 with the US, RU and GB that a bare `+cc` number is checked against first.
  it.each([
    ['call from +1 506-234-5678 failed', '+1 506-234-5678'],
    ['phone=+18762101234', '+18762101234'],
    ['tel +7 771 000 9998', '+7 771 000 9998'],
    ['mobile +44 7781 123456', '+44 7781 123456'],
  ])('%s', (text, value) => {
    expect(findWith(phone, text)).toEqual([['PHONE', value]]);
  });
});

describe('PHONE: after an abbreviation with a dot', () => {
  it.each([['Tel.13800138000', '13800138000'], ['Mob.138-0013-8000', '138-0013-8000'], ['No.13800138000', '13800138000']])('%s', (text, value) => {
    expect(findWith(phone, text)).toEqual([['PHONE', value]]);
  });
  it('a dot after a digit still joins (a version, not a phone)', () => {
    expect(findWith(phone, 'v1.13800138000')).toEqual([]);
  });
});
