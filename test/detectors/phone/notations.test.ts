import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { drawMany, valid } from '../../support/phones.js';
import type { Rng } from '../../../bench/random.js';
import phone, { makePhoneDetector } from '../../../detectors/phone/index.js';
import { maskPhone } from '../../../detectors/phone/mask.js';
import { findWith } from '../../support/scan.js';

/*
 * The notations of issue 10. Every number is drawn here from a seeded generator and kept only when
 * libphonenumber-js (full metadata) says `+cc national` is valid: the test's own check, independent of
 * how the detector reads spans. Where a value is fixed it is a range reserved for fiction (US 555-01xx,
 * London's 020 7946 0xxx) or libphonenumber's documented example number; E.164 forms are written out
 * from the drawn digits, not taken from the detector.
 */

const phones = (text: string): string[] => findWith(phone, text).map(([, v]) => v);



const CN_AREAS: ReadonlyArray<[string, number]> = [['10', 8], ['21', 8], ['20', 8], ['755', 8], ['571', 8], ['28', 8]];
const CN_MOBILE_BLOCKS = ['130', '135', '138', '139', '150', '158', '176', '186', '199'];

describe('CN landlines with the subscriber number split by a space or dash', () => {
  const numbers = CN_AREAS.flatMap(([area, len], k) =>
    drawMany(100 + k, 3, '86', (r) => area + r.int(2, 8) + r.digits(len - 1)).map((n) => [area, n.slice(area.length)] as const),
  );
  const forms = (area: string, local: string): string[] => {
    const a = local.slice(0, local.length - 4);
    const b = local.slice(-4);
    return [`0${area}-${a} ${b}`, `0${area} ${a}-${b}`, `0${area} ${a} ${b}`, `(0${area}) ${a}-${b}`, `(0${area}) ${a} ${b}`];
  };

  it.each(numbers)('0%s %s in every split, in English and Chinese lines', (area, local) => {
    for (const written of forms(area, local)) {
      expect(phones(`INFO callback to ${written} queued`), written).toEqual([written]);
      expect(phones(`联系电话：${written}，请回电`), written).toEqual([written]);
      expect(phone.normalize!(written)).toBe(`+86${area}${local}`);
    }
  });

  it('near misses: a digit short or long, a date and a count, a year before a split number', () => {
    const [area, local] = numbers[0];
    const a = local.slice(0, 4);
    expect(phones(`x 0${area}-${a} ${local.slice(4, 7)} y`)).toEqual([]); // subscriber digit missing
    expect(phones(`x 0${area}-${a} ${local.slice(4)}5 y`)).not.toContain(`0${area}-${a} ${local.slice(4)}5`);
    expect(phones('backup 2026-1203 1234 done')).toEqual([]);
    // A year and a space before a split landline: not the rest of a grouped IBAN.
    expect(phones(`since 2025 0${area}-${a} ${local.slice(4)} ok`)).toEqual([`0${area}-${a} ${local.slice(4)}`]);
  });
});

