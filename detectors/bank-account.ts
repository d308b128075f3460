import { defineDetector } from './define.js';

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

/** A compact run of n digits at start that reads as an epoch time or a compact date/time. */
function looksLikeTime(text: string, start: number, n: number): boolean {
  const d0 = text.charCodeAt(start);
  if (d0 === 49 && (n === 10 || n === 13 || n === 16 || n === 19)) return true; // 1… epoch s/ms/µs/ns
  if (n !== 8 && n !== 12 && n !== 14) return false;
  const century = num(text, start, 2);
  if (century !== 19 && century !== 20) return false;
  const month = num(text, start + 4, 2);
  const day = num(text, start + 6, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (n === 8) return true;
  return num(text, start + 8, 2) <= 23 && num(text, start + 10, 2) <= 59;
}

// ---- label right before the value (shared logic with imei.ts and us-ssn.ts) -------------

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
    const prev = text.charCodeAt(start - 1);
    const next = text.charCodeAt(end);
    if ((next === 46 || next === 44) && isDigit(text.charCodeAt(end + 1))) return 0; // 12345678.90
    if (prev === 45 && isAlnum(text.charCodeAt(start - 2))) return 0; // …-a716-446655440000
    if (next === 45 && isAlnum(text.charCodeAt(end + 1))) return 0;
    if (ctx.field) return SCORE;
    // The context is required: the scanner only offers this candidate when a word is in the window.
    const owner = labelOwner(text, start, WORDS_NORM, NEGATIVE_NORM, true);
    if (owner !== 0) return owner > 0 ? SCORE : 0;
    if (!grouped && looksLikeTime(text, start, n)) return 0;
    return ctx.negative ? 0 : SCORE;
  },
  context: { words: WORDS, required: true, negative: NEGATIVE },
  normalize(value) {
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 48 && c <= 57) out += value[i];
    }
    return out;
  },
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
});
