import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { describeFailure } from '../../src/cli/jobs.js';
import { LogveilError } from '../../src/errors.js';
import { formats } from '../../src/formats/index.js';
import { openInput } from '../../src/io.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { expectNoPlant, fuzzParameters, guarded, MUTATIONS, mutate, PLANT, runThrough, show, TEST_TIMEOUT, watchdog, type Doc } from './support.js';

/**
 * Fuzzed gzip input: gzip files of NDJSON lines with personal values planted, corrupted (byte flips,
 * insertions, deletions) or cut short, read as the CLI reads them (openInput's gunzip stage, then the
 * text, NDJSON or JSON format). A case never hangs or throws anything but a gzip or format error; a
 * failure, described as the CLI describes it, names the input and no data; a gzip cut short always
 * fails; a success writes what the format writes for the gunzipped bytes; no planted value that
 * reached the format comes out.
 */

const dog = watchdog('gzip');
const visitor = anonymizingVisitor(createAnonymizer());
const dir = mkdtempSync(join(tmpdir(), 'logveil-fuzz-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTENT: fc.Arbitrary<{ text: string; plants: string[] }> = fc
  .array(fc.tuple(fc.constantFrom('login ok', '用户登录成功', 'retry'), PLANT), { minLength: 1, maxLength: 6 })
  .map((lines) => ({ text: lines.map(([w, v]) => `${JSON.stringify({ msg: `${w} ${v} done`, n: 1 })}\n`).join(''), plants: lines.map(([, v]) => v) }));

const CASE = fc.record({
  content: CONTENT,
  level: fc.constantFrom(0, 1, 6, 9),
  damage: fc.oneof(
    fc.record({ cut: fc.nat() }),
    MUTATIONS.filter((m) => m.length > 0).map((mutations) => ({ mutations })),
  ),
  format: fc.constantFrom('text', 'ndjson', 'json'),
});

/** What gunzip gives for `bytes` before it stops, and whether it failed. */
async function gunzipped(bytes: Buffer): Promise<{ data: Buffer; failed: boolean }> {
  const parts: Buffer[] = [];
  const gunzip = createGunzip();
  gunzip.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<boolean>((resolve) => gunzip.on('end', () => resolve(false)).on('error', () => resolve(true)));
  gunzip.end(bytes);
  const failed = await done;
  return { data: Buffer.concat(parts), failed };
}

/** Whether `p` is in `data` and has a space either side wherever it is. */
function spacedEverywhere(data: Buffer, p: string): boolean {
  let found = false;
  for (let i = data.indexOf(p); i >= 0; i = data.indexOf(p, i + 1)) {
    if (data[i - 1] !== 0x20 || data[i + Buffer.byteLength(p)] !== 0x20) return false;
    found = true;
  }
  return found;
}

let n = 0;

describe('fuzz: gzip input', () => {
  it(
    'corrupted or cut short: an error naming the input, never a hang, a crash or a planted value',
    async () => {
      await fc.assert(
        fc.asyncProperty(CASE, async ({ content, level, damage, format }) => {
          const gz = gzipSync(content.text, { level });
          let bytes: Buffer;
          let cut = false;
          if ('cut' in damage) {
            bytes = gz.subarray(0, 2 + (damage.cut % (gz.length - 2))); // a strict prefix, still gzip by its first bytes
            cut = true;
          } else bytes = damage.mutations.reduce(mutate, { bytes: gz, guards: [], plants: [] } as Doc).bytes;
          await guarded(dog, () => `gzip ${format} input ${show(bytes)}`, async () => {
            const path = join(dir, `in-${n++}.gz`);
            writeFileSync(path, bytes);
            const parts: Buffer[] = [];
            let error: unknown;
            try {
              const { stages } = await openInput(path);
              const transform = formats[format as 'text'].createTransform({ visitor, source: path, warn: () => {} });
              await pipeline([...stages, transform, new Writable({ write: (c: Buffer, _e, cb) => (parts.push(c), cb()) })]);
            } catch (e) {
              error = e;
            } finally {
              rmSync(path, { force: true });
            }
            const out = Buffer.concat(parts);
            const { data, failed } = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzipped(bytes) : { data: bytes, failed: false };
            // Planted values that reached the format whole, a space either side wherever they are (a
            // corrupted stream may garble the others, or glue a copy of one to other text).
            expectNoPlant('the output', out, content.plants.filter((p) => spacedEverywhere(data, p)));
            if (cut) expect(error, 'a gzip cut short must fail').toBeDefined();
            if (error === undefined) {
              expect(failed, 'gunzip failed, the read did not').toBe(false);
              const expected = await runThrough(formats[format as 'text'].createTransform({ visitor, source: path, warn: () => {} }), data, [65536]);
              expect(show(out)).toBe(show(expected.out));
              return;
            }
            const code = (error as NodeJS.ErrnoException).code;
            expect(error instanceof LogveilError || (typeof code === 'string' && code.startsWith('Z_')), `a ${(error as Error).name} ${code}: ${(error as Error).stack}`).toBe(true);
            const described = describeFailure('in.log.gz', error);
            expect(described.message.startsWith('in.log.gz: ')).toBe(true);
            expect(described.code).toBe('LV_FORMAT');
            expectNoPlant('the error', described.message, content.plants);
          });
        }),
        fuzzParameters(),
      );
    },
    TEST_TIMEOUT,
  );
});
