import { describe, expect, it } from 'vitest';
import { hkIdCheckChar } from '../../detectors/lib/checksum.js';
import cnPassport from '../../detectors/cn-passport.js';
import cnResidentId from '../../detectors/cn-resident-id.js';
import cnUscc from '../../detectors/cn-uscc.js';
import hkId from '../../detectors/hk-id.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

/** A made-up HK ID from its letters and six digits: `body(check)`. */
const makeHk = (body: string): string => `${body}(${hkIdCheckChar(body, 0, body.length)})`;
/** The same number without parentheses. */
const bare = (body: string): string => body + hkIdCheckChar(body, 0, body.length);
/** The body with a check char that is not its own. */
const badHk = (body: string): string => {
  const good = hkIdCheckChar(body, 0, body.length);
  return `${body}(${good === '1' ? '2' : '1'})`;
};

const find = (text: string) => findWith(hkId, text);
const HK = (s: string): ['HK_ID', string] => ['HK_ID', s];
const scanner = compileScanner([hkId]);
const scores = (text: string) => scanner.scan(text).map((f) => f.score);

describe('hkIdCheckChar', () => {
  // By hand: one letter → a leading space worth 36; A=10 … Z=35; weights 9 8 7 6 5 4 3 2.
  it.each([
    ['A123456', '3'], // 324 + 80 + 7+12+15+16+15+12 = 481; 481 mod 11 = 8; 11 - 8 = 3
    ['G555555', '7'], // 324 + 128 + 5*27 = 587; 587 mod 11 = 4 → 7
    ['XA555555', '5'], // 297 + 80 + 5*27 = 512; 512 mod 11 = 6 → 5
    ['C000000', '9'], // 324 + 96 = 420; 420 mod 11 = 2 → 9
  ])('%s → %s', (body, check) => {
    expect(hkIdCheckChar(body, 0, body.length)).toBe(check);
  });

  it('gives A for 10, 0 for 11', () => {
    // One letter, digits zero: the sum is 324 + 8*L, so some letter gives each edge value.
    const checks = new Set<string>();
    for (let l = 65; l <= 90; l++) checks.add(hkIdCheckChar(`${String.fromCharCode(l)}000000`, 0, 7));
    expect(checks.has('A')).toBe(true);
    expect(checks.has('0')).toBe(true);
  });

  it('rejects malformed bodies', () => {
    expect(hkIdCheckChar('A12345', 0, 6)).toBe('');
    expect(hkIdCheckChar('ABC123456', 0, 9)).toBe('');
    expect(hkIdCheckChar('1123456', 0, 7)).toBe('');
    expect(hkIdCheckChar('A12345X', 0, 7)).toBe('');
    expect(hkIdCheckChar('x A123456 y', 2, 9)).toBe('3'); // works inside a longer string
  });
});

// Made-up numbers.
const ONE = makeHk('A123456'); // A123456(3)
const TWO = makeHk('XA555555'); // XA555555(5)
const G = makeHk('G555555');
const Z = makeHk('Z555000');
/** A123456（3）: the same number in full-width brackets. */
const FW = `A123456（${hkIdCheckChar('A123456', 0, 7)}）`;
const WITH_A = (() => {
  // A body whose check char is `A`.
  for (let n = 555000; n < 556000; n++) {
    const body = `K${n}`;
    if (hkIdCheckChar(body, 0, 7) === 'A') return makeHk(body);
  }
  throw new Error('no body with check A');
})();

describe('with parentheses', () => {
  it.each([
    [ONE, [HK(ONE)]],
    [TWO, [HK(TWO)]],
    [G, [HK(G)]],
    [Z, [HK(Z)]],
    [WITH_A, [HK(WITH_A)]],
    [`hkid=${ONE}`, [HK(ONE)]],
    [`"${TWO}"`, [HK(TWO)]],
    [`(${ONE})`, [HK(ONE)]],
    [`持证人${G}，`, [HK(G)]],
    [`${ONE},${TWO}`, [HK(ONE), HK(TWO)]],
    // Full-width brackets, as Chinese text prints them.
    [`香港身份证 ${FW} 已核验`, [HK(FW)]],
    [`持证人${FW}，`, [HK(FW)]],
  ])('%j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('scores 0.95 without context', () => {
    expect(scores(ONE)).toEqual([0.95]);
  });
});

