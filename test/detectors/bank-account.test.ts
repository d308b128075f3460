import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, luhnValid } from '../../detectors/lib/checksum.js';
import bankAccount from '../../detectors/bank-account.js';
import iban from '../../detectors/iban.js';
import imei from '../../detectors/imei.js';
import card from '../../detectors/payment-card.js';
import ssn from '../../detectors/us-ssn.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

const luhn = (payload: string) => payload + luhnCheckDigit(payload);
const badLuhn = (payload: string) => payload + ((Number(luhnCheckDigit(payload)) + 1) % 10);

// Account numbers have no public check digit: these are made up. The 62… ones are built to FAIL Luhn,
// so no card detector explains them and they stay bank accounts.
const CN19 = badLuhn('622200001111222233'); // 19 digits, not a valid card
const CN16 = badLuhn('622202123456789');
const GROUPED = `${CN19.slice(0, 4)} ${CN19.slice(4, 8)} ${CN19.slice(8, 12)} ${CN19.slice(12, 16)} ${CN19.slice(16)}`;

const scanner = compileScanner([bankAccount]);
const scores = (text: string) => scanner.scan(text).map((f) => f.score);

describe('bank_account positives (context required)', () => {
  it('preconditions: the 62… values fail Luhn', () => {
    expect(luhnValid(CN19, 0, CN19.length)).toBe(false);
    expect(luhnValid(CN16, 0, CN16.length)).toBe(false);
  });

  it.each([
    ['8 digits', 'account 12345678', '12345678'],
    ['20 digits', 'account 12345678901234567890', '12345678901234567890'],
    ['acct no:', 'acct no: 0012345678901', '0012345678901'],
    ['a/c', 'a/c 1234-5678-9012', '1234-5678-9012'],
    ['Account No:', 'Account No: 123456789012', '123456789012'],
    ['bank account in a sentence', 'refund sent to bank account 000123456789 today', '000123456789'],
    ['JSON key', '{"bank_account":"000123456789"}', '000123456789'],
    ['branch-account 3-7', 'account 123-4567890', '123-4567890'],
    ['sub-account suffix', 'account 12345678-01', '12345678-01'],
    ['4-4-4-4-3 spaces', `收款账号：${GROUPED}`, GROUPED],
    ['账号', `账号${CN16}`, CN16],
    ['帐号 (variant character)', `帐号 ${CN16}`, CN16],
    ['银行卡 with an invalid card number', `银行卡 ${CN19}`, CN19],
    ['对公账户', '对公账户 1100 1234 5678 9012', '1100 1234 5678 9012'],
    ['an epoch-looking number labelled as the account', 'account=1771935201123', '1771935201123'],
    ['a date-looking number labelled as the account', '账号：20260224', '20260224'],
    ['followed by a status code', 'account 12345678 200 OK', '12345678'],
    ['followed by a timestamp', 'account 12345678 2026-02-24T12:26:41Z', '12345678'],
    ['grouped, followed by a timestamp', '银行账号：8440 5635 0253 840 2026-01-12T03:11:33+08:00', '8440 5635 0253 840'],
    ['grouped, followed by a time', '账号 1234 5678 9012 12:30:00', '1234 5678 9012'],
  ])('%s', (_name, text, expected) => {
    expect(findWith(bankAccount, text)).toEqual([['BANK_ACCOUNT', expected]]);
  });

  it('a field rule or the field key stands in for the word', () => {
    expect(findWith(bankAccount, '000123456789', { fieldType: 'BANK_ACCOUNT' })).toEqual([['BANK_ACCOUNT', '000123456789']]);
    expect(findWith(bankAccount, '000123456789', { key: 'account' })).toEqual([['BANK_ACCOUNT', '000123456789']]);
    expect(findWith(bankAccount, '000123456789', { key: '收款账号' })).toEqual([['BANK_ACCOUNT', '000123456789']]);
  });

  it('scores 0.7 and normalizes to digits', () => {
    expect(scores('account 12345678')).toEqual([0.7]);
    expect(bankAccount.normalize?.('1234-5678-9012')).toBe('123456789012');
  });
});

describe('bank_account near misses', () => {
  it.each([
    ['no context word', '000123456789'],
    ['no context word, grouped', GROUPED],
    ['7 digits', 'account 1234567'],
    ['21 digits', 'account 123456789012345678901'],
    ['ISO date', 'account 2026-02-24'],
    ['compact date, unlabelled', 'account created 20260224'],
    ['compact timestamp, unlabelled', 'account updated 20260224122641'],
    ['epoch seconds, unlabelled', 'account created 1771935201'],
    ['epoch millis, unlabelled', 'account created 1771935201123'],
    ['another field key', 'account=alice login_at=1771935201123'],
    ['another field key, JSON', '{"account":"alice","ts":"1771935201123"}'],
    ['account_id is an internal id', 'account_id=12345678'],
    ['acctId', 'acctId: 12345678'],
    ['账户ID', '账户ID：12345678'],
    ['labelled as an order', 'account ok, order 12345678'],
    ['labelled as a txn', '账号已验证 流水号 12345678901234'],
    ['labelled as a phone', 'account alice phone 13800138000'],
    ['negative word in the window, no label', 'account for txn is 12345678'],
    ['an amount', 'account 12345678.90'],
    ['an amount with thousands separators', 'account balance 12,345,678.90'],
    ['glued to a letter', 'account x12345678'],
    ['glued on the right', 'account 12345678x'],
    ['UUID tail', 'account 550e8400-e29b-41d4-a716-446655440000'],
    ['hex hash', 'account sha=9f86d081884c7d659a2feaa0c55ad015'],
    ['version', 'account service v2.12345678.1'],
    ['word inside another word (discount)', 'discount 12345678'],
  ])('%s: %s', (_name, text) => {
    expect(findWith(bankAccount, text)).toEqual([]);
  });
});

describe('bank_account in log lines (EN + ZH), next to the validated types', () => {
  const mine = [card, imei, iban, ssn, bankAccount];
  const cardNo = luhn('621234567890123'); // a valid UnionPay card: PAYMENT_CARD wins the same span
  it.each([
    [
      `2026-02-24T12:26:41Z INFO payout account=000123456789 order=12345678 ts=1771935201123 amount=27,240.52`,
      [['BANK_ACCOUNT', '000123456789']],
    ],
    [`{"acct":"${CN16}","card":"${cardNo}","requestId":"550e8400-e29b-41d4-a716-446655440000"}`, [
      ['BANK_ACCOUNT', CN16],
      ['PAYMENT_CARD', cardNo],
    ]],
    [`2026-02-24 12:26:41 转账成功 收款账号：${GROUPED} 订单号 20260224122641 金额 100.00`, [['BANK_ACCOUNT', GROUPED]]],
    [`银行卡号 ${cardNo} 绑定成功，流水 ${CN16}`, [['PAYMENT_CARD', cardNo]]],
    [`WARN 账户 ${CN19} 冻结 批次 20260224-0009`, [['BANK_ACCOUNT', CN19]]],
  ])('%s', (line, expected) => {
    expect(findAll(line, mine)).toEqual(expected);
  });
});

describe('a value alone under an account key', () => {
  it('is an account even when it looks like an epoch (the key is its label)', () => {
    expect(findWith(bankAccount, '1712345678', { key: 'account_no' })).toEqual([['BANK_ACCOUNT', '1712345678']]);
    expect(findWith(bankAccount, '1712345678', { key: 'order_id' })).toEqual([]);
    expect(findWith(bankAccount, '1712345678')).toEqual([]);
  });
});
