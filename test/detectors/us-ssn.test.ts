import { describe, expect, it } from 'vitest';
import bankAccount from '../../detectors/bank-account.js';
import iban from '../../detectors/iban.js';
import imei from '../../detectors/imei.js';
import card from '../../detectors/payment-card.js';
import ssn from '../../detectors/us-ssn.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

/**
 * SSNs have no check digit, so test values are built from the allocation rules (area 001–899 except
 * 666, group 01–99, serial 0001–9999). 123-45-6789 is the SSA's own illustration; the others are
 * boundary values made up here.
 */
const ssnOf = (area: number, group: number, serial: number, sep = '-') =>
  [String(area).padStart(3, '0'), String(group).padStart(2, '0'), String(serial).padStart(4, '0')].join(sep);

const S = ssnOf(123, 45, 6789);
const LOW = ssnOf(1, 1, 1); // 001-01-0001
const HIGH = ssnOf(899, 99, 9999);
const BELOW_666 = ssnOf(665, 12, 3456);
const ABOVE_666 = ssnOf(667, 12, 3456);

const scanner = compileScanner([ssn]);
const scores = (text: string) => scanner.scan(text).map((f) => f.score);

describe('us_ssn positives', () => {
  it.each([
    ['dashed', S, S],
    ['lowest valid', LOW, LOW],
    ['highest valid', HIGH, HIGH],
    ['area 665', BELOW_666, BELOW_666],
    ['area 667', ABOVE_666, ABOVE_666],
    ['dashed with a word', `SSN: ${S}`, S],
    ['dashed in JSON', `{"ssn":"${S}"}`, S],
    ['dashed in a URL path', `/api/v1/people/${S}/tax`, S],
    ['spaced with a word', `ssn ${ssnOf(123, 45, 6789, ' ')}`, ssnOf(123, 45, 6789, ' ')],
    ['spaced, social security', `social security no. ${ssnOf(234, 56, 7890, ' ')}`, ssnOf(234, 56, 7890, ' ')],
    ['bare with SSN#', `SSN#${S.replace(/-/g, '')}`, S.replace(/-/g, '')],
    ['bare with ssn=', `ssn=${ssnOf(345, 67, 8901, '')}`, ssnOf(345, 67, 8901, '')],
    ['bare with a multi-word key', `Social Security Number: ${ssnOf(456, 78, 9012, '')}`, ssnOf(456, 78, 9012, '')],
    ['bare with a Chinese word', `社会安全号码：${ssnOf(456, 78, 9012, '')}`, ssnOf(456, 78, 9012, '')],
    ['dashed next to order (still SSN-shaped)', `order ${S}`, S],
    ['dotted with a word', `SSN ${ssnOf(123, 45, 6789, '.')}`, ssnOf(123, 45, 6789, '.')],
    ['dotted after a key', `ssn=${ssnOf(234, 56, 7890, '.')},`, ssnOf(234, 56, 7890, '.')],
    ['dotted, highest valid, Chinese word', `社会安全号：${ssnOf(899, 99, 9999, '.')}。`, ssnOf(899, 99, 9999, '.')],
    ['spaced, SSN# and a colon', `SSN#: ${ssnOf(345, 67, 8901, ' ')}`, ssnOf(345, 67, 8901, ' ')],
    ['bare after SSN# and a space', `SSN# ${ssnOf(345, 67, 8901, '')}`, ssnOf(345, 67, 8901, '')],
    ['bare after social security and a colon', `social security: ${ssnOf(567, 89, 123, '')}`, ssnOf(567, 89, 123, '')],
    ['bare after a Chinese word and a space', `社会安全号 ${ssnOf(678, 1, 2345, '')}`, ssnOf(678, 1, 2345, '')],
    ['bare after a traditional Chinese word', `社會安全號碼：${ssnOf(789, 12, 3456, '')}`, ssnOf(789, 12, 3456, '')],
    ['spaced, a long number after it', `social security number ${ssnOf(299, 85, 9406, ' ')} 9231849735337190`, ssnOf(299, 85, 9406, ' ')],
    ['spaced, a compact timestamp after it', `社会安全号 ${ssnOf(328, 63, 8708, ' ')} 20250309001017`, ssnOf(328, 63, 8708, ' ')],
    ['spaced, a long number before it', `ssn 1796292672123 ${ssnOf(328, 63, 8708, ' ')}`, ssnOf(328, 63, 8708, ' ')],
    ['spaced, an ISO timestamp after it', `SSN ${ssnOf(281, 32, 7970, ' ')} 2026-12-25T05:52:15Z`, ssnOf(281, 32, 7970, ' ')],
    ['spaced, a clock time before it', `ssn 10:11:12 ${ssnOf(281, 32, 7970, ' ')}`, ssnOf(281, 32, 7970, ' ')],
    // A key written as one word, then a space (logcat, Java toString): the words joined by _ - or .
    ['bare after social_security_number and a space', `I ContactSync: sync ok social_security_number ${ssnOf(158, 68, 9477, '')} in 2683ms`, ssnOf(158, 68, 9477, '')],
    ['bare after social_security_number and a colon', `sync ok social_security_number: ${ssnOf(578, 54, 7407, '')}`, ssnOf(578, 54, 7407, '')],
    ['bare after social-security-no', `social-security-no ${ssnOf(134, 91, 8104, '')}`, ssnOf(134, 91, 8104, '')],
    ['bare after Social.Security.Number', `Social.Security.Number ${ssnOf(628, 86, 3195, '')}`, ssnOf(628, 86, 3195, '')],
    ['bare after ss_no', `ss_no ${ssnOf(136, 69, 7981, '')}`, ssnOf(136, 69, 7981, '')],
  ])('%s', (_name, text, expected) => {
    expect(findWith(ssn, text)).toEqual([['US_SSN', expected]]);
  });

  it('a field rule or the field key is enough for the bare form', () => {
    const bare = ssnOf(123, 45, 6789, '');
    expect(findWith(ssn, bare, { fieldType: 'US_SSN' })).toEqual([['US_SSN', bare]]);
    expect(findWith(ssn, bare, { key: 'ssn' })).toEqual([['US_SSN', bare]]);
    expect(findWith(ssn, bare, { key: 'order_no' })).toEqual([]);
    const dotted = ssnOf(123, 45, 6789, '.');
    expect(findWith(ssn, dotted, { key: 'ssn' })).toEqual([['US_SSN', dotted]]);
    expect(findWith(ssn, dotted, { fieldType: 'US_SSN' })).toEqual([['US_SSN', dotted]]);
  });
});

