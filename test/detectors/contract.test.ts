import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { compileScanner } from '../../src/detect/scan.js';

const all = compileScanner(detectors);

/**
 * Where a `match` example's value is: the whole example, or what follows its context label and
 * precedes its context tail. A label has no digit and ends in a separator (`passport: `, `身份证号：`,
 * `IMEI=`), a tail has no digit and starts with one (a prompt's `@web ~]$`), so a finding that took
 * only part of a value (`19851120 1234` of `310115 19851120 1234`) does not pass for a labelled one.
 */
function valueSpan(example: string, found: { start: number; end: number }): [number, number] {
  const label = example.slice(0, found.start);
  const tail = example.slice(found.end);
  const labelled = label === '' || /^\D*[^\p{L}\p{N}]$/u.test(label);
  const tailed = tail === '' || /^[^\p{L}\p{N}]\D*$/u.test(tail);
  return labelled && tailed ? [found.start, found.end] : [0, example.length];
}

/** Every detector's own examples, and the contract shared by all of them. */
describe.each(detectors.map((d) => [d.name, d] as const))('detector %s', (_name, detector) => {
  const alone = compileScanner([detector]);

  // With the whole list: an example a higher-priority detector takes (another type, or a shorter or
  // longer span) is not this detector's example.
  it.each(detector.examples.match.map((s) => [s]))('finds its example %j, at its span, with the whole list', (example) => {
    const found = all.scan(example);
    const own = found.find((f) => f.type === detector.type);
    expect(own, `${JSON.stringify(found)}`).toBeDefined();
    const [start, end] = valueSpan(example, own!);
    expect(found.map((f) => [f.type, f.start, f.end])).toEqual([[detector.type, start, end]]);
    expect(own!.score).toBeGreaterThan(0);
    expect(own!.score).toBeLessThanOrEqual(1);
  });

  it.each(detector.examples.noMatch.map((s) => [s]))('leaves its near miss %j', (example) => {
    expect(alone.scan(example).filter((f) => f.type === detector.type)).toEqual([]);
  });

  it('finds its examples in the middle of a log line, at the same span', () => {
    const prefix = '2026-02-24T12:26:41.123Z INFO [req 7f3a] ';
    for (const example of detector.examples.match) {
      const alone = all.scan(example).find((f) => f.type === detector.type);
      if (!alone) continue; // reported by the test above
      const [start, end] = valueSpan(example, alone);
      const found = all.scan(`${prefix}${example} done`).filter((f) => f.type === detector.type);
      expect(found.map((f) => [f.start - prefix.length, f.end - prefix.length]), example).toEqual([[start, end]]);
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
    // Device words after a long run that the owner detector reads back over (a bounded stretch: `a` is no name).
    ['a-a-a-iPhone', 'a-'.repeat(MB / 2) + 'iPhone'],
    ['aaaMacBook', 'a'.repeat(MB) + 'MacBook'],
  ];
  // Not one of these holds a value (the only digits are glued into runs, no `@` has a local part and
  // a domain), but for the 12-digit runs after 账号, each one a bank account: what is found is checked,
  // and a quadratic path would fail by the timeout (no clock here).
  it.each(cases)('%s finishes with what it holds', (name, input) => {
    const found = scanner.scan(input);
    if (name !== 'context + digits') expect(found).toEqual([]);
    else {
      expect(found.length).toBe(MB / 16);
      expect(found.every((f) => f.type === 'BANK_ACCOUNT' && input.slice(f.start, f.end) === '1'.repeat(12))).toBe(true);
    }
  }, 30_000);
});

describe('adversarial inputs found in review', () => {
  const scanner = compileScanner(detectors);
  it.each([
    ['card-like groups', '4002 '.repeat(200_000)],
    ['chained emails', 'a@b.cd.'.repeat(150_000)],
  ])('%s finish, with findings inside the input, in order and apart', (_name, input) => {
    const found = scanner.scan(input);
    found.forEach((f, i) => {
      expect(f.start).toBeGreaterThanOrEqual(i ? found[i - 1].end : 0);
      expect(f.end).toBeLessThanOrEqual(input.length);
    });
  }, 30_000);
});
