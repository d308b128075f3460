import { describe, expect, it } from 'vitest';
import { cnResidentIdCheckChar, usccCheckChar } from '../../detectors/lib/checksum.js';
import cnPassport from '../../detectors/cn-passport.js';
import cnResidentId from '../../detectors/cn-resident-id.js';
import cnUscc, { gb11714CheckChar } from '../../detectors/cn-uscc.js';
import hkId from '../../detectors/hk-id.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

/** Append the GB 32100 check char to 17 chars. */
const withCheck = (p17: string): string => p17 + usccCheckChar(p17, 0);
/**
 * A made-up code from authority + type + division (8 chars) and an 8-char organization-code body:
 * appends the GB 11714 check char, then the GB 32100 one.
 */
const makeUscc = (head8: string, body8: string): string => withCheck(head8 + body8 + gb11714CheckChar(body8, 0));
/** The same code with a GB 32100 check char that is not its own. */
const badCheck = (code: string): string => code.slice(0, 17) + (code[17] === '1' ? '2' : '1');

const withIdCheck = (p17: string): string => p17 + cnResidentIdCheckChar(p17, 0, 17);

const find = (text: string) => findWith(cnUscc, text);
const U = (s: string): ['CN_USCC', string] => ['CN_USCC', s];
const scanner = compileScanner([cnUscc]);

describe('the check functions the tests rely on', () => {
  // By hand: python-stdnum's documented example 91110000600037341L. GB 11714 over 60003734:
  // 6*3 + 0*7 + 0*9 + 0*10 + 3*5 + 7*8 + 3*4 + 4*2 = 109, 109 mod 11 = 10, 11 - 10 = 1.
  // GB 32100 over 911100006000373 41: sum 538, 538 mod 31 = 11, 31 - 11 = 20 → 'L'.
  it('reproduce 91110000600037341L', () => {
    expect(gb11714CheckChar('60003734', 0)).toBe('1');
    expect(usccCheckChar('91110000600037341', 0)).toBe('L');
  });

  // Computed by an independent script (Python, from the two standards' descriptions).
  it.each([
    ['91110108', 'MA005551', '91110108MA0055518B'],
    ['92440300', 'MA555555', '92440300MA55555543'],
    ['52440300', '55500001', '52440300555000012Q'],
    ['12100000', '55512345', '121000005551234505'],
    ['N2330106', 'MA2F5551', 'N2330106MA2F55515D'],
    ['Y1110000', '55544433', 'Y1110000555444334H'],
    ['91440300', '08888888', '91440300088888883U'],
  ])('%s + %s → %s', (head, body, code) => {
    expect(makeUscc(head, body)).toBe(code);
  });

  it('maps GB 11714 remainders 10 and 11 to X and 0', () => {
    const checks = new Set<string>();
    for (let n = 55500000; n < 55500200; n++) checks.add(gb11714CheckChar(String(n), 0));
    expect(checks.has('X')).toBe(true);
    expect(checks.has('0')).toBe(true);
    expect(gb11714CheckChar('5550000a', 0)).toBe('');
  });
});

// Made-up codes, one per authority (and its types), each with letters somewhere so no context is needed.
const LETTERED: string[] = [
  makeUscc('11110000', 'MA555001'), // 1 staffing: state organ, national level
  makeUscc('12440300', 'MA555002'), // 1: public institution
  makeUscc('13100000', 'MA555003'),
  makeUscc('19110108', 'MA555004'),
  makeUscc('21100000', 'MA555005'), // 2 foreign affairs: foreign news agency
  makeUscc('31310115', 'MA555006'), // 3 justice: law firm
  makeUscc('35440300', 'MA555007'), // arbitration commission
  makeUscc('41110105', 'MA555008'), // 4 culture
  makeUscc('51440300', 'MA555009'), // 5 civil affairs: social organisation
  makeUscc('53110000', 'MA555010'), // foundation
  makeUscc('54330106', 'MA555011'), // villagers' committee
  makeUscc('62440300', 'MA555012'), // 6 tourism
  makeUscc('71510107', 'MA555013'), // 7 religion
  makeUscc('81650102', 'MA555014'), // 8 trade unions
  makeUscc('91110108', 'MA555015'), // 9 market regulation: enterprise
  makeUscc('92440300', 'MA555016'), // individual business
  makeUscc('93510107', 'MA555017'), // farmers' cooperative
  makeUscc('A1100000', 'MA555018'), // A CMC staffing office
  makeUscc('N2330106', 'MA555019'), // N agriculture: village collective
  makeUscc('Y1110000', 'MA555020'), // Y other
  makeUscc('Y2330106', 'MA555023'), // Y other, any type: the standard lists only 1, registrars and generators pair Y with others
  makeUscc('Y3510107', 'MA555024'),
  makeUscc('91710000', 'MA555021'), // division 71
  makeUscc('91820000', 'MA555022'), // division 82
];