describe('us_ssn near misses', () => {
  it.each([
    ['area 000', ssnOf(0, 45, 6789)],
    ['area 666', ssnOf(666, 45, 6789)],
    ['area 900 (ITIN)', ssnOf(900, 45, 6789)],
    ['area 999', ssnOf(999, 45, 6789)],
    ['group 00', ssnOf(123, 0, 6789)],
    ['serial 0000', ssnOf(123, 45, 0)],
    ['bare without a word', ssnOf(123, 45, 6789, '')],
    ['spaced without a word', ssnOf(123, 45, 6789, ' ')],
    ['access log: status, duration, bytes', 'GET /x 200 45 1234'],
    ['bare under another key, SSN word earlier', `ssn=redacted pid=${ssnOf(123, 45, 6789, '')}`],
    ['bare, labelled order', `ssn on file; order ${ssnOf(123, 45, 6789, '')}`],
    ['bare under another key, social_security word earlier', `social_security_number=<US_SSN> order_no ${ssnOf(123, 45, 6789, '')}`],
    ['bare, SSN word and negative word, no label', `ssn for txn is ${ssnOf(123, 45, 6789, '')}`],
    ['bare zero group with a word', `ssn ${ssnOf(123, 0, 6789, '')}`],
    ['US phone 3-3-4', '555-123-4567'],
    ['phone with a country code', '+1 555-012-3456'],
    ['ISO date', '2026-02-24'],
    ['US date', '02-24-2026'],
    ['ISO date and time', '2026-02-24 12:26:41'],
    ['inside a longer dashed number (left)', `1-${S}`],
    ['inside a longer dashed number (right)', `${S}-01`],
    ['part number', `ABC-${S}`],
    ['a longer spaced run', `ssn 7 ${ssnOf(123, 45, 6789, ' ')}`],
    ['a longer spaced run (right)', `ssn ${ssnOf(123, 45, 6789, ' ')} 12`],
    ['a longer spaced run (right, four digits)', `ssn ${ssnOf(123, 45, 6789, ' ')} 1234`],
    ['a longer spaced run (left, four digits)', `ssn 1234 ${ssnOf(123, 45, 6789, ' ')}`],
    ['one digit too many', '123-45-67890'],
    ['area of four digits', '1234-45-6789'],
    ['mixed separators', '123-45 6789'],
    ['glued to a letter', `x${S}`],
    ['glued on the right', `${S}x`],
    ['a decimal', `ssn ${ssnOf(123, 45, 6789, '')}.5`],
    ['10 digits with a word', 'ssn 1234567890'],
    ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['epoch seconds with a word', 'ssn checked at 1771935201'],
    ['dotted without a word', ssnOf(123, 45, 6789, '.')],
    ['dotted, bad area, with a word', `ssn ${ssnOf(666, 45, 6789, '.')}`],
    ['dotted, ITIN, with a word', `ssn ${ssnOf(912, 45, 6789, '.')}`],
    ['dotted, group 00, with a word', `ssn ${ssnOf(123, 0, 6789, '.')}`],
    ['dot and dash', `ssn ${S.replace('-', '.')}`],
    ['dot and space', `ssn 123.45 6789`],
    ['inside a longer dotted number (left)', `ssn 1.${ssnOf(123, 45, 6789, '.')}`],
    ['inside a longer dotted number (right)', `ssn ${ssnOf(123, 45, 6789, '.')}.1`],
    ['an IPv4 address with a word', 'ssn lookup from 123.45.67.89'],
    ['a version with a word', 'ssn-service v1.2.3 build 123.45.67890'],
    ['an amount with a word', 'ssn fee 123.45 USD'],
    ['a timestamp with a word', 'ssn checked 2026-12-03 10:11:12'],
    ['epoch millis with a word', 'ssn checked at 1796292672123'],
    ['bare 9 digits, SSN word, ITIN', `SSN# ${ssnOf(912, 45, 6789, '')}`],
  ])('%s: %s', (_name, text) => {
    expect(findWith(ssn, text)).toEqual([]);
  });
});

