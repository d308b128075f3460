import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { compileScanner } from '../../src/detect/scan.js';

/** Every detector's own examples, and the contract shared by all of them. */
describe.each(detectors.map((d) => [d.name, d] as const))('detector %s', (_name, detector) => {
  const alone = compileScanner([detector]);

  it.each(detector.examples.match.map((s) => [s]))('finds its example %j', (example) => {
    const found = alone.scan(example).filter((f) => f.type === detector.type);
    expect(found).toHaveLength(1);
    expect(found[0].score).toBeGreaterThan(0);
    expect(found[0].score).toBeLessThanOrEqual(1);
  });

  it.each(detector.examples.noMatch.map((s) => [s]))('leaves its near miss %j', (example) => {
    expect(alone.scan(example).filter((f) => f.type === detector.type)).toEqual([]);
  });

  it('finds its examples in the middle of a log line', () => {
    for (const example of detector.examples.match) {
      const line = `2026-02-24T12:26:41.123Z INFO [req 7f3a] ${example} done`;
      expect(alone.scan(line).filter((f) => f.type === detector.type), example).toHaveLength(1);
    }
  });
});

describe('the detector list', () => {
  it('has unique names', () => {
    const names = detectors.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

/** Linear time on hostile input: each must finish well inside the test timeout (no timing assertion). */
describe('adversarial 1 MB inputs', () => {
  const scanner = compileScanner(detectors);
  const MB = 1 << 20;
  const cases: Array<[string, string]> = [
    ['a@a@a@', 'a@'.repeat(MB / 2)],
    ['200k digits', '7'.repeat(200_000)],
    ['1.1.1.1.', '1.'.repeat(MB / 2)],
    ['::::', ':'.repeat(MB)],
    ['++++', '+'.repeat(MB)],
    ['1 1 1 1', '1 '.repeat(MB / 2)],
    ['1-1-1-1', '1-'.repeat(MB / 2)],
    ['ab:ab:ab', 'ab:'.repeat(MB / 3)],
    ['%40%40', '%40'.repeat(MB / 3)],
    ['E1E1E1', 'E1'.repeat(MB / 2)],
    ['words', 'passport account phone 身份证 '.repeat(MB / 32)],
    ['context + digits', ('账号 ' + '1'.repeat(12) + ' ').repeat(MB / 16)],
    ['a.a.a.a@', 'a.'.repeat(MB / 2) + '@example.com'],
  ];
  it.each(cases)('%s finishes', (_name, input) => {
    const found = scanner.scan(input);
    expect(Array.isArray(found)).toBe(true);
  }, 30_000);
});

describe('adversarial inputs found in review', () => {
  const scanner = compileScanner(detectors);
  it.each([
    ['card-like groups', '4002 '.repeat(200_000)],
    ['chained emails', 'a@b.cd.'.repeat(150_000)],
  ])('%s finish', (_name, input) => {
    expect(Array.isArray(scanner.scan(input))).toBe(true);
  }, 30_000);
});