describe('codes with letters', () => {
  it.each(LETTERED.map((c) => [c]))('%s', (code) => {
    expect(find(code)).toEqual([U(code)]);
  });

  it.each([
    [`uscc=${LETTERED[14]}`, [U(LETTERED[14])]],
    [`"${LETTERED[15]}"`, [U(LETTERED[15])]],
    [`(${LETTERED[0]})`, [U(LETTERED[0])]],
    [`统一社会信用代码：${LETTERED[14]}。`, [U(LETTERED[14])]],
    [`${LETTERED[14]},${LETTERED[15]}`, [U(LETTERED[14]), U(LETTERED[15])]],
    // Only the last char is a letter: the GB 32100 check char.
    ['91110000600037341L', [U('91110000600037341L')]],
  ])('%j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('scores 0.97', () => {
    expect(scanner.scan(LETTERED[14]).map((f) => f.score)).toEqual([0.97]);
  });
});

describe('all-digit codes', () => {
  const DIGITS = ['121000005551234505', '913101155556667703', '914403005550007762'];

  it('are real codes by every check', () => {
    for (const code of DIGITS) expect(makeUscc(code.slice(0, 8), code.slice(8, 16))).toBe(code);
  });

  it.each(
    DIGITS.flatMap((code) => [
      [`统一社会信用代码：${code}`, code],
      [`税号 ${code}`, code],
      [`纳税人识别号${code}`, code],
      [`USCC: ${code}`, code],
      [`creditCode=${code}`, code],
      [`tax id ${code}`, code],
    ]),
  )('with context %j', (text, code) => {
    expect(find(text)).toEqual([U(code)]);
  });

  it('a key or a field rule stands in for the context word', () => {
    expect(findWith(cnUscc, DIGITS[1], { key: 'credit_code' })).toEqual([U(DIGITS[1])]);
    expect(findWith(cnUscc, DIGITS[1], { key: 'taxId' })).toEqual([U(DIGITS[1])]);
    expect(findWith(cnUscc, DIGITS[1], { fieldType: 'CN_USCC' })).toEqual([U(DIGITS[1])]);
    expect(findWith(cnUscc, DIGITS[1], { key: 'order_id' })).toEqual([]); // an id word as the key
  });

  it.each(DIGITS.map((c) => [c]))('without context %s is found with a low score, next to an id word not at all', (code) => {
    expect(find(code)).toEqual([U(code)]);
    expect(scanner.scan(code).map((f) => f.score)).toEqual([0.6]);
    expect(find(`id=${code}`)).toEqual([]);
    expect(find(`订单 ${code}`)).toEqual([]);
  });

  it('why the low score: about 1 in 2,500 random 18-digit numbers pass every check', () => {
    let seed = 32100;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let bare = 0;
    let order = 0;
    for (let n = 0; n < 40_000; n++) {
      let s = String(1 + (rnd() % 9));
      while (s.length < 18) s += String(rnd() % 10);
      bare += find(s).length;
      order += find(`order ${s}`).length;
    }
    expect(bare).toBeGreaterThan(0); // structure + checks alone let these through
    expect(bare).toBeLessThan(40);
    expect(order).toBe(0);
  });
});

