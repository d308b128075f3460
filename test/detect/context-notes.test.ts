import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { findAll } from '../support/scan.js';

/** 14 digits (TAC + serial) + the Luhn check digit, computed here. */
const luhn = (payload: string) => payload + luhnCheckDigit(payload);
const IMEI_A = luhn('86012345678901');
const IMEI_B = luhn('35555550123456');
/** A 15-digit legacy resident ID: division 110105 (Beijing Chaoyang), born 1990-03-07, sequence 123 (no check digit). */
const OLD_ID = '110105' + '900307' + '123';
/** A US number in the fictional 555-01xx block: found only with a phone word. */
const US = '2025550143';

const types = (line: string) => findAll(line).map(([t, v]) => `${t}:${v}`);

describe('a note between the context word and the value', () => {
  it.each([
    [`旧身份证号(15位) ${OLD_ID}`, [`CN_RESIDENT_ID:${OLD_ID}`]],
    [`2026-02-24 10:01:02 INFO 用户资料 旧身份证号（15位）：${OLD_ID} 已迁移`, [`CN_RESIDENT_ID:${OLD_ID}`]],
    [`IMEI [slot 1] = ${IMEI_A}`, [`IMEI:${IMEI_A}`]],
    [`order 12 IMEI [slot 1] = ${IMEI_A}`, [`IMEI:${IMEI_A}`]], // the label read through the note outweighs `order`
    [`设备IMEI【卡2】：${IMEI_B}`, [`IMEI:${IMEI_B}`]],
    [`Phone (line 2): ${US}`, [`PHONE:${US}`]],
    [`手机号（主）：13800138000 备用 13900139000`, ['PHONE:13800138000', 'PHONE:13900139000']],
    ['账号(第2张)：6222021234567890', ['BANK_ACCOUNT:6222021234567890']], // account digits: no checksum, context only
    ['{"msg":"refund to account (slot 2): 000123456789"}', ['BANK_ACCOUNT:000123456789']],
  ])('%s', (line, expected) => {
    expect(types(line)).toEqual(expected);
  });

  it('the note is no context word by itself: without the word, nothing', () => {
    expect(types(`(15位) ${OLD_ID}`)).toEqual([]);
    expect(types(`[slot 1] = ${IMEI_A}`)).toEqual([]);
    expect(types(`(line 2): ${US}`)).toEqual([]);
  });

  it('a real value in between still takes the word', () => {
    // A list of the word's values with a note is still the word's (dual-SIM IMEIs).
    expect(types(`imei ${IMEI_A} (slot 1) ${IMEI_B}`)).toEqual([`IMEI:${IMEI_A}`, `IMEI:${IMEI_B}`]);
    // A value and another word in between: the second value is not the word's.
    expect(types(`imei ${IMEI_A} (slot 1) batch ${IMEI_B}`)).toEqual([`IMEI:${IMEI_A}`]);
    expect(types(`phone ${US} (primary) ticket 2025550178`)).toEqual([`PHONE:${US}`]);
    // `(mobile)` is itself a phone word, right before the second number.
    expect(types(`phone 13800138000 (mobile) 13900139000`)).toEqual(['PHONE:13800138000', 'PHONE:13900139000']);
  });

  it('a bracket holding a long number is a value, not a note', () => {
    expect(types(`imei (ref 12345) ${IMEI_B}`)).toEqual([]);
    expect(types(`旧身份证号(编号20260224) ${OLD_ID}`)).toEqual([]);
  });

  it('a note too long to be a unit or qualifier is text', () => {
    expect(types(`IMEI (reported by the vendor) ${IMEI_A}`)).toEqual([`IMEI:${IMEI_A}`]); // plain words keep it
    expect(types(`IMEI (see ticket 4 of the list) ${IMEI_A}`)).toEqual([]);
  });
});

describe('device and call words', () => {
  it.each([
    [`tracker ${IMEI_A} online`, `IMEI:${IMEI_A}`],
    [`GPS tracker reported, terminalNo=${IMEI_A}`, `IMEI:${IMEI_A}`],
    [`handset: ${IMEI_B}`, `IMEI:${IMEI_B}`],
    [`{"deviceImei":"${IMEI_B}"}`, `IMEI:${IMEI_B}`],
    [`终端 ${IMEI_A} 上线`, `IMEI:${IMEI_A}`],
    [`设备${IMEI_A}离线`, `IMEI:${IMEI_A}`],
    [`device 0a1b2c3d4e5f joined`, 'MAC_ADDRESS:0a1b2c3d4e5f'],
    [`terminal_mac=0A1B2C3D4E5F`, 'MAC_ADDRESS:0A1B2C3D4E5F'],
    [`callbackNumber=${US}`, `PHONE:${US}`],
    [`caller_id=${US} callee=2025550178`, `PHONE:${US}`],
    [`dialed ${US} at 10:01`, `PHONE:${US}`],
    [`来电 ${US} 未接`, `PHONE:${US}`],
    [`客户要求回拨${US}`, `PHONE:${US}`],
    [`致电 ${US}`, `PHONE:${US}`],
    [`呼叫号码：${US}`, `PHONE:${US}`],
  ])('%s', (line, expected) => {
    expect(types(line)[0]).toBe(expected);
  });

  it('the same values without the words stay', () => {
    expect(types(`status ${IMEI_A} online`)).toEqual([]);
    expect(types(`node 0a1b2c3d4e5f joined`)).toEqual([]);
    expect(types(`retry ${US} at 10:01`)).toEqual([]);
    expect(types(`订单 ${US} 未接`)).toEqual([]);
  });

  it('near misses: a bad check digit, a device word inside a longer word, an order word', () => {
    const bad = IMEI_A.slice(0, 14) + ((Number(IMEI_A[14]) + 1) % 10);
    expect(types(`tracker ${bad} online`)).toEqual([]);
    expect(types(`devices ${IMEI_A}`)).toEqual([]); // `devices` is not the word `device`
    expect(types(`terminal order ${IMEI_A}`)).toEqual([]);
    expect(types(`dialog 2025550143`)).toEqual([]); // `dial` inside `dialog`
    expect(types(`callback ts=1771927262123`)).toEqual([]); // epoch millis after a call word
  });
});
