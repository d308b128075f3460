import { describe, expect, it } from 'vitest';
import { defineDetector } from '../../../detectors/lib/define.js';
import type { DetectorSpec } from '../../../detectors/lib/types.js';

const base: DetectorSpec<'EXAMPLE_ID'> = {
  type: 'EXAMPLE_ID',
  name: 'example_id',
  candidate: 'digits',
  minLen: 4,
  maxLen: 4,
  shape: /\d{4}/y,
  baseScore: 0.5,
  examples: { match: ['1234'], noMatch: ['12345'] },
};

describe('defineDetector', () => {
  it('keeps the type as a literal and freezes the spec', () => {
    const d = defineDetector(base);
    const type: 'EXAMPLE_ID' = d.type; // a compile-time check as much as a runtime one
    expect(type).toBe('EXAMPLE_ID');
    expect(Object.isFrozen(d)).toBe(true);
  });

  it.each<[string, Partial<DetectorSpec<string>>, RegExp]>([
    ['a lower-case type', { type: 'example_id' }, /type must be UPPER_SNAKE_CASE/],
    ['a non-sticky shape', { shape: /\d{4}/ }, /sticky/],
    ['an unbounded quantifier', { shape: /\d+/y }, /unbounded/],
    ['a mask keeping half a char', { mask: [1.5, 0] }, /whole number/],
    ['a near miss named in camelCase', { generate: { valid: () => ({ value: '', before: '', after: '' }), nearMisses: { badCheck: () => ({ value: '', before: '', after: '' }) }, keys: { en: [], zh: [] } } }, /near miss badCheck/],
  ])('refuses %s, naming the detector', (_what, change, message) => {
    expect(() => defineDetector({ ...base, ...change } as DetectorSpec<string>)).toThrow(message);
    expect(() => defineDetector({ ...base, ...change } as DetectorSpec<string>)).toThrow(/detector example_id/);
  });
});
