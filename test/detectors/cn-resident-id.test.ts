import { describe, expect, it } from 'vitest';
import { cnResidentIdCheckChar } from '../../detectors/lib/checksum.js';
import cnPassport from '../../detectors/cn-passport.js';
import cnResidentId from '../../detectors/cn-resident-id.js';
import cnUscc from '../../detectors/cn-uscc.js';
import hkId from '../../detectors/hk-id.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

/** A made-up 18-char ID: 17 digits plus their MOD 11-2 check char. */
const makeId = (prefix17: string): string => prefix17 + cnResidentIdCheckChar(prefix17, 0, 17);
/** The same 17 digits with a check char that is not theirs. */
const badCheck = (prefix17: string): string => {
  const good = cnResidentIdCheckChar(prefix17, 0, 17);
  return prefix17 + (good === '1' ? '2' : '1');
};
const grouped = (id: string, sep: string): string => id.slice(0, 6) + sep + id.slice(6, 14) + sep + id.slice(14);

const find = (text: string) => findWith(cnResidentId, text);
const scanner = compileScanner([cnResidentId]);
const scores = (text: string) => scanner.scan(text).map((f) => f.score);
const ID = (s: string): ['CN_RESIDENT_ID', string] => ['CN_RESIDENT_ID', s];

const pad2 = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getFullYear()}${pad2(d.getMonth() + 1)}${pad2(d.getDate())}`;
const daysFromNow = (n: number) => {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return d;
};

// Made-up IDs (division codes of real districts, invented dates and sequences).
const A = makeId('11010519491231002'); // the worked example of GB 11643: check X
const B = makeId('44030419900307201'); // check 3
const C = makeId('31011519851120123'); // check 4
const D = makeId('51010720000229555'); // 29 Feb 2000, a leap day
const E = makeId('65010219000101001'); // 1 Jan 1900, the earliest accepted
const F = makeId('81000019950705002'); // HK residents' residence permit
const G = makeId('83000019880808003'); // Taiwan residents' residence permit
const H = makeId('91000020010101004');

describe('the check chars the tests rely on', () => {
  // Worked by hand with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and `10X98765432`.
  it.each([
    ['11010519491231002', 'X'], // sum 167, 167 mod 11 = 2
    ['44030419900307201', '3'], // sum 240, 240 mod 11 = 9
    ['31011519851120123', '4'], // sum 195, 195 mod 11 = 8
  ])('%s → %s', (prefix, check) => {
    expect(cnResidentIdCheckChar(prefix, 0, 17)).toBe(check);
  });
});

describe('18-char IDs', () => {
  it.each([
    [A, [ID(A)]],
    [A.toLowerCase(), [ID(A.toLowerCase())]], // x as check char
    [B, [ID(B)]],
    [C, [ID(C)]],
    [D, [ID(D)]],
    [E, [ID(E)]],
    [F, [ID(F)]],
    [G, [ID(G)]],
    [H, [ID(H)]],
    [grouped(B, ' '), [ID(grouped(B, ' '))]],
    [grouped(C, '-'), [ID(grouped(C, '-'))]],
    [grouped(A, ' '), [ID(grouped(A, ' '))]],
    [`id=${B}`, [ID(B)]],
    [`"${C}"`, [ID(C)]],
    [`(${A})`, [ID(A)]],
    [`身份证${B}号`, [ID(B)]],
    [`${B},${C}`, [ID(B), ID(C)]],
    [`user_${C}`, [ID(C)]],
    [makeId(`110105${ymd(daysFromNow(-1))}001`), [ID(makeId(`110105${ymd(daysFromNow(-1))}001`))]], // born yesterday
  ])('%j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('scores 0.99 without any context', () => {
    expect(scores(B)).toEqual([0.99]);
    expect(scores(grouped(C, '-'))).toEqual([0.99]);
  });

  it('an order word next to an 18-char ID does not hide it', () => {
    expect(find(`order ${B}`)).toEqual([ID(B)]);
  });
});

describe('near misses', () => {
  const nextYear = new Date().getFullYear() + 1;
  it.each([
    ['bad check char', badCheck('44030419900307201')],
    ['bad check char (X expected, 1 given)', '110105194912310021'],
    ['bad check char (digit expected, X given)', '44030419900307201X'],
    ['30 February', makeId('44030419900230201')],
    ['29 February in a common year', makeId('44030419010229201')],
    ['29 February 1900 (not a leap year)', makeId('44030419000229201')],
    ['31 April', makeId('44030419900431201')],
    ['month 13', makeId('44030419901301201')],
    ['month 00', makeId('44030419900001201')],
    ['day 00', makeId('44030419900100201')],
    ['day 32', makeId('44030419900132201')],
    ['born 1899', makeId('11010518991231002')],
    ['born next year', makeId(`110105${nextYear}0101001`)],
    ['born in two days', makeId(`110105${ymd(daysFromNow(2))}001`)],
    ['born 2999', makeId('11010529990101001')],
    ['province 00', makeId('00010519491231002')],
    ['province 10', makeId('10010519491231002')],
    ['province 16', makeId('16010519491231002')],
    ['province 20', makeId('20010519491231002')],
    ['province 55', makeId('55010519491231002')],
    ['province 72', makeId('72010519491231002')],
    ['province 84', makeId('84010519491231002')],
    ['province 90', makeId('90010519491231002')],
    ['province 99', makeId('99010519491231002')],
    ['19 chars', `${B}7`],
    ['20-digit run', `12${B.slice(0, 17)}0`],
    ['glued to letters on the left', `ID${A}`],
    ['glued to letters on both sides', `ID${A}9`],
    ['glued to a letter on the right', `${B}a`],
    ['inside a dotted number', `1.${B}`],
    ['mixed separators', `${B.slice(0, 6)} ${B.slice(6, 14)}-${B.slice(14)}`],
    ['wrong grouping', `${B.slice(0, 4)} ${B.slice(4, 12)} ${B.slice(12)}`],
    ['two spaces', `${B.slice(0, 6)}  ${B.slice(6, 14)}  ${B.slice(14)}`],
    ['17 digits', B.slice(0, 17)],
    ['16 digits', B.slice(0, 16)],
    ['18-digit order id', '202611240000012345'],
    ['18-digit order id with a date inside', '110202611240001234'],
    ['18-digit snowflake id', '398637217012318208'],
    ['19-digit snowflake id', '1541815603606036480'],
    ['snowflake id starting with a province code', '123456789012345678'],
    ['epoch millis', '1764000000000'],
    ['epoch micros', '1764000000000000'],
    ['compact timestamp', '20261124122641'],
    ['UUID', '3f2c1e5a-8b7d-4c2e-9f10-1a2b3c4d5e6f'],
    ['hex hash', '110105194912310021ab34ef'],
    ['version', '11.0.105194912310021'],
  ])('%s: %j', (_why, text) => {
    expect(find(text)).toEqual([]);
  });

  it('few random 18-digit numbers pass (about 1 in 70,000 expected)', () => {
    // Seeded LCG so the test is deterministic.
    let seed = 20261124;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    let hits = 0;
    for (let n = 0; n < 50_000; n++) {
      let s = String(1 + (rnd() % 9));
      while (s.length < 18) s += String(rnd() % 10);
      hits += find(s).length;
    }
    expect(hits).toBeLessThanOrEqual(8);
  });
});

describe('15-digit legacy IDs', () => {
  const L = '510107700101555'; // 510107, 1970-01-01, sequence 555
  const M = '110105491231002'; // 110105, 1949-12-31, sequence 002
  it.each([
    [`身份证号：${L}`, [ID(L)]],
    [`身份证 ${M}`, [ID(M)]],
    [`公民身份号码${L}`, [ID(L)]],
    [`证件号: ${L}`, [ID(L)]],
    [`id card ${L}`, [ID(L)]],
    [`id_card=${L}`, [ID(L)]],
    [`idCard=${L}`, [ID(L)]],
    [`ID No. ${L}`, [ID(L)]],
    [`resident id: ${L}`, [ID(L)]],
    [`national id ${L}`, [ID(L)]],
    [`sfz=${L}`, [ID(L)]],
  ])('with context %j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('scores 0.7', () => {
    expect(scores(`身份证 ${L}`)).toEqual([0.7]);
  });

  it.each([
    ['no context', L],
    ['context word too far before', `身份证 ${'x'.repeat(40)} ${L}`],
    ['context word after', `${L} 身份证`],
    ['order word', `订单 身份证 ${L}`],
    ['txn', `sfz txn ${L}`],
    ['流水', `身份证 流水号 ${L}`],
    ['order in English', `id card order ${L}`],
    ['impossible date', `身份证 510107700230555`],
    ['month 13', `身份证 510107701301555`],
    ['bad province', `身份证 010107700101555`],
    ['16 digits', `身份证 ${L}1`],
    ['IMEI-like 15 digits', `imei 490154203237518`],
    ["'id' alone is no context", `id=${L}`],
    ['context word inside another word', `xsfzx ${L}`],
  ])('%s: %j', (_why, text) => {
    expect(find(text)).toEqual([]);
  });

  it('a field rule stands in for the context word', () => {
    expect(findWith(cnResidentId, L, { fieldType: 'CN_RESIDENT_ID' })).toEqual([ID(L)]);
  });

  it('a key that is a context word counts', () => {
    expect(findWith(cnResidentId, L, { key: 'id_card' })).toEqual([ID(L)]);
    expect(findWith(cnResidentId, L, { key: 'idCardNo' })).toEqual([ID(L)]);
    expect(findWith(cnResidentId, L, { key: 'orderNo' })).toEqual([]);
  });
});

describe('normalize', () => {
  it.each([
    [grouped(B, ' '), B],
    [grouped(C, '-'), C],
    [A.toLowerCase(), A],
  ])('%j → %j', (value, expected) => {
    expect(cnResidentId.normalize?.(value)).toBe(expected);
  });
});

// Realistic log lines with every China detector, IDs and near misses side by side.
const ALL = [cnResidentId, cnPassport, hkId, cnUscc];
describe('log lines', () => {
  it.each([
    [
      `2026-11-24T08:15:02.118Z INFO user.verify uid=88231 id_card=${B} status=ok took=12ms`,
      [ID(B)],
    ],
    [
      `2026-11-24 08:15:03,004 WARN [kyc-worker-3] mismatch for order_id=202611240000012345 idcard=${badCheck('31011519851120123')} retry=1`,
      [],
    ],
    [
      `{"ts":1764000000000,"event":"register","idNo":"${grouped(C, ' ')}","trace":"398637217012318208"}`,
      [ID(grouped(C, ' '))],
    ],
    [`2026-11-24 08:16:11 [INFO] 实名认证成功，身份证号：${A}，订单号：202611240000012345，耗时35ms`, [ID(A)]],
    [`2026-11-24 08:16:12 [WARN] 身份证号码校验失败：${makeId('44030419900230201')}（日期非法），流水号 1541815603606036480`, []],
    [`2026-11-24 08:16:13 [INFO] 老用户迁移，旧身份证号 510107700101555，新号 ${makeId('51010719700101555')}`, [ID('510107700101555'), ID(makeId('51010719700101555'))]],
    [`2026-11-24 08:16:14 [INFO] 支付完成 订单 510107700101555 金额 128.00`, []],
    [`08:16:15 DEBUG cache key=ID${A}9 hit`, []],
  ])('%s', (line, expected) => {
    expect(findAll(line, ALL)).toEqual(expected);
  });
});
