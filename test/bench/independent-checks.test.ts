import validator from 'validator';
import { describe, expect, it } from 'vitest';
import {
  hkIdCheckChar,
  isValidOldResidentId,
  isValidSsn,
  isValidUscc,
  luhnCheckDigit,
  makeSsn,
  makeUscc,
  orgCodeCheckChar,
  twIdCheckDigit,
  usccCheckChar,
} from '../../bench/independent/checks.js';

// The independent evaluation's own checks, against examples published with each standard (not
// against logveil's detectors).

describe('luhnCheckDigit', () => {
  it('gives the check digits of the published examples', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3'); // 79927398713, ISO/IEC 7812 worked example
    expect(luhnCheckDigit('49015420323751')).toBe('8'); // IMEI 49-015420-323751-8 (3GPP TS 23.003 style example)
    expect(validator.isIMEI('490154203237518')).toBe(true);
  });
});

describe('US SSN', () => {
  it('accepts issued shapes and rejects the numbers SSA never issues', () => {
    expect(isValidSsn('078-05-1120')).toBe(true); // the Woolworth wallet number: valid in form
    expect(isValidSsn('078.05.1120')).toBe(true);
    expect(isValidSsn('078051120')).toBe(true);
    expect(isValidSsn('000-12-3456')).toBe(false);
    expect(isValidSsn('666-12-3456')).toBe(false);
    expect(isValidSsn('912-12-3456')).toBe(false);
    expect(isValidSsn('123-00-3456')).toBe(false);
    expect(isValidSsn('123-45-0000')).toBe(false);
  });
  it('makes only valid numbers', () => {
    expect(makeSsn(666, 0, 0)).toBe('667010001');
    expect(isValidSsn(makeSsn(123, 45, 6789))).toBe(true);
  });
});

describe('CN USCC (GB 32100-2015)', () => {
  it('computes both check chars of the standard\'s example 91350100M000100Y43', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y53')).toBe(false);
  });
  it('makes codes its check accepts', () => {
    const code = makeUscc('9', '1', '440305', 'MA5F2K0L');
    expect(code.slice(0, 16)).toBe('91440305MA5F2K0L');
    expect(isValidUscc(code)).toBe(true);
  });
});

describe('HK identity card', () => {
  it('computes the check char of the published examples A123456(3) and G123456(A)', () => {
    expect(hkIdCheckChar('A', '123456')).toBe('3');
    expect(hkIdCheckChar('G', '123456')).toBe('A');
    const two = `AB987654(${hkIdCheckChar('AB', '987654')})`;
    expect(validator.isIdentityCard(two, 'zh-HK')).toBe(true);
  });
});

describe('TW national id', () => {
  it('computes the check digit of the published example A123456789', () => {
    expect(twIdCheckDigit('A', '12345678')).toBe('9');
    expect(validator.isIdentityCard(`F2${'3456789'}${twIdCheckDigit('F', '23456789')}`, 'zh-TW')).toBe(true);
  });
});

describe('CN resident id, first generation (15 digits)', () => {
  it('accepts a real date and rejects an impossible one', () => {
    expect(isValidOldResidentId('110105491231002')).toBe(true); // GB 11643's example, before 1999
    expect(isValidOldResidentId('110105490230002')).toBe(false); // 30 February
    expect(isValidOldResidentId('11010549123100')).toBe(false);
  });
});
