import { defineDetector } from './lib/define.js';
import { cnResidentIdCheckChar, luhnValid } from './lib/checksum.js';
import { CN_DIVISIONS } from './lib/cn-divisions.js';
import { label, pad, pastDate, written, type Rng } from './lib/generate.js';

/**
 * Mainland China resident identity number (居民身份证号码, GB 11643-1999), in two forms:
 *
 * - 18 chars: 6-digit division code, birth date YYYYMMDD, 3-digit sequence, ISO 7064 MOD 11-2 check
 *   char (digit or X/x). Written compact or in 6-8-4 groups joined by one space or one '-' (the same
 *   separator both times). No context needed: province prefix × real past birth date × check char
 *   leave about 1 random 18-digit number in 70,000 (order ids, snowflake ids), so it scores 0.99.
 * - 15 digits (GB 11643-1989, issued until 1999): division code, YYMMDD in 19YY, sequence; no check
 *   digit. Only with a context word (or a field rule), and never next to an order/transaction word:
 *   15-digit runs are everywhere in logs (IMEIs, ids, amounts in cents). Scores 0.7.
 *
 * The first two digits must be a province-level code. Besides the brief's list (11–15, 21–23, 31–37,
 * 41–46, 50–54, 61–65, 71, 81, 82, 91) 83 is accepted: residence permits for Taiwan residents
 * (港澳台居民居住证, from 2018) carry 18-digit numbers of this same form under 830000, as HK and Macau
 * residents' do under 810000 and 820000.
 */

const PROVINCE = new Uint8Array(100);
for (const [lo, hi] of [
  [11, 15],
  [21, 23],
  [31, 37],
  [41, 46],
  [50, 54],
  [61, 65],
  [71, 71],
  [81, 83],
  [91, 91],
]) {
  for (let p = lo; p <= hi; p++) PROVINCE[p] = 1;
}

/** True when the two digits at text[i], text[i+1] are a province-level division code (shared with CN_USCC). */
export function isCnProvinceAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && PROVINCE[a * 10 + b] === 1;
}

// "Today" once per process (local time): a birth date after it is not a birth date.
const NOW = new Date();
const TODAY = NOW.getFullYear() * 10000 + (NOW.getMonth() + 1) * 100 + NOW.getDate();

function num2(text: string, i: number): number {
  return (text.charCodeAt(i) - 48) * 10 + (text.charCodeAt(i + 1) - 48);
}

/** A real calendar day (Gregorian). */
function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

const SCORE_18 = 0.99;
const SCORE_15 = 0.7;

/** A valid 18-char number: a real division, a real past birth date, its check char (X when `wantX`, if drawn in 200 tries). */
function idValue(r: Rng, wantX = false): string {
  for (let i = 0; ; i++) {
    const { y, m, d } = pastDate(r, 1950, 2008);
    const body = r.pick(CN_DIVISIONS) + y + pad(m, 2) + pad(d, 2) + r.digits(3);
    const check = cnResidentIdCheckChar(body, 0, 17);
    if (!wantX || check === 'X' || i > 200) return body + check;
  }
}

