import { describe, expect, it } from 'vitest';
import { benignTokenEnd } from '../../src/detect/benign.js';
import { findAll } from '../support/scan.js';

describe('benign tokens the scanner skips whole', () => {
  it.each([
    ['2026-02-24T08:00:01.112Z', 24],
    ['2026-02-24T08:00:01+08:00 INFO', 25],
    ['2026-02-24 08:00:03,187 INFO', 23],
    ['2025-01-27T23:15:22.212979Z', 27],
    ['2026/02/24 08:00', 16],
    ['2026-02-24 13800138000', 10], // the date only: a number after it is not part of the timestamp
    ['08:00:03.187 x', 12],
    ['12:30 x', 5],
    // A fraction followed by `.` and a digit is no fraction: the time ends before it (CSV as text).
    ['2026-02-24 08:00:02,192.0.2.10', 10],
    ['7f3a9c2e-1b4d-4e8f-9a6b-2c1d0e9f8a7b done', 36],
    ['123e4567-e89b-12d3-a456-426614174000', 36],
  ])('%j ends at %d', (text, end) => {
    expect(benignTokenEnd(text, 0)).toBe(end);
  });

  it.each([
    ['2026-02-24x'], // glued to a letter
    ['12:30:45:00:00:01'], // a MAC-like run, not a clock
    ['08:00:02,192.0.2.10'], // a time glued to an IP
    ['13800138000'],
    ['2026-0224'],
    ['7f3a9c2e-1b4d-4e8f-9a6b-2c1d0e9f8a7b-ff'], // longer than a UUID
  ])('%j is not benign', (text) => {
    expect(benignTokenEnd(text, 0)).toBe(-1);
  });

  it('finds an IP glued to a time by a comma (a CSV row read as text)', () => {
    expect(findAll('2026-02-24 08:00:02,192.0.2.10')).toEqual([['IP_ADDRESS', '192.0.2.10']]);
    expect(findAll('08:00:02,192.0.2.10')).toEqual([['IP_ADDRESS', '192.0.2.10']]);
  });

  it('still finds personal data right after a skipped token', () => {
    expect(findAll('2026-02-24 08:00:03,187 192.0.2.1 7f3a9c2e-1b4d-4e8f-9a6b-2c1d0e9f8a7b a@example.com')).toEqual([
      ['IP_ADDRESS', '192.0.2.1'],
      ['EMAIL', 'a@example.com'],
    ]);
  });
});
