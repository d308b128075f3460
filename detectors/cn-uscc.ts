import { USCC_ALPHABET, usccCheckChar } from './lib/checksum.js';
import { isCnProvinceAt } from './cn-resident-id.js';
import { defineDetector } from './lib/define.js';
import { CN_DIVISIONS } from './lib/cn-divisions.js';
import { label, written, type Rng } from './lib/generate.js';
import type { ValidateContext } from './lib/types.js';

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 chars from
 * `0123456789ABCDEFGHJKLMNPQRTUWXY`:
 *   1     registration authority (1 staffing, 2 foreign affairs, 3 justice, 4 culture, 5 civil affairs,
 *         6 tourism, 7 religion, 8 trade unions, 9 market regulation, A CMC staffing office,
 *         N agriculture, Y other)
 *   2     entity type, from the list that authority may use (TYPES below)
 *   3–8   division code of the registering authority: a province prefix, or 100000 (national)
 *   9–17  organization code (主体标识码, GB 11714): 8 chars + its own mod-11 check char (0–9 or X)
 *   18    GB 32100 check char (usccCheckChar)
 * Every part is checked, and still about 1 random token of the right shape in 2,500 passes (type 1/3,
 * province about 1/3, two check chars 1/11 and 1/31).
 *
 * All-digit codes (many older organizations have one) without a context word or field rule score
 * only SCORE_BARE_DIGITS: 18-digit order ids and snowflake ids are common in logs and 1 in 2,500 of
 * them passes, so a policy can drop these with a threshold above 0.6; the default (0.5) keeps them,
 * since a missed code is worse than an order id replaced now and then. Next to an id word (order,
 * txn, 订单, 批次…) an all-digit number is taken for that id. Codes with a letter (most issued since 2015: `MA…` organization codes, letter check chars) need no
 * context: ids and timestamps are digits, and upper-case alphanumeric tokens of this exact structure
 * are rare.
 *
 * Written compact or in groups (`9135 0100 M000 100Y 43`, `91350100-M000100Y43`, `91 350100 M000100Y4 3`):
 * one space or `-` between any two chars, one kind throughout. The check chars carry the grouping, but
 * grouped all-digit codes need a context word or a field rule (spaced digit groups are everywhere).
 *
 * Upper case only: the codes are printed and registered in upper case, and the standard's alphabet is
 * defined in upper case; a lower-case 18-char token is much more likely a hash or a generated id.
 */

// Allowed entity-type digits per authority, as bit masks (bit n = type digit n), from the GB 32100-2015
// table. Authority 5 also allows 4: codes of villagers' and residents' committees (基层群众性自治组织,
// special legal persons since 2017) are reported to use it. It is not in the 2015 table; accepting one
// more type costs almost nothing in precision, rejecting real codes would cost recall.
// Authority Y ("other") lists only type 1, but it is the catch-all for registrars outside the table and
// generators and validators (e.g. the independent evaluation's) pair it with any type: its type is not
// checked. Y-led codes are letter-led, so the division, both check chars and the alphabet still keep
// random tokens out (about 1 in 1,000 of `Y<digit>` + 16 chars of the alphabet pass).
const TYPES = new Uint16Array(128);
const allow = (authority: string, types: string): void => {
  for (const t of types) TYPES[authority.charCodeAt(0)] |= 1 << (t.charCodeAt(0) - 48);
};
allow('1', '1239');
allow('2', '19');
allow('3', '123459');
allow('4', '19');
allow('5', '12349');
allow('6', '129');
allow('7', '129');
allow('8', '19');
allow('9', '123');
allow('A', '19');
allow('N', '1239');
allow('Y', '123456789');

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714 organization code check char over the 8 chars text[start, start+8) (digits, upper-case
 * letters A=10 … Z=35): 11 - (weighted sum mod 11), 10 -> 'X', 11 -> '0'. Returns '' on a bad char.
 */
export function gb11714CheckChar(text: string, start: number): string {
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    const c = text.charCodeAt(start + k);
    let v: number;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else return '';
    sum += v * GB11714_WEIGHTS[k];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String.fromCharCode(48 + r);
}

/** The GB 11714 check value as a char code, without building a string (the hot path). */
function gb11714CheckCode(text: string, start: number): number {
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    const c = text.charCodeAt(start + k);
    sum += (c <= 57 ? c - 48 : c - 55) * GB11714_WEIGHTS[k]; // the shape admits only [0-9A-Z] here
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 88 : r === 11 ? 48 : 48 + r;
}

const SCORE = 0.97;
const SCORE_BARE_DIGITS = 0.6;

/** A valid code: registration authority and type, a real division, an organization code with its GB 11714 check char, the check char. */
function codeValue(r: Rng): string {
  const head = r.pick(['91', '91', '91', '92', '93', '11', '12', '51', '52', 'Y1']);
  const division = r.pick(CN_DIVISIONS);
  let org = '';
  for (let k = 0; k < 8; k++) org += r.chance(0.85) ? r.digits(1) : USCC_ALPHABET[r.int(10, 30)];
  const body = head + division + org + gb11714CheckChar(org, 0);
  return body + usccCheckChar(body, 0);
}

/**
 * The score of the 18 chars text[start, start+18) (the shape has checked the alphabet per position).
 * All-digit codes need a context word or a field rule when grouped: spaced digit groups are anywhere
 * in logs, and a two-check-char code alone is not enough for them.
 */
