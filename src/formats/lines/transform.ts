import { Transform, type TransformCallback } from 'node:stream';
import { LogveilError } from '../../errors.js';
import type { Place, ValueVisitor } from '../../record/index.js';
import type { FormatOptions } from '../format.js';
import { LineBlockMapper, LineBlocks, type LineMapper, type LinePart } from './blocks.js';
import { LONG_LINE_SIZES, LongLine, longLineWarning, type LongLineSizes } from './long-line.js';

/**
 * A line-based format's Transform: bytes in, each line mapped, bytes out, in one thread. The worker
 * pool (src/pipeline/) does the same with the two halves apart: it cuts blocks here and maps them in
 * workers with the format's line mapper.
 */
export type { LineMapper } from './blocks.js';

/**
 * 64 MiB: the longest line held whole when long lines cannot be read in windows (a visitor without
 * visitWindow, such as reveal's); a longer one fails the input.
 */
export const MAX_LINE_BYTES = 64 << 20;

/** How a line too long to hold is read: the visitor that scans its windows, and where its warning goes. */
export interface LongLineReader {
  readonly visitor: ValueVisitor & Required<Pick<ValueVisitor, 'visitWindow'>>;
  readonly warn: (message: string) => void;
  readonly sizes: LongLineSizes;
}

/** The long-line reader a format's options give: none when the visitor cannot scan windows. */
export function longLineReader(options: FormatOptions): LongLineReader | null {
  const { visitor, warn } = options;
  if (visitor.visitWindow === undefined) return null;
  return { visitor: visitor as LongLineReader['visitor'], warn, sizes: options.longLines ?? LONG_LINE_SIZES };
}

/** Lines mapped one by one as the bytes come: cut into blocks of whole lines, each mapped at once. */
export class TextLineTransform extends Transform {
  private readonly blocks: LineBlocks;
  private readonly mapper: LineBlockMapper;
  /** The long line being read, if any. */
  private long: LongLine | null = null;

  /** A format's transform: long lines in windows when its visitor can scan them (long-line.ts). */
  static forFormat(mapLine: LineMapper, options: FormatOptions): TextLineTransform {
    return new TextLineTransform(mapLine, options.source, MAX_LINE_BYTES, longLineReader(options));
  }

  constructor(
    mapLine: LineMapper,
    /** For messages: the long-line warning, or the error when a line is too long to hold. */
    private readonly source = 'input',
    /** The longest line held in memory without a long-line reader: a longer one fails the file (fail closed, memory bounded). */
    maxLine = MAX_LINE_BYTES,
    private readonly reader: LongLineReader | null = null,
  ) {
    super();
    this.mapper = new LineBlockMapper(mapLine);
    this.blocks = new LineBlocks(source, maxLine, () => this.mapper.index, reader === null ? null : reader.sizes.threshold);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      for (const part of this.blocks.cut(chunk)) this.mapPart(part);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      for (const part of this.blocks.rest()) this.mapPart(part);
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private mapPart(part: LinePart): void {
    if (part.kind === 'lines') {
      const out = this.mapper.map(part.bytes);
      if (out.length) this.push(out);
      return;
    }
    const reader = this.reader;
    if (reader === null) throw new LogveilError('LV_FORMAT', `${this.source}: a long line without a reader for it`);
    const long = (this.long ??= new LongLine(this.mapper.index, reader.sizes));
    long.add(part.bytes);
    if (part.end !== 'more') long.end(part.end === 'newline');
    const place: Place = { record: long.record, path: [] };
    for (let step = long.next(); step !== null; step = long.next()) {
      if (step.kind === 'bytes') {
        this.push(step.bytes);
        continue;
      }
      if (step.first) reader.warn(longLineWarning(this.source, long.record, reader.sizes));
      const visited = reader.visitor.visitWindow(step.window, place);
      long.wrote(visited.end);
      if (visited.text.length) this.push(Buffer.from(visited.text, 'utf8'));
    }
    if (part.end !== 'more') {
      this.long = null;
      this.mapper.index++;
    }
  }
}
