import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { LogveilError } from '../errors.js';
import { utf8Stretches } from './utf8-stretches.js';
import { completeEnd, readEscape } from './escape.js';

/**
 * UTF-8 from a format in, the input's encoding out: the reverse of LosslessDecoder. Text is encoded
 * by one iconv-lite encoder for the whole stream (so a character cut by a chunk, or a sequence some
 * encodings map as one, comes out as it went in); escapes become the bytes they carry.
 */
export class LosslessEncoder {
  /** A sequence cut by the end of the last chunk. */
  private held: Buffer = Buffer.alloc(0);
  private encoder: iconv.EncoderStream;

  constructor(
    private readonly encoding: iconv.Encoding,
    /** The input's name, for the message if the stream holds bytes the decoder did not write. */
    private readonly source: string,
  ) {
    this.encoder = iconv.getEncoder(encoding);
  }

  write(chunk: Buffer): Buffer {
    const all = this.held.length ? Buffer.concat([this.held, chunk]) : chunk;
    const end = completeEnd(all);
    this.held = Buffer.from(all.subarray(end));
    return this.encode(all.subarray(0, end));
  }

  end(): Buffer {
    const last = this.encode(this.held);
    this.held = Buffer.alloc(0);
    return Buffer.concat([last, this.encoder.end() ?? Buffer.alloc(0)]);
  }

  private encode(utf8: Buffer): Buffer {
    if (isUtf8(utf8)) return this.encoder.write(utf8.toString('utf8'));
    const parts: Buffer[] = [];
    for (const [start, end, valid] of utf8Stretches(utf8)) {
      if (valid) {
        parts.push(this.encoder.write(utf8.toString('utf8', start, end)));
        continue;
      }
      for (let i = start; i < end; ) {
        const escape = readEscape(utf8, i);
        if (escape === null || i + escape.length > end) {
          // Only the decoder writes bytes that are not UTF-8, and only these: fail rather than guess.
          throw new LogveilError('LV_FORMAT', `${this.source}: output holds bytes that are neither text nor kept input bytes (not written)`);
        }
        if ('byte' in escape.escaped) {
          // Whatever the encoder holds comes before the kept byte.
          parts.push(this.encoder.end() ?? Buffer.alloc(0), Buffer.of(escape.escaped.byte));
          this.encoder = iconv.getEncoder(this.encoding);
        } else {
          parts.push(this.encoder.write(escape.escaped.surrogate));
        }
        i += escape.length;
      }
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }
}
