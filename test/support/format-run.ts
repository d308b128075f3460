import { Readable, Writable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Format } from '../../src/formats/format.js';
import type { Place, ValueVisitor, Visited } from '../../src/record/index.js';

export interface FormatRun {
  readonly out: Buffer;
  readonly text: string;
  readonly warnings: string[];
}

/** Feed bytes through a transform in chunks of `chunk` bytes; what comes out. */
export async function runTransform(transform: Transform, bytes: Buffer, chunk: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    transform,
    new Writable({
      write(c: Buffer, _e, cb) {
        parts.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(parts);
}

/** Run bytes through a format's transform, fed in chunks of `chunk` bytes. */
export async function runFormat(
  format: Format,
  input: Buffer | string,
  visitor: ValueVisitor,
  { chunk = 64 * 1024, source = 'in' }: { chunk?: number; source?: string } = {},
): Promise<FormatRun> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const warnings: string[] = [];
  const out = await runTransform(format.createTransform({ visitor, source, warn: (m) => warnings.push(m) }), bytes, chunk);
  return { out, text: out.toString('utf8'), warnings };
}

/** Visits nothing away: every value comes back as the same string. */
export const identity: ValueVisitor = { visit: (v) => v };

/** A visitor that records what it is offered and answers with `answer` (the same value by default). */
export function recording(answer: (value: string, place: Place) => Visited = (v) => v): {
  visitor: ValueVisitor;
  seen: Array<[string, number, Array<string | number>]>;
} {
  const seen: Array<[string, number, Array<string | number>]> = [];
  return {
    seen,
    visitor: {
      visit(value, place) {
        seen.push([value, place.record, [...place.path]]);
        return answer(value, place);
      },
    },
  };
}
