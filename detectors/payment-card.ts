import { countDigits, digitsOnly, luhnCheckDigit, luhnValid, withLuhn } from './lib/checksum.js';
import { defineDetector } from './lib/define.js';
import { isAlnum, isDigit } from './lib/chars.js';
import { codeAt } from './lib/code-at.js';
import { groupsOfFour, label, written, type Rng } from './lib/generate.js';
import type { ValidateContext } from './lib/types.js';

/**
 * Payment card number (PAN, ISO/IEC 7812): 12–19 digits, written compact or grouped with one space
 * or one '-' (the same separator throughout): 4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4. Mixed
 * separators (`4111 1111-1111 1111`) are not a card layout and do not match.
 *
 * A finding needs all three of: the Luhn check, a known IIN (issuer prefix) and one of that brand's
 * lengths. Luhn alone passes 1 random number in 10; the IIN table starts with `1` only for UATP,
 * which needs a card word, so epoch millis (13 digits, `1…`), epoch micros (16, `1…`), snowflake ids
 * (`1…`) and compact timestamps (`20260224122641`, 14 digits, no `20` IIN) are never cards alone,
 * whatever their check digit.
 *
 *   Visa 4 (13, 16, 19) · Mastercard 51–55, 2221–2720 (16) · Amex 34, 37 (15) · UnionPay 62 (16–19)
 *   Discover 6011, 644–649, 65 (16–19) · JCB 3528–3589 (16–19) · Diners 36, 300–305, 38–39 (14–19)
 *   Mir 2200–2204 (16–19)
 *   Maestro and other debit ranges 50, 56–58, 60 (not 6011), 63, 67 (16–19; 13–15 only with a
 *   card context word) · UATP 1 (15, only with a card context word or in UATP's printed 4-5-6 layout:
 *   15-digit ids starting with 1 are common, and one in ten passes Luhn)
 *
 * Unknown IIN: a Luhn-valid number of 12–19 digits is a card when a field rule says so, or when the
 * label right before it names a card number (`cardNo=`, `card_number:`, `payment.card=`, `卡号：`,
 * `card number is`; not `card_id=`, `cardExpiry=`, `card_ts=`), or, scanned alone under a key, the key
 * does (`{"card": …}`), and no negative word (order, txn, id…) stands in the window unclaimed: 0.9.
 * A card word elsewhere in the window is not enough (`card declined, txn …`).
 *
 * 18 digits is the CN resident ID's length, and 18-digit ids that fail its check are everywhere: an
 * 18-digit number is a card alone only with a brand that issues 18 digits (UnionPay, Discover, JCB,
 * Mir); the weak ranges (Maestro-range, Diners) need a card word at 18 digits.
 *
 * The 4-6-5 layout must be an Amex number and 4-6-4 a Diners one; 4-4-4-4 / 4-4-4-4-3 need a brand
 * issuing 16 / 19 digits.
 *
 * UATP decision: a bare 15-digit run starting with 1 is weak evidence (Luhn passes one in ten ids;
 * pthread ids as Apache's `tid` and Python's %(thread)d print them are 139…/140…, nanosecond clocks
 * after a day or more of uptime 1…), so compact UATP numbers need a card word, a card field or a
 * column header naming the card (CSV/TSV files); a bare run in a headerless TSV row stays. UATP's printed
 * 4-5-6 layout (`1234-56789-012345`, one space or `-`) is evidence by itself: no id, timestamp or
 * phone is written so, and with the leading 1 and Luhn it is a card without a word.
 *
 * Maestro decision: ISO gives Maestro "50, 56–69" at 12–19 digits, which with Luhn would make one
 * 6-prefixed order id in ten a card. Narrowed to the sub-ranges where debit cards are really issued
 * (50, 56–58, 60, 63, 67: Maestro 5018/5020/5038/6304/6759/676x, RuPay/Hipercard 60); 61, 66, 68, 69
 * are not cards. Maestro below 16 digits needs a card context word, and a Maestro-range number next
 * to a negative word (order, txn, id, 订单, 流水…) with no card word is rejected.
 *
 * Weak evidence is treated the same way (0.9 alone, 0.97 with a card word, rejected next to a
 * negative word without one): Visa at 13 digits (no longer issued) and Diners at 15, 17–19 digits.
 *
 * Negative-context decision for the other brands (Visa 16/19, Mastercard, Amex, UnionPay, Discover,
 * JCB, Diners 14/16): a Luhn-valid number with a real IIN and length stays a card next to
 * `order`/`txn`/`trace`/`订单` (card numbers do get logged inside order records), but it scores 0.85
 * instead of 0.97 so a policy threshold can tell them apart. A card context word wins over a
 * negative one. The cost, for uniformly random numeric ids: strong IINs cover about 2% of 15-digit
 * prefixes (Amex) and 27% of 16-digit ones, so with Luhn about 0.2% of 15-digit and 2.7% of 16-digit
 * random ids are reported, at 0.85 when a negative word is near.
 *
 * A number glued to an identifier by `_` or `-` (`blk_4874…`, `blk_-4837…`, `node-4000…`) is the tail
 * of that identifier, not a card.
 *
 * Grouped numbers inside longer grouped runs (`bytes=5123 4111 1111 1111 1111`) are offered at each
 * group start by the scanner; a group sequence that validates there is reported.
 */

