import { defineDetector } from './lib/define.js';
import { labelOwner, normalizeLabels } from './lib/label.js';
import { isAlnum, isDigit, readNumber } from './lib/chars.js';
import { codeAt } from './lib/code-at.js';
import { cnResidentIdCheckChar, digitsOnly, luhnValid } from './lib/checksum.js';
import { groupsOfFour, label, written, type Rng } from './lib/generate.js';

/**
 * Bank account number with no checksum of its own: 8–20 digits, compact or grouped with one space or
 * one '-' throughout (`6222 0212 3456 7890 123`, `123-4567890`), found only next to a context word
 * (account, acct, a/c, 账号, 账户, 卡号, 银行卡, 收款账号…) or by a field rule: the context is required.
 *
 * It is the fallback for numbers nothing validates: a Luhn-valid card, a CN resident ID or a phone on
 * the same span scores higher (this scores 0.7), so the validated type wins the overlap.
 *
 * Rejected even with a context word in the window:
 * - a value whose own label is something else: another field's key (`account=42 login_at=…`), a
 *   negative word (`txn 12345678`), or an id (`account_id=`, `acctId:`: internal ids, not numbers
 *   of a bank account); with no label to read, a negative word in the window (order, txn, 订单, 流水,
 *   phone…) rejects it;
 * - unless the label names an account: epoch seconds / millis / micros / nanos (10, 13, 16, 19
 *   digits starting with 1) and compact dates/times (YYYYMMDD, YYYYMMDDhhmm, YYYYMMDDhhmmss);
 * - groups that continue with another separator (`2026-02-24` has 2-digit middle groups and is not
 *   a grouping this accepts), a decimal (`12345678.90`), or a number glued to a hyphenated token
 *   (a UUID's last group: `…-a716-446655440000`).
 */

const SCORE = 0.7;

const WORDS = [
  'account',
  'account no',
  'account number',
  'acct',
  'acct no',
  'acc no',
  'a/c',
  'bank account',
  'beneficiary account',
  'iban',
  '账号',
  '帐号',
  '账户',
  '帐户',
  '卡号',
  '银行卡',
  '银行账号',
  '银行账户',
  '收款账号',
  '收款账户',
  '付款账号',
  '对公账户',
];
const NEGATIVE = [
  'id',
  'order',
  'txn',
  'transaction id',
  'trace',
  'invoice',
  'tracking',
  'phone',
  'tel',
  'mobile',
  'ts',
  'timestamp',
  '订单',
  '流水',
  '单号',
  '手机',
  '电话',
];


/** A compact run of n digits at start that reads as an epoch time or a compact date/time. */
function looksLikeTime(text: string, start: number, n: number): boolean {
  const d0 = text.charCodeAt(start);
  if (d0 === 49 && (n === 10 || n === 13 || n === 16 || n === 19)) return true; // 1… epoch s/ms/µs/ns
  if (n !== 8 && n !== 12 && n !== 14) return false;
  const century = readNumber(text, start, 2);
  if (century !== 19 && century !== 20) return false;
  const month = readNumber(text, start + 4, 2);
  const day = readNumber(text, start + 6, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (n === 8) return true;
  return readNumber(text, start + 8, 2) <= 23 && readNumber(text, start + 10, 2) <= 59;
}

const WORDS_NORM = normalizeLabels(WORDS);
const NEGATIVE_NORM = normalizeLabels(NEGATIVE);

/**
 * 10–19 digits, redrawn when they would be another type (Luhn-valid card/IMEI, CN mobile, 18-digit
 * resident ID), so the label is the only thing that tells them apart.
 */
function accountValue(r: Rng): string {
  for (;;) {
    const len = r.int(10, 19);
    const v = r.pick(['1', '3', '4', '6', '8']) + r.digits(len - 1);
    if (luhnValid(v, 0, v.length)) continue;
    if (len === 11 && /^1[3-9]/.test(v)) continue;
    if (len === 18 && cnResidentIdCheckChar(v, 0, 17) === v[17]) continue;
    return v;
  }
}

export default defineDetector({
  type: 'BANK_ACCOUNT',
  name: 'bank_account',
  candidate: 'digits',
  minLen: 8,
  maxLen: 25,
  // Groups joined by one '-' | compact | groups joined by one space; inner groups have at least 3
  // digits (`2026-02-24` is no grouping). Dashes first: `12345678-01` is one number. Compact before
  // spaces: `account 12345678 200` is the number and a status, not one 11-digit number. A spaced
  // group does not end where a date, time or decimal goes on (`8440 5635 0253 840 2026-01-12`): the
  // match backtracks to the groups before it.
  shape: /\d{2,10}(?:-\d{3,10}){0,4}-\d{1,10}|\d{8,20}|\d{2,10}(?: \d{3,10}){0,4} \d{1,10}(?![-.:\/]\d)/y,
  validate(text, start, end, ctx) {
    let n = 0;
    let grouped = false;
    for (let i = start; i < end; i++) {
      if (isDigit(text.charCodeAt(i))) n++;
      else grouped = true;
    }
    if (n < 8 || n > 20) return 0;
    const prev = codeAt(text, start - 1);
    const next = codeAt(text, end);
    if ((next === 46 || next === 44) && isDigit(codeAt(text, end + 1))) return 0; // 12345678.90
    if (prev === 45 && isAlnum(codeAt(text, start - 2))) return 0; // …-a716-446655440000
    if (next === 45 && isAlnum(codeAt(text, end + 1))) return 0;
    if (ctx.field) return SCORE;
    // The context is required: the scanner only offers this candidate when a word is in the window.
    const owner = labelOwner(text, start, WORDS_NORM, NEGATIVE_NORM, true);
    if (owner !== 0) return owner > 0 ? SCORE : 0;
    // The whole value under an account key (`"account_no": "1712345678"`): the key is its label.
    if (start === 0 && end === text.length && !ctx.negative) return SCORE;
    if (!grouped && looksLikeTime(text, start, n)) return 0;
    return ctx.negative ? 0 : SCORE;
  },
  context: { words: WORDS, required: true, negative: NEGATIVE },
  normalize: digitsOnly,
  examples: {
    match: [
      'account 12345678',
      'acct no: 0012345678901',
      'a/c 1234-5678-9012',
      '收款账号：6222 0000 1111 2222 333',
      '银行账号 62220000111122223333',
      'Account No: 123456789012',
    ],
    noMatch: [
      '12345678', // no context
      'account 1234567', // 7 digits
      'account 123456789012345678901', // 21 digits
      'account 2026-02-24', // a date
      'account created 1771935201123', // epoch millis, not labelled as the account
      'account=42 login_at=1771935201', // another field's key
      'account_id=12345678', // an internal id
      'account ok, order 12345678', // negative word as the label
      'account 12345678.90', // an amount
      'account x12345678', // glued to a letter
    ],
  },
  fieldNames: ['bank_account', 'account_number', 'account_no', 'acct_no', 'bank_card', '银行卡号', '银行账号', '卡号'],
  mask: [0, 4],
  generate: {
    // Always after a context word.
    valid(r, lang) {
      const v = accountValue(r);
      const value = v.length >= 12 && r.chance(0.2) ? groupsOfFour(v) : v;
      return written(value, label(r, lang, ['account no: ', 'acct_no=', 'account number ', 'bank_account='], ['账号:', '银行账号：', '收款账号=', '对公账户 '], 0));
    },
    keys: { en: ['account_no', 'bankAccount', 'account_number'], zh: ['银行账号', '收款账号'] },
  },
});
