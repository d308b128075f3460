import { describe, expect, it } from 'vitest';
import { PREFIX_GLUED, PREFIX_NONE, type FormatPlan } from '../../../detectors/phone/plan.js';
import { SEP_DASH, SEP_SPACE, SpanReader } from '../../../detectors/phone/span.js';

/** What read() found, as plain values (the reader's arrays hold more slots than it filled). */
function readAll(text: string, start = 0, end = text.length) {
  const s = new SpanReader();
  const ok = s.read(text, start, end);
  return {
    ok,
    digits: Array.from(s.dig.subarray(0, s.nd)).join(''),
    groups: Array.from(s.grp.subarray(0, s.ng)),
    groupAt: Array.from(s.grpAt.subarray(0, s.ng)),
    plus: s.plus,
    bracket: s.bracket,
    seps: s.seps,
  };
}

/** A format of plain digit groups, as plan.ts compiles one (only the fields shapeFits reads). */
function format(min: number[], max: number[], prefixMode: number, prefixOptional: boolean): FormatPlan {
  let restMin = 0;
  let restMax = 0;
  for (let i = 1; i < min.length; i++) {
    restMin += min[i];
    restMax += max[i];
  }
  return { min: Int32Array.from(min), max: Int32Array.from(max), restMin, restMax, prefixMode, prefixOptional } as
    unknown as FormatPlan;
}

describe('SpanReader.read', () => {
  it('reads digits, groups, the plus and the separator kind', () => {
    expect(readAll('+86 138 0013 8000')).toEqual({
      ok: true,
      digits: '8613800138000',
      groups: [2, 3, 4, 4],
      groupAt: [0, 2, 5, 9],
      plus: true,
      bracket: -1,
      seps: SEP_SPACE,
    });
  });

  it('records the one bracketed group by its index', () => {
    expect(readAll('(021)12345678')).toMatchObject({ ok: true, groups: [3, 8], bracket: 0, seps: 0 });
    // `+44 (0)20 …`: groups 44 | 0 | 20 | 7946 | 0958, the trunk `0` bracketed.
    expect(readAll('+44 (0)20 7946 0958')).toMatchObject({ ok: true, groups: [2, 1, 2, 4, 4], bracket: 1 });
  });

  it('reads only text[start, end)', () => {
    expect(readAll('tel 010-12345678 ok', 4, 16)).toMatchObject({
      ok: true,
      digits: '01012345678',
      groups: [3, 8],
      seps: SEP_DASH,
    });
  });

  it('rejects what no phone is written as', () => {
    for (const text of [
      'a1234567', // a letter
      '123---4567', // three separators in a row
      '(12)(34)567', // two brackets
      '(12 34)567', // two groups in one bracket
      '(1234567', // an open bracket
      '1234567 ', // ending on a separator
      '123+4567', // a plus after digits
      '123456789012345678', // 18 digits: more than `00` + E.164
      '1 2 3 4 5 6 7 8 9', // 9 groups
    ]) {
      expect(readAll(text).ok, text).toBe(false);
    }
  });
});

describe('SpanReader helpers', () => {
  it('digitString: the digits from an index, leaving one out', () => {
    const s = new SpanReader();
    s.read('+86 138 0013 8000', 0, 17);
    expect(s.digitString(2)).toBe('13800138000');
    expect(s.digitString(0, 2)).toBe('863800138000');
  });

  it('readFormatted and groupsEqual compare written groups with formatted ones', () => {
    const s = new SpanReader();
    s.read('020-7946-0958', 0, 13);
    expect(s.readFormatted('020 7946 0958')).toBe(11);
    expect(Array.from(s.fmt.subarray(0, s.nf))).toEqual([3, 4, 4]);
    expect(s.groupsEqual(0)).toBe(true);
    s.readFormatted('02079 460958');
    expect(s.groupsEqual(0)).toBe(false);
  });

  it('cnMobileStart: an 11-digit CN mobile, alone or after 86', () => {
    const at = (text: string) => {
      const s = new SpanReader();
      s.read(text, 0, text.length);
      return [s.cnMobileStart(), s.cnMobileAfter86Group()];
    };
    expect(at('13800138000')[0]).toBe(0);
    expect(at('8613800138000')[0]).toBe(2);
    expect(at('12800138000')[0]).toBe(-1); // 1 then 2: no mobile block
    expect(at('8713800138000')[0]).toBe(-1); // 13 digits, not after 86
    expect(at('86 138 0013 8000')[1]).toBe(2);
    expect(at('86 1380 013 8000')[1]).toBe(-1); // not written 3-4-4
  });

  it('groupStartsAt: a later group starts at a digit index', () => {
    const s = new SpanReader();
    s.read('0086 138 0013 8000', 0, 18);
    expect(s.groupStartsAt(4)).toBe(true);
    expect(s.groupStartsAt(0)).toBe(false); // the first group does not count
    expect(s.groupStartsAt(3)).toBe(false);
  });

  it('shapeFits: written groups against a format, with and without the national prefix', () => {
    const s = new SpanReader();
    const london = format([2, 4, 4], [2, 4, 4], PREFIX_GLUED, false); // `0$1`: 020 7946 0958
    s.read('020 7946 0958', 0, 13);
    expect(s.shapeFits(london, 1)).toBe(true);
    expect(s.shapeFits(london, 0)).toBe(false); // the prefix is not optional
    s.read('020-79460958', 0, 12);
    expect(s.shapeFits(london, 1)).toBe(true); // area code and the rest
    const us = format([3, 3, 4], [3, 3, 4], PREFIX_NONE, false);
    s.read('1-201-555-0123', 0, 14);
    expect(s.shapeFits(us, 1)).toBe(true); // the prefix as a group of its own
    s.read('201-555-0123', 0, 12);
    expect(s.shapeFits(us, 0)).toBe(true);
    s.read('2015-55-0123', 0, 12);
    expect(s.shapeFits(us, 0)).toBe(false);
  });
});
