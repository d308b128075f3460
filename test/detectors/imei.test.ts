import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, luhnValid } from '../../detectors/lib/checksum.js';
import bankAccount from '../../detectors/bank-account.js';
import iban from '../../detectors/iban.js';
import imei from '../../detectors/imei.js';
import card from '../../detectors/payment-card.js';
import ssn from '../../detectors/us-ssn.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

/** 14 digits (TAC + serial) + the Luhn check digit, computed. */
const luhn = (payload: string) => payload + luhnCheckDigit(payload);
const badLuhn = (payload: string) => payload + ((Number(luhnCheckDigit(payload)) + 1) % 10);
/** 2-6-6-1 (or 2-6-6-2 for IMEISV) with sep. */
const grouped = (v: string, sep: string) => [v.slice(0, 2), v.slice(2, 8), v.slice(8, 14), v.slice(14)].join(sep);
/** 6-2-6-1 (the old TAC + FAC, serial, check). */
const g6261 = (v: string, sep: string) => [v.slice(0, 6), v.slice(6, 8), v.slice(8, 14), v.slice(14)].join(sep);
/** 8-6-1 (TAC, serial, check). */
const g861 = (v: string, sep: string) => [v.slice(0, 8), v.slice(8, 14), v.slice(14)].join(sep);

const A = luhn('86012345678901'); // 860123456789014
const B = luhn('35555550123456'); // 355555501234565
const C = luhn('99000012345678');
const SV = '86012345678901' + '23'; // IMEISV: TAC + serial + software version, no check digit

const scanner = compileScanner([imei]);
const scores = (text: string) => scanner.scan(text).map((f) => f.score);

describe('imei examples', () => {
  it('the examples in the detector file are the computed values', () => {
    expect(A).toBe('860123456789014');
    expect(B).toBe('355555501234565');
    expect(imei.examples.match).toContain(grouped(A, '-'));
    expect(imei.examples.match).toContain(`IMEI ${A}`);
    expect(imei.examples.match).toContain(`imei=${B}`);
  });
});

describe('imei positives', () => {
  it.each([
    ['dashed 2-6-6-1, no context needed', grouped(A, '-'), grouped(A, '-')],
    ['dashed, another TAC', `model X ${grouped(C, '-')} ok`, grouped(C, '-')],
    ['IMEI word', `IMEI ${A}`, A],
    ['imei=', `imei=${B}`, B],
    ['IMEI:', `IMEI: ${B}`, B],
    ['imei1', `imei1=${A} imei2=${B}`, [A, B]],
    ['MEID', `MEID ${C}`, C],
    ['device id', `device id: ${A}`, A],
    ['deviceId JSON', `{"deviceId":"${A}"}`, A],
    ['device_id', `device_id=${A}`, A],
    ['spaced 2-6-6-1 with a word', `imei ${grouped(A, ' ')}`, grouped(A, ' ')],
    ['设备号', `设备号：${A}`, A],
    ['串号', `手机串号${B}`, B],
    ['设备识别码', `设备识别码 ${C}`, C],
    ['IMEISV with a word', `IMEISV ${SV}`, SV],
    ['IMEISV dashed with a word', `imeisv=${grouped(SV, '-')}`, grouped(SV, '-')],
    ['imei word and an order word, label names the IMEI', `order=12 imei=${A}`, A],
    ['dashed 6-2-6-1, no context needed', `model X ${g6261(A, '-')} ok`, g6261(A, '-')],
    ['dashed 8-6-1, no context needed', g861(B, '-'), g861(B, '-')],
    ['spaced 6-2-6-1 with a word', `IMEI: ${g6261(C, ' ')}`, g6261(C, ' ')],
    ['spaced 8-6-1 with a word', `imei=${g861(A, ' ')}`, g861(A, ' ')],
    ['spaced 8-6-1, Chinese word', `设备号：${g861(B, ' ')}。`, g861(B, ' ')],
    ['IMEISV dashed 2-6-6-2, no context needed', `sv ${grouped(SV, '-')}`, grouped(SV, '-')],
    ['IMEISV spaced with a word', `IMEISV ${grouped(SV, ' ')}`, grouped(SV, ' ')],
    ['IMEISV 8-6-2 dashed with a word', `imeisv=${g861(SV, '-')}`, g861(SV, '-')],
    ['8-6-1 dated TAC with a word', `imei ${g861(luhn('20261203101112'), '-')}`, g861(luhn('20261203101112'), '-')],
  ])('%s', (_name, text, expected) => {
    const list = Array.isArray(expected) ? expected : [expected];
    expect(findWith(imei, text)).toEqual(list.map((v) => ['IMEI', v]));
  });

  it('a field rule is enough for a bare value', () => {
    expect(findWith(imei, A, { fieldType: 'IMEI' })).toEqual([['IMEI', A]]);
    expect(findWith(imei, SV, { fieldType: 'IMEI' })).toEqual([['IMEI', SV]]);
  });

  it('the field key counts as context', () => {
    expect(findWith(imei, A, { key: 'imei' })).toEqual([['IMEI', A]]);
    expect(findWith(imei, A, { key: 'deviceId' })).toEqual([['IMEI', A]]);
    expect(findWith(imei, A, { key: 'orderNo' })).toEqual([]);
  });
});

