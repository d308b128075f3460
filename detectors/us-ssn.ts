import { digitsOnly } from './lib/checksum.js';
import { defineDetector } from './lib/define.js';
import { labelledScore, normalizeLabels } from './lib/label.js';
import { isAlnum, isDigit, readNumber } from './lib/chars.js';
import { codeAt } from './lib/code-at.js';
import { label, pad, written } from './lib/generate.js';

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
 * - Spaced `123 45 6789` or dotted `123.45.6789`: three numbers separated by spaces are everywhere in
 *   logs (`200 45 1234`: status, duration, bytes), and dotted ones are versions and amounts, so these
 *   need a context word or a field rule: 0.85. One separator throughout (`123.45-6789` is none).
 * - Bare `123456789`: only with a context word or a field rule, never next to a negative word unless
 *   the label right before it names the SSN, never under another field's key (`pid=`): 0.75.
 * - A value that continues a longer dashed token (`1-123-45-6789`, `123-45-6789-01`, `ABC-123-45-6789`),
 *   a longer spaced or dotted number run (`1.123.45.6789`) or a decimal (`123456789.5`) is not an SSN.
 */

const SCORE_DASHED = 0.85;
const SCORE_DASHED_CONTEXT = 0.95;
const SCORE_DASHED_NEGATIVE = 0.6;
const SCORE_GROUPED = 0.85; // spaced or dotted
const SCORE_BARE = 0.75;

const WORDS = [
  'ssn',
  'ss#',
  'ss no',
  'social security',
  'social security number',
  'social security no',
  // Keys written as words (social_security_number, social-security-no, Social.Security.Number).
  'social_security',
  'social-security',
  'social.security',
  'ss_no',
  'soc sec',
  'socialsecuritynumber',
  '社会安全号',
  '社会安全号码',
  '社会安全码',
  '社安号',
  '社會安全號',
  '社會安全號碼',
  '社會安全碼',
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


/** `-`, `:`, `/`, `.`: a number that goes on with one of these is a date, time or version. */
function continuesNumber(c: number): boolean {
  return c === 45 || c === 58 || c === 47 || c === 46;
}
/** The digit run ending at text[i] has at most four digits and stands alone (could be a group). */
function groupBefore(text: string, i: number): boolean {
  let n = 0;
  while (n < 5 && i - n >= 0 && isDigit(text.charCodeAt(i - n))) n++;
  return n <= 4 && !continuesNumber(text.charCodeAt(i - n));
}
/** The digit run starting at text[i] has at most four digits and stands alone (could be a group). */
function groupAfter(text: string, i: number): boolean {
  let n = 0;
  while (n < 5 && isDigit(text.charCodeAt(i + n))) n++;
  return n <= 4 && !continuesNumber(text.charCodeAt(i + n));
}

const WORDS_NORM = normalizeLabels(WORDS);
const NEGATIVE_NORM = normalizeLabels(NEGATIVE);

export default defineDetector({
  type: 'US_SSN',
  name: 'us_ssn',
  candidate: 'digits',
  minLen: 9,
  maxLen: 11,
  shape: /\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{3}\.\d{2}\.\d{4}|\d{9}/y,
  validate(text, start, end, ctx) {
    const bare = end - start === 9;
    const area = readNumber(text, start, 3);
    if (area === 0 || area === 666 || area >= 900) return 0;
    if (readNumber(text, bare ? start + 3 : start + 4, 2) === 0) return 0;
    if (readNumber(text, end - 4, 4) === 0) return 0;
    const prev = codeAt(text, start - 1);
    const next = codeAt(text, end);
    if (next === 46 && isDigit(codeAt(text, end + 1))) return 0; // a decimal or a dotted number
    const sep = bare ? 45 : text.charCodeAt(start + 3);
    if (sep === 45) {
      // Part of a longer hyphenated token.
      if (prev === 45 && isAlnum(codeAt(text, start - 2))) return 0;
      if (next === 45 && isAlnum(codeAt(text, end + 1))) return 0;
      if (!bare) {
        if (ctx.context || ctx.field) return SCORE_DASHED_CONTEXT;
        return ctx.negative ? SCORE_DASHED_NEGATIVE : SCORE_DASHED;
      }
    } else if (!bare) {
      // Part of a longer run of grouped numbers (`1.123.45.6789`, `7 123 45 6789`, `123 45 6789 12`): a
      // neighbour of up to four digits standing alone could be one of its groups. A longer number, or
      // one that goes on as a date or time (`2026-12-25T…`, `10:11:12`), is a token of its own.
      if (prev === sep && isDigit(codeAt(text, start - 2)) && (sep === 46 || groupBefore(text, start - 2))) return 0;
      if (next === sep && isDigit(codeAt(text, end + 1)) && (sep === 46 || groupAfter(text, end + 1))) return 0;
    }
    const score = bare ? SCORE_BARE : SCORE_GROUPED;
    return labelledScore(text, start, score, ctx, WORDS_NORM, NEGATIVE_NORM);
  },
  context: { words: WORDS, negative: NEGATIVE },
  normalize: digitsOnly,
  examples: {
    // Test values follow the allocation rules only; 123-45-6789 is the SSA's own example number.
    match: [
      '123-45-6789',
      'SSN: 123-45-6789',
      'ssn 123 45 6789',
      'SSN#123456789',
      'social security number: 123456789',
      'order 123-45-6789', // still SSN-shaped (lower score)
      'SSN 123.45.6789', // dotted, with context
      '社会安全号 123456789',
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
      '123.45.6789', // dotted without context
      'ssn 123.45-6789', // mixed separators
      'ssn 1.123.45.6789', // inside a longer dotted number
    ],
  },
  fieldNames: ['ssn', 'social_security_number', 'social_security_no', '社会安全号码'],
  mask: [0, 4],
  generate: {
    valid(r, lang) {
      let area = r.int(1, 899);
      if (area === 666) area = 665;
      const [a, g, s] = [pad(area, 3), pad(r.int(1, 99), 2), pad(r.int(1, 9999), 4)];
      // Dashed (its own layout, found bare); spaced, dotted or 9 digits only after a label.
      const form = r.int(0, 9);
      const dashed = form < 6;
      const value = dashed ? `${a}-${g}-${s}` : form === 6 ? `${a} ${g} ${s}` : form === 7 ? `${a}.${g}.${s}` : a + g + s;
      return written(value, label(r, lang, ['ssn=', 'SSN: ', 'social security number ', 'SSN#', 'Social Security No. '], ['SSN:', '社会安全号码:', '社会安全号 '], dashed ? 0.5 : 0));
    },
    keys: { en: ['ssn'], zh: ['ssn'] },
  },
});
