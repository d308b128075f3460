import { Transform, type TransformCallback } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import type { Format } from './format.js';
import { DROP } from './visitor.js';

/**
 * Plain-text logs: one record per line. The line is what lies between `\n`s, without a trailing `\r`;
 * terminators, a missing final newline and bytes that are not valid UTF-8 come out exactly as they
 * went in. A line the mapper returns unchanged is written as its original bytes.
 */
export type LineMapper = (line: string, index: number) => string;

const LF = 0x0a;
const CR = 0x0d;

export class TextLineTransform extends Transform {
  private carry: Buffer | null = null;
  private index = 0;

  constructor(private readonly mapLine: LineMapper) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
      const lastLf = buf.lastIndexOf(LF);
      if (lastLf < 0) {
        this.carry = buf; // no complete line yet
        return done();
      }
      this.carry = lastLf + 1 < buf.length ? buf.subarray(lastLf + 1) : null;
      const out = this.mapBlock(buf.subarray(0, lastLf + 1));
      if (out.length) this.push(out);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      if (this.carry && this.carry.length) this.push(this.mapBlock(this.carry));
      this.carry = null;
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  /** Complete lines (the last one may lack its `\n` at end of input). */
  private mapBlock(block: Buffer): Buffer {
    if (isUtf8(block)) {
      // The common case: decode once, split in the string, and keep the original bytes if nothing changed.
      const text = block.toString('utf8');
      const mapped = this.mapText(text);
      return mapped === text ? block : Buffer.from(mapped, 'utf8');
    }
    // Some line holds invalid UTF-8: go line by line so valid lines still round-trip exactly.
    const parts: Buffer[] = [];
    let at = 0;
    while (at < block.length) {
      let nl = block.indexOf(LF, at);
      nl = nl < 0 ? block.length : nl + 1;
      parts.push(this.mapLineBytes(block.subarray(at, nl)));
      at = nl;
    }
    return Buffer.concat(parts);
  }

  private mapText(text: string): string {
    let out: string[] | null = null;
    let at = 0;
    let piece = 0;
    while (at < text.length) {
      let nl = text.indexOf('\n', at);
      const next = nl < 0 ? text.length : nl + 1;
      if (nl < 0) nl = text.length;
      const end = nl > at && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      const line = text.slice(at, end);
      const mapped = this.mapLine(line, this.index++);
      if (mapped !== line) {
        out ??= [];
        out.push(text.slice(piece, at), mapped);
        piece = end;
      }
      at = next;
    }
    if (out === null) return text;
    out.push(text.slice(piece));
    return out.join('');
  }

  /** One line with invalid UTF-8: scan each valid stretch on its own, keep invalid bytes as they are. */
  private mapLineBytes(line: Buffer): Buffer {
    let end = line.length;
    if (end && line[end - 1] === LF) end--;
    if (end && line[end - 1] === CR) end--;
    const body = line.subarray(0, end);
    const index = this.index++;
    const parts: Buffer[] = [];
    let changed = false;
    for (const [s, e, valid] of utf8Stretches(body)) {
      const bytes = body.subarray(s, e);
      if (!valid) {
        parts.push(bytes);
        continue;
      }
      const text = bytes.toString('utf8');
      const mapped = this.mapLine(text, index);
      if (mapped !== text) changed = true;
      parts.push(mapped === text ? bytes : Buffer.from(mapped, 'utf8'));
    }
    if (!changed) return line;
    parts.push(line.subarray(end));
    return Buffer.concat(parts);
  }
}

/** Split bytes into maximal valid-UTF-8 stretches and invalid ones: [start, end, valid]. */
export function* utf8Stretches(buf: Buffer): Generator<[number, number, boolean]> {
  let i = 0;
  let validStart = 0;
  while (i < buf.length) {
    const len = utf8SequenceLength(buf, i);
    if (len > 0) {
      i += len;
      continue;
    }
    let j = i + 1;
    while (j < buf.length && utf8SequenceLength(buf, j) === 0) j++;
    if (i > validStart) yield [validStart, i, true];
    yield [i, j, false];
    i = validStart = j;
  }
  if (i > validStart) yield [validStart, i, true];
}

/** Length of the well-formed UTF-8 sequence at buf[i], or 0 if it is not one. */
function utf8SequenceLength(buf: Buffer, i: number): number {
  const b = buf[i];
  if (b < 0x80) return 1;
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0 || i + need > buf.length) return 0;
  return isUtf8(buf.subarray(i, i + need)) ? need : 0;
}

const WHOLE_LINE: readonly never[] = [];

/** Plain-text logs: every line is visited whole (key-value structure inside lines: see kv.ts). */
export const textFormat: Format = {
  name: 'text',
  extensions: ['.log', '.txt', '.out', '.err'],
  createTransform({ visitor }) {
    return new TextLineTransform((line, record) => {
      const out = visitor.visit(line, { record, path: WHOLE_LINE });
      return out === DROP ? '' : out;
    });
  },
};
