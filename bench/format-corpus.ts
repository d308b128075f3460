/**
 * Seeded benchmark files, one per format, written streaming (never held in memory) until they reach a
 * size: the same events (records.ts) as NDJSON lines, as a JSON array with one element a line, and
 * as logfmt lines among the mixed text corpus (corpus.ts: app, access, HDFS, k8s, JSON lines; EN/ZH);
 * a customer-event CSV export with EN/ZH column names, a BOM and CRLF. About half the events and
 * a third of the text lines carry personal data. Besides the formats, `long-lines`: the text corpus's
 * lines joined with spaces into lines just under the 1 MiB at which logveil starts reading a line in
 * windows (the heaviest lines still mapped whole: a memory bound's worst case).
 */
import { createWriteStream, existsSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { corpusLines, generatorCodeHash } from './corpus.js';
import { rng } from './random.js';
import { benchColumns, csvField, logfmt, nestedRecord } from './records.js';

export const CORPUS_FORMATS = ['text', 'ndjson', 'json', 'csv'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];
/** A format's file, or text of lines just under the long-line limit. */
export type CorpusKind = CorpusFormat | 'long-lines';
/** Bytes per `long-lines` line, newline included: under LONG_LINE_SIZES' 1 MiB with a margin for a last piece. */
const LONG_LINE_BYTES = 1_040_000;

export interface CorpusFile {
  readonly file: string;
  readonly bytes: number;
  /** Lines (text, NDJSON), array elements (JSON) or data rows (CSV). */
  readonly records: number;
}

const EXTENSION: Record<CorpusKind, string> = { text: 'log', ndjson: 'ndjson', json: 'json', csv: 'csv', 'long-lines': 'log' };

/** The pieces of a format's file, in order, until at least `bytes` bytes (UTF-8) are out. */
function* pieces(format: CorpusKind, seed: number, bytes: number, count: { records: number }): Generator<string> {
  let size = 0;
  const put = (s: string) => {
    size += Buffer.byteLength(s);
    return s;
  };
  const r = rng(seed);
  if (format === 'csv') {
    const cols = benchColumns();
    yield put('\ufeff' + cols.map((c) => csvField(c.name)).join(',') + '\r\n');
    while (size < bytes) {
      count.records++;
      yield put(cols.map((c) => csvField(c.cell(r).text)).join(',') + '\r\n');
    }
    return;
  }
  if (format === 'long-lines') {
    const lines = corpusLines({ seed, lines: Number.MAX_SAFE_INTEGER });
    let line: string[] = [];
    let lineBytes = 0;
    while (size < bytes) {
      const next = lines.next().value!.text;
      const b = Buffer.byteLength(next) + 1;
      if (lineBytes + b > LONG_LINE_BYTES && line.length > 0) {
        count.records++;
        yield put(line.join(' ') + '\n');
        line = [];
        lineBytes = 0;
      }
      line.push(next);
      lineBytes += b;
    }
    return;
  }
  if (format === 'text') {
    const lines = corpusLines({ seed, lines: Number.MAX_SAFE_INTEGER });
    while (size < bytes) {
      count.records++;
      // One line in four is an event in logfmt, the rest the mixed corpus.
      yield put((count.records % 4 === 0 ? logfmt(nestedRecord(r).value).line : lines.next().value!.text) + '\n');
    }
    return;
  }
  if (format === 'json') yield put('[\n');
  while (size < bytes) {
    const line = JSON.stringify(nestedRecord(r).value);
    yield put(format === 'json' ? (count.records ? ',\n' : '') + line : line + '\n');
    count.records++;
  }
  if (format === 'json') yield put('\n]\n');
}

/** Write the format's file to `file` (through a temporary name), streaming. */
export async function writeCorpus(format: CorpusKind, file: string, { seed, bytes }: { seed: number; bytes: number }): Promise<CorpusFile> {
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const count = { records: 0 };
  let chunk = '';
  let written = 0;
  for (const piece of pieces(format, seed, bytes, count)) {
    chunk += piece;
    if (chunk.length > 1 << 20) {
      written += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = '';
    }
  }
  written += Buffer.byteLength(chunk);
  out.end(chunk);
  await finished(out);
  renameSync(tmp, file);
  return { file, bytes: written, records: count.records };
}

/** The format's file under os.tmpdir(), cached by seed, size and the generators' code. */
export async function cachedCorpus(format: CorpusKind, { seed, bytes }: { seed: number; bytes: number }): Promise<CorpusFile> {
  const name = `logveil-bench-${format}-${seed}-${bytes}-${generatorCodeHash(['random.js', 'generate.js', 'corpus.js', 'records.js', 'format-corpus.js'])}`;
  const file = join(tmpdir(), `${name}.${EXTENSION[format]}`);
  const meta = join(tmpdir(), `${name}.meta.json`);
  if (existsSync(file) && existsSync(meta)) return { file, ...(JSON.parse(readFileSync(meta, 'utf8')) as { bytes: number; records: number }) };
  const made = await writeCorpus(format, file, { seed, bytes });
  const out = createWriteStream(meta);
  out.end(JSON.stringify({ bytes: made.bytes, records: made.records }));
  await finished(out);
  return made;
}