describe('us_ssn scores', () => {
  it.each([
    [S, 0.85],
    [`SSN ${S}`, 0.95],
    [`order ${S}`, 0.6],
    [`订单 ${S}`, 0.6],
    [`ssn ${ssnOf(123, 45, 6789, ' ')}`, 0.85],
    [`ssn ${ssnOf(123, 45, 6789, '')}`, 0.75],
    [`ssn ${ssnOf(123, 45, 6789, '.')}`, 0.85],
  ])('%s → %d', (text, score) => {
    expect(scores(text)).toEqual([score]);
  });
  it('normalize keeps the nine digits', () => {
    expect(ssn.normalize?.(S)).toBe('123456789');
    expect(ssn.normalize?.(ssnOf(123, 45, 6789, '.'))).toBe('123456789');
  });
});

describe('us_ssn in log lines (EN + ZH), with near misses side by side', () => {
  const mine = [card, imei, iban, ssn, bankAccount];
  const ssn2 = ssnOf(234, 56, 7890);
  it.each([
    [
      `2026-02-24T12:26:41Z INFO applicant verified ssn=${S} phone=555-123-4567 dob=1990-01-31 pid=${ssnOf(345, 67, 8901, '')}`,
      [['US_SSN', S]],
    ],
    [`{"applicant":{"ssn":"${ssnOf(234, 56, 7890, '')}"},"ts":1771935201,"zip":"94105"}`, [['US_SSN', '234567890']]],
    [`GET /api/v1/tax/${ssn2}/status 200 45 1234`, [['US_SSN', ssn2]]],
    [
      `2026-02-24 12:26:41 申请人 社会安全号码 ${S} 订单号 ${ssnOf(345, 67, 8901, '')} 电话 555-123-4567`,
      [['US_SSN', S]],
    ],
    [`WARN 社会安全号 ${ssnOf(666, 12, 3456)} 无效（666 段），已拒绝`, []],
    [
      `2026-12-03 10:11:12 INFO kyc ok SSN ${ssnOf(345, 67, 8901, '.')} app v1.2.3 ts=1796292672123 ip=203.0.113.7`,
      [['US_SSN', ssnOf(345, 67, 8901, '.')]],
    ],
    [`2026-12-03 10:11:12 核验通过 社会安全号 ${ssnOf(456, 78, 9012, '')}，版本 1.2.3，耗时 35ms`, [['US_SSN', ssnOf(456, 78, 9012, '')]]],
    [`ERROR 表单 SSN 格式错误: ${ssnOf(912, 34, 5678)} 是 ITIN`, []],
  ])('%s', (line, expected) => {
    expect(findAll(line, mine)).toEqual(expected);
  });
});
