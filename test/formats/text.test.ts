import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { TextLineTransform, type LineMapper } from '../../src/formats/text.js';

async function run(input: Buffer, mapper: LineMapper, chunk = 7): Promise<Buffer> {
  const parts: Buffer[] = [];
  const chunks: Buffer[] = [];
  for (let i = 0; i < input.length; i += chunk) chunks.push(input.subarray(i, i + chunk));
  await pipeline(
    Readable.from(chunks),
    new TextLineTransform(mapper),
    new Writable({
      write(c, _e, cb) {
        parts.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(parts);
}

const upperSecret: LineMapper = (line) => line.replace(/secret/g, 'XXXXXX');

describe('text lines', () => {
  const samples: Array<[string, Buffer]> = [
    ['LF', Buffer.from('a\nb\nc\n')],
    ['CRLF', Buffer.from('a\r\nb\r\nc\r\n')],
    ['no final newline', Buffer.from('a\nb')],
    ['empty lines', Buffer.from('\n\n\r\n\n')],
    ['empty input', Buffer.alloc(0)],
    ['UTF-8 Chinese split across chunks', Buffer.from('用户登录成功\n地址：北京市\n')],
    ['invalid UTF-8', Buffer.from([0x61, 0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x0a, 0xe6, 0x97])],
    ['lone CR', Buffer.from('a\rb\n')],
  ];

  it.each(samples)('%s: identity mapper gives the same bytes', async (_n, input) => {
    for (const chunk of [1, 3, 7, 64 * 1024]) {
      expect((await run(input, (l) => l, chunk)).equals(input)).toBe(true);
    }
  });

  it('maps lines without their terminators and keeps CRLF/LF and the missing final newline', async () => {
    const input = Buffer.from('a secret\r\nno\nsecret');
    expect((await run(input, upperSecret)).toString()).toBe('a XXXXXX\r\nno\nXXXXXX');
  });

  it('numbers lines from 0 across chunks', async () => {
    const seen: Array<[string, number]> = [];
    await run(Buffer.from('x\ny\r\nz'), (l, i) => (seen.push([l, i]), l), 2);
    expect(seen).toEqual([
      ['x', 0],
      ['y', 1],
      ['z', 2],
    ]);
  });

  it('keeps invalid bytes and still maps the valid stretches of that line', async () => {
    const input = Buffer.concat([Buffer.from('a secret '), Buffer.from([0xff]), Buffer.from(' secret b\nok\n')]);
    const expected = Buffer.concat([Buffer.from('a XXXXXX '), Buffer.from([0xff]), Buffer.from(' XXXXXX b\nok\n')]);
    expect((await run(input, upperSecret)).equals(expected)).toBe(true);
  });
});
