/**
 * CSV throughput next to same-run baselines. A seeded CSV export (customer events: EN/ZH names,
 * emails, phones, resident ids, quoted free text, some with personal data) is written once under
 * os.tmpdir(); then N rounds run the modes interleaved, each reading the file and writing to a null sink:
 *   copy        read → write (the I/O floor)
 *   fast-csv    @fast-csv/parse → @fast-csv/format, no detection (the library's own cost)
 *   identity    CsvTransform with a visitor that changes nothing (our parse + write)
 *   scan        CsvTransform + scanningVisitor (findings, no change)
 *   anonymize   CsvTransform + anonymizingVisitor, default policy
 *
 *   npm run build && node dist/bench/csv.bench.js [--rows 300000] [--rounds 3] [--seed 7]
 */
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable, type Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { format as csvFormatter, parse as csvParser } from 'fast-csv';
import { createAnonymizer } from '../src/anonymizer.js';
import { CsvTransform } from '../src/formats/csv.js';
import type { ValueVisitor } from '../src/formats/visitor.js';
import { anonymizingVisitor, scanningVisitor } from '../src/visitors.js';
import { cnResidentIdValue, emailValue, ipv4Value } from './generate.js';
import { header, numberArg } from './env.js';
import { rng, type Rng } from './random.js';

const seed = numberArg('seed', 7);
const rows = numberArg('rows', 300_000);
const rounds = numberArg('rounds', 3);

const NAMES = ['张伟', '王芳', '李娜', '刘洋', 'Alice Smith', 'Bob Jones', 'Carol Miller', '"Garcia, Maria"'];
const EVENTS = ['login', 'logout', 'order.created', 'order.paid', 'refund', 'password.reset', '下单', '退款'];
const NOTES = [
  'request handled, cache hit',
  '用户反馈：物流太慢',
  'retry after upstream timeout',
  'VIP, renewal due',
  '状态正常',
  'said "call me back"',
];

function phone(r: Rng): string {
  return `1${r.pick(['38', '39', '50', '86'])}${r.digits(8)}`;
}

function note(r: Rng): string {
  const k = r.int(0, 9);
  const base = r.pick(NOTES);
  if (k === 0) return `${base} - contact ${emailValue(r)}`;
  if (k === 1) return `${base}，电话 ${phone(r)}`;
  if (k === 2) return `${base}\nfrom ${ipv4Value(r)}`;
  return base;
}

function field(s: string): string {
  return /[",\r\n]/.test(s) && !s.startsWith('"') ? `"${s.replaceAll('"', '""')}"` : s;
}

async function corpusFile(): Promise<string> {
  const file = join(tmpdir(), `logveil-bench-csv-${seed}-${rows}-v1.csv`);
  if (existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const r = rng(seed);
  let chunk = '\ufeffts,event,order_id,姓名,email,手机号,身份证号,amount,note\r\n';
  for (let i = 0; i < rows; i++) {
    const ts = new Date(Date.UTC(2024, 0, 1) + i * 1371).toISOString();
    const cells = [
      ts,
      r.pick(EVENTS),
      `ORD-${r.digits(10)}`,
      r.pick(NAMES),
      r.chance(0.9) ? emailValue(r) : '',
      r.chance(0.8) ? phone(r) : '',
      r.chance(0.5) ? cnResidentIdValue(r) : '',
      (r.int(0, 99999) / 100).toFixed(2),
      field(note(r)),
    ];
    chunk += cells.join(',') + '\r\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  renameSync(tmp, file);
  return file;
}

const sink = () =>
  new Writable({
    write(_c, _e, done) {
      done();
    },
  });

async function time(file: string, stages: () => Transform[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  await pipeline([createReadStream(file, { highWaterMark: 1 << 20 }), ...stages(), sink()]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const csv = (visitor: ValueVisitor) => () => [new CsvTransform({ visitor, source: 'bench.csv', warn: () => {} })];

async function main(): Promise<void> {
  const file = await corpusFile();
  const mb = statSync(file).size / 1e6;
  const anonymizer = createAnonymizer();
  const modes: Array<[string, () => Transform[]]> = [
    ['copy', () => [new PassThrough()]],
    ['fast-csv', () => [csvParser({ headers: false }) as unknown as Transform, csvFormatter({ headers: false }) as unknown as Transform]],
    ['identity', csv({ visit: (v) => v })],
    ['scan', csv(scanningVisitor(anonymizer, () => {}))],
    ['anonymize', csv(anonymizingVisitor(anonymizer))],
  ];
  const best = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, stages] of modes) {
      const s = await time(file, stages);
      best.set(name, Math.min(best.get(name) ?? Infinity, s));
    }
  }
  console.log(header('CSV throughput (single thread, best of rounds)'));
  console.log(`file     ${file} (${mb.toFixed(1)} MB, ${rows} rows, seed ${seed}, ${rounds} rounds)`);
  const base = best.get('identity')!;
  for (const [name] of modes) {
    const s = best.get(name)!;
    console.log(`${name.padEnd(10)} ${(mb / s).toFixed(1).padStart(8)} MB/s  ${s.toFixed(2).padStart(7)} s  ${((base / s) * 100).toFixed(0).padStart(5)}% of identity`);
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