describe('without parentheses', () => {
  it.each([
    [`hkid: ${bare('A123456')}`, [HK(bare('A123456'))]],
    [`HKID=${bare('XA555555')}`, [HK(bare('XA555555'))]],
    [`hk_id=${bare('G555555')}`, [HK(bare('G555555'))]],
    [`Hong Kong ID ${bare('Z555000')}`, [HK(bare('Z555000'))]],
    [`identity card ${bare('A123456')}`, [HK(bare('A123456'))]],
    [`香港身份證 ${bare('XA555555')}`, [HK(bare('XA555555'))]],
    [`身份证号码：${bare('G555555')}`, [HK(bare('G555555'))]],
  ])('with context %j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('scores 0.75, below the parenthesized form and CN_PASSPORT', () => {
    expect(scores(`hkid ${bare('A123456')}`)).toEqual([0.75]);
  });

  it('an order word does not hide the parenthesized form', () => {
    expect(find(`order ${ONE}`)).toEqual([HK(ONE)]);
  });

  it('a key or a field rule stands in for the context word', () => {
    expect(findWith(hkId, bare('A123456'), { key: 'hkid' })).toEqual([HK(bare('A123456'))]);
    expect(findWith(hkId, bare('A123456'), { fieldType: 'HK_ID' })).toEqual([HK(bare('A123456'))]);
  });

  it('needs context: 1 in 11 order ids pass the check by chance', () => {
    // One-letter order ids A5550000..A5550999: those whose last digit happens to be the check char
    // are found with an HK context word, none without one.
    let passing = 0;
    let withContext = 0;
    let without = 0;
    for (let n = 5550000; n < 5551000; n++) {
      const id = `A${n}`;
      if (hkIdCheckChar(id, 0, 7) === id[7]) passing++;
      withContext += find(`hkid ${id}`).length;
      without += find(`shipped ${id} to depot`).length;
    }
    expect(passing).toBeGreaterThan(50); // about 1000 / 11
    expect(withContext).toBe(passing);
    expect(without).toBe(0);
  });
});

describe('near misses', () => {
  it.each([
    ['bad check char', badHk('A123456')],
    ['bad check char, two letters', badHk('XA555555')],
    ['bad check char, bare with context', `hkid ${bare('A123456').slice(0, 7)}9`],
    ['bare, no context', bare('A123456')],
    ['bare, two letters, no context', bare('XA555555')],
    ['bare, order context', `order_id=${bare('A123456')}`],
    ['bare, HK context but an order word closer', `hkid ok, order ${bare('A123456')}`],
    ['bare, 訂單', `身份證 已核實 訂單 ${bare('A123456')}`],
    ['lower case', makeHk('A123456').toLowerCase()],
    ['three letters', `Q${makeHk('XA555555')}`],
    ['glued on the left', `ID${makeHk('A123456')}`],
    ['glued on the right', `${makeHk('A123456')}X`],
    ['digit before', `9${makeHk('A123456')}`],
    ['five digits', 'A12345(6)'],
    ['seven digits', 'A1234567(8)'],
    ['check char B', 'A123456(B)'],
    ['space before the parenthesis', `A123456 (${hkIdCheckChar('A123456', 0, 7)})`],
    ['unclosed parenthesis', `A123456(${hkIdCheckChar('A123456', 0, 7)}`],
    ['full-width, wrong check char', `A123456（${hkIdCheckChar('A123456', 0, 7) === '1' ? '2' : '1'}）`],
    ['mixed brackets unclosed', `A123456（${hkIdCheckChar('A123456', 0, 7)}`],
    ['UUID', '3f2c1e5a-8b7d-4c2e-9f10-1a2b3c4d5e6f'],
    ['hex hash', 'A1234563ab9f00e1'],
    ['version', 'v1.2.3456789'],
    ['epoch millis', '1764000000000'],
    ['18-digit order id', '202611240000012345'],
  ])('%s: %j', (_why, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('normalize', () => {
  it('drops the parentheses', () => {
    expect(hkId.normalize?.(ONE)).toBe(bare('A123456'));
    expect(hkId.normalize?.(bare('XA555555'))).toBe(bare('XA555555'));
    expect(hkId.normalize?.(FW)).toBe(bare('A123456'));
  });
});

const ALL = [cnResidentId, cnPassport, hkId, cnUscc];
describe('next to CN_PASSPORT', () => {
  // An `E` + letter + 7 digits passport number is also a two-letter HK ID shape; find one that passes
  // the HK check by chance and has a digit check char, as 1 in 11 do.
  const clash = (() => {
    for (let n = 555000; n < 556000; n++) {
      const body = `EA${n}`;
      const c = hkIdCheckChar(body, 0, 8);
      if (c !== 'A') return body + c;
    }
    throw new Error('unreachable');
  })();

  it('stays a passport when both detectors have context', () => {
    expect(findAll(`证件号 ${clash}`, ALL)).toEqual([['CN_PASSPORT', clash]]);
  });

  it('is an HK ID when only HK context is there', () => {
    expect(findAll(`hkid ${clash}`, ALL)).toEqual([HK(clash)]);
  });
});

describe('log lines', () => {
  it.each([
    [
      `2026-11-24T10:05:11.031Z INFO kyc.submit region=HK doc=${ONE} result=pass latency=38ms`,
      [HK(ONE)],
    ],
    [
      `2026-11-24T10:05:12.210Z WARN kyc.submit region=HK doc=${badHk('XA555555')} result=check_failed`,
      [],
    ],
    [
      `{"ts":1764000000000,"hkid":"${bare('G555555')}","order":"${bare('A123456')}","sku":"B5551234"}`,
      [HK(bare('G555555'))],
    ],
    [`2026-11-24 10:06:00 [INFO] 客户 陈大文 香港身份證號碼 ${TWO} 已核實，訂單 ${bare('A123456')}`, [HK(TWO)]],
    [`2026-11-24 10:06:01 [INFO] 工单 ${bare('Z555000')} 已关闭，处理人 ops-7`, []],
  ])('%s', (line, expected) => {
    expect(findAll(line, ALL)).toEqual(expected);
  });
});
