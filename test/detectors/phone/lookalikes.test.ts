import { describe, expect, it } from 'vitest';
import {
  continuesNumber,
  dashJoined,
  dateLike,
  followedByAmount,
  ibanLike,
  thousandsLike,
} from '../../../detectors/phone/lookalikes.js';
import { SpanReader } from '../../../detectors/phone/span.js';

/** The reader after reading `span`, found at its first occurrence in `text`; and that start. */
function spanIn(text: string, span: string): [SpanReader, number] {
  const start = text.indexOf(span);
  const s = new SpanReader();
  expect(s.read(text, start, start + span.length)).toBe(true);
  return [s, start];
}

describe('phone look-alikes', () => {
  it('followedByAmount: a decimal part, or the last group of thousands', () => {
    expect(followedByAmount('13800138000.25', 11)).toBe(true);
    expect(followedByAmount('13800138000. Next', 11)).toBe(false);
    expect(followedByAmount('12,380,013,500', 10)).toBe(true);
    // After an unbroken run of more than three digits: the next item of a list.
    expect(followedByAmount('[13800138000,100]', 12)).toBe(false);
  });

  it('dashJoined: a dash or a dot joins the span to more of a token', () => {
    expect(dashJoined('2024-13800138000', 5, 16)).toBe(true);
    expect(dashJoined('13800138000-01', 0, 11)).toBe(true);
    expect(dashJoined('1.13800138000', 2, 13)).toBe(true);
    expect(dashJoined('Tel.13800138000', 4, 15)).toBe(false); // an abbreviation's dot
    expect(dashJoined('call 13800138000. Thanks', 5, 16)).toBe(false); // a full stop
    expect(dashJoined('- 13800138000', 2, 13)).toBe(false);
  });

  it('continuesNumber: the tail of a span the shape also matches from an earlier start', () => {
    const cases: Array<[string, string, boolean]> = [
      ['+852 5682 4086', '852 5682 4086', true], // right after a `+`
      ['090501 031726 337', '337', true], // after a group of at most 6 digits
      ['12:00:00 138 0013 8000', '138 0013 8000', false], // the group before ends a time
      ['ts=20241113173618 029-59803720', '029-59803720', false], // another separator
      ['id 1234567 138 0013 8000', '138 0013 8000', false], // a run of 7 digits before
    ];
    for (const [text, span, expected] of cases) {
      const [s, start] = spanIn(text, span);
      expect(continuesNumber(s, text, start), text).toBe(expected);
    }
  });

  it('ibanLike: groups of four after a group of four letters and digits', () => {
    const digits = '0049 0752 4827 32';
    for (const [text, expected] of [
      ['GB70 LOYD 0049 0752 4827 32', true], // a bank code of letters
      ['tel: 0049 0752 4827 32', false], // `tel:` is no group of four letters and digits
      ['GB70LOYD 0049 0752 4827 32', false], // LOYD is the end of a longer word
    ] as const) {
      const [s, start] = spanIn(text, digits);
      expect(ibanLike(s, text, start), text).toBe(expected);
    }
  });

  it('dateLike and thousandsLike: grouped as a date or in thousands', () => {
    const is = (text: string) => {
      const [s] = spanIn(text, text);
      return [dateLike(s), thousandsLike(s)];
    };
    expect(is('2026-02-24')).toEqual([true, false]);
    expect(is('24-02-2026')).toEqual([true, false]);
    expect(is('1 234 567')).toEqual([false, true]);
    expect(is('12.345.678')).toEqual([false, true]);
    expect(is('12-345-678')).toEqual([false, false]); // dashes do not group thousands
    expect(is('1234 567')).toEqual([false, false]);
    expect(is('010-1234-5678')).toEqual([false, false]);
  });
});
