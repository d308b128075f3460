import { Transform, type TransformCallback } from 'node:stream';
import type iconv from 'iconv-lite';
import { LosslessDecoder } from './decoder.js';
import { LosslessEncoder } from './encoder.js';
import { judgeNotUtf8, type NotUtf8 } from './not-utf8.js';
import type { EncodingChoice } from './option.js';
import { detectUtf16 } from './utf16.js';

/** How one input is read and its output written, chosen from its first bytes and `--encoding`. */
export interface InputEncoding {
  /** The iconv-lite name of the input's encoding; `utf8` when the bytes go to the format as they are. */
  readonly name: string;
  /** The decode stage (input encoding to UTF-8) before the format; null for UTF-8: no stage at all. */
  readonly decode: Transform | null;
  /** A new encode stage (UTF-8 back to the input's encoding) for after the format; null for UTF-8. */
  readonly encode: () => Transform | null;
  /** Read as UTF-8 (no `--encoding`), but many of its first bytes are not UTF-8. */
  readonly notUtf8: NotUtf8 | null;
}

/**
 * The encoding of an input from `--encoding` and its first bytes (after any gunzip). Plain UTF-8 gets
 * no stages, so the common case costs nothing but this look at the head.
 */
export function inputEncoding(head: Buffer, choice: EncodingChoice, source: string): InputEncoding {
  const encoding = chosen(head, choice);
  if (encoding === null) {
    return { name: 'utf8', decode: null, encode: () => null, notUtf8: choice.kind === 'auto' ? judgeNotUtf8(head) : null };
  }
  return {
    name: encoding,
    decode: new CodingStage(new LosslessDecoder(encoding)),
    encode: () => new CodingStage(new LosslessEncoder(encoding, source)),
    notUtf8: null,
  };
}

/** The encoding to decode, or null for UTF-8. */
function chosen(head: Buffer, choice: EncodingChoice): iconv.Encoding | null {
  switch (choice.kind) {
    case 'auto':
      // UTF-32 first: its LE BOM (FF FE 00 00) begins with UTF-16 LE's, and read as UTF-16 nothing in it is found.
      return utf32ByBom(head) ?? detectUtf16(head);
    case 'utf8':
      return null;
    case 'unicode':
      return choice.width === 16 ? (detectUtf16(head) ?? 'utf-16le') : (utf32ByBom(head) ?? utf32ByNuls(head));
    case 'named':
      return choice.encoding;
  }
}

/**
 * `--encoding utf-32` without a BOM: BE when more of its code units look like a BE ASCII char (00 00 00
 * xx) than like an LE one (xx 00 00 00), else LE.
 */
function utf32ByNuls(head: Buffer): iconv.Encoding {
  let be = 0;
  let le = 0;
  for (let i = 0; i + 3 < head.length; i += 4) {
    if (head[i] === 0 && head[i + 1] === 0 && head[i + 2] === 0 && head[i + 3] !== 0) be++;
    else if (head[i] !== 0 && head[i + 1] === 0 && head[i + 2] === 0 && head[i + 3] === 0) le++;
  }
  return be > le ? 'utf-32be' : 'utf-32le';
}

/** UTF-32 LE or BE by its BOM (FF FE 00 00, 00 00 FE FF); null without one. */
function utf32ByBom(head: Buffer): iconv.Encoding | null {
  if (head.length < 4) return null;
  if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return 'utf-32le';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'utf-32be';
  return null;
}

/** A stage that runs each chunk through `write`, and `end` at the end of the input. */
class CodingStage extends Transform {
  constructor(private readonly coder: { write(chunk: Buffer): Buffer; end(): Buffer }) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.step(() => this.coder.write(chunk), done);
  }

  override _flush(done: TransformCallback): void {
    this.step(() => this.coder.end(), done);
  }

  private step(run: () => Buffer, done: TransformCallback): void {
    let out: Buffer;
    try {
      out = run();
    } catch (e) {
      return done(e as Error);
    }
    done(null, out.length ? out : undefined);
  }
}