describe('imei near misses', () => {
  it.each([
    ['bare, no context', A],
    ['bad Luhn, dashed', grouped(badLuhn('86012345678901'), '-')],
    ['bad Luhn, with a word', `IMEI ${badLuhn('86012345678901')}`],
    ['spaced 2-6-6-1 without a word', grouped(A, ' ')],
    ['IMEISV without a word', SV],
    ['IMEISV spaced without a word', grouped(SV, ' ')],
    ['IMEISV 8-6-2 dashed without a word', g861(SV, '-')],
    ['IMEISV 6-2-6-2 dashed without a word', g6261(SV, '-')],
    ['spaced 6-2-6-1 without a word', g6261(A, ' ')],
    ['spaced 8-6-1 without a word', g861(A, ' ')],
    ['bad Luhn, 6-2-6-1', g6261(badLuhn('86012345678901'), '-')],
    ['bad Luhn, 8-6-1', g861(badLuhn('35555550123456'), '-')],
    ['bad Luhn, 8-6-1 spaced with a word', `IMEI ${g861(badLuhn('35555550123456'), ' ')}`],
    ['mixed separators', `IMEI ${A.slice(0, 2)}-${A.slice(2, 8)} ${A.slice(8, 14)}-${A.slice(14)}`],
    ['date-time-sequence id (8-6-1, Luhn-valid)', g861(luhn('20261203101112'), '-')],
    ['date-time-sequence id in a file name', `app-${g861(luhn('20260224122641'), '-')}.log`],
    ['one digit short, 8-6-1', `${A.slice(0, 8)}-${A.slice(8, 13)}-${A.slice(14)}`],
    ['timestamp', 'imei 2026-12-03 10:11:12'],
    ['version', 'imei v1.2.3'],
    ['epoch millis with a word', 'imei checked at 1796292672123'],
    ['one digit changed, 6-2-6-1', g6261(A.slice(0, 7) + ((Number(A[7]) + 1) % 10) + A.slice(8), '-')],
    ['txn', `txn ${A}`],
    ['order', `order ${A}`],
    ['订单', `订单号 ${A}`],
    ['流水', `流水号：${A}`],
    ['imei word, but the label is an order', `imei ok, order ${A}`],
    ['imei word, but another key', `imei=n/a pid=${A}`],
    ['bare IMEI word and a negative word, no label', `imei for txn is ${A}`],
    ['14 digits', `IMEI ${A.slice(0, 14)}`],
    ['17 digits', `IMEI ${A}00`],
    ['glued to letters', `IMEI x${A}`],
    ['glued on the right', `IMEI ${A}x`],
    ['inside a longer run (IMEISV is 16, this is 17)', `IMEI 12${A}`],
    ['16 digits with a word is an IMEISV, not the IMEI inside it', `IMEI 1${A}`, ['1' + A]],
    ['a decimal', `IMEI ${A}.5`],
    ['epoch micros (16 digits) near imei, not labelled', `imei=${A} ts=${'1771935201123456'}`, [A]],
    ['UUID', `imei 86012345-6789-0140-8000-123456789012`],
    ['hex hash', `imei sha1=a94a8fe5${A}ab`],
  ])('%s', (_name, text, expected: string[] = []) => {
    expect(findWith(imei, text)).toEqual(expected.map((v) => ['IMEI', v]));
  });
});

describe('imei scores', () => {
  it.each([
    [grouped(A, '-'), 0.9],
    [`IMEI ${A}`, 0.9],
    [`IMEISV ${SV}`, 0.8],
  ])('%s → %d', (text, score) => {
    expect(scores(text)).toEqual([score]);
  });
  it.each([
    [g6261(A, '-'), 0.9],
    [g861(A, '-'), 0.9],
    [grouped(SV, '-'), 0.8],
    [`IMEI ${g861(A, ' ')}`, 0.9],
  ])('%s → %d', (text, score) => {
    expect(scores(text)).toEqual([score]);
  });
  it('normalize keeps the digits', () => {
    expect(imei.normalize?.(grouped(A, '-'))).toBe(A);
    expect(imei.normalize?.(g861(A, ' '))).toBe(A);
  });
});

describe('imei in log lines (EN + ZH), with near misses side by side', () => {
  const mine = [card, imei, iban, ssn, bankAccount];
  it('preconditions: the near misses below pass Luhn', () => {
    const orderId = luhn('20260224122641');
    expect(luhnValid(orderId, 0, orderId.length)).toBe(true);
  });
  const orderId = luhn('20260224122641'); // 15 digits, Luhn-valid: an order number, not an IMEI
  it.each([
    [
      `2026-02-24T12:26:41Z INFO device registered imei=${A} order=${orderId} ts=1771935201123`,
      [['IMEI', A]],
    ],
    [`{"deviceId":"${B}","txnId":"${orderId}","model":"X-2"}`, [['IMEI', B]]],
    [`2026-02-24 12:26:41 设备激活 设备号:${A} 订单号:${orderId} 耗时 35ms`, [['IMEI', A]]],
    [`手机串号 ${grouped(B, '-')}，流水 ${orderId}`, [['IMEI', grouped(B, '-')]]],
    [`WARN bad imei ${badLuhn('86012345678901')} rejected; imei ${C} accepted`, [['IMEI', C]]],
    [`ERROR push failed for ${A}: timeout`, []],
    [`2026-12-03 10:11:12 INFO handset ${g6261(B, '-')} attached, batch ${g861(orderId, '-')} v1.2.3`, [['IMEI', g6261(B, '-')]]],
    [`2026-12-03 10:11:12 终端上线 IMEI：${g861(C, ' ')}，流水 ${orderId}，时间戳 1796292672123`, [['IMEI', g861(C, ' ')]]],
    [`WARN IMEISV ${grouped(SV, '-')} reported by 198.51.100.7`, [['IMEI', grouped(SV, '-')]]],
  ])('%s', (line, expected) => {
    expect(findAll(line, mine)).toEqual(expected);
  });
});
