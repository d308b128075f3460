import fc from 'fast-check';
import { parseString } from 'fast-csv';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/random.js';
import { csvField, logfmt, nestedRecord, randomColumns, type Json, type JsonObject, type NestedRecord, type Plant } from '../../bench/records.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { formats } from '../../src/formats/index.js';
import type { Format } from '../../src/formats/format.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { runFormat } from '../support/format-run.js';

/**
 * Across formats: seeded records (bench/records.ts: events with personal data planted in random
 * fields at random depths, EN and ZH, among look-alikes) written as NDJSON, a JSON array, CSV and
 * logfmt text lines, fed in random chunks through the format's transform with the default policy.
 * No planted value survives at its place, every other value comes out exactly as it went in, and
 * the structure stays: keys in order, array lengths, rows and columns, lines.
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100);
/** A run takes well under a millisecond to a few; high counts get the time they need. */
const TIMEOUT = Math.max(10_000, RUNS * 20);
const visitor = anonymizingVisitor(createAnonymizer());
const format = (name: 'text' | 'ndjson' | 'json' | 'csv'): Format => formats[name];

const seedArb = fc.integer({ min: 0, max: 0x7fffffff });
const chunkArb = fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 64 * 1024 }));

function records(seed: number, count: number): NestedRecord[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => nestedRecord(r, { piiShare: 0.8 }));
}

/** What must not come out: the value, and a grouped number's digit run (an operator could echo it normalized). */
function survivors(out: string, plant: Pick<Plant, 'text'>): string[] {
  const found: string[] = [];
  if (out.includes(plant.text)) found.push(plant.text);
  const run = plant.text.replace(/[\s\-().+]/g, '');
  if (run !== plant.text && /^\d{8,}$/.test(run) && out.includes(run)) found.push(run);
  return found;
}

const key = (path: readonly (string | number)[]) => JSON.stringify(path);

/**
 * Walk the input and the output together: a planted place holds a string or number without the
 * value; anything else is the same value under the same keys in the same order.
 */
function compare(input: Json, output: unknown, plants: ReadonlyMap<string, Plant>, path: (string | number)[], problems: string[]): void {
  const plant = plants.get(key(path));
  const at = path.join('.') || '(root)';
  if (plant) {
    if (typeof output !== 'string' && typeof output !== 'number') problems.push(`${at}: ${plant.type} became ${JSON.stringify(output)}`);
    else for (const s of survivors(String(output), plant)) problems.push(`${at}: ${plant.type} ${s} survived in ${JSON.stringify(output)}`);
    return;
  }
  if (Array.isArray(input)) {
    if (!Array.isArray(output) || output.length !== input.length) return void problems.push(`${at}: array changed to ${JSON.stringify(output)}`);
    input.forEach((x, i) => compare(x, output[i], plants, [...path, i], problems));
  } else if (input !== null && typeof input === 'object') {
    if (output === null || typeof output !== 'object' || Array.isArray(output)) return void problems.push(`${at}: object changed to ${JSON.stringify(output)}`);
    const ks = Object.keys(input);
    if (JSON.stringify(Object.keys(output)) !== JSON.stringify(ks)) return void problems.push(`${at}: keys ${ks} became ${Object.keys(output)}`);
    for (const k of ks) compare(input[k], (output as JsonObject)[k], plants, [...path, k], problems);
  } else if (!Object.is(input, output)) problems.push(`${at}: ${JSON.stringify(input)} changed to ${JSON.stringify(output)}`);
}

function checkRecord(rec: NestedRecord, output: unknown, problems: string[]): void {
  compare(rec.value, output, new Map(rec.plants.map((p) => [key(p.path), p])), [], problems);
}

