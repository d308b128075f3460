import { describe, expect, it } from 'vitest';
import { labelOwner, normalizeLabels } from '../../../detectors/lib/label.js';
import { noteEnd, noteStart } from '../../../detectors/lib/note.js';

const OURS = normalizeLabels(['imei', '设备号', '身份证号', 'phone']);
const NEGATIVE = normalizeLabels(['order', '订单']);
const VALUE = '860123456789014';
/** labelOwner for the value written at the end of `before`. */
const owner = (before: string) => labelOwner(before + VALUE, before.length, OURS, NEGATIVE);

describe('labelOwner reads through a note to the real label', () => {
  it.each([
    ['IMEI [slot 1] = ', 1],
    ['IMEI [slot 1]: ', 1],
    ['imei: (slot 1) ', 1],
    ['设备号（卡2）：', 1],
    ['旧身份证号(15位) ', 1],
    ['Phone (mobile): ', 1],
    ['order (retry 2) = ', -1],
    ['订单【补发】：', -1],
    ['count (slot 1) = ', -1], // another field's key
    ['IMEI ', 1],
  ])('%j → %d', (before, expected) => {
    expect(owner(before)).toBe(expected);
  });

  it('a bracket holding a value or another bracket is no note: nothing to read', () => {
    expect(owner('imei (13800138000) ')).toBe(0);
    expect(owner('imei (a (b)) ')).toBe(0);
    expect(owner('imei ' + '(' + 'x'.repeat(30) + ') ')).toBe(0);
  });
});

describe('notes', () => {
  it('finds both ends of a short bracketed note', () => {
    const t = 'IMEI [slot 1] = 8';
    expect(noteEnd(t, 5, t.length)).toBe(13);
    expect(noteStart(t, 12)).toBe(5);
    expect(noteEnd('手机号（主）：1', 3, 9)).toBe(6);
  });
  it('is not a note: unclosed, too long, a long digit run, past the limit', () => {
    expect(noteEnd('IMEI (slot 1 = 8', 5, 16)).toBe(-1);
    expect(noteEnd('(1234567) x', 0, 11)).toBe(-1);
    expect(noteEnd('(slot 1) x', 0, 5)).toBe(-1);
    expect(noteStart('x (a) y', 1)).toBe(-1); // not a closing bracket
  });
});