const SCORE = 0.97;
const SCORE_NEGATIVE = 0.85;
const SCORE_WEAK = 0.9; // Maestro-range without a card word
const SCORE_UNBRANDED = 0.9; // no known IIN, Luhn-valid, under a card label or field

// Brand length masks: bit n set = n digits allowed.
const bits = (...lens: number[]) => lens.reduce((m, n) => m | (1 << n), 0);
const range = (lo: number, hi: number) => {
  let m = 0;
  for (let n = lo; n <= hi; n++) m |= 1 << n;
  return m;
};
const VISA = bits(13, 16, 19);
const SIXTEEN = bits(16);
const AMEX = bits(15);
const LONG = range(16, 19); // UnionPay, Discover, JCB
const DINERS = range(14, 19);
const WEAK = range(13, 19); // Maestro-range; < 16 needs context (checked below)
const UATP = bits(15) | (1 << 30); // needs context (checked below); bit 30 tells it from Amex

/** Length mask of the brand whose IIN starts text[start..start+3] (four digits); 0 for no brand. */
function brandMask(text: string, start: number): number {
  const d0 = text.charCodeAt(start) - 48;
  const p2 = d0 * 10 + text.charCodeAt(start + 1) - 48;
  const p3 = p2 * 10 + text.charCodeAt(start + 2) - 48;
  const p4 = p3 * 10 + text.charCodeAt(start + 3) - 48;
  switch (d0) {
    case 1:
      return UATP;
    case 2:
      if (p4 >= 2200 && p4 <= 2204) return LONG; // Mir
      return p4 >= 2221 && p4 <= 2720 ? SIXTEEN : 0;
    case 3:
      if (p2 === 34 || p2 === 37) return AMEX;
      if (p4 >= 3528 && p4 <= 3589) return LONG;
      if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return DINERS;
      return 0;
    case 4:
      return VISA;
    case 5:
      if (p2 >= 51 && p2 <= 55) return SIXTEEN;
      if (p2 === 50 || (p2 >= 56 && p2 <= 58)) return WEAK;
      return 0;
    case 6:
      if (p2 === 62) return LONG;
      if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return LONG;
      if (p2 === 60 || p2 === 63 || p2 === 67) return WEAK;
      return 0;
    default:
      return 0;
  }
}

