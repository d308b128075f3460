import { digitsOnly, luhnCheckDigit, luhnValid, withLuhn } from './lib/checksum.js';
import { defineDetector } from './lib/define.js';
import { labelledScore, normalizeLabels } from './lib/label.js';
import { isDigit } from './lib/chars.js';
import { label, written } from './lib/generate.js';

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

const WORDS_NORM = normalizeLabels(WORDS);
const NEGATIVE_NORM = normalizeLabels(NEGATIVE);

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
  fieldNames: ['imei'],
  mask: [0, 4],
  generate: {
    // TAC + serial + Luhn; with a context word, or written 2-6-6-1.
    valid(r, lang) {
      const body = r.pick(['35', '86', '01', '99']) + r.digits(12);
      const v = body + luhnCheckDigit(body);
      if (r.chance(0.3)) {
        const grouped = `${v.slice(0, 2)}-${v.slice(2, 8)}-${v.slice(8, 14)}-${v.slice(14)}`;
        return written(grouped, label(r, lang, ['IMEI: ', 'imei='], ['设备IMEI:', 'IMEI号 '], 0.5));
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

