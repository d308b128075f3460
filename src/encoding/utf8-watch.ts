import { Transform, type TransformCallback } from 'node:stream';
import { completeEnd } from './escape.js';
import { judgeNotUtf8, type NotUtf8 } from './not-utf8.js';

/**
 * A pass-through stage for an input read as UTF-8 that judges the rest of it as its first bytes were
 * judged (judgeNotUtf8), chunk by chunk: a log can be ASCII for its first 64 KiB (start-up lines) and
 * GBK after them. The first chunk that does not look like UTF-8 goes to `found`, once; an error that
 * `found` returns fails the stream (--strict-encoding). A chunk of valid UTF-8 costs one isUtf8 call.
 */
export class Utf8Watch extends Transform {
  /** Where the bytes not judged yet start in the input. */
  private offset = 0;
  /** A sequence cut by the end of the last chunk: judged with the next one, not counted as invalid. */
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly found: (n: NotUtf8) => Error | undefined,
    /** The first bytes were already reported: nothing more to say. */
    private reported = false,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.reported) {
      const all = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
      const end = completeEnd(all);
      this.carry = Buffer.from(all.subarray(end));
      const notUtf8 = judgeNotUtf8(all.subarray(0, end), this.offset);
      this.offset += end;
      if (notUtf8) {
        this.reported = true;
        const error = this.found(notUtf8);
        if (error) return done(error);
      }
    }
    done(null, chunk);
  }
}
