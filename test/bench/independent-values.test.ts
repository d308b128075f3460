import { allFakers } from '@faker-js/faker';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { isValidResidentId } from '../../bench/cn-resident-id.js';
import { isValidSsn, isValidUscc } from '../../bench/independent/checks.js';
import { logShapes, shapesFor } from '../../bench/independent/shapes.js';
import { groups, makeValues, type ValueType } from '../../bench/independent/values.js';

describe('groups', () => {
  it('cuts a value into the given sizes, the rest last', () => {
    expect(groups('490154203237518', [2, 6, 6], '-')).toBe('49-015420-323751-8');
    expect(groups('078051120', [3, 2], '.')).toBe('078.05.1120');
    expect(groups('1234', [2, 6], ' ')).toBe('12 34');
  });
});

describe('the values the independent evaluation plants', () => {
  const values = makeValues(7, 6);
  const { TEMPLATES } = logShapes(allFakers.en);

  it('plants every type, each value in at least one log shape', () => {
    const types = new Set(values.map((v) => v.type));
    for (const t of ['PHONE', 'EMAIL', 'IPV4', 'IPV6', 'MAC', 'CARD', 'IBAN', 'CN_RESIDENT_ID', 'CN_USCC', 'US_SSN', 'IMEI', 'CN_PASSPORT', 'HK_ID', 'TW_NATIONAL_ID', 'USERNAME', 'BANK_ACCOUNT'] as ValueType[]) {
      expect(types.has(t), t).toBe(true);
    }
    for (const v of values) expect(shapesFor(v, TEMPLATES).length, `${v.type} · ${v.notation}`).toBeGreaterThan(0);
  });

  it('keeps only values the independent validators accept (read back from their notation)', () => {
    const compact = (s: string) => s.replace(/[\s.\-()]/g, '');
    for (const v of values) {
      const c = compact(v.text);
      const ok: Partial<Record<ValueType, boolean>> = {
        CN_USCC: isValidUscc(c),
        US_SSN: isValidSsn(c),
        IBAN: validator.isIBAN(c.toUpperCase()),
        TW_NATIONAL_ID: validator.isIdentityCard(v.text, 'zh-TW'),
        CN_PASSPORT: validator.isPassportNumber(v.text, 'CN'),
        CN_RESIDENT_ID: c.length === 15 || isValidResidentId(c),
        IMEI: validator.isIMEI(c.slice(0, 15)) || c.length === 16,
        EMAIL: validator.isEmail(v.text),
      };
      if (v.type in ok) expect(ok[v.type], `${v.type} · ${v.notation}`).toBe(true);
      if (v.type === 'PHONE' && v.notation.startsWith('CN landline')) expect(isValidPhoneNumber(c, 'CN')).toBe(true);
    }
  });
});
