/**
 * What logveil costs inside a logger (`npm run bench:loggers`), in one process, rounds interleaved,
 * medians of the rounds:
 *
 *   pino call   µs per `log.info(object, message)` in the logging thread, with logveil's transport
 *               writing /dev/null vs pino/file writing /dev/null (target: within 10%: the
 *               anonymizing happens in the transport's thread)
 *   transport   lines per second the transport's line anonymizer sustains on one core, on typical
 *               pino lines (10 fields, one personal value) (target: 50,000 or more)
 *   record      µs per `anonymizer.record(object)`, median and p99, on the same objects (target: median < 20)
 *   winston     µs per entry through the winston format, median and p99, on the same objects
 *
 *   npm run bench:loggers -- [--lines 20000] [--rounds 3] [--seed 20260224]
 */
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { LEVEL, SPLAT } from 'triple-beam';
import { createAnonymizer } from '../src/index.js';
import { pinoLineAnonymizer } from '../src/integrations/pino-lines.js';
import { entryAnonymizer } from '../src/integrations/winston.js';
import { header, numberArg } from './env.js';
import { generators } from './generate.js';
import { rng } from './random.js';

const lines = numberArg('lines', 20_000);
const rounds = numberArg('rounds', 3);
const seed = numberArg('seed', 20260224);
const TRANSPORT = fileURLToPath(new URL('../src/integrations/pino.js', import.meta.url));

/** A typical request log object: nine fields with nothing personal and a message with one email. */
function typicalObjects(): Record<string, unknown>[] {
  const r = rng(seed);
  return Array.from({ length: lines }, (_, i) => ({
    reqId: `req-${(i * 7919).toString(36)}`,
    method: r.pick(['GET', 'POST', 'PUT']),
    url: `/api/v1/orders/${r.int(100000, 999999)}`,
    statusCode: r.pick([200, 201, 404, 500]),
    responseTime: r.int(1, 900) / 10,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/122.0.0.0',
    region: 'eu-west-1',
    cache: r.chance(0.5),
    msg: `order placed by ${generators.EMAIL(r, 'en').value}`,
  }));
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

/** µs per log.info call in this thread, the transport started and ready first. */
async function pinoCall(objects: Record<string, unknown>[], target: string): Promise<number> {
  const transport = pino.transport({ target, options: { destination: '/dev/null' } });
  await once(transport, 'ready');
  const log = pino(transport);
  const start = process.hrtime.bigint();
  for (const { msg, ...fields } of objects) log.info(fields, msg as string);
  const ns = Number(process.hrtime.bigint() - start);
  // pino unrefs its transport once ready (it ends it at exit): a timer holds the process until it has closed.
  const hold = setInterval(() => {}, 1000);
  transport.end();
  await once(transport, 'close');
  clearInterval(hold);
  return ns / 1000 / objects.length;
}

/** Lines per second through the transport's line anonymizer, in this thread. */
function transportLines(pinoLines: string[]): number {
  const anonymizeLine = pinoLineAnonymizer(createAnonymizer(), { messageKey: 'msg', onFailure: () => {} });
  const start = process.hrtime.bigint();
  for (const line of pinoLines) anonymizeLine(line);
  return pinoLines.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** µs per call of `run` on each item (median, p99); what `prepare` builds is not timed. */
function perItem<T, U>(items: T[], prepare: (item: T) => U, run: (input: U) => unknown): [number, number] {
  const times: number[] = [];
  for (const item of items) {
    const input = prepare(item);
    const start = process.hrtime.bigint();
    run(input);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return [median(times), percentile(times, 0.99)];
}

/** µs per record() of a typical object (median, p99). */
function records(objects: Record<string, unknown>[]): [number, number] {
  const a = createAnonymizer();
  return perItem(objects, (o) => o, (o) => a.record(o));
}

/** µs per entry through the winston format (median, p99). */
function winstonEntries(objects: Record<string, unknown>[]): [number, number] {
  const anonymizeEntry = entryAnonymizer(createAnonymizer());
  const entry = ({ msg, ...fields }: Record<string, unknown>) => ({ level: 'info', message: msg as string, ...fields, [LEVEL]: 'info', [SPLAT]: [] });
  return perItem(objects, entry, anonymizeEntry);
}

async function main(): Promise<void> {
  console.log(header('logveil in a logger: pino transport and winston format'));
  const objects = typicalObjects();
  let pinoText = '';
  const log = pino({ base: { pid: 4242, hostname: 'web-1' } }, { write: (s: string) => void (pinoText += s) });
  for (const { msg, ...fields } of objects) log.info(fields, msg as string);
  const pinoLines = pinoText.trimEnd().split('\n');
  console.log(`lines    ${lines} typical pino lines, ${Math.round(pinoText.length / lines)} bytes each on average\n`);

  const plain: number[] = [];
  const veiled: number[] = [];
  const perSecond: number[] = [];
  const recordMedian: number[] = [];
  const recordP99: number[] = [];
  const winstonMedian: number[] = [];
  const winstonP99: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    // Round 0 warms up (JIT, the detectors' tables) and is not counted.
    const p = await pinoCall(objects, 'pino/file');
    const v = await pinoCall(objects, TRANSPORT);
    const t = transportLines(pinoLines);
    const [rm, r99] = records(objects);
    const [m, p99] = winstonEntries(objects);
    if (round === 0) continue;
    plain.push(p), veiled.push(v), perSecond.push(t), winstonMedian.push(m), winstonP99.push(p99);
    recordMedian.push(rm), recordP99.push(r99);
  }
  const ratio = median(veiled) / median(plain);
  console.log(`pino call   pino/file ${median(plain).toFixed(2)} µs, logveil/pino ${median(veiled).toFixed(2)} µs per log.info (×${ratio.toFixed(2)}; target ≤ ×1.10)`);
  console.log(`transport   ${Math.round(median(perSecond)).toLocaleString('en')} lines/s on one core (target ≥ 50,000)`);
  console.log(`record      ${median(recordMedian).toFixed(1)} µs median, ${median(recordP99).toFixed(1)} µs p99 per object (target: median < 20 µs)`);
  console.log(`winston     ${median(winstonMedian).toFixed(1)} µs median, ${median(winstonP99).toFixed(1)} µs p99 per entry`);
  // A shared machine's figures move with its load: said beside them.
  console.log(`load       ${loadavg()[0].toFixed(1)} (1-minute average) on this machine`);
}

await main();
