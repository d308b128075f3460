import { describe, expect, it } from 'vitest';
import { isCjkWordChar, isHan, isHangul, isKana, isWideLetter } from '../../../detectors/lib/scripts.js';

const code = (ch: string) => ch.charCodeAt(0);

// Code points from the Unicode charts (Unified Ideographs 4E00–9FFF, Ext. A 3400–4DBF, Compatibility
// F900–FAFF, Hiragana/Katakana 3040–30FF, Hangul Syllables AC00–D7AF, Jamo 1100–11FF, 3130–318F).
describe('scripts', () => {
  it('Han: unified, extension A, compatibility ideographs', () => {
    for (const ch of ['身', '份', '证', '号', '\u3400', '\u4dbf', '\u9fff', '\uf900', '\ufaff']) expect(isHan(code(ch)), ch).toBe(true);
    for (const ch of ['a', '。', '：', '\u3000', 'あ', '한', '\u4dc0']) expect(isHan(code(ch)), ch).toBe(false);
  });
  it('kana and Hangul', () => {
    expect(isKana(code('あ'))).toBe(true);
    expect(isKana(code('カ'))).toBe(true);
    expect(isHangul(code('한'))).toBe(true);
    expect(isHangul(code('\u1100'))).toBe(true);
    expect(isHangul(code('\u3131'))).toBe(true);
    expect(isKana(code('中'))).toBe(false);
    expect(isHangul(code('中'))).toBe(false);
  });
  it('CJK word chars are the three; CJK punctuation and full-width forms are not', () => {
    for (const ch of ['中', 'あ', '한', '\uf900']) expect(isCjkWordChar(code(ch)), ch).toBe(true);
    for (const ch of ['，', '。', '：', '（', '\u3000', '１', 'a', '7', 'é']) expect(isCjkWordChar(code(ch)), ch).toBe(false);
  });
  it('wide letters: accented Latin, Greek, Cyrillic and CJK, not × or ÷', () => {
    for (const ch of ['é', 'ß', 'Ω', 'Ж', '名', 'ー']) expect(isWideLetter(code(ch)), ch).toBe(true);
    for (const ch of ['×', '÷', '，', 'a', '\u00a0']) expect(isWideLetter(code(ch)), ch).toBe(false);
  });
});
