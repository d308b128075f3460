import { defineDetector } from './define.js';

/**
 * US Social Security number: AAA-GG-SSSS (SSA). No check digit; what can be checked is the
 * allocation rules: area 001–899 except 666 (9xx are ITINs, not SSNs), group 01–99, serial 0001–9999.
 * Since 2011 numbers are randomised, so nothing else about the digits means anything.
 *
 * - Dashed `123-45-6789`: the 3-2-4 layout is the SSN's own (phones are 3-3-4, dates 4-2-2 / 2-2-4),
 *   so it needs no context: 0.85 (below checksum-validated types: there is no checksum), 0.95 with a
 *   context word. Decision on negative words: a dashed 3-2-4 value next to `order`/`txn`/`订单` is
 *   still SSN-shaped and stays an SSN, at 0.6, so a policy threshold can keep it or not; masking an
 *   order id that happens to be written like an SSN is the cheaper mistake.
 * - Spaced `123 45 6789`: three space-separated numbers are everywhere in logs (`200 45 1234`: status,
 *   duration, bytes), so it needs a context word or a field rule: 0.85.
 * - Bare `123456789`: only with a context word or a field rule, never next to a negative word unless
 *   the label right before it names the SSN, never under another field's key (`pid=`): 0.75.
 * - A value that continues a longer dashed token (`1-123-45-6789`, `123-45-6789-01`, `ABC-123-45-6789`),
 *   a longer spaced number run or a decimal (`123456789.5`) is not an SSN.
 */

const SCORE_DASHED = 0.85;
const SCORE_DASHED_CONTEXT = 0.95;
const SCORE_DASHED_NEGATIVE = 0.6;
const SCORE_SPACED = 0.85;
const SCORE_BARE = 0.75;

const WORDS = [
  'ssn',
  'ss#',
  'ss no',
  'social security',
  'social security number',
  'social security no',
  'soc sec',
  'socialsecuritynumber',
  '社会安全号',
  '社会安全号码',
  '社会安全码',
  '社安号',
];
const NEGATIVE = [
  'order',
  'txn',
  'transaction',
  'invoice',
  'ref',
  'tracking',
  'po',
  'sku',
  'part',
  'phone',
  'tel',
  'fax',
  'zip',
  '订单',
  '流水',
  '单号',
  '电话',
];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function num(text: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) v = v * 10 + text.charCodeAt(i + k) - 48;
  return v;
}

// ---- label right before the value (shared logic with imei.ts and bank-account.ts) -------------

const norm = (w: string) => w.toLowerCase().replace(/[\s_.-]/g, '');
const WORDS_NORM = WORDS.map(norm);
const NEGATIVE_NORM = NEGATIVE.map(norm);

/** Words that label nothing by themselves: the label is the word before them. */
const FILLERS = new Set(['no', 'no.', 'nr', 'nr.', 'num', 'number', '#', 'is']);

function isCjk(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
function isLabelChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 47 || c === 35
  );
}
/** Index of the last char before `i` (inclusive) that is not a space, tab or quote; at most 3 skipped. */
function skipBack(text: string, i: number): number {
  for (let k = 0; i >= 0 && k < 3; k++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39 && c !== 0x3000 && c !== 0x201c) break;
    i--;
  }
  return i;
}

/**
 * Who the label written right before the value says it belongs to: 1 = a label naming this type
 * (`imei=`, `设备号：`, `IMEI `), -1 = a negative word (`txn `) or another field's key (`login_at=`),
 * 0 = nothing to read (free text, or a value scanned alone under its key). With idIsForeign, a label
 * ending in `id` (`account_id=`, `账户ID：`) is another field's. Called only after the shape and
 * checksum passed, so it may allocate.
 */