function codeScore(text: string, start: number, ctx: ValidateContext, grouped: boolean): number {
  const a = text.charCodeAt(start);
  if ((TYPES[a] & (1 << (text.charCodeAt(start + 1) - 48))) === 0) return 0;
  if (text.charCodeAt(start + 2) === 49 && text.charCodeAt(start + 3) === 48) {
    // 10xxxx: only 100000, the national level.
    for (let i = start + 4; i < start + 8; i++) if (text.charCodeAt(i) !== 48) return 0;
  } else if (!isCnProvinceAt(text, start + 2)) return 0;
  if (gb11714CheckCode(text, start + 8) !== text.charCodeAt(start + 16)) return 0;
  if (usccCheckChar(text, start).charCodeAt(0) !== text.charCodeAt(start + 17)) return 0;
  if (a <= 57) {
    let i = start + 8;
    while (i < start + 18 && text.charCodeAt(i) <= 57) i++;
    if (i === start + 18 && !ctx.context && !ctx.field) return ctx.negative || grouped ? 0 : SCORE_BARE_DIGITS; // see above
  }
  return SCORE;
}

export default defineDetector({
  type: 'CN_USCC',
  name: 'cn_uscc',
  candidate: 'alnum',
  digitStart: true,
  minLen: 18,
  maxLen: 18 + 17, // grouped: at most one separator between two chars
  // Each char after the first may follow one space or `-` (grouped writings; validate wants one kind).
  shape: /[1-9ANY](?:[ -]?\d){7}(?:[ -]?[0-9A-HJ-NP-RTUW-Y]){8}[ -]?[0-9X][ -]?[0-9A-HJ-NP-RTUW-Y]/y,
  validate(text, start, end, ctx) {
    if (end - start === 18) return codeScore(text, start, ctx, false);
    // Grouped (rare: allocates): one kind of separator, then the same checks on the chars alone.
    let kind = 0;
    let code = '';
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 45) code += text[i];
      else if (kind === 0) kind = c;
      else if (c !== kind) return 0; // `9135 0100-M000…`: not one value's grouping
    }
    return codeScore(code, 0, ctx, true);
  },
  context: {
    words: [
      '统一社会信用代码',
      '社会信用代码',
      '信用代码',
      '统一代码',
      '纳税人识别号',
      '税号',
      '营业执照',
      '执照号',
      '統一社會信用代碼',
      'uscc',
      'usci',
      'credit code',
      'credit_code',
      'creditcode',
      'social credit',
      'social credit code',
      'tax id',
      'tax_id',
      'taxid',
      'tax no',
      'tax_no',
      'taxpayer id',
      'tin',
      'business license',
      'license no',
      'company',
      'company id',
      'enterprise',
      'organization',
      'org code',
      '企业',
      '公司',
      '单位',
    ],
    negative: ['id', 'order', 'order no', 'txn', 'trace', 'batch', 'snowflake', '订单', '订单号', '流水', '流水号', '批次'],
  },
  examples: {
    // 91110000600037341L is python-stdnum's documented example: GB 11714 over 60003734 gives
    // 6*3 + 3*5 + 7*8 + 3*4 + 4*2 = 109, 109 mod 11 = 10, 11 - 10 = 1; the GB 32100 sum of the first 17
    // chars with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 is 538, 538 mod 31 = 11,
    // 31 - 11 = 20 -> 'L'. The others are made up, their two check chars computed the same way (by an
    // independent script, then checked against gb11714CheckChar and usccCheckChar in the tests).
    match: [
      '91110000600037341L',
      '91110108MA0055518B',
      '统一社会信用代码：92440300MA55555543',
      '52440300555000012Q',
      'N2330106MA2F55515D',
      'Y1110000555444334H',
      '税号 913101155556667703', // all digits: needs the context word
    ],
    noMatch: [
      '91110108MA0055518C', // wrong check char
      '订单 913101155556667703', // all digits, next to an id word
      '91110108MA0055519E', // wrong organization-code check char (the GB 32100 check char is right)
      '94110108MA00555182', // authority 9 (market regulation) has no type 4
      'Y0110108MA0055518Q', // type 0: no authority has it
      '91020108MA0055518Q', // division 02 is no province
      '91101000MA0055518T', // division 10 other than 100000
      '91110108ma0055518b', // lower case
      '91110108MA0055518BZ', // glued on the right
      'X91110108MA0055518B', // glued on the left
      '201801011200000001', // an 18-digit order id
    ],
  },
  /** The 18 chars without the grouping: one code, one pseudonym, however it was written. */
  normalize: (value) => value.replace(/[ -]/g, ''),
  fieldNames: ['uscc', 'credit_code', '统一社会信用代码'],
  mask: [8, 0],
  generate: {
    // Compact, or grouped as printed (4-4-4-4-2, 8-10, 2-6-9-1) with spaces or dashes and a label.
    valid(r, lang) {
      const code = codeValue(r);
      const en = ['credit_code=', 'uscc: ', 'company_id='];
      const zh = ['统一社会信用代码:', '信用代码：', '企业代码 ', '税号 '];
      if (r.chance(0.6)) return written(code, label(r, lang, en, zh, 0.4));
      const sizes = r.pick([[4, 4, 4, 4, 2], [8, 10], [2, 6, 9, 1]]);
      const sep = r.pick([' ', '-']);
      const groups: string[] = [];
      let i = 0;
      for (const n of sizes) groups.push(code.slice(i, (i += n)));
      return written(groups.join(sep), label(r, lang, en, zh, 0));
    },
    keys: { en: ['credit_code', 'uscc'], zh: ['统一社会信用代码', '信用代码'] },
  },
});
