import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { judgeNotUtf8, notUtf8Message } from '../../src/encoding/not-utf8.js';
import { encodingChoice } from '../../src/encoding/option.js';
import { inputEncoding } from '../../src/encoding/stages.js';
import { detectUtf16 } from '../../src/encoding/utf16.js';
import { Utf8Watch } from '../../src/encoding/utf8-watch.js';

const LINE = '2026-02-24 08:00:03 INFO 用户注册成功 手机号:13800138000 request handled\n';
const ZH_LINE = '用户注册成功，欢迎使用本系统，请妥善保管您的账户信息。'.repeat(10) + '\n';

describe('detectUtf16', () => {
  it.each([
    ['LE BOM', Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'utf-16le'],
    ['BE BOM', Buffer.from([0xfe, 0xff, 0x00, 0x41]), 'utf-16be'],
    ['LE, no BOM, mostly ASCII', iconv.encode(LINE, 'utf-16le'), 'utf-16le'],
    ['BE, no BOM, mostly ASCII', iconv.encode(LINE, 'utf-16be'), 'utf-16be'],
    ['LE, no BOM, 2 code units', Buffer.from('a\0b\0'), 'utf-16le'],
    // A Chinese first line has no NULs: fewer than half of the code units have them, yet all are on one side.
    ['LE, no BOM, a long Chinese first line', iconv.encode(ZH_LINE + LINE.repeat(3), 'utf-16le'), 'utf-16le'],
    ['BE, no BOM, a long Chinese first line', iconv.encode(ZH_LINE + LINE.repeat(3), 'utf-16be'), 'utf-16be'],
    ['LE, no BOM, a Chinese line longer than 4 KiB first', iconv.encode(ZH_LINE.repeat(8) + LINE, 'utf-16le'), 'utf-16le'],
    // 一 (U+4E00) is 00 4E in LE: a NUL on the other side, common in Chinese, does not hide the pattern.
    ['LE, no BOM, Chinese lines with 一 in them', iconv.encode('2026-02-24 08:00:03 第一次登录，一切正常\r\n'.repeat(20), 'utf-16le'), 'utf-16le'],
  ])('%s', (_name, head, expected) => {
    expect(detectUtf16(head)).toBe(expected);
  });

  it.each([
    ['UTF-8 text', Buffer.from(LINE)],
    ['a UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0x42])],
    ['NULs only (a log with a zero-filled block)', Buffer.alloc(4096)],
    ['text, then NUL padding', Buffer.concat([Buffer.from(LINE), Buffer.alloc(2000)])],
    ['one code unit (too little to judge)', Buffer.from('a\0')],
    ['UTF-16 with no ASCII and no BOM (no NULs to go by)', iconv.encode('用户注册成功手机号', 'utf-16le')],
    ['UTF-32 LE without a BOM (NULs on both sides)', iconv.encode(LINE, 'utf-32le')],
    // Valid UTF-8 (NULs are) with a little UTF-16 in it: half of the code units must have a NUL then.
    ['a UTF-8 log with a short UTF-16 string in it', Buffer.concat([Buffer.from(LINE.repeat(20)), iconv.encode('DESKTOP-01\\Administrator '.repeat(4), 'utf-16le'), Buffer.from(LINE.repeat(20))])],
    ['UTF-8 text with one NUL (not enough to judge by)', Buffer.concat([Buffer.from(LINE.repeat(20)), Buffer.alloc(1), Buffer.from(LINE)])],
  ])('not UTF-16: %s', (_name, head) => {
    expect(detectUtf16(head)).toBeNull();
  });
});

describe('judgeNotUtf8', () => {
  it('a GBK log: many invalid sequences, probably gb18030', () => {
    const n = judgeNotUtf8(iconv.encode(LINE.repeat(10), 'gbk'));
    expect(n).not.toBeNull();
    expect(n!.likely).toBe('gb18030');
    expect(n!.invalidSequences).toBeGreaterThanOrEqual(10);
    expect(notUtf8Message('app.log', n!)).toMatch(/^app\.log: not UTF-8 \(\d+ invalid sequences in its first \d+ bytes\), probably gb18030: pass --encoding gb18030 to read it$/);
  });

  it.each([
    ['UTF-8', Buffer.from(LINE.repeat(10))],
    ['UTF-8 with one stray byte', Buffer.concat([Buffer.from(LINE.repeat(10)), Buffer.from([0xff])])],
    ['UTF-8 with 3 stray bytes', Buffer.concat([Buffer.from([0x80]), Buffer.from(LINE), Buffer.from([0x80]), Buffer.from(LINE), Buffer.from([0x80])])],
    // 4 bad bytes, but among 10 lines of UTF-8 Chinese: less than a quarter of the non-ASCII bytes
    ['UTF-8 Chinese with 4 stray bytes', Buffer.concat([Buffer.from(LINE.repeat(10)), Buffer.from([0xff, 0x41, 0xff, 0x41, 0xff, 0x41, 0xff])])],
  ])('%s: no warning', (_name, head) => {
    expect(judgeNotUtf8(head)).toBeNull();
  });

  it('names no encoding it cannot pass to --encoding; the message then shows how', () => {
    expect(notUtf8Message('-', { from: 0, invalidSequences: 9, sampled: 100, likely: null })).toBe(
      '-: not UTF-8 (9 invalid sequences in its first 100 bytes): pass its encoding to read it, e.g. --encoding gb18030',
    );
    expect(notUtf8Message('-', { from: 131_072, invalidSequences: 9, sampled: 100, likely: 'gbk' })).toBe(
      '-: not UTF-8 (9 invalid sequences in 100 bytes from byte 131,072), probably gbk: pass --encoding gbk to read it',
    );
  });
});

describe('encodingChoice and inputEncoding', () => {
  it('an unknown or unsupported name is a usage error naming the option', () => {
    for (const name of ['no-such', 'base64', 'hex', 'utf-7']) {
      expect(() => encodingChoice(name)).toThrow(expect.objectContaining({ code: 'LV_USAGE', message: expect.stringMatching(/^--encoding: unknown encoding/) }));
    }
  });

  it('UTF-8 by any spelling has no stage and no detection', () => {
    const utf16 = iconv.encode(LINE, 'utf-16le');
    for (const name of ['utf8', 'UTF-8', 'utf_8']) {
      const e = inputEncoding(utf16, encodingChoice(name), 'in');
      expect(e.name).toBe('utf8');
      expect(e.decode).toBeNull();
      expect(e.encode()).toBeNull();
      expect(e.notUtf8).toBeNull();
    }
    // Without --encoding, plain UTF-8 also gets no stage.
    const plain = inputEncoding(Buffer.from(LINE), encodingChoice(undefined), 'in');
    expect([plain.name, plain.decode, plain.encode(), plain.notUtf8]).toEqual(['utf8', null, null, null]);
  });

  it('--encoding utf-16 / utf-32 take the byte order from the BOM, else LE', () => {
    expect(inputEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]), encodingChoice('UTF-16'), 'in').name).toBe('utf-16be');
    expect(inputEncoding(Buffer.from('用户'), encodingChoice('utf16'), 'in').name).toBe('utf-16le');
    expect(inputEncoding(Buffer.from([0, 0, 0xfe, 0xff]), encodingChoice('utf-32'), 'in').name).toBe('utf-32be');
    expect(inputEncoding(Buffer.from('abcd'), encodingChoice('utf32'), 'in').name).toBe('utf-32le');
    // Without a BOM, by where the NULs of its ASCII chars are, as option.ts says (it was LE whatever the bytes).
    expect(inputEncoding(iconv.encode(LINE, 'utf-32be'), encodingChoice('utf-32'), 'in').name).toBe('utf-32be');
    expect(inputEncoding(iconv.encode(LINE, 'utf-32le'), encodingChoice('utf-32'), 'in').name).toBe('utf-32le');
    expect(inputEncoding(Buffer.from('abcd'), encodingChoice('GB18030'), 'in').name).toBe('GB18030');
  });
});