describe('formats: no planted value survives, the structure does', () => {
  it('NDJSON', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, fc.integer({ min: 1, max: 6 }), chunkArb, fc.boolean(), async (seed, n, chunk, crlf) => {
        const recs = records(seed, n);
        const lines = recs.map((r) => JSON.stringify(r.value));
        const nl = crlf ? '\r\n' : '\n';
        const { text, warnings } = await runFormat(format('ndjson'), lines.join(nl) + nl, visitor, { chunk });
        const out = text.split(nl);
        expect(out.pop()).toBe('');
        expect(out.length).toBe(lines.length);
        expect(warnings).toEqual([]);
        const problems: string[] = [];
        recs.forEach((r, i) => {
          checkRecord(r, JSON.parse(out[i]), problems);
          if (r.plants.length === 0 && out[i] !== lines[i]) problems.push(`line ${i + 1}: no personal data, but the bytes changed`);
        });
        expect(problems, `seed ${seed}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('JSON array (compact, one element a line, pretty-printed)', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, fc.integer({ min: 0, max: 6 }), chunkArb, fc.constantFrom<'compact' | 'lines' | 'pretty'>('compact', 'lines', 'pretty'), async (seed, n, chunk, layout) => {
        const recs = records(seed, n);
        const values = recs.map((r) => r.value);
        const input =
          layout === 'compact' ? JSON.stringify(values) : layout === 'lines' ? `[\n${values.map((v) => JSON.stringify(v)).join(',\n')}\n]\n` : JSON.stringify(values, null, 2);
        const { text } = await runFormat(format('json'), input, visitor, { chunk });
        const parsed: unknown = JSON.parse(text);
        expect(Array.isArray(parsed)).toBe(true);
        expect((parsed as unknown[]).length).toBe(recs.length);
        const problems: string[] = [];
        recs.forEach((r, i) => checkRecord(r, (parsed as unknown[])[i], problems));
        expect(problems, `seed ${seed}`).toEqual([]);
        if (recs.every((r) => r.plants.length === 0)) expect(text).toBe(input);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('CSV (EN/ZH columns, quoted cells with commas, quotes and newlines)', async () => {
    await fc.assert(
      fc.asyncProperty(seedArb, fc.integer({ min: 1, max: 12 }), chunkArb, fc.boolean(), async (seed, rows, chunk, crlf) => {
        const r = rng(seed);
        const cols = randomColumns(r);
        const table: string[][] = [cols.map((c) => c.name)];
        const plants = new Map<string, { type: string; text: string }>(); // "row,col" → what was planted
        for (let i = 1; i <= rows; i++) {
          table.push(
            cols.map((c, j) => {
              const { text, plant } = c.cell(r);
              if (plant !== null) plants.set(`${i},${j}`, plant);
              return text;
            }),
          );
        }
        const nl = crlf ? '\r\n' : '\n';
        const input = table.map((row) => row.map((cell) => csvField(cell)).join(',')).join(nl) + nl;
        const { text, warnings } = await runFormat(format('csv'), input, visitor, { chunk });
        expect(warnings).toEqual([]);
        const parsed = await parseCsv(text);
        expect(parsed.length).toBe(table.length);
        const problems: string[] = [];
        table.forEach((row, i) => {
          if (parsed[i].length !== row.length) return void problems.push(`row ${i}: ${row.length} columns became ${parsed[i].length}`);
          row.forEach((cell, j) => {
            const plant = plants.get(`${i},${j}`);
            const out = parsed[i][j];
            if (plant !== undefined) for (const s of survivors(out, { text: plant.text })) problems.push(`row ${i} ${cols[j].name}: ${s} survived in ${JSON.stringify(out)}`);
            else if (out !== cell) problems.push(`row ${i} ${cols[j].name}: ${JSON.stringify(cell)} changed to ${JSON.stringify(out)}`);
          });
        });
        expect(problems, `seed ${seed}`).toEqual([]);
        if (plants.size === 0) expect(text).toBe(input);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it.each(['flat', 'dotted'] as const)('text lines in logfmt, %s keys', async (keys) => {
    await fc.assert(
      fc.asyncProperty(seedArb, fc.integer({ min: 1, max: 6 }), chunkArb, async (seed, n, chunk) => {
        const recs = records(seed, n);
        const rendered = recs.map((r) => logfmt(r.value, keys));
        const lines = rendered.map((x) => x.line);
        const { text } = await runFormat(format('text'), lines.join('\n') + '\n', visitor, { chunk });
        const out = text.split('\n');
        expect(out.pop()).toBe('');
        expect(out.length).toBe(lines.length);
        const problems: string[] = [];
        recs.forEach((rec, i) => {
          const plants = new Map(rec.plants.map((p) => [key(p.path), p]));
          const before = pairs(lines[i])!;
          const after = pairs(out[i]);
          if (after === null) return void problems.push(`line ${i + 1}: not logfmt any more: ${out[i]}`);
          if (JSON.stringify(after.map(([k]) => k)) !== JSON.stringify(before.map(([k]) => k))) return void problems.push(`line ${i + 1}: keys changed: ${out[i]}`);
          before.forEach(([k, raw], j) => {
            const plant = plants.get(key(rendered[i].paths[j]));
            const outRaw = after[j][1];
            if (plant) for (const s of survivors(unquote(outRaw), plant)) problems.push(`line ${i + 1} ${k}: ${plant.type} ${s} survived in ${outRaw}`);
            else if (outRaw !== raw) problems.push(`line ${i + 1} ${k}: ${raw} changed to ${outRaw}`);
          });
          if (rec.plants.length === 0 && out[i] !== lines[i]) problems.push(`line ${i + 1}: no personal data, but the line changed`);
        });
        expect(problems, `seed ${seed}`).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

/** Rows of a CSV text, by fast-csv (an independent reader). */
function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}

/** `key=value` pairs separated by single spaces, values bare or double-quoted with backslash escapes; null if the line is not that. */
function pairs(line: string): Array<[string, string]> | null {
  const re = /([^\s="]+)=("(?:[^"\\]|\\.)*"|[^\s"]*)(?: |$)/y;
  const out: Array<[string, string]> = [];
  while (re.lastIndex < line.length) {
    const m = re.exec(line);
    if (!m) return null;
    out.push([m[1], m[2]]);
  }
  return out;
}

function unquote(raw: string): string {
  return raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)) : raw;
}
