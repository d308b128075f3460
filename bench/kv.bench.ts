/**
 * What key-value pairs in text lines cost. The seeded corpus (bench/corpus.ts: app logs, nginx query
 * strings, JSON lines, logfmt, EN/ZH) is held in memory and run through TextLineTransform with, in
 * interleaved rounds:
 *   baseline     identity mapper (split + join alone)
 *   find pairs   findKeyValues(line) only, line returned
 *   whole line   the line visited whole by anonymizingVisitor (the text format before pairs were read)
 *   text         the text format: pairs found, values visited as visitLine says, anonymizingVisitor
 *   text+decides the same with a visitor that says which paths a field rule decides (ValueVisitor.decides)
 *
 *   npm run build && node dist/bench/kv.bench.js [--lines 200000] [--rounds 5] [--seed 20260224]
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createAnonymizer } from '../src/anonymizer.js';
import { findKeyValues } from '../src/formats/inline/pairs.js';
import { TextLineTransform, type LineMapper } from '../src/formats/lines/transform.js';
import { visitLine } from '../src/formats/text.js';
import { DROP, type ValueVisitor } from '../src/record/index.js';
import type { FieldPath } from '../src/record/index.js';
import { anonymizingVisitor } from '../src/visitors.js';
import { corpusLines } from './corpus.js';
import { header, numberArg } from './env.js';

const seed = numberArg('seed', 20260224);
const lines = numberArg('lines', 200_000);
const rounds = numberArg('rounds', 5);

async function run(chunks: readonly Buffer[], mapper: LineMapper): Promise<number> {
  const sink = new Writable({
    write(_c, _e, done) {
      done();
    },
  });
  const t0 = process.hrtime.bigint();
  await pipeline(Readable.from(chunks), new TextLineTransform(mapper), sink);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  console.log(header('logveil text format: key-value pairs in lines (single thread, in memory)'));
  let text = '';
  let withPairs = 0;
  let spans = 0;
  for (const l of corpusLines({ seed, lines })) {
    text += l.text + '\n';
    const n = findKeyValues(l.text).length;
    spans += n;
    if (n) withPairs++;
  }
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 1 << 20) chunks.push(bytes.subarray(i, i + (1 << 20)));
  const mb = bytes.length / 1e6;
  console.log(`corpus   ${mb.toFixed(1)} MB, ${lines} lines, seed ${seed}; ${withPairs} lines with pairs, ${spans} values in pairs`);
  console.log('MB = 10^6 bytes of input per second, split + map + join to a null sink.\n');

  const a = createAnonymizer();
  const plain = anonymizingVisitor(a);
  const deciding: ValueVisitor = {
    visit: (v, p) => plain.visit(v, p),
    decides: (path: FieldPath) => a.fields.resolve(path).kind !== 'scan',
  };
  const whole = (line: string, record: number) => {
    const out = plain.visit(line, { record, path: [] });
    return out === DROP ? '' : out;
  };
  let found = 0;
  const modes: Array<[string, LineMapper]> = [
    ['baseline', (line) => line],
    ['find pairs', (line) => ((found += findKeyValues(line).length), line)],
    ['whole line', whole],
    ['text', (line, record) => visitLine(plain, line, record)],
    ['text+decides', (line, record) => visitLine(deciding, line, record)],
  ];
  const speeds = new Map<string, number[]>(modes.map(([name]) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    const cells: string[] = [];
    for (const [name, mapper] of modes) {
      const speed = mb / (await run(chunks, mapper));
      speeds.get(name)!.push(speed);
      cells.push(`${name} ${speed.toFixed(1)}`);
    }
    console.log(`round ${round}  ${cells.join('  ')}`);
  }
  console.log(`\n${'mode'.padEnd(14)}${'median MB/s'.padStart(12)}${'vs whole line'.padStart(15)}`);
  const ref = median(speeds.get('whole line')!);
  for (const [name] of modes) {
    const m = median(speeds.get(name)!);
    console.log(`${name.padEnd(14)}${m.toFixed(1).padStart(12)}${`${((100 * m) / ref).toFixed(1)}%`.padStart(15)}`);
  }
}

await main();