const WORDS = [
  'card',
  'card no',
  'card number',
  'cardno',
  'cardnumber',
  'credit card',
  'debit card',
  'cc',
  'pan',
  'visa',
  'mastercard',
  'amex',
  'maestro',
  'unionpay',
  'jcb',
  'diners',
  'discover',
  'mir',
  'uatp',
  '卡号',
  '卡號',
  '信用卡',
  '银行卡',
  '借记卡',
  '储蓄卡',
  '银联',
];
const NEGATIVE = [
  'order',
  'txn',
  'transaction',
  'trace',
  'id',
  'uid',
  'ref',
  'invoice',
  'tracking',
  'imei',
  'meid',
  '订单',
  '流水',
  '单号',
  '交易号',
  '设备号',
  '串号',
];
/**
 * A key that names a card number: ends in a card word, then at most `no`/`number`/`#` (`cardNo`,
 * `card_number`, `payment.card`, `creditCard`, `pan`, `银行卡号`), not `card_id`, `cardExpiry`,
 * `card_ts`, `timespan`.
 */
const CARD_NAME = String.raw`(?:card|(?<![a-z])pan|卡号|卡號|信用卡|银行卡|借記卡|借记卡|储蓄卡)(?:[\s_.-]?(?:no\.?|nr\.?|num(?:ber)?|nbr|#))?`;
const CARD_KEY = new RegExp(`${CARD_NAME}$`, 'i');
/** The same label written right before the value: `cardNo=`, `"card_number": "`, `卡号：`, `card number is `. */
const CARD_LABEL = new RegExp(String.raw`${CARD_NAME}(?:\s+is)?["']?\s?[:=：]?\s?["']?$`, 'i');

/** A card key names the value scanned alone under it, or a card label is written right before it. */
function cardLabelled(text: string, start: number, end: number, ctx: ValidateContext): boolean {
  const alone = start === 0 && end === text.length; // a value scanned under its key
  if (alone) return ctx.key !== undefined && CARD_KEY.test(ctx.key);
  return mayEndCardLabel(text, start) && CARD_LABEL.test(text.slice(Math.max(0, start - 48), start));
}

/**
 * A few char reads before CARD_LABEL (a slice and a regex): a label's last char (`d` of card, `n` of
 * pan, `o`, `.`, `r`, `m`, `#` of its number word, `s` of `is`, a CJK char) stands before the value,
 * with at most the five spaces, quotes and `:`/`=` the label may end with in between.
 */
function mayEndCardLabel(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 6; i--) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return true; // a CJK label, `：` or a Unicode space: the regex reads it
    const l = c | 32;
    if (l === 100 || l === 110 || l === 111 || l === 114 || l === 109 || l === 115 || c === 46 || c === 35) return true;
    if (!(c <= 32 || c === 34 || c === 39 || c === 58 || c === 61)) return false;
  }
  return false;
}

/** A valid number of a common brand: its IIN, its length, its Luhn digit. */
function cardValue(r: Rng): string {
  const [, prefix, len] = r.pick<[string, () => string, number]>([
    ['visa', () => '4' + r.digits(5), 16],
    ['visa', () => '4' + r.digits(5), 16],
    ['mastercard', () => String(r.int(51, 55)) + r.digits(4), 16],
    ['mastercard', () => String(r.int(2221, 2720)) + r.digits(2), 16],
    ['amex', () => r.pick(['34', '37']) + r.digits(4), 15],
    ['unionpay', () => '62' + r.digits(4), 16],
    ['unionpay', () => '62' + r.digits(4), 19],
    ['discover', () => r.pick(['6011', String(r.int(644, 649)) + r.digits(1), '65' + r.digits(2)]) + r.digits(2), 16],
    ['jcb', () => String(r.int(3528, 3589)) + r.digits(2), 16],
    ['jcb', () => String(r.int(3528, 3589)) + r.digits(2), 19],
    ['mir', () => String(r.int(2200, 2204)) + r.digits(2), 16],
  ]);
  const body = prefix() + r.digits(len - 7);
  return body + luhnCheckDigit(body);
}

