import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapUtf8Stretches } from '../../../src/encoding/utf8-stretches.js';
import { LongLine, MARGIN } from '../../../src/formats/lines/long-line.js';
import type { TextWindow, WindowVisited } from '../../../src/record/index.js';

/*
 * LongLine on its own, with a stand-in for the scanner: `SECRET` followed by digits is a value (so
 * its length varies and it can run over a cut); what a visitor must do with a window (replace what
 * starts in the piece, give back the piece's text to where it ends) is done here as the contract says.
 */

const VALUE = /SECRET\d+/g;

function visitWindow(w: TextWindow, seen?: TextWindow[]): WindowVisited {
  seen?.push(w);
  let out = '';
  let at = w.from;
  for (const m of w.text.matchAll(VALUE)) {
    const start = m.index;
    if (start < w.from || start >= w.to) continue;
    out += w.text.slice(at, start) + '<S>';
    at = start + m[0].length;
  }
  const end = Math.max(at, w.to);
  return { text: out + w.text.slice(at, end), end };
}

/** The line's bytes fed in chunks of the given sizes (cycled), then its end; the bytes written. */
function run(bytes: Buffer, chunks: number[], piece: number, newline = true, seen?: TextWindow[]): Buffer {
  const long = new LongLine(7, { threshold: 1, piece });
  const out: Buffer[] = [];
  const drain = () => {
    for (let step = long.next(); step !== null; step = long.next()) {
      if (step.kind === 'bytes') {
        out.push(step.bytes);
        continue;
      }
      const visited = visitWindow(step.window, seen);
      long.wrote(visited.end);
      out.push(Buffer.from(visited.text, 'utf8'));
    }
  };
  let k = 0;
  for (let at = 0; at < bytes.length; k++) {
    const n = Math.max(1, chunks[k % chunks.length]);
    long.add(bytes.subarray(at, at + n));
    drain();
    at += n;
  }
  long.end(newline);
  drain();
  return Buffer.concat(out);
}

/** What the line held whole gives: each valid UTF-8 stretch with its values replaced, a last `\r` kept out. */
function whole(bytes: Buffer, newline = true): Buffer {
  const cr = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d;
  const body = cr ? bytes.subarray(0, -1) : bytes;
  const mapped = mapUtf8Stretches<never>(body, (text) => text.replace(VALUE, '<S>')) ?? body;
  return Buffer.concat([mapped, Buffer.from((cr ? '\r' : '') + (newline ? '\n' : ''))]);
}

const words = ['alpha ', 'β ', '中文 ', '😀', 'SECRET', '12', '3456789', ' ', 'x', '\r', 'é'];
/** A line of these pieces, and now and then bytes that are not UTF-8 (a stray byte, a sequence cut short). */
const lineBytes = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...words).map((w) => Buffer.from(w)) }, { weight: 1, arbitrary: fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe4, 0xb8]), Buffer.from([0xf0, 0x9f, 0x98])) }), {
    minLength: 1,
    maxLength: 400,
  })
  .map((parts) => Buffer.concat(parts));

describe('LongLine', () => {
  it('writes the line once, in order: the same bytes as the line held whole, whatever the chunks and pieces', () => {
    fc.assert(
      fc.property(lineBytes, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (bytes, chunks, piece, newline) => {
        expect(run(bytes, chunks, piece, newline).equals(whole(bytes, newline))).toBe(true);
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 300) },
    );
  });

  it('a value that starts before a cut and runs past it is replaced once, whole, and the next piece starts after it', () => {
    // Pieces of 10 chars: the value starts at 8, so it runs over the cut at 10 to 22.
    const line = 'abcdefgh' + 'SECRET123456' + 'ijklmnopqrstuvwxyz';
    const seen: TextWindow[] = [];
    expect(run(Buffer.from(line), [5], 10, true, seen).toString()).toBe('abcdefgh<S>ijklmnopqrstuvwxyz\n');
    const pieces = seen.map((w) => [w.offset + w.from, w.offset + w.to]);
    expect(pieces).toEqual([
      [0, 10],
      [20, 30], // after the value's end (20), not at the cut (10)
      [30, 38],
    ]);
  });

  it('each value is found by the piece it starts in, at every offset around a cut', () => {
    for (let start = 0; start < 30; start++) {
      const line = 'x'.repeat(start) + ' SECRET99 ' + 'y'.repeat(30);
      expect(run(Buffer.from(line), [3, 7], 12).toString(), `at ${start}`).toBe('x'.repeat(start) + ' <S> ' + 'y'.repeat(30) + '\n');
    }
  });

  it('a window shows MARGIN chars of the line on each side of its piece, and no more: memory does not grow with the line', () => {
    const line = Buffer.from('0123456789 SECRET1 '.repeat(2000)); // 38,000 chars
    const seen: TextWindow[] = [];
    run(line, [4096], 1000, true, seen);
    expect(seen.length).toBeGreaterThan(30);
    for (const w of seen) {
      expect(w.text.length).toBeLessThanOrEqual(1000 + 2 * MARGIN + 20);
      expect(w.text).toBe(line.toString().slice(w.offset, w.offset + w.text.length)); // the line's own chars
      if (w.offset > 0) expect(w.from).toBe(MARGIN);
    }
  });

  it('a multi-byte char cut between chunks, or a surrogate pair at a piece cut, comes out whole', () => {
    for (let pad = 0; pad < 8; pad++) {
      const line = Buffer.from('a'.repeat(pad) + '😀中😀é😀 SECRET7 😀'.repeat(3));
      for (const chunk of [1, 2, 3, 5]) {
        for (const piece of [1, 2, 3, 4]) {
          expect(run(line, [chunk], piece).equals(whole(line)), `pad ${pad} chunk ${chunk} piece ${piece}`).toBe(true);
        }
      }
    }
  });

  it('keeps bytes that are not UTF-8 as they are, each valid stretch scanned on its own', () => {
    const line = Buffer.concat([Buffer.from('SECRET1 '), Buffer.from([0xff, 0xfe]), Buffer.from('SECRET2'), Buffer.from([0xe4, 0xb8]), Buffer.from(' SECRET3')]);
    const out = run(line, [1], 3);
    expect(out).toEqual(Buffer.concat([Buffer.from('<S> '), Buffer.from([0xff, 0xfe]), Buffer.from('<S>'), Buffer.from([0xe4, 0xb8]), Buffer.from(' <S>\n')]));
    // A sequence cut short by the line's end is kept too.
    expect(run(Buffer.from([0x61, 0xe4, 0xb8]), [1], 2, false)).toEqual(Buffer.from([0x61, 0xe4, 0xb8]));
  });

  it("keeps a last `\\r` out of the scan, as the line's terminator", () => {
    expect(run(Buffer.from('a SECRET9\r'), [1], 2).toString()).toBe('a <S>\r\n');
    expect(run(Buffer.from('a SECRET9\r'), [1], 2, false).toString()).toBe('a <S>\r');
    expect(run(Buffer.from('\r'), [1], 2).toString()).toBe('\r\n');
  });
});
