import { Transform, type TransformCallback } from 'node:stream';
import { LineBlockMapper, LineBlocks, type LineMapper } from './blocks.js';

/**
 * A line-based format's Transform: bytes in, each line mapped, bytes out, in one thread. The worker
 * pool (src/pipeline/) does the same with the two halves apart: it cuts blocks here and maps them in
 * workers with the format's line mapper.
 */
export type { LineMapper } from './blocks.js';

/** 64 MiB: far beyond any log line, small enough to hold. */
export const MAX_LINE_BYTES = 64 << 20;

/** Lines mapped one by one as the bytes come: cut into blocks of whole lines, each mapped at once. */
export class TextLineTransform extends Transform {
  private readonly blocks: LineBlocks;
  private readonly mapper: LineBlockMapper;

  constructor(
    mapLine: LineMapper,
    /** For the message when a line is too long to hold. */
    source = 'input',
    /** The longest line held in memory: a longer one fails the file (fail closed, memory bounded). */
    maxLine = MAX_LINE_BYTES,
  ) {
    super();
    this.mapper = new LineBlockMapper(mapLine);
    this.blocks = new LineBlocks(source, maxLine, () => this.mapper.index);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      const block = this.blocks.cut(chunk);
      if (block !== null) {
        const out = this.mapper.map(block);
        if (out.length) this.push(out);
      }
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.blocks.rest();
      if (rest !== null) this.push(this.mapper.map(rest));
      done();
    } catch (e) {
      done(e as Error);
    }
  }
}