/** As printed: 4-6-5 for 15 digits (Amex), else groups of four. */
function groupCard(d: string, sep: string): string {
  if (d.length === 15) return `${d.slice(0, 4)}${sep}${d.slice(4, 10)}${sep}${d.slice(10)}`;
  return groupsOfFour(d, sep);
}

export default defineDetector({
  type: 'PAYMENT_CARD',
  name: 'payment_card',
  candidate: 'digits',
  minLen: 12,
  maxLen: 23,
  // compact | groups of four (4-4-4-4, 4-4-4-4-3, …), 4-6-5/4-6-4 or UATP's 4-5-6 with spaces | the same with '-'.
  shape: /\d{12,19}|\d{4}(?:(?: \d{4}){2,3}(?: \d{1,3})?| \d{6} \d{4,5}| \d{5} \d{6})|\d{4}(?:(?:-\d{4}){2,3}(?:-\d{1,3})?|-\d{6}-\d{4,5}|-\d{5}-\d{6})/y,
  validate(text, start, end, ctx) {
    const sep = text.charCodeAt(start + 4);
    const grouped = sep === 32 || sep === 45;
    const n = grouped ? countDigits(text, start, end) : end - start;
    let mask = brandMask(text, start);
    if ((mask & (1 << n)) === 0) {
      // No brand of this length: only a card field, or a card label and a card word, can make it one.
      // Luhn first, then the label: short reads; the word lookup is not, and most such numbers (epoch
      // millis, ids) fail them.
      if (n < 12 || !luhnValid(text, start, end)) return 0;
      if (!ctx.field && !(cardLabelled(text, start, end, ctx) && ctx.context)) return 0;
      mask = 0;
    }
    // A decimal or dotted continuation (`4000123456789017.5`) is a number, not a PAN.
    if (codeAt(text, end) === 46 && isDigit(codeAt(text, end + 1))) return 0;
    // The tail of an identifier: `blk_4874546133732485077`, `blk_-4837458178846809749` (HDFS block
    // ids are 19 digits, one in ten Luhn-valid with a Visa/UnionPay/Discover IIN), `node-4000…`.
    const prev = codeAt(text, start - 1);
    if (prev === 95) return 0; // '_'
    if (prev === 45) {
      const p2 = codeAt(text, start - 2);
      if (p2 === 95 || isAlnum(p2)) return 0;
    }
    // UATP's printed 4-5-6 layout: only a UATP number (1, 15 digits).
    const uatpPrinted = grouped && text.charCodeAt(start + 10) === sep;
    if (uatpPrinted && mask !== UATP && mask !== 0) return 0;
    if (mask !== 0 && grouped && !uatpPrinted) {
      // 4-6-x: Amex (15) or Diners (14) only; groups of four: 16 or 19 digits (4-4-4-4, 4-4-4-4-3).
      // Other groups of four (4-4-4-2…) only under a card label, for numbers of no known brand.
      if (text.charCodeAt(start + 11) === sep) {
        if (n === 15 ? mask !== AMEX : mask !== DINERS) return 0;
      } else if (n !== 16 && n !== 19) return 0;
    }
    if (mask !== 0 && !luhnValid(text, start, end)) return 0;
    if (mask === 0) {
      if (ctx.field) return SCORE_UNBRANDED;
      // Labelled as a card (checked above); an order or txn word unclaimed by another value: its id, more likely.
      return ctx.negative ? 0 : SCORE_UNBRANDED;
    }
    // Weak evidence: the broad Maestro-range, and lengths no brand issues any more (Visa 13) or that
    // only a minority of Diners cards use (15, 17–19).
    const weak = mask === WEAK || mask === UATP || (mask === VISA && n === 13) || (mask === DINERS && n !== 14 && n !== 16);
    if (weak) {
      // UATP printed 4-5-6: the layout is the evidence a card word would be (no id is written so).
      if (ctx.context || ctx.field || uatpPrinted) return SCORE;
      if (((mask === WEAK || mask === UATP) && n < 16) || n === 18 || ctx.negative) return 0;
      return SCORE_WEAK;
    }
    if (ctx.negative && !ctx.context && !ctx.field) return SCORE_NEGATIVE;
    return SCORE;
  },
  context: {
    words: WORDS,
    negative: NEGATIVE,
  },
  normalize: digitsOnly,
  examples: {
    // Check digits computed with luhnCheckDigit (the card test recomputes every one of them).
    match: [
      '4000123456789017', // Visa 16
      '4000 1234 5678 9017',
      '4000-1234-5678-9017',
      '4000123456788', // Visa 13
      '5123456789012346', // Mastercard
      '2221 1234 5678 9014', // Mastercard 2-series
      '3712 345678 90120', // Amex 4-6-5
      '3001 234567 8907', // Diners 4-6-4
      '6212345678901234569', // UnionPay 19
      '6212 3456 7890 1234 569', // UnionPay 4-4-4-4-3
      '6011123456789019', // Discover
      '3530123456789018', // JCB
      '6759123456789015', // Maestro 16
      'card 6304123456782', // Maestro 13, with a card word
      'order 4000123456789017', // a valid card stays a card next to `order` (lower score)
      '1122-33445-566773', // UATP printed 4-5-6
    ],
    noMatch: [
      '4000123456789018', // bad Luhn
      '4111 1111-1111 1111', // mixed separators
      '1700000000004', // 13-digit epoch millis, Luhn-valid, but no IIN starts with 1
      '1740000000000003', // 16-digit epoch micros, Luhn-valid
      '400012345678909', // Luhn-valid Visa prefix at 15 digits: not a Visa length
      '3712 3456 7890 120', // Amex in 4-4-4-3: not a card layout
      '6112345678901233', // Luhn-valid, but 61 has no issuer
      '6304123456782', // Maestro 13 without a card word
      'order 6759123456789015', // Maestro range next to `order`, no card word
      'x4000123456789017', // glued to a letter
      '40001234567890171', // inside a longer digit run
      'blk_4000123456789017', // an HDFS block id
      '112233445566773', // UATP compact without a card word
      '1122-33445-566774', // 4-5-6 with a bad Luhn digit
    ],
  },
  fieldNames: ['card_number', 'card_no', 'card_num', 'credit_card', 'credit_card_number', 'debit_card', 'payment_card', '信用卡号'],
  mask: [0, 4],
  generate: {
    valid(r, lang) {
      if (r.chance(0.1)) {
        // UATP (1, 15 digits) or a number of no known IIN: a card only under a card label.
        const body = r.chance(0.5) ? '1' + r.digits(13) : r.pick(['7', '8', '9']) + r.digits(r.int(10, 17));
        const v = body + luhnCheckDigit(body);
        return written(v, label(r, lang, ['cardNo=', 'card_number: ', 'payment.card=', 'card number is '], ['卡号：', '银行卡号 ', '信用卡号:'], 0));
      }
      const digits = cardValue(r);
      const value = r.chance(0.5) ? digits : groupCard(digits, r.pick([' ', '-']));
      return written(value, label(r, lang, ['card=', 'card_no: ', 'pan=', 'cc '], ['卡号:', '银行卡：', '信用卡号 '], 0.4));
    },
    nearMisses: {
      luhn_fail_16(r) {
        const payload = r.pick(['4', '5' + r.int(1, 5), '62']) + r.digits(14);
        return written(withLuhn(payload.slice(0, 15), false), r.pick(['txn=', 'ref=', 'trade_no=', '交易号:']));
      },
      luhn_unknown_iin_16: (r) => written(withLuhn('9' + r.digits(14), true), r.pick(['txn=', 'ref=', 'serial=', ''])),
    },
    keys: { en: ['card_no', 'cardNumber', 'pan'], zh: ['卡号', '银行卡号'] },
  },
});