describe('country codes in brackets without `+`', () => {
  const hk = drawMany(200, 3, '852', (r) => r.pick(['5', '6', '9']) + r.digits(7));
  const cn = drawMany(201, 3, '86', (r) => r.pick(CN_MOBILE_BLOCKS) + r.digits(8));
  const cases: Array<[string, string]> = [
    ...hk.map((n): [string, string] => [`(852) ${n.slice(0, 4)} ${n.slice(4)}`, `+852${n}`]),
    ...cn.map((n): [string, string] => [`(86)${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`, `+86${n}`]),
    ...cn.map((n): [string, string] => [`(86) ${n}`, `+86${n}`]),
    ['(44) 20 7946 0958', '+442079460958'],
    ['(44) 020 7946 0958', '+442079460958'], // the trunk 0 some write after the code
    ['(33) 6 12 34 56 78', '+33612345678'],
  ];

  it.each(cases)('%s is %s', (written, e164) => {
    expect(valid(e164)).toBe(true);
    expect(phones(`call ${written} now`)).toEqual([written]);
    expect(phones(`请拨打${written}联系客服`)).toEqual([written]);
    expect(phone.normalize!(written)).toBe(e164);
  });

  it('`00` and the country code in brackets', () => {
    const [n] = drawMany(202, 1, '27', (r) => '66' + r.digits(7));
    expect(phones(`update phone=(0027) ${n} ok`)).toEqual([`(0027) ${n}`]);
    expect(phone.normalize!(`(0027) ${n}`)).toBe(`+27${n}`);
  });

  it('after a phone word the `00` group may run into the number', () => {
    const [se] = drawMany(203, 1, '46', (r) => '1' + r.digits(7));
    const [ru] = drawMany(204, 1, '7', (r) => '3' + r.digits(9));
    expect(phones(`update phone=00${'46' + se.slice(0, 1)} ${se.slice(1)} ok`)).toEqual([`0046${se.slice(0, 1)} ${se.slice(1)}`]);
    expect(phones(`update phone=(007${ru.slice(0, 1)}) ${ru.slice(1)} ok`)).toEqual([`(007${ru.slice(0, 1)}) ${ru.slice(1)}`]);
    // Without the word such a run is as often a zero-padded id.
    expect(phones(`ref 0046${se.slice(0, 1)} ${se.slice(1)} ok`)).toEqual([]);
  });

  it('a US area code that is also a country code stays a US number', () => {
    // 212 is Morocco's code and Manhattan's area code: (212) 555-0100 is the fictional US number.
    expect(phones('call (212) 555-0100 now')).toEqual(['(212) 555-0100']);
    expect(phone.normalize!('(212) 555-0100')).toBe('+12125550100');
  });

  it('near misses: no valid number after the code, counts in brackets', () => {
    expect(valid('+8612800138000')).toBe(false);
    expect(phones('call (86) 128 0013 8000 now')).toEqual([]); // 12 is no mobile block
    expect(phones('retries (3) 1234 5678 done')).toEqual([]);
    expect(phones('items (12) 345 678 sold')).toEqual([]);
    expect(phones('worker (852) 1234 done')).toEqual([]);
  });
});

/**
 * Regions outside the defaults, national numbers as their people write them. They are phones after a
 * phone word or as a phone field's value (any region's valid number), not in bare text.
 */
