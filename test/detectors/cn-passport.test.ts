import { describe, expect, it } from 'vitest';
import cnPassport from '../../detectors/cn-passport.js';
import cnResidentId from '../../detectors/cn-resident-id.js';
import cnUscc from '../../detectors/cn-uscc.js';
import hkId from '../../detectors/hk-id.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

// Passport numbers have no check digit; these are made up (555 runs, sequential digits).
const find = (text: string) => findWith(cnPassport, text);
const P = (s: string): ['CN_PASSPORT', string] => ['CN_PASSPORT', s];
const scanner = compileScanner([cnPassport]);

describe('passport numbers with context', () => {
  it.each([
    ['passport: E55512345', [P('E55512345')]],
    ['passport no. E55512345', [P('E55512345')]],
    ['Passport Number: EA5551234', [P('EA5551234')]],
    ['passport_no=EH5551234', [P('EH5551234')]],
    ['passportNo=EZ5551234', [P('EZ5551234')]],
    ['passport=G55512345', [P('G55512345')]],
    ['passport D55512345', [P('D55512345')]],
    ['passport S55512345', [P('S55512345')]],
    ['passport P55512345', [P('P55512345')]],
    ['passport DE5551234', [P('DE5551234')]],
    ['passport SE5551234', [P('SE5551234')]],
    ['passport PE5551234', [P('PE5551234')]],
    ['passport D5551234', [P('D5551234')]],
    ['passport K55512345', [P('K55512345')]],
    ['passport MA5551234', [P('MA5551234')]],
    ['travel document E55512345', [P('E55512345')]],
    ['护照号：E55512345', [P('E55512345')]],
    ['护照号码 EA5551234', [P('EA5551234')]],
    ['证件号码：G55512345', [P('G55512345')]],
    ['旅行证件E55512345', [P('E55512345')]],
    ['護照 E55512345', [P('E55512345')]],
    ['passport: "E55512345"', [P('E55512345')]],
    ['passports E55512345, EA5551234', [P('E55512345'), P('EA5551234')]],
  ])('%j → %j', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });

  it('scores 0.8', () => {
    expect(scanner.scan('passport E55512345').map((f) => f.score)).toEqual([0.8]);
  });

  it('a field key or a field rule stands in for the context word', () => {
    expect(findWith(cnPassport, 'E55512345', { key: 'passport_no' })).toEqual([P('E55512345')]);
    expect(findWith(cnPassport, 'E55512345', { key: 'passportNumber' })).toEqual([P('E55512345')]);
    expect(findWith(cnPassport, 'EA5551234', { fieldType: 'CN_PASSPORT' })).toEqual([P('EA5551234')]);
    expect(findWith(cnPassport, 'E55512345', { key: 'order_no' })).toEqual([]);
  });
});

describe('near misses', () => {
  it.each([
    ['no context', 'E55512345'],
    ['no context, new format', 'EA5551234'],
    ['order number', 'order E55512345'],
    ['context word too far before', `passport ${'x'.repeat(40)} E55512345`],
    ['context word after', 'E55512345 passport'],
    ['context inside another word', 'nopassportx E55512345'],
    ['I as second letter', 'passport EI5551234'],
    ['O as second letter', 'passport EO5551234'],
    ['unknown letter', 'passport A55512345'],
    ['H (travel permit, not a passport)', 'passport H55512345'],
    ['too few digits', 'passport E5551234'],
    ['too many digits', 'passport E555123456'],
    ['new format with 8 digits', 'passport EA55512345'],
    ['lower case', 'passport e55512345'],
    ['lower case second letter', 'passport Ea5551234'],
    ['glued to letters on the left', 'passport XE55512345'],
    ['glued on the right', 'passport E55512345Z'],
    ['inside a hex hash', 'passport 9fE55512345ab'],
    ['an epoch millis', 'passport 1764000000000'],
  ])('%s: %j', (_why, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('normalize', () => {
  it('keeps the number as written (upper case)', () => {
    expect(cnPassport.normalize?.('EA5551234')).toBe('EA5551234');
  });
});

const ALL = [cnResidentId, cnPassport, hkId, cnUscc];
describe('log lines', () => {
  it.each([
    [
      '2026-11-24T09:01:44.502Z INFO booking.create pnr=QX7R2M passport_no=E55512345 nationality=CN seat=32A',
      [P('E55512345')],
    ],
    ['2026-11-24 09:01:45 WARN invoice E55512345 overdue, ticket T5551234 reopened', []],
    [
      '{"level":"info","msg":"traveller added","passportNumber":"EA5551234","ref":"E55512345X","ts":1764000000000}',
      [P('EA5551234')],
    ],
    ['2026-11-24 09:02:10 [INFO] 出境登记 护照号码：G55512345 航班 MU5101 座位 32A', [P('G55512345')]],
    ['2026-11-24 09:02:11 [INFO] 订单 E55512345 已发货，快递单号 SF5551234567', []],
    ['2026-11-24 09:02:12 [WARN] 证件类型=护照 证件号=EA5551234 校验失败(重试 1 次)', [P('EA5551234')]],
  ])('%s', (line, expected) => {
    expect(findAll(line, ALL)).toEqual(expected);
  });
});
