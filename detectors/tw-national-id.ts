import { defineDetector } from './lib/define.js';
import { label, written, type Rng } from './lib/generate.js';
import { labelOwner, normalizeLabels } from './lib/label.js';

/**
 * Taiwan national identification number (中華民國國民身分證統一編號, 身分證字號): an upper-case letter for
 * the place of first registration, a digit for sex (1 male, 2 female), seven digits, a check digit.
 * The newer resident certificates of foreign nationals (新式統一證號, from 2021) share the form with
 * 8 or 9 as the second digit, and are accepted too (the older A–D second letters are not).
 *
 * Check: the letter stands for a two-digit number in the published, partly irregular order
 * (A=10 … H=17, J=18 … N=22, P=23 … V=29, X=30, Y=31, W=32, Z=33, I=34, O=35), giving 11 digits that,
 * weighted 1 9 8 7 6 5 4 3 2 1 1, sum to a multiple of 10.
 *
 * One random token of this shape in ten passes the check, so the check alone does not make it an ID:
 * with a context word (身分證字號, national id…) or a field rule it scores 0.95; bare, or under another
 * key, it scores 0.8 (letter + nine digits is a rare shape for anything else in a log); near an order,
 * ticket or invoice word, unless its own label is right before it, it is not taken at all.
 */

/** The two-digit number of each letter A–Z (the published table). */
const LETTER_VALUE = [10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33];
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 1]; // of the second to ninth chars; the letter's digits weigh 1 and 9, the check digit 1

/** The weighted sum of the first nine chars text[start, start+9) (an upper-case letter, then digits), check digit left out. */
function bodySum(text: string, start: number): number {
  const v = LETTER_VALUE[text.charCodeAt(start) - 65];
  let sum = Math.floor(v / 10) + (v % 10) * 9;
  for (let k = 0; k < 8; k++) sum += (text.charCodeAt(start + 1 + k) - 48) * WEIGHTS[k];
  return sum;
}

/** The check digit completing the nine chars text[start, start+9). */
export function twNationalIdCheckDigit(text: string, start = 0): number {
  return (10 - (bodySum(text, start) % 10)) % 10;
}

const WORDS = [
  '身分證',
  '身分證字號',
  '身分證號',
  '身分證號碼',
  '身分證統一編號',
  '國民身分證',
  '統一證號',
  '居留證號',
  'national id',
  'national_id',
  'tw id',
  'tw_id',
  'taiwan id',
  'roc id',
  'id no',
  'id_no',
  'id number',
];
const NEGATIVE = ['order', 'order_id', 'orderid', 'order no', 'invoice', 'ticket', 'sku', 'txn', 'serial', '訂單', '订单', '單號', '单号', '工單', '發票', '序號'];
const WORDS_NORM = normalizeLabels(WORDS);
const NEGATIVE_NORM = normalizeLabels(NEGATIVE);

const SCORE_CONTEXT = 0.95;
const SCORE_BARE = 0.8;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A valid number: any letter, mostly a citizen's 1/2, sometimes a resident's 8/9. */
function idValue(r: Rng): string {
  const body = r.pick([...LETTERS]) + (r.chance(0.9) ? r.pick(['1', '2']) : r.pick(['8', '9'])) + r.digits(7);
  return body + twNationalIdCheckDigit(body);
}

export default defineDetector({
  type: 'TW_NATIONAL_ID',
  name: 'tw_national_id',
  candidate: 'alnum',
  minLen: 10,
  maxLen: 10,
  shape: /[A-Z][1289]\d{8}/y,
  validate(text, start, end, ctx) {
    if ((bodySum(text, start) + text.charCodeAt(end - 1) - 48) % 10 !== 0) return 0;
    if (ctx.field) return SCORE_CONTEXT;
    if (!ctx.negative) return ctx.context ? SCORE_CONTEXT : SCORE_BARE;
    // An order word is near: only a label of ours right before the value (`訂單 … 身分證字號：…`) keeps it.
    return ctx.context && labelOwner(text, start, WORDS_NORM, NEGATIVE_NORM) > 0 ? SCORE_CONTEXT : 0;
  },
  context: { words: WORDS, negative: NEGATIVE },
  examples: {
    // A123456789 is the published worked example: A = 10, 1·1 + 0·9 + 1·8 + 2·7 + 3·6 + 4·5 + 5·4 +
    // 6·3 + 7·2 + 8·1 + 9·1 = 130. Computed here the same way:
    // Z10000000 → 3 + 27 + 8 = 38, check 2 (40); I20000000 → 3 + 36 + 16 = 55, check 5 (60);
    // O19876543 → 3 + 45 + 8 + 63 + 48 + 35 + 24 + 15 + 8 + 3 = 252, check 8 (260);
    // B80000001 (resident, 8) → 1 + 9 + 64 + 1 = 75, check 5 (80).
    match: ['A123456789', 'Z100000002', 'I200000005', 'O198765438', 'B800000015', '身分證字號：A123456789', 'national id: O198765438'],
    noMatch: [
      'A123456788', // wrong check digit
      'A323456783', // 3 is no sex digit (yet 1 + 24 + 14 + 18 + 20 + 20 + 18 + 14 + 8 + 3 = 140 passes the check)
      'a123456789', // lower case
      'AA123456789', // two letters
      'A1234567890', // eleven chars
      'order A123456789', // an order number that passes the check
      'A123456789B', // glued to a letter
    ],
  },
  fieldNames: ['tw_id', 'tw_national_id', 'taiwan_id', 'roc_id', '身分證字號', '身分證號', '身分證號碼', '身分證統一編號'],
  mask: [1, 3],
  generate: {
    valid(r, lang) {
      const value = idValue(r);
      return written(value, label(r, lang, ['tw_id=', 'national id: ', 'TW ID ', 'taiwan_id='], ['身分證字號：', '身分證號:', '身分證字號 ', '統一證號='], 0.3));
    },
    nearMisses: {
      tw_id_bad_check(r) {
        const id = idValue(r);
        const bad = (Number(id[9]) + r.int(1, 9)) % 10;
        return written(id.slice(0, 9) + bad, r.pick(['身分證字號：', 'tw_id=', '']));
      },
      tw_id_order_no(r) {
        return written(idValue(r), r.pick(['order=', 'ticket ', '訂單編號:', 'invoice_no=']));
      },
    },
    keys: { en: ['tw_id', 'twNationalId', 'roc_id'], zh: ['身分證字號', '身分證號'] },
  },
});
