import { describe, expect, it } from 'vitest';
import { isValidResidentId, makeResidentId, residentIdCheckChar } from '../../bench/cn-resident-id.js';
import { valueShape } from '../../bench/value-shape.js';

describe('resident id helpers of the independent evaluation', () => {
  it('accepts the example printed in GB 11643-1999 and rejects it with another check character', () => {
    // 11010519491231002X is the standard's own worked example (check value 10, written X).
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });

  it('rejects impossible dates even with a matching check character', () => {
    const body = '11010519490230002'; // 30 February
    expect(isValidResidentId(body + residentIdCheckChar(body))).toBe(false);
  });

  it('makes ids its own check accepts', () => {
    const id = makeResidentId('440305', new Date(Date.UTC(1990, 4, 17)), 123);
    expect(id.slice(0, 17)).toBe('44030519900517123');
    expect(isValidResidentId(id)).toBe(true);
  });
});

describe('valueShape', () => {
  it('keeps separators and hides digits and letters', () => {
    expect(valueShape('+86 138-0013 8000')).toBe('+99 999-9999 9999');
    expect(valueShape('Ab.c@example.com')).toBe('Aa.a@aaaaaaa.aaa');
  });
});