const OTHER: ReadonlyArray<[CountryCode, string, (r: Rng) => string, (n: string) => string[]]> = [
  ['ES', '34', (r) => '6' + r.digits(8), (n) => [`${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`, n]],
  ['IT', '39', (r) => '3' + r.pick(['20', '33', '47', '80', '93']) + r.digits(7), (n) => [`${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `${n.slice(0, 3)} ${n.slice(3)}`]],
  ['RU', '7', (r) => '9' + r.digits(9), (n) => [`8 (${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`, `8 ${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`, `8${n}`]],
  ['BR', '55', (r) => r.pick(['11', '21', '31', '41']) + '9' + r.digits(8), (n) => [`(${n.slice(0, 2)}) ${n.slice(2, 7)}-${n.slice(7)}`, `(${n.slice(0, 2)}) ${n.slice(2)}`]],
  ['KR', '82', (r) => '10' + r.digits(8), (n) => [`0${n.slice(0, 2)}-${n.slice(2, 6)}-${n.slice(6)}`, `0${n}`]],
  ['TW', '886', (r) => '9' + r.digits(8), (n) => [`0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`, `0${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`]],
  ['NL', '31', (r) => '6' + r.digits(8), (n) => [`0${n.slice(0, 1)} ${n.slice(1)}`, `0${n.slice(0, 1)}-${n.slice(1)}`]],
  ['JP', '81', (r) => '3' + r.digits(8), (n) => [`0${n.slice(0, 1)}-${n.slice(1, 5)}-${n.slice(5)}`]],
];

describe('national numbers of every region after a phone word', () => {
  const cases = OTHER.flatMap(([region, cc, draw, ways], k) =>
    drawMany(300 + k, 2, cc, draw).flatMap((n) => ways(n).map((w) => [region, w, `+${cc}${n}`] as const)),
  );

  it.each(cases)('%s %s after phone=, tel:, mobile:, 手机号：, 联系电话', (_region, written, e164) => {
    expect(valid(e164)).toBe(true);
    for (const line of [`phone=${written} status=ok`, `tel: ${written}`, `INFO mobile: ${written} verified`, `手机号：${written}，已验证`, `客户联系电话 ${written} 已登记`]) {
      expect(phones(line), line).toEqual([written]);
    }
  });

  it('with dots, as Spain writes them too, but not a version or an IP after the word', () => {
    const [n] = drawMany(404, 1, '34', OTHER[0][2]);
    const dotted = `${n.slice(0, 3)}.${n.slice(3, 6)}.${n.slice(6)}`;
    expect(phones(`update phone=${dotted} build=6.12.7`)).toEqual([dotted]);
    expect(phones(`手机号：${dotted} 订单号：202612039138249694`)).toEqual([dotted]);
    expect(phones('phone sdk 10.0.10625.1189')).toEqual([]);
    expect(phones('phone app 1.22.333.4444')).toEqual([]);
    expect(phones('phone gateway 198.51.100.23')).toEqual([]);
  });

  it('normalizes them to their own region', () => {
    const [, cc, draw, ways] = OTHER[0];
    const [n] = drawMany(400, 1, cc, draw);
    expect(phone.normalize!(ways(n)[0])).toBe(`+34${n}`);
  });

  it('as a phone field value (the key is the word)', () => {
    const [, cc, draw, ways] = OTHER[3];
    const [n] = drawMany(401, 1, cc, draw);
    expect(findWith(phone, ways(n)[0], { key: 'mobile' }).map(([, v]) => v)).toEqual([ways(n)[0]]);
  });

  it('not in bare text: without `+` or a phone word their digits are as often counts and ids', () => {
    const es = drawMany(402, 1, '34', OTHER[0][2])[0];
    const br = drawMany(403, 1, '55', OTHER[3][2])[0];
    expect(phones(`processed ${es.slice(0, 3)} ${es.slice(3, 6)} ${es.slice(6)} rows`)).toEqual([]);
    expect(phones(`worker (${br.slice(0, 2)}) ${br.slice(2, 7)}-${br.slice(7)} done`)).toEqual([]);
  });

  it('found bare once their region is configured, if it has a trunk prefix (README)', () => {
    const configured = makePhoneDetector(['CN', 'US', 'TW', 'BR', 'RU', 'ES']);
    const found = (text: string) => findWith(configured, text).map(([, v]) => v);
    for (const [region, , draw, ways] of OTHER.filter(([r]) => r === 'TW' || r === 'BR' || r === 'RU')) {
      const [n] = drawMany(405, 1, region === 'TW' ? '886' : region === 'BR' ? '55' : '7', draw);
      expect(found(`x ${ways(n)[0]} y`), region).toEqual([ways(n)[0]]);
    }
    const [es] = drawMany(406, 1, '34', OTHER[0][2]);
    expect(found(`x ${OTHER[0][3](es)[0]} y`)).toEqual([]); // Spain writes no trunk prefix
  });

  it('look-alikes after a phone word stay: durations, epoch times, dates, versions, amounts, ports, pids, ids', () => {
    for (const line of [
      'phone verify took 5311ms',
      'phone verified at 1708761601123',
      'phone verified at 1708761601',
      'phone batch 20261203 done',
      'phone sync ts 20261203124705',
      'phone sdk 10.0.10625.1189',
      'phone bill 27,240.52',
      'phone gateway 192.0.2.17:8080',
      'phone worker pid 123456',
      'phone=13800138000 order=20251203123456', // the order id: the phone word names the first value
      'tel: 2026-12-03 12:47:05',
      '手机号 更新于 2026-12-03',
      'mobile: v1.2.3',
    ]) {
      const found = phones(line);
      expect(found.every((v) => v === '13800138000'), `${line}: ${JSON.stringify(found)}`).toBe(true);
    }
  });
});

describe('international numbers of every country, separators mixed after the code', () => {
  const cases = OTHER.flatMap(([region, cc, draw], k) =>
    drawMany(500 + k, 2, cc, draw).map((n) => [region, parsePhoneNumberFromString(`+${cc}${n}`, region)!.formatInternational(), `+${cc}${n}`] as const),
  );
  const handWritten: Array<[string, string]> = [
    ['+55 11 91234-5678', '+5511912345678'],
    ['+7 912 345-67-89', '+79123456789'],
    ['+39 312 345 6789', '+393123456789'],
    ['+7 (912) 345-67-89', '+79123456789'],
    ['+82 10-1234-5678', '+821012345678'],
  ];

  it.each(cases)('%s %s (libphonenumber international format)', (_region, written, e164) => {
    expect(phones(`sms to ${written} ok`)).toEqual([written]);
    expect(phones(`短信发送至${written}成功`)).toEqual([written]);
    expect(phone.normalize!(written)).toBe(e164);
  });

  it.each(handWritten)('%s', (written, e164) => {
    expect(valid(e164)).toBe(true);
    expect(phones(`x ${written} y`)).toEqual([written]);
    expect(phone.normalize!(written)).toBe(e164);
  });

  it('near misses: too long or short after the code, a version or date after +', () => {
    // Its tail `91234-56789` is an Indian mobile as India groups them, but here the end of a longer number.
    expect(phones('x +55 11 91234-56789 y')).toEqual([]);
    expect(phones('x +7 912 345-67-8 y')).toEqual([]);
    expect(phones('offset +1 2026-12-03 y')).toEqual([]);
  });
});

describe('bare CN mobiles inside Chinese sentences', () => {
  const mobiles = drawMany(600, 4, '86', (r) => r.pick(CN_MOBILE_BLOCKS) + r.digits(8));

  it.each(mobiles)('%s: run, 3-4-4 with spaces or dashes, glued to Chinese on both sides', (n) => {
    const spaced = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    const dashed = `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
    for (const written of [n, spaced, dashed]) {
      expect(phones(`请致电${written}联系`)).toEqual([written]);
      expect(phones(`手机${written}已绑定`)).toEqual([written]);
      expect(phones(`客户${written}来电咨询`)).toEqual([written]);
    }
  });

  it('near misses: an order number, a 12-digit run, a non-mobile block', () => {
    const [n] = mobiles;
    expect(phones(`订单${n}已发货`)).toEqual([]);
    expect(phones(`流水号${n}9已入账`)).toEqual([]);
    expect(phones('请致电128 0013 8000联系')).toEqual([]);
  });
});

describe('extensions are part of the finding', () => {
  const us = ['(201) 555-0123', '201-555-0123', '+1 201-555-0123', '+1 (212) 555-0100'];
  const markers = [' x1234', ' X1234', 'x1234', 'X12', ' ext. 12', ' ext 12', ' Ext: 77', ' extension 4', ' #123', ' x 1234'];

  it.each(us)('%s with every marker', (number) => {
    for (const ext of markers) {
      const written = number + ext;
      expect(phones(`call ${written} now`), written).toEqual([written]);
      expect(phones(`call ${written}, thanks`), written).toEqual([written]);
    }
  });

  it('转 / 分机 after CN numbers, and a landline\'s dash extension', () => {
    const [landline] = drawMany(700, 1, '86', (r) => '10' + r.int(2, 8) + r.digits(7));
    const local = landline.slice(2);
    for (const written of [`010-${local} 转 8001`, `010-${local}转8001`, `010-${local}分机12`, `(010)${local}-8001`, `010-${local}-8001`]) {
      expect(phones(`联系电话：${written}，谢谢`), written).toEqual([written]);
      expect(phones(`call ${written} now`), written).toEqual([written]);
    }
    expect(phone.normalize!(`010-${local}-8001`)).toBe(`+8610${local};ext=8001`);
  });

  it('normalizes to E.164 and ;ext= (RFC 3966), masks the extension whole', () => {
    expect(phone.normalize!('201-555-0123 x1234')).toBe('+12015550123;ext=1234');
    expect(phone.normalize!('201-555-0123x1234')).toBe('+12015550123;ext=1234');
    expect(phone.normalize!('010-12345678 转 8001')).toBe('+861012345678;ext=8001');
    expect(maskPhone('201-555-0123 x1234', '+12015550123;ext=1234')).toBe('201-***-0123 x****');
    expect(maskPhone('+86 138 0013 8000转8001', '+8613800138000;ext=8001')).toBe('+86 138 **** 8000转****');
  });

  it('near misses: a count after the number, letters glued, an id dashed on, no number before', () => {
    expect(phones('call 201-555-0123 x2 times')).toEqual(['201-555-0123']);
    expect(phones('call 201-555-0123 x1234abc')).toEqual(['201-555-0123']);
    expect(phones('call 201-555-0123 #1 ok')).toEqual(['201-555-0123']);
    expect(phones('mount 201-555-0123 ext4 ok')).toEqual(['201-555-0123']);
    expect(phones('size 201-555-0123x1 ok')).toEqual([]); // one digit glued on: not a number's end
    expect(phones('res 1920x1080 ok')).toEqual([]);
    expect(phones('grid 13800138000x2 ok')).toEqual([]);
    expect(phones('build 2024-13800138000-01 ok')).toEqual([]);
    expect(phones('size 1234 x1234 px')).toEqual([]);
    // A dash extension only after a landline's area code and local number, not after a mobile.
    expect(phones('ref 13800138000-12 ok')).toEqual([]);
  });
});

describe('false positives: slash-joined numbers and ids glued with `_`', () => {
  it('HAProxy timers are not a US phone, even when they spell a valid one', () => {
    // `212 200 1234` (the last timer, the status, the bytes) is a valid US number on its own.
    expect(valid('+12122001234')).toBe(true);
    const line = 'haproxy[123]: 192.0.2.7:5872 [03/Dec/2026:12:47:05.123] www~ app/web02 0/0/1/129/212 200 1234 - - ---- 1/1/0/0/0 0/0 "GET / HTTP/1.1"';
    expect(phones(line)).toEqual([]);
    expect(phones('timers 0/0/1/129/130 200 1234')).toEqual([]);
    expect(phones('ratio 212 200 1234/5 ok')).toEqual([]);
    // A phone after a slash that follows a word is still one (a URL path).
    expect(phones('GET /users/13800138000/profile')).toEqual(['13800138000']);
  });

  it('template and message ids glued with `_` are ids, also after a phone word', () => {
    expect(phones('send TPL_20251234567 ok')).toEqual([]);
    expect(phones('sms send TPL_20251234567 ok')).toEqual([]);
    expect(phones('sms template SMS_TPL_2015550123 ok')).toEqual([]); // a valid US number's digits
    expect(valid('+12015550123')).toBe(true);
    expect(phones('tel job_0312345678 done')).toEqual([]);
  });

  it('decided: a whole CN mobile glued with `_` is the user\'s number (cache keys embed it)', () => {
    const [n] = drawMany(800, 1, '86', (r) => r.pick(CN_MOBILE_BLOCKS) + r.digits(8));
    for (const key of ['SMS_TPL_', 'sms_code_', 'user_', 'login_fail_']) expect(phones(`redis get ${key}${n} ok`)).toEqual([n]);
    // Not a mobile: 12 is no mobile block, and 12 digits are no mobile.
    expect(phones('send SMS_TPL_12800138000 ok')).toEqual([]);
    expect(phones(`send SMS_TPL_${n}1 ok`)).toEqual([]);
    // `_` before the number without a word: a separator, the phone is found.
    expect(phones(`sms _${n} ok`)).toEqual([n]);
  });
});

describe('a whole unnamed value (ScanPlace.whole: a bound SQL string whose statement was not seen)', () => {
  const es = makePhoneDetector(['CN', 'US', 'ES', 'IT', 'FR']);
  const whole = (text: string) => findWith(es, text, { whole: true }).map(([, v]) => v);
  const bare = (text: string) => findWith(es, text).map(([, v]) => v);
  const spain = drawMany(500, 3, '34', (r) => r.pick(['6', '9']) + r.digits(8));
  const italy = drawMany(501, 3, '39', (r) => '06' + r.digits(r.int(6, 8)));
  const france = drawMany(502, 3, '33', (r) => String(r.int(1, 5)) + r.digits(8));
  const national = (cc: string, n: string) => parsePhoneNumberFromString(`+${cc}${n}`)!.formatNational();

  it('a configured region\'s number in its own grouping, or as one run with its leading 0, is a phone', () => {
    const cases = [...spain.map((n) => national('34', n)), ...italy.map((n) => national('39', n)), ...france.map((n) => national('33', n))];
    cases.push(...italy.map((n) => n), ...france.map((n) => `0${n}`));
    let needMark = 0;
    for (const written of cases) {
      expect(whole(written), written).toEqual([written]);
      // Numbers that need the mark (no trunk prefix, or one run) are not found in a longer text with it.
      if (bare(`ok ${written} done`).length === 0) {
        needMark++;
        expect(whole(`ok ${written}`), written).toEqual([]);
      }
    }
    expect(needMark).toBeGreaterThanOrEqual(9); // Spain's, and every run
  });

  it('near misses stay: digit runs without a leading 0 (ids, epoch times), thousands, dates, versions, a region not configured', () => {
    for (const n of spain) expect(whole(n), n).toEqual([]); // Spain's digits as one run: as often an id
    expect(whole(`${spain[0].slice(0, 3)} ${spain[0].slice(3, 6)} ${spain[0].slice(6)}`)).toEqual([]); // 3-3-3: an amount as often
    for (const v of ['2015550123', '1764748800', '1794808282336', '160729680951', '202612031832980268', '00123456789', '2026-12-03', '1.22.333', '10 20 30', '27,240.52']) {
      expect(whole(v), v).toEqual([]);
    }
    const br = drawMany(503, 1, '55', (r) => '119' + r.digits(8))[0];
    expect(whole(national('55', br)), 'BR is not configured here').toEqual([]);
  });

  it('grouped as people write them: `00` and the country code running into the number, a six-digit area code', () => {
    const wide = makePhoneDetector(['CN', 'US', 'GB', 'DE', 'IN']);
    const wholeWide = (text: string) => findWith(wide, text, { whole: true }).map(([, v]) => v);
    const de = drawMany(504, 3, '49', (r) => r.pick(['30', '35', '89']) + r.digits(r.int(6, 8)));
    const gb = drawMany(505, 3, '44', (r) => r.pick(['1268', '1411', '1670']) + r.digits(6));
    const cases = [...de.flatMap((n) => [`(0049${n[0]}) ${n.slice(1)}`, `0049${n[0]} ${n.slice(1)}`]), ...gb.map((n) => `0${n.slice(0, 5)} ${n.slice(5)}`)];
    for (const written of cases) {
      expect(wholeWide(written), written).toEqual([written]);
      expect(findWith(wide, `ok ${written} done`).map(([, v]) => v), written).toEqual([]);
    }
    // One bare `00` run is a zero-padded id as often; HDFS's date and time; a code no country has.
    for (const v of [`0049${de[0]}`, '081109 203615', '00123 456789']) expect(wholeWide(v), v).toEqual([]);
  });
});