export default defineDetector({
  type: 'CN_RESIDENT_ID',
  name: 'cn_resident_id',
  candidate: 'digits',
  minLen: 15,
  maxLen: 20,
  // 18 compact | 6-8-4 with spaces | 6-8-4 with '-' | 15 legacy. The scanner adds the right boundary,
  // so a 19+ digit run or an ID glued to a letter matches none of them.
  shape: /\d{17}[\dXx]|\d{6} \d{8} \d{3}[\dXx]|\d{6}-\d{8}-\d{3}[\dXx]|\d{15}/y,
  validate(text, start, end, ctx) {
    const len = end - start;
    if (!isCnProvinceAt(text, start)) return 0;
    if (len === 15) {
      const m = num2(text, start + 8);
      const d = num2(text, start + 10);
      if (!isRealDate(1900 + num2(text, start + 6), m, d)) return 0;
      if (ctx.field) return SCORE_15;
      return ctx.context && !ctx.negative ? SCORE_15 : 0;
    }
    const b = len === 20 ? start + 7 : start + 6; // birth date
    const y = num2(text, b) * 100 + num2(text, b + 2);
    const m = num2(text, b + 4);
    const d = num2(text, b + 6);
    if (y < 1900 || y * 10000 + m * 100 + d > TODAY || !isRealDate(y, m, d)) return 0;
    let last = text.charCodeAt(end - 1);
    if (last === 120) last = 88; // x -> X
    // cnResidentIdCheckChar skips the separators of the grouped form; '' (malformed) never matches.
    return cnResidentIdCheckChar(text, start, end - 1).charCodeAt(0) === last ? SCORE_18 : 0;
  },
  context: {
    words: [
      '身份证',
      '身份证号',
      '身份证号码',
      '居民身份证',
      '公民身份号码',
      '身份号码',
      '证件号',
      '证件号码',
      '身份證',
      'id card',
      'id_card',
      'idcard',
      'id no',
      'id_no',
      'idno',
      'id number',
      'id_number',
      'identity card',
      'resident id',
      'national id',
      'citizen id',
      'cert no',
      'cert_no',
      'sfz',
      'sfzh',
      'sfzhm',
    ],
    negative: ['order', 'order_id', 'orderid', 'txn', 'transaction', 'trade no', '订单', '订单号', '流水', '流水号', '交易号'],
  },
  normalize(value) {
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (c === ' ' || c === '-') continue;
      out += c === 'x' ? 'X' : c;
    }
    return out;
  },
  examples: {
    // Check chars computed by hand with the MOD 11-2 weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
    // 11010519491231002 -> sum 167, mod 11 = 2 -> 'X' (the worked example of GB 11643 itself);
    // 44030419900307201 -> sum 240, mod 11 = 9 -> '3'; 31011519851120123 -> sum 195, mod 11 = 8 -> '4'.
    match: [
      '11010519491231002X',
      '11010519491231002x',
      '440304199003072013',
      '310115 19851120 1234',
      '310115-19851120-1234',
      '身份证号：510107700101555',
    ],
    noMatch: [
      '440304199003072011', // wrong check char
      // The next four carry their correct check char (computed as above) and fail on the field named.
      '440304199002302016', // 30 February
      '010105194912310026', // province 01 does not exist (sum 160, mod 11 = 6 -> '6')
      '110105189912310023', // born before 1900
      '110105299901010014', // born in the future
      '510107700101555', // 15 digits without context
      '身份证 订单号 510107700101555', // 15 digits next to an order word
      '11010519491231002X9', // 19 chars
      'ID11010519491231002X9', // glued to letters
      '1700000000000', // epoch millis
    ],
  },
  fieldNames: ['id_card', 'id_card_no', 'id_number', 'national_id', '身份证', '身份证号', '身份证号码'],
  mask: [6, 4],
  generate: {
    valid(r, lang) {
      const id = idValue(r, r.chance(0.2));
      const sep = r.pick([' ', ' ', '-']);
      const value = r.chance(0.2) ? `${id.slice(0, 6)}${sep}${id.slice(6, 14)}${sep}${id.slice(14)}` : id;
      return written(value, label(r, lang, ['id_card=', 'idNo: ', 'national_id='], ['身份证:', '身份证号：', '证件号码=', '身份证号码 '], 0.4));
    },
    nearMisses: {
      id18_bad_check(r) {
        // Also not Luhn-valid: 62xxxx (Gansu) would otherwise be a plausible 18-digit UnionPay card.
        for (;;) {
          const id = idValue(r);
          const bad = '0123456789X'.replace(id[17], '');
          const v = id.slice(0, 17) + bad[r.int(0, bad.length - 1)];
          if (!luhnValid(v, 0, v.length)) return written(v, r.pick(['trace=', 'seq=', '流水号:', 'ref ']));
        }
      },
    },
    keys: { en: ['id_card', 'idCardNo', 'national_id'], zh: ['身份证号', '身份证', '身份证号码'] },
  },
});
