import { describe, expect, it } from 'vitest';
import type { CorpusLine } from '../../bench/corpus.js';
import { measureRecall, recallTable } from '../../bench/peer-recall.js';

// Two labelled lines and a clean one, written by hand; spans counted by hand (UTF-16 offsets).
const LINES: CorpusLine[] = [
  {
    // 'ip 192.0.2.1 took 12ms': IP at 3..12, look-alike duration at 18..22
    text: 'ip 192.0.2.1 took 12ms',
    planted: [{ type: 'IP_ADDRESS', start: 3, end: 12 }],
    lookalikes: [{ kind: 'duration', start: 18, end: 22 }],
  },
  {
    // 'mail a@example.com call 555-0100': EMAIL at 5..18, PHONE at 24..32
    text: 'mail a@example.com call 555-0100',
    planted: [
      { type: 'EMAIL', start: 5, end: 18 },
      { type: 'PHONE', start: 24, end: 32 },
    ],
    lookalikes: [],
  },
  { text: 'build 2024 ok', planted: [], lookalikes: [{ kind: 'version', start: 6, end: 10 }] },
];

const tools = [
  { name: 'identity', redact: (line: string) => line },
  // Replaces every digit: the IP, the phone, the duration and the clean line's number all change.
  { name: 'digits', redact: (line: string) => line.replace(/\d/g, '#') },
  // Cuts only the email's first char: the value's exact text is gone, so it counts as removed.
  { name: 'first-char', redact: (line: string) => line.replace('a@example.com', '*@example.com') },
];

describe('measureRecall', () => {
  const [identity, digits, firstChar] = measureRecall(LINES, tools);

  it('counts nothing removed or changed for a tool that returns its input', () => {
    expect(identity.byType.get('IP_ADDRESS')).toEqual({ planted: 1, removed: 0 });
    expect(identity.byType.get('EMAIL')).toEqual({ planted: 1, removed: 0 });
    expect(identity.byType.get('PHONE')).toEqual({ planted: 1, removed: 0 });
    expect([identity.lookalikes, identity.lookalikesAltered, identity.cleanLines, identity.cleanLinesChanged]).toEqual([2, 0, 1, 0]);
  });

  it('counts a value removed when its exact text is gone, look-alikes altered and clean lines changed', () => {
    expect(digits.byType.get('IP_ADDRESS')!.removed).toBe(1);
    expect(digits.byType.get('PHONE')!.removed).toBe(1);
    expect(digits.byType.get('EMAIL')!.removed).toBe(0);
    expect([digits.lookalikesAltered, digits.cleanLinesChanged]).toEqual([2, 1]);
    expect(firstChar.byType.get('EMAIL')!.removed).toBe(1);
    expect(firstChar.byType.get('PHONE')!.removed).toBe(0);
  });

  it('prints per type and over all values, one column per tool', () => {
    const table = recallTable([identity, digits, firstChar]).split('\n');
    expect(table[0]).toMatch(/identity\s+digits\s+first-char$/);
    // digits removed 2 of the 3 values; first-char 1 of 3.
    expect(table.find((r) => r.trim().startsWith('all (3)'))).toMatch(/0\.0%\s+66\.7%\s+33\.3%$/);
    expect(table.find((r) => r.startsWith('clean lines changed (1)'))).toMatch(/0\.0%\s+100\.0%\s+0\.0%$/);
    expect(table.some((r) => r.includes('US_SSN'))).toBe(false); // types with nothing planted are left out
  });
});
