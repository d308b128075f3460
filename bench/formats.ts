/**
 * Throughput per format (`npm run bench:formats`), single thread, next to same-run baselines. One
 * seeded file per format (format-corpus.ts: events with personal data in random fields at random
 * depths as text/logfmt lines, NDJSON, a JSON array and an EN/ZH CSV export) is written once under
 * os.tmpdir() and cached; then N rounds run every mode of every format, interleaved, each reading the
 * file and writing to a null sink:
 *
 *   copy        read → write (the I/O floor)
 *   library     the parsing library alone, no visiting: text: line splitting (TextLineTransform,
 *               identity); NDJSON: JSON.parse + JSON.stringify per line; JSON: stream-json's JSONC
 *               tokenizer (set up as src/formats/json.ts sets it up) → its JSONC stringer, called
 *               as functions the way json.ts calls the tokenizer (its Node stream wrappers cost
 *               more than the work); CSV: fast-csv parse → format
 *   baseline    the format's own reader + writer with a visitor that returns every value unchanged:
 *               parsing and writing the same file with the same code and no detection
 *   scan        + scanningVisitor (findings counted, nothing changed)
 *   anonymize   + anonymizingVisitor, default policy
 *
 * Ratios are to `baseline`. MB = 10^6 bytes of input per second of wall time.
 *
 *   npm run bench:formats -- [--mb 24] [--rounds 3] [--seed 20260224] [--only json,csv]
 */
import { createReadStream } from 'node:fs';
import { loadavg } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { PassThrough, Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { format as csvFormatter, parse as csvParser } from 'fast-csv';
import { getManyValues, isMany, none, type Many } from 'stream-chain/defs.js';
import type { JsoncToken } from 'stream-json/core/jsonc/parser.js';
import jsoncStringer from 'stream-json/core/jsonc/stringer.js';
import { createAnonymizer } from '../src/anonymizer.js';
import { formats } from '../src/formats/index.js';
import { jsonTokenizer } from '../src/formats/json.js';
import type { ValueVisitor } from '../src/record/index.js';
import { TextLineTransform } from '../src/formats/lines/transform.js';
import { anonymizingVisitor, scanningVisitor } from '../src/visitors.js';
import { cachedCorpus, CORPUS_FORMATS, type CorpusFile, type CorpusFormat } from './format-corpus.js';
import { header, numberArg } from './env.js';

const seed = numberArg('seed', 20260224);
const mb = numberArg('mb', 24);
const rounds = numberArg('rounds', 3);
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : [...CORPUS_FORMATS];

interface Mode {
  readonly name: string;
  readonly label: string;
  readonly stages: () => Transform[];
}

const identity: ValueVisitor = { visit: (v) => v };
const anonymizer = createAnonymizer();
let findings = 0;
const scanning = scanningVisitor(anonymizer, () => {
  findings++;
});
const anonymizing = anonymizingVisitor(anonymizer);

/** stream-json alone: its JSONC tokenizer → its JSONC stringer, text in, text out. */
class StreamJsonCopy extends Transform {
  private readonly decoder = new StringDecoder('utf8');
  private readonly parse = jsonTokenizer();
  private readonly stringify = jsoncStringer({ useValues: true, useCommas: true }) as (t: JsoncToken | typeof none) => unknown;
  private out = '';

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.tokens(this.parse(this.decoder.write(chunk)));
    this.pushOut();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.tokens(this.parse(this.decoder.end()));
    this.tokens(this.parse(none));
    this.text(this.stringify(none));
    this.pushOut();
    done();
  }

  private tokens(result: Many<JsoncToken> | typeof none): void {
    if (result === none) return;
    for (const t of getManyValues(result)) this.text(this.stringify(t));
  }

  private text(result: unknown): void {
    if (result === none) return;
    if (isMany(result)) for (const s of getManyValues(result)) this.out += s as string;
    else this.out += result as string;
  }

  private pushOut(): void {
    if (this.out) this.push(Buffer.from(this.out, 'utf8'));
    this.out = '';
  }
}

