import { describe, expect, it } from 'vitest';
import { countLines, LineBlockMapper, LineBlocks } from '../../../src/formats/lines/blocks.js';

const b = (s: string) => Buffer.from(s);

describe('LineBlocks', () => {
  it('gives the complete lines of each chunk and holds the unfinished one', () => {
    const blocks = new LineBlocks('in.log', 1 << 20, () => 0);
    expect(blocks.cut(b('ab'))).toBeNull();
    expect(blocks.cut(b('c\nde\nf'))?.toString()).toBe('abc\nde\n');
    expect(blocks.cut(b('g'))).toBeNull();
    expect(blocks.cut(b('\n'))?.toString()).toBe('fg\n');
    expect(blocks.rest()).toBeNull();
  });

  it('gives the last line without its newline at the end', () => {
    const blocks = new LineBlocks('in.log', 1 << 20, () => 0);
    expect(blocks.cut(b('a\nb'))?.toString()).toBe('a\n');
    expect(blocks.rest()?.toString()).toBe('b');
    expect(blocks.rest()).toBeNull();
  });

  it('fails on a line longer than the limit, naming the file and line', () => {
    const blocks = new LineBlocks('in.log', 8, () => 41);
    expect(blocks.cut(b('12345'))).toBeNull();
    expect(() => blocks.cut(b('67890'))).toThrow(/^in\.log:42: a line longer than/);
  });
});

describe('countLines', () => {
  it.each([
    ['', 0],
    ['a\n', 1],
    ['a\nb\n', 2],
    ['a\nb', 2],
    ['\n\n\n', 3],
    ['a\r\nb\r\n', 2],
  ])('%j has %i lines', (text, n) => {
    expect(countLines(b(text))).toBe(n);
  });
});

describe('LineBlockMapper', () => {
  it('numbers lines from where it is told to start, across blocks', () => {
    const seen: number[] = [];
    const m = new LineBlockMapper((line, i) => {
      seen.push(i);
      return line.toUpperCase();
    }, 10);
    expect(m.map(b('a\r\nb\n')).toString()).toBe('A\r\nB\n');
    expect(m.map(b('c')).toString()).toBe('C');
    expect(seen).toEqual([10, 11, 12]);
    expect(m.index).toBe(13);
  });

  it('returns the very same buffer when no line changes', () => {
    const block = b('x\ny\n');
    expect(new LineBlockMapper((line) => line).map(block)).toBe(block);
  });
});