describe('near misses', () => {
  const good = makeUscc('91110108', 'MA555015');
  it.each([
    ['bad GB 32100 check char', badCheck(good)],
    ['bad GB 32100 check char (stdnum example)', '91110000600037341M'],
    ['bad organization-code check char', withCheck(`91110108MA555015${gb11714CheckChar('MA555015', 0) === '1' ? '2' : '1'}`)],
    ['organization-code check char a letter other than X', withCheck('91110108MA555015A')],
    ['authority 9 has no type 4', makeUscc('94110108', 'MA555015')],
    ['authority 9 has no type 9', makeUscc('99110108', 'MA555015')],
    ['authority Y with type 0', makeUscc('Y0110108', 'MA555015')],
    ['authority 2 has no type 2', makeUscc('22110108', 'MA555015')],
    ['type 0', makeUscc('90110108', 'MA555015')],
    ['authority 0', makeUscc('01110108', 'MA555015')],
    ['authority B', makeUscc('B1110108', 'MA555015')],
    ['division 02', makeUscc('91020108', 'MA555015')],
    ['division 10 other than 100000', makeUscc('91101000', 'MA555015')],
    ['division 99', makeUscc('91990000', 'MA555015')],
    ['letter in the division', makeUscc('9111A108', 'MA555015')],
    ['I in the body', withCheck('91110108MI5550150')],
    ['O in the body', withCheck('91110108MO5550150')],
    ['lower case', good.toLowerCase()],
    ['17 chars', good.slice(0, 17)],
    ['19 chars', `${good}5`],
    ['glued on the left', `X${good}`],
    ['glued on the right', `${good}Q`],
    ['digit before', `7${good}`],
    ['inside a hex hash', `${good}ab34ef`],
    ['18-digit order id', '202611240000012345'],
    ['18-digit snowflake id', '398637217012318208'],
    ['19-digit snowflake id', '1541815603606036480'],
    ['epoch millis', '1764000000000'],
    ['UUID', '3f2c1e5a-8b7d-4c2e-9f10-1a2b3c4d5e6f'],
    ['upper-case SHA-1 prefix', '9A1F0C3E55B7D2E84C'],
    ['base32 token', 'MZXW6YTBOI5555AAAA'],
  ])('%s: %j', (_why, text) => {
    expect(find(text)).toEqual([]);
  });
});

/** A code written in groups of `sizes` chars joined by `sep`. */
const grouped = (code: string, sizes: number[], sep: string): string => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) out.push(code.slice(i, (i += n)));
  expect(i).toBe(18);
  return out.join(sep);
};
/** How codes get printed and typed: fours, the 8-10 split (division | organization code), the 2-6-9-1 structure. */
const GROUPINGS: number[][] = [
  [4, 4, 4, 4, 2],
  [8, 10],
  [2, 6, 9, 1],
  [2, 6, 10],
  [6, 6, 6],
];

