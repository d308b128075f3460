import { countDigits, digitsOnly, luhnCheckDigit, luhnValid, withLuhn } from './lib/checksum.js';
import { defineDetector } from './lib/define.js';
import { labelledScore, normalizeLabels } from './lib/label.js';
import { isDigit, readNumber } from './lib/chars.js';
import { codeAt } from './lib/code-at.js';
import { label, written } from './lib/generate.js';

/**
 * IMEI (3GPP TS 23.003): 8-digit TAC + 6-digit serial + Luhn check digit = 15 digits; IMEISV: the same
 * 14 digits + a 2-digit software version = 16 digits, no check digit. Written compact or in the
 * groupings 3GPP and vendors print, with `-` or spaces (one kind): 2-6-6-1 (`86-012345-678901-4`,
 * reporting body, rest of the TAC, serial, check), 6-2-6-1 (`860123-45-678901-4`, the old TAC + FAC),
 * 8-6-1 (`86012345-678901-4`, TAC, serial, check); IMEISV the same with 2 final digits.
 *
 * A 15-digit Luhn-valid run is one random number in ten, so the check digit is not enough on its own:
 * - dashed in one of the layouts above it is the IMEI's own and needs nothing else (0.9), except an
 *   8-6-1 whose 8 digits are a date (`20261203-101112-1`: date, time, sequence is a common id);
 * - compact or space-grouped, it needs a context word (IMEI, MEID, device id, 设备号, 串号…) or a
 *   field rule. A bare run next to a negative word (txn, order, 订单, 流水) is not an IMEI, even with
 *   an IMEI word elsewhere in the window, unless the label right before the value names it
 *   (`order=12 imei=…`), and a value under another field's key (`txn_id=…`) is never one.
 * - IMEISV (16 digits, nothing to check): found alone only dashed 2-6-6-2, the layout 3GPP prints;
 *   otherwise with that context. Scores 0.8 (no checksum).
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
  // Device words: what carries the IMEI (`tracker IMEI`, `terminalNo`, `handset`, 终端, 设备).
  'device',
  'tracker',
  'terminal',
  'handset',
  '终端',
  '设备',
  '设备号',
  '设备id',
  '设备识别码',
  '串号',
  '手机串号',
  '国际移动设备识别码',
];
const NEGATIVE = ['order', 'txn', 'transaction', 'trace', 'invoice', '订单', '流水', '单号', '交易'];

/** text[start, start+8) reads as a date YYYYMMDD (19xx/20xx): the first group of a date-time id. */
function isDateAt(text: string, start: number): boolean {
  const century = readNumber(text, start, 2);
  const month = readNumber(text, start + 4, 2);
  const day = readNumber(text, start + 6, 2);
  return (century === 19 || century === 20) && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const WORDS_NORM = normalizeLabels(WORDS);
const NEGATIVE_NORM = normalizeLabels(NEGATIVE);

export default defineDetector({
  type: 'IMEI',
  name: 'imei',
  candidate: 'digits',
  minLen: 15,
  maxLen: 19,
  // compact 15/16 | 2-6-6-1(2) | 6-2-6-1(2) | 8-6-1(2), each with '-' or with spaces.
  shape:
    /\d{15,16}|\d{2}-\d{6}-\d{6}-\d{1,2}|\d{2} \d{6} \d{6} \d{1,2}|\d{6}-\d{2}-\d{6}-\d{1,2}|\d{6} \d{2} \d{6} \d{1,2}|\d{8}-\d{6}-\d{1,2}|\d{8} \d{6} \d{1,2}/y,
  validate(text, start, end, ctx) {
    if (codeAt(text, end) === 46 && isDigit(codeAt(text, end + 1))) return 0; // `….5`: a decimal
    let lead = start; // the first group: 2, 6 or 8 digits when grouped
    while (lead < end && isDigit(text.charCodeAt(lead))) lead++;
    const sep = lead < end ? text.charCodeAt(lead) : 0;
    const first = lead - start;
    const n = countDigits(text, start, end);
    if (n === 15) {
      if (!luhnValid(text, start, end)) return 0;
      if (sep === 45 && !(first === 8 && isDateAt(text, start))) return SCORE; // a dashed IMEI layout
    } else if (sep === 45 && first === 2) {
      return SCORE_SV; // IMEISV dashed 2-6-6-2
    }
    const score = n === 15 ? SCORE : SCORE_SV;
    return labelledScore(text, start, score, ctx, WORDS_NORM, NEGATIVE_NORM);
  },
  context: { words: WORDS, negative: NEGATIVE },
  normalize: digitsOnly,
  examples: {
    // Check digits from luhnCheckDigit: 86012345678901 → 4, 35555550123456 → 5.
    match: [
      '86-012345-678901-4',
      'IMEI 860123456789014',
      'imei=355555501234565',
      '设备号:860123456789014',
      'deviceId: 86 012345 678901 4',
      'IMEISV 8601234567890123',
      '860123-45-678901-4', // 6-2-6-1
      '86012345-678901-4', // 8-6-1
      'imei 86012345 678901 4',
      '86-012345-678901-23', // IMEISV 2-6-6-2
    ],
    noMatch: [
      '860123456789014', // Luhn-valid, but bare and no context
      '86-012345-678901-5', // bad check digit
      'IMEI 860123456789015', // bad check digit
      'txn 860123456789014', // negative context
      'imei ok, order 860123456789014', // the label right before is `order`
      '8601234567890123', // IMEISV without context
      'x860123456789014', // glued to a letter
      '86012345 678901 4', // spaced without context
      '86-012345 678901-4', // mixed separators
      '860123-45-678901-5', // 6-2-6-1, bad check digit
      '20260224-122641-3', // 8-6-1 Luhn-valid, but date-time-sequence
    ],
  },
  fieldNames: ['imei'],
  mask: [0, 4],
  generate: {
    // TAC + serial + Luhn; with a context word, or written 2-6-6-1.
    valid(r, lang) {
      const body = r.pick(['35', '86', '01', '99']) + r.digits(12);
      const v = body + luhnCheckDigit(body);
      if (r.chance(0.4)) {
        // 2-6-6-1, 6-2-6-1 or 8-6-1, dashed (found alone) or spaced (with a label).
        const cuts = r.pick([[2, 8, 14], [6, 8, 14], [8, 14]]);
        const sep = r.pick(['-', '-', ' ']);
        const groups = [0, ...cuts].map((c, k, all) => v.slice(c, all[k + 1]));
        return written(groups.join(sep), label(r, lang, ['IMEI: ', 'imei='], ['设备IMEI:', 'IMEI号 '], sep === '-' ? 0.5 : 0));
      }
      return written(v, label(r, lang, ['IMEI: ', 'imei=', 'device_imei='], ['设备IMEI:', 'IMEI号 ', 'imei:'], 0));
    },
    nearMisses: {
      // Half Luhn-valid, so only the order word tells them from IMEIs.
      order_15: (r) => written(withLuhn(r.pick(['1', '2']) + r.digits(13), r.chance(0.5)), r.pick(['order ', 'order=', 'order_no: ', '订单', '订单号:'])),
    },
    keys: { en: ['imei'], zh: ['IMEI', 'imei'] },
  },
});