function labelOwner(
  text: string,
  start: number,
  ours: readonly string[],
  negative: readonly string[],
  idIsForeign = false,
): number {
  let i = skipBack(text, start - 1);
  if (i < 0) return 0;
  let c = text.charCodeAt(i);
  const isKey = c === 61 || c === 58 || c === 0xff1a || c === 0xff1d; // = : ： ＝
  if (isKey) {
    i = skipBack(text, i - 1);
    if (i < 0) return 0;
    c = text.charCodeAt(i);
  }
  const labelEnd = i + 1;
  let j = i;
  if (isCjk(c)) {
    while (j >= 0 && labelEnd - j <= 12 && isCjk(text.charCodeAt(j))) j--;
  } else if (isKey) {
    // A key may have words separated by single spaces (`Account No:`).
    while (j >= 0 && labelEnd - j <= 32) {
      const d = text.charCodeAt(j);
      if (!(isLabelChar(d) || (d === 32 && text.charCodeAt(j - 1) !== 32))) break;
      j--;
    }
  } else {
    // A bare label is the word before the value, and the word before that while the later one is a
    // filler: `account number 123…`, `a/c no. 123…`, `bank account is 123…`.
    for (let words = 0; words < 3; words++) {
      const wordEnd = j + 1;
      while (j >= 0 && wordEnd - j <= 24 && isLabelChar(text.charCodeAt(j))) j--;
      if (j + 1 === wordEnd || j < 1 || text.charCodeAt(j) !== 32) break;
      if (!FILLERS.has(text.slice(j + 1, wordEnd).toLowerCase())) break;
      j--;
    }
  }
  if (j === i) return 0;
  const label = norm(text.slice(j + 1, labelEnd));
  if (idIsForeign && label.endsWith('id')) return -1; // `account_id=`: an internal id, not the number
  for (const w of ours) if (label.includes(w)) return 1;
  for (const w of negative) if (w.length <= 2 ? label.endsWith(w) : label.includes(w)) return -1;
  return isKey ? -1 : 0;
}

export default defineDetector({
  type: 'US_SSN',
  name: 'us_ssn',
  candidate: 'digits',
  minLen: 9,
  maxLen: 11,
  shape: /\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9}/y,
  validate(text, start, end, ctx) {
    const bare = end - start === 9;
    const area = num(text, start, 3);
    if (area === 0 || area === 666 || area >= 900) return 0;
    if (num(text, bare ? start + 3 : start + 4, 2) === 0) return 0;
    if (num(text, end - 4, 4) === 0) return 0;
    const prev = text.charCodeAt(start - 1);
    const next = text.charCodeAt(end);
    if (next === 46 && isDigit(text.charCodeAt(end + 1))) return 0; // a decimal or a dotted number
    const sep = bare ? 45 : text.charCodeAt(start + 3);
    if (sep === 45) {
      // Part of a longer hyphenated token.
      if (prev === 45 && isAlnum(text.charCodeAt(start - 2))) return 0;
      if (next === 45 && isAlnum(text.charCodeAt(end + 1))) return 0;
      if (!bare) {
        if (ctx.context || ctx.field) return SCORE_DASHED_CONTEXT;
        return ctx.negative ? SCORE_DASHED_NEGATIVE : SCORE_DASHED;
      }
    } else {
      // Part of a longer run of space-separated numbers.
      if (prev === 32 && isDigit(text.charCodeAt(start - 2))) return 0;
      if (next === 32 && isDigit(text.charCodeAt(end + 1))) return 0;
    }
    const score = bare ? SCORE_BARE : SCORE_SPACED;
    if (ctx.field) return score;
    if (!ctx.context) return 0;
    const owner = labelOwner(text, start, WORDS_NORM, NEGATIVE_NORM);
    if (owner < 0 || (owner === 0 && ctx.negative)) return 0;
    return score;
  },
  context: { words: WORDS, negative: NEGATIVE },
  normalize(value) {
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 48 && c <= 57) out += value[i];
    }
    return out;
  },
  examples: {
    // Test values follow the allocation rules only; 123-45-6789 is the SSA's own example number.
    match: [
      '123-45-6789',
      'SSN: 123-45-6789',
      'ssn 123 45 6789',
      'SSN#123456789',
      'social security number: 123456789',
      'order 123-45-6789', // still SSN-shaped (lower score)
    ],
    noMatch: [
      '000-45-6789', // area 000
      '666-45-6789', // area 666
      '912-45-6789', // 9xx: an ITIN
      '123-00-6789', // group 00
      '123-45-0000', // serial 0000
      '123456789', // bare without context
      '123 45 6789', // spaced without context
      'ssn ok, pid=123456789', // another field's key
      '555-123-4567', // phone layout
      '2026-02-24', // date
      '1-123-45-6789', // inside a longer dashed number
      '123-45-67890', // one digit too many
      'x123-45-6789', // glued to a letter
    ],
  },
});