describe('grouped codes', () => {
  const lettered = [LETTERED[14], LETTERED[15], LETTERED[18], LETTERED[19], makeUscc('91350100', 'M000100Y')];
  const cases = lettered.flatMap((code) => GROUPINGS.flatMap((sizes) => [' ', '-'].map((sep) => [grouped(code, sizes, sep), code] as const)));

  it.each(cases)('%s', (text, code) => {
    expect(find(text)).toEqual([U(text)]);
    expect(find(`统一社会信用代码：${text}，`)).toEqual([U(text)]);
    expect(findAll(`company ${text} ok`)).toEqual([U(text)]); // every detector on: taken whole, by this type
    expect(scanner.scan(text).map((f) => f.score)).toEqual([0.97]);
    expect(text.replace(/[ -]/g, '')).toBe(code);
    expect(cnUscc.normalize?.(text)).toBe(code);
  });

  it('authority Y with a type other than 1, spaced 4-4-4-4-2 and compact, in EN and ZH lines', () => {
    for (const code of [makeUscc('Y2330106', 'MA555023'), makeUscc('Y3510107', 'MA555024'), makeUscc('Y2110101', 'KR5D0C06')]) {
      const spaced = grouped(code, [4, 4, 4, 4, 2], ' ');
      expect(findAll(`2026-12-03 10:21:46,908 INFO  [exec-190] c.e.shop.ProfileService [traceId=caedba62a2f96f13] - update unified_social_credit_code=${code} build=0.9.4`)).toEqual([U(code)]);
      expect(findAll(`2026-12-03 10:21:46 INFO [order-worker-3] 企业认证通过 统一社会信用代码：${spaced} 订单号：202612032304377094`)).toEqual([U(spaced)]);
      expect(findAll(`==> Parameters: 955727536516(Long), ${spaced}(String), 2026-12-03 07:55:00(Timestamp)`)).toEqual([U(spaced)]);
    }
  });

  it('all-digit codes grouped need a context word or a field rule', () => {
    const code = '913101155556667703';
    for (const sizes of GROUPINGS) {
      const text = grouped(code, sizes, ' ');
      expect(find(text), text).toEqual([]);
      expect(find(`税号 ${text}`), text).toEqual([U(text)]);
      expect(find(`credit code: ${grouped(code, sizes, '-')}`), text).toEqual([U(grouped(code, sizes, '-'))]);
      expect(findWith(cnUscc, text, { fieldType: 'CN_USCC' })).toEqual([U(text)]);
      expect(find(`订单 ${text}`), text).toEqual([]);
    }
  });

  const good = makeUscc('91350100', 'M000100Y');
  it.each([
    ['bad check char, fours', grouped(badCheck(good), [4, 4, 4, 4, 2], ' ')],
    ['bad check char, dashes', grouped(badCheck(good), [8, 10], '-')],
    ['mixed separators', `${good.slice(0, 4)} ${good.slice(4, 8)}-${good.slice(8)}`],
    ['two spaces', `${good.slice(0, 8)}  ${good.slice(8)}`],
    ['dots', grouped(good, [4, 4, 4, 4, 2], '.')],
    ['a char short', `${good.slice(0, 4)} ${good.slice(4, 8)} ${good.slice(8, 12)} ${good.slice(12, 16)} ${good[16]}`],
    ['lower case', grouped(good, [4, 4, 4, 4, 2], ' ').toLowerCase()],
    ['timestamp then words', '2026 1203 1011 12OK 43'],
    ['access log numbers', 'GET /x 200 45 1234 5678 9012 3456 78'],
    ['UUID', '3f2c1e5a-8b7d-4c2e-9f10-1a2b3c4d5e6f'],
    ['date and time', '2026-12-03 10:11:12'],
  ])('%s: %j', (_why, text) => {
    expect(find(text)).toEqual([]);
  });
});

const ALL = [cnResidentId, cnPassport, hkId, cnUscc];

describe('next to CN_RESIDENT_ID', () => {
  // An 18-char resident ID ending in X is not all digits, so the USCC detector needs no context for
  // it; this one fails the USCC division check, and an ID that passed would still lose on score.
  it('an ID stays an ID', () => {
    expect(findAll('11010519491231002X', ALL)).toEqual([['CN_RESIDENT_ID', '11010519491231002X']]);
  });
});

describe('log lines', () => {
  const code = makeUscc('91310115', 'MA555030');
  const person = withIdCheck('31011519851120123');
  it.each([
    [
      `2026-11-24T11:20:05.777Z INFO merchant.onboard merchant_id=202611240000012345 uscc=${code} legal_rep_id=${person}`,
      [U(code), ['CN_RESIDENT_ID', person]],
    ],
    [`2026-11-24T11:20:06.001Z WARN merchant.onboard uscc=${badCheck(code)} rejected: checksum`, []],
    [
      `{"ts":1764000000000,"creditCode":"913101155556667703","snowflake":"398637217012318208"}`,
      [U('913101155556667703')],
    ],
    [`2026-11-24 11:21:00 [INFO] 商户入驻成功 统一社会信用代码：${code} 法人身份证号：${person}`, [U(code), ['CN_RESIDENT_ID', person]]],
    [`2026-11-24 11:21:01 [INFO] 对账完成 批次 913101155556667703 共 128 笔`, []], // 批次: a batch id
    [`2026-11-24 11:21:02 [ERROR] 营业执照号码 ${code.toLowerCase()} 格式错误`, []],
    [`2026-12-03 10:11:12 [INFO] 开票抬头 税号 ${grouped(code, [4, 4, 4, 4, 2], ' ')} 金额 1200.00 版本 1.2.3`, [U(grouped(code, [4, 4, 4, 4, 2], ' '))]],
    [`2026-12-03 10:11:12 INFO invoice issued to credit_code ${grouped(code, [8, 10], '-')} ts=1796292672123`, [U(grouped(code, [8, 10], '-'))]],
  ])('%s', (line, expected) => {
    expect(findAll(line, ALL)).toEqual(expected);
  });
});