describe('Utf8Watch', () => {
  /** The bytes through a watch in chunks of `size`, and what it reported. */
  const watch = (bytes: Buffer, size: number) => {
    const found: Array<{ from: number; likely: string | null }> = [];
    const w = new Utf8Watch((n) => void found.push({ from: n.from, likely: n.likely }));
    const out: Buffer[] = [];
    w.on('data', (c: Buffer) => out.push(c));
    for (let i = 0; i < bytes.length; i += size) w.write(bytes.subarray(i, i + size));
    w.end();
    return { found, out: Buffer.concat(out) };
  };

  it('UTF-8 Chinese cut in the middle of its characters, in chunks of 7 bytes: passed on, nothing reported', () => {
    const bytes = Buffer.from(LINE.repeat(50));
    const { found, out } = watch(bytes, 7);
    expect(found).toEqual([]);
    expect(out.equals(bytes)).toBe(true);
  });

  it('GBK after 100 KB of ASCII: reported once, where the chunk that holds it starts', () => {
    const ascii = Buffer.from('x'.repeat(99) + '\n').subarray(0, 100);
    const bytes = Buffer.concat([Buffer.concat(Array.from({ length: 1_000 }, () => ascii)), iconv.encode(LINE.repeat(200), 'gbk')]);
    const { found, out } = watch(bytes, 65_536);
    expect(found).toEqual([{ from: 65_536, likely: 'gb18030' }]);
    expect(out.equals(bytes)).toBe(true);
  });
});
