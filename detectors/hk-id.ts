import { hkIdCheckChar } from './lib/checksum.js';
import { defineDetector } from './lib/define.js';
import { labelledScore, normalizeLabels } from './lib/label.js';
import { label, written, type Rng } from './lib/generate.js';

/**
 * Hong Kong identity card number: one or two letters, six digits, a check char (0–9 or A) computed
 * mod 11 (hkIdCheckChar), usually printed with the check char in parentheses: `A123456(3)`, in
 * Chinese text also in full-width brackets `A123456（3）`.
 *
 * Written with parentheses, the shape is distinctive and the check char is validated: score 0.95.
 *
 * Written without them (`A1234563`, as databases often store it), one or two letters + 7 chars is the
 * shape of countless order, ticket and invoice numbers (`A1234567`, `PR1234567`) and of PRC passports
 * (`EA1234567`), and 1 in 11 of them passes the check by chance. So the unparenthesized form is only
 * accepted with a context word (or a field rule) and no order/ticket word before it, and scores 0.75: a check that only removes 10 in 11
 * is mostly context, and below CN_PASSPORT's 0.8 so that a passport number next to a word both share
 * (证件号) that also happens to pass the HK check stays a passport.
 *
 * Upper case only: the letters are printed in upper case; a lower-case `a123456(3)` is not how the
 * number is written and would only add false positives.
 */

const WORDS = [
  'hkid',
  'hk id',
  'hk_id',
  'hkic',
  'hong kong id',
  'hong kong identity card',
  'identity card',
  'id card',
  'id_card',
  'idcard',
  'id no',
  'id_no',
  '香港身份证',
  '香港身份證',
  '身份证',
  '身份證',
  '身份證號碼',
  '证件号',
  '證件號碼',
];
// Only the unparenthesized form listens to these: `身份證 已核實 訂單 A1234563` is an order.
const NEGATIVE = ['order', 'order_id', 'orderid', 'order no', 'invoice', 'ticket', 'sku', 'txn', '订单', '訂單', '单号', '單號', '工单', '工單', '流水'];
const WORDS_NORM = normalizeLabels(WORDS);
const NEGATIVE_NORM = normalizeLabels(NEGATIVE);

const SCORE_PARENS = 0.95;
const SCORE_BARE = 0.75;

function idValue(r: Rng): { letters: string; digits: string; check: string } {
  const az = 'ABCDEFGHIJKLMNPRSTUVWYZ';
  const letters = r.chance(0.15) ? r.pick(['W', 'X', 'R']) + r.pick([...az]) : r.pick([...az]);
  const digits = r.digits(6);
  return { letters, digits, check: hkIdCheckChar(letters + digits, 0, letters.length + 6) };
}

export default defineDetector({
  type: 'HK_ID',
  name: 'hk_id',
  candidate: 'alnum',
  minLen: 8,
  maxLen: 11,
  // The check char in ASCII or full-width brackets (Chinese text). Not after a space: `A123456 (3)`
  // reads as a code and a count as often, and 1 in 11 such pairs passes the check.
  shape: /[A-Z]{1,2}\d{6}(?:[(（][0-9A][)）]|[0-9A])/y,
  validate(text, start, end, ctx) {
    const last = text.charCodeAt(end - 1);
    const parens = last === 41 || last === 0xff09; // ')' or '）'
    const checkAt = parens ? end - 2 : end - 1;
    const bodyEnd = start + (text.charCodeAt(start + 1) <= 57 ? 7 : 8); // one or two letters, six digits
    if (hkIdCheckChar(text, start, bodyEnd).charCodeAt(0) !== text.charCodeAt(checkAt)) return 0;
    if (parens) return SCORE_PARENS;
    // Context needed; the label right before the value decides over an order word further back
    // (`order.描述="香港身份证号码 D9097180 …"`); without one, any order word in the window rejects.
    return labelledScore(text, start, SCORE_BARE, ctx, WORDS_NORM, NEGATIVE_NORM);
  },
  context: { words: WORDS, negative: NEGATIVE },
  normalize(value) {
    // Canonical form without brackets: `A123456(3)`, `A123456（3）` and `A1234563` are one number.
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (c !== '(' && c !== ')' && c !== '（' && c !== '）') out += c;
    }
    return out;
  },
  examples: {
    // A123456: 36*9 + 10*8 + 1*7 + 2*6 + 3*5 + 4*4 + 5*3 + 6*2 = 481, 481 mod 11 = 8, 11 - 8 = 3.
    // G555555: 324 + 16*8 + 5*(7+6+5+4+3+2) = 587, 587 mod 11 = 4, 11 - 4 = 7.
    // XA555555: 33*9 + 10*8 + 5*27 = 512, 512 mod 11 = 6, 11 - 6 = 5.
    match: ['A123456(3)', 'G555555(7)', 'XA555555(5)', 'A123456（3）', 'hkid: A1234563', '香港身份證 XA5555555'],
    noMatch: [
      'A123456(4)', // wrong check char
      'A1234563', // no parentheses and no context
      'order A1234563', // no parentheses, order context
      'ZA123456(3)X', // glued on the right
      'a123456(3)', // lower case
      'XYA555555(5)', // three letters
    ],
  },
  fieldNames: ['hkid', 'hk_id'],
  mask: [1, 0],
  generate: {
    valid(r, lang) {
      const { letters, digits, check } = idValue(r);
      const parens = r.chance(0.6);
      // Chinese text may print the brackets full-width: A123456（3）.
      const [open, close] = parens && lang === 'zh' && r.chance(0.3) ? ['（', '）'] : ['(', ')'];
      const value = parens ? `${letters}${digits}${open}${check}${close}` : letters + digits + check;
      // Without parentheses `A1234567` is any ticket number: logs that carry it say what it is.
      return written(value, label(r, lang, ['HKID: ', 'hkid=', 'hk_id='], ['香港身份证:', '香港身份证号码 ', 'HKID:'], parens ? 0.5 : 0));
    },
    keys: { en: ['hkid', 'hk_id'], zh: ['香港身份证', 'hkid'] },
  },
});