const LIBRARY: Record<CorpusFormat, Mode> = {
  text: { name: 'library', label: 'line split', stages: () => [new TextLineTransform((line) => line)] },
  ndjson: { name: 'library', label: 'JSON.parse+stringify', stages: () => [new TextLineTransform((line) => (line ? JSON.stringify(JSON.parse(line)) : line))] },
  json: { name: 'library', label: 'stream-json', stages: () => [new StreamJsonCopy()] },
  csv: { name: 'library', label: 'fast-csv', stages: () => [csvParser({ headers: false }) as unknown as Transform, csvFormatter({ headers: false }) as unknown as Transform] },
};

function modes(format: CorpusFormat): Mode[] {
  const f = formats[format];
  const viaFormat = (visitor: ValueVisitor) => () => [f.createTransform({ visitor, source: `bench.${format}`, warn: () => {} })];
  return [
    { name: 'copy', label: 'read → write', stages: () => [new PassThrough()] },
    LIBRARY[format],
    { name: 'baseline', label: 'format, identity', stages: viaFormat(identity) },
    { name: 'scan', label: 'format + scan', stages: viaFormat(scanning) },
    { name: 'anonymize', label: 'format + anonymize', stages: viaFormat(anonymizing) },
  ];
}

const sink = () =>
  new Writable({
    write(_c, _e, done) {
      done();
    },
  });

/** Seconds to read the file through the stages into a null sink. */
async function time(file: string, stages: Transform[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  await pipeline([createReadStream(file, { highWaterMark: 1 << 20 }), ...stages, sink()]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, w = 7) => x.toFixed(1).padStart(w);

async function main(): Promise<void> {
  console.log(header('logveil throughput per format (single thread)'));
  console.log(`load     ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1, 5, 15 min; other work on the machine skews MB/s)`);
  const picked = CORPUS_FORMATS.filter((f) => only.includes(f));
  const files = new Map<CorpusFormat, CorpusFile>();
  for (const f of picked) {
    const t0 = performance.now();
    const c = await cachedCorpus(f, { seed, bytes: Math.round(mb * 1e6) });
    files.set(f, c);
    console.log(`${f.padEnd(8)} ${c.file}\n         ${(c.bytes / 1e6).toFixed(1)} MB, ${c.records} records (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  console.log(`seed ${seed}; policy default; ${rounds} rounds, every mode of every format in each, interleaved`);
  console.log('MB = 10^6 bytes of input per second of wall time, read + parse + visit + write to a null sink.\n');

  const speeds = new Map<string, number[]>();
  const found = new Map<CorpusFormat, number>();
  for (let round = 1; round <= rounds; round++) {
    for (const f of picked) {
      const { file, bytes } = files.get(f)!;
      const cells: string[] = [];
      for (const m of modes(f)) {
        findings = 0;
        const speed = bytes / 1e6 / (await time(file, m.stages()));
        if (m.name === 'scan') found.set(f, findings);
        const id = `${f}/${m.name}`;
        speeds.set(id, [...(speeds.get(id) ?? []), speed]);
        cells.push(`${m.name} ${fmt(speed, 6)}`);
      }
      console.log(`round ${round}  ${f.padEnd(7)} ${cells.join('  ')}`);
    }
  }

  console.log(`\n${'format'.padEnd(8)}${'mode'.padEnd(11)}${'what'.padEnd(22)}${'rounds MB/s'.padEnd(8 * rounds + 2)}${'median'.padStart(8)}${'vs baseline'.padStart(13)}`);
  for (const f of picked) {
    const base = median(speeds.get(`${f}/baseline`)!);
    for (const m of modes(f)) {
      const xs = speeds.get(`${f}/${m.name}`)!;
      const med = median(xs);
      console.log(
        `${f.padEnd(8)}${m.name.padEnd(11)}${m.label.padEnd(22)}${xs.map((x) => fmt(x)).join(' ').padEnd(8 * rounds + 2)}${fmt(med, 8)}${`${((100 * med) / base).toFixed(1)}%`.padStart(13)}`,
      );
    }
    console.log(`${''.padEnd(19)}(${found.get(f)} findings in the last scan round)`);
  }
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (this process)`);
}

await main();
