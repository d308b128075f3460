import { describe, expect, it } from 'vitest';
import { countLines, LineBlockMapper, LineBlocks, type LinePart } from '../../../src/formats/lines/blocks.js';

const b = (s: string) => Buffer.from(s);

/** The parts as text: `L:` complete lines, `G:` bytes of a long line (`+` more follows, `$` at a newline, `.` at the end). */
const show = (parts: LinePart[]) => parts.map((p) => (p.kind === 'lines' ? `L:${p.bytes}` : `G:${p.bytes}${{ more: '+', newline: '$', input: '.' }[p.end]}`));

describe('LineBlocks', () => {
  it('gives the complete lines of each chunk and holds the unfinished one', () => {
    const blocks = new LineBlocks('in.log', 1 << 20, () => 0);
    expect(show(blocks.cut(b('ab')))).toEqual([]);
    expect(show(blocks.cut(b('c\nde\nf')))).toEqual(['L:abc\nde\n']);
    expect(show(blocks.cut(b('g')))).toEqual([]);
    expect(show(blocks.cut(b('\n')))).toEqual(['L:fg\n']);
    expect(blocks.rest()).toEqual([]);
  });

  it('gives the last line without its newline at the end', () => {
    const blocks = new LineBlocks('in.log', 1 << 20, () => 0);
    expect(show(blocks.cut(b('a\nb')))).toEqual(['L:a\n']);
    expect(show(blocks.rest())).toEqual(['L:b']);
    expect(blocks.rest()).toEqual([]);
  });

  it('fails on a line longer than the limit, naming the file and line, when long lines are not read in windows', () => {
    const blocks = new LineBlocks('in.log', 8, () => 41);
    expect(blocks.cut(b('12345'))).toEqual([]);
    expect(() => blocks.cut(b('67890'))).toThrow(/^in\.log:42: a line longer than/);
  });

  it('gives a line longer than the long-line threshold as it comes, lines before and after it whole', () => {
    const blocks = new LineBlocks('in.log', 8, () => 0, 4);
    expect(show(blocks.cut(b('ab\ncd')))).toEqual(['L:ab\n']);
    expect(show(blocks.cut(b('efg')))).toEqual(['G:cd+', 'G:efg+']); // held, then over 4 bytes: long
    expect(show(blocks.cut(b('0123456789')))).toEqual(['G:0123456789+']); // no limit to a long line
    expect(show(blocks.cut(b('g\nhi\nj')))).toEqual(['G:g$', 'L:hi\n']);
    expect(show(blocks.cut(b('\n')))).toEqual(['L:j\n']);
    expect(blocks.rest()).toEqual([]);
  });

  it('finds long lines inside one chunk, between short ones, and one that runs to the end of the input', () => {
    const blocks = new LineBlocks('in.log', 8, () => 0, 4);
    expect(show(blocks.cut(b('a\nb\nlonger\nc\nd\nlonger2\ne\nlast-long')))).toEqual([
      'L:a\nb\n',
      'G:longer$',
      'L:c\nd\n',
      'G:longer2$',
      'L:e\n',
      'G:last-long+',
    ]);
    expect(show(blocks.rest())).toEqual(['G:.']);
  });

  it('a line of exactly the threshold is held whole; one byte more is long', () => {
    const blocks = new LineBlocks('in.log', 64, () => 0, 4);
    expect(show(blocks.cut(b('abcd\nabcde\n')))).toEqual(['L:abcd\n', 'G:abcde$']);
    expect(show(blocks.cut(b('ab')))).toEqual([]);
    expect(show(blocks.cut(b('cd\r\n')))).toEqual(['G:ab+', 'G:cd\r$']);
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

describe('LineBlockMapper writes changed lines into the block bytes', () => {
  /** What mapping the decoded text line by line and encoding the whole of it gives. */
  function expected(text: string, f: (line: string, i: number) => string): Buffer {
    const pieces = text.split('\n');
    const mapped = pieces.map((piece, i) => {
      if (i === pieces.length - 1 && piece === '') return ''; // after the last `\n`: no line
      const cr = piece.endsWith('\r');
      return f(cr ? piece.slice(0, -1) : piece, i) + (cr ? '\r' : '');
    });
    return Buffer.from(mapped.join('\n'), 'utf8');
  }
  const tagDigits = (line: string) => line.replace(/\d+/g, '<N>');

  it.each([
    ['ASCII and Chinese lines, some changed', 'id 12 ok\n用户 13800138000 已登录\nno digits\n订单号:42\nlast 7\n'],
    ['a line of only non-ASCII between changed ASCII lines', 'a 1\n全是中文没有数字\nb 2\n'],
    ['a changed line of only non-ASCII', '电话一二三\n', (line: string) => line.replace('电话', '<PHONE>')],
    ['CRLF with multi-byte chars', 'é 1\r\n中 2\r\nplain\r\n'],
    ['a last line without newline after a multi-byte line', '中文\nend 99'],
    ['a last line ending in CR without newline', '中 5\nx 6\r'],
    ['a four-byte char before a changed line', '😀 emoji\nnum 31\n😀😀 77\n'],
    ['a BOM on the first line', '\ufeffid 12\n中 3\n'],
    ['empty lines and lines of only CR', '\n\r\n中\n\n1\r\n'],
  ])('%s: the same bytes as encoding the whole mapped text', (_name, text, f: (line: string) => string = tagDigits) => {
    const block = Buffer.from(text, 'utf8');
    expect(new LineBlockMapper(f).map(block)).toEqual(expected(text, f));
  });

  it('a line mapped to a string with a lone surrogate is encoded as the whole text would be', () => {
    const f = (line: string) => (line.startsWith('x') ? '😀'.slice(0, 1) : line);
    const text = '中\nx\n😀\nx';
    expect(new LineBlockMapper(f).map(Buffer.from(text))).toEqual(expected(text, f));
  });

  it('unchanged lines keep their bytes: only the changed line is encoded again', () => {
    const block = Buffer.from('中 1\n中 2\n中 3\n');
    const out = new LineBlockMapper((line) => (line === '中 2' ? 'two' : line)).map(block);
    expect(out.toString()).toBe('中 1\ntwo\n中 3\n');
  });
});
