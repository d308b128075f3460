/**
 * Throughput of the decode and encode stages alone (`npm run bench:encoding`), single thread, in
 * memory: ~20 MB of the seeded EN/ZH log corpus (corpus.ts) encoded as GB18030 and as UTF-16LE, fed in
 * 64 KiB chunks (what a file read gives) through LosslessDecoder, its UTF-8 through LosslessEncoder.
 * Also the same GB18030 file with one undecodable byte every 4 KiB (the lining-up path). Next to it,
 * iconv-lite alone (its streaming decoder, then its encoder on the strings: lossy, no checks). Plain UTF-8
 * input has no stage at all, so `npm run bench` does not change. MB = 10^6 input bytes per second.
 *
 *   npm run bench:encoding -- [--mb 20] [--rounds 3] [--seed 20260224]
 */
import iconv from 'iconv-lite';
import { LosslessDecoder } from '../src/encoding/decoder.js';
import { LosslessEncoder } from '../src/encoding/encoder.js';
import { corpusLines } from './corpus.js';
import { header, numberArg } from './env.js';

const MB = numberArg('mb', 20);
const ROUNDS = numberArg('rounds', 3);
const SEED = numberArg('seed', 20260224);
const CHUNK = 64 * 1024;

function corpusText(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (const line of corpusLines({ seed: SEED, lines: Number.MAX_SAFE_INTEGER })) {
    lines.push(line.text, '\n');
    size += Buffer.byteLength(line.text) + 1;
    if (size >= bytes) break;
  }
  return lines.join('');
}

function chunks(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < b.length; i += CHUNK) out.push(b.subarray(i, i + CHUNK));
  return out;
}

function decode(input: Buffer[], encoding: iconv.Encoding): Buffer[] {
  const d = new LosslessDecoder(encoding);
  const out = input.map((c) => d.write(c));
  out.push(d.end());
  return out;
}

function encode(utf8: Buffer[], encoding: iconv.Encoding): Buffer[] {
  const e = new LosslessEncoder(encoding, 'bench');
  const out = utf8.map((c) => e.write(c));
  out.push(e.end());
  return out;
}

/** iconv-lite's own streaming decoder and encoder, chunk by chunk: what the stages build on. */
function iconvAlone(input: Buffer[], encoding: iconv.Encoding): number {
  const d = iconv.getDecoder(encoding, { stripBOM: false });
  const e = iconv.getEncoder(encoding);
  let n = 0;
  for (const c of input) n += e.write(d.write(c)).length;
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed<T>(run: () => T): { ms: number; result: T } {
  const t = process.hrtime.bigint();
  const result = run();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, result };
}

const text = corpusText(MB * 1e6);
const cases: Array<{ name: string; encoding: iconv.Encoding; bytes: Buffer }> = [
  { name: 'gb18030', encoding: 'gb18030', bytes: iconv.encode(text, 'gb18030') },
  { name: 'utf-16le', encoding: 'utf-16le', bytes: iconv.encode(text, 'utf-16le') },
];
{
  // One byte that is no GB18030 character (0xFF) every 4 KiB.
  const b = Buffer.from(cases[0].bytes);
  for (let i = 4096; i < b.length; i += 4096) b[i] = 0xff;
  cases.push({ name: 'gb18030, 1 bad byte / 4 KiB', encoding: 'gb18030', bytes: b });
}

console.log(header('decode and encode stages (src/encoding), single thread, in memory'));
console.log(`rounds   ${ROUNDS} (+1 warm-up), medians; chunks of ${CHUNK} bytes\n`);
console.log('case                            input MB   decode MB/s   encode MB/s   both MB/s   lossless   iconv-lite alone MB/s');
for (const c of cases) {
  const input = chunks(c.bytes);
  const dec: number[] = [];
  const encs: number[] = [];
  const alone: number[] = [];
  let same = true;
  for (let round = 0; round <= ROUNDS; round++) {
    const d = timed(() => decode(input, c.encoding));
    const e = timed(() => encode(chunks(Buffer.concat(d.result)), c.encoding));
    same &&= Buffer.concat(e.result).equals(c.bytes);
    const a = timed(() => iconvAlone(input, c.encoding));
    if (round === 0) continue;
    alone.push(a.ms);
    dec.push(d.ms);
    encs.push(e.ms);
  }
  const mb = c.bytes.length / 1e6;
  const rate = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  console.log(
    `${c.name.padEnd(31)} ${mb.toFixed(1).padStart(8)}   ${rate(median(dec)).padStart(11)}   ${rate(median(encs)).padStart(11)}   ${rate(median(dec) + median(encs)).padStart(9)}   ${same ? 'yes' : 'NO'}        ${rate(median(alone)).padStart(8)}`,
  );
}
