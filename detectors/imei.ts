import { luhnValid } from './checksum.js';
import { defineDetector } from './define.js';

/**
 * IMEI (3GPP TS 23.003): 8-digit TAC + 6-digit serial + Luhn check digit = 15 digits, written compact
 * or grouped 2-6-6-1 (`86-012345-678901-4`); IMEISV: the same 14 digits + a 2-digit software version
 * = 16 digits, no check digit (compact or 2-6-6-2).
 *
 * A 15-digit Luhn-valid run is one random number in ten, so the check digit is not enough on its own:
 * - the dashed 2-6-6-1 layout is the IMEI's own and needs nothing else (0.9);
 * - compact or space-grouped, it needs a context word (IMEI, MEID, device id, 设备号, 串号…) or a
 *   field rule. A bare run next to a negative word (txn, order, 订单, 流水) is not an IMEI, even with
 *   an IMEI word elsewhere in the window, unless the label right before the value names it
 *   (`order=12 imei=…`), and a value under another field's key (`txn_id=…`) is never one.
 * - IMEISV (16 digits, nothing to check) always needs that context, and scores 0.8 (context-only).
 *
 * An IMEI overlapping a payment card: 15-digit IMEIs begin with reporting-body codes (01, 35, 86,
 * 99…) that are not the 15-digit Amex IIN (34, 37), so the two rarely compete.
 */

const SCORE = 0.9;
const SCORE_SV = 0.8;

const WORDS = [
  'imei',
  'imei1',
  'imei2',
  'imeisv',
  'meid',
  'device id',
  'deviceid',
  'device_id',
  '设备号',
  '设备id',
  '设备识别码',
  '串号',
  '手机串号',
  '国际移动设备识别码',
];
const NEGATIVE = ['order', 'txn', 'transaction', 'trace', 'invoice', '订单', '流水', '单号', '交易'];

// ---- label right before the value (shared logic with us-ssn.ts and bank-account.ts) -------------

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
  type: 'IMEI',
  name: 'imei',
  candidate: 'digits',
  minLen: 15,
  maxLen: 19,
  // compact 15/16 | 2-6-6-1(2) with '-' | with spaces.
  shape: /\d{15,16}|\d{2}-\d{6}-\d{6}-\d{1,2}|\d{2} \d{6} \d{6} \d{1,2}/y,
  validate(text, start, end, ctx) {
    const sep = text.charCodeAt(start + 2);
    const grouped = sep === 45 || sep === 32;
    const n = grouped ? end - start - 3 : end - start;
    if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) return 0; // `….5`: a decimal
    if (n === 15) {
      if (!luhnValid(text, start, end)) return 0;
      if (sep === 45) return SCORE; // the 2-6-6-1 dashed layout
    }
    const score = n === 15 ? SCORE : SCORE_SV;
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
    // Check digits from luhnCheckDigit: 86012345678901 → 4, 35555550123456 → 5.
    match: [
      '86-012345-678901-4',
      'IMEI 860123456789014',
      'imei=355555501234565',
      '设备号:860123456789014',
      'deviceId: 86 012345 678901 4',
      'IMEISV 8601234567890123',
    ],
    noMatch: [
      '860123456789014', // Luhn-valid, but bare and no context
      '86-012345-678901-5', // bad check digit
      'IMEI 860123456789015', // bad check digit
      'txn 860123456789014', // negative context
      'imei ok, order 860123456789014', // the label right before is `order`
      '8601234567890123', // IMEISV without context
      'x860123456789014', // glued to a letter
    ],
  },
});

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
