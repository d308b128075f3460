import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { generators } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';
import { logfmt, nestedRecord } from '../../bench/records.js';
import { createAnonymizer, type Anonymizer } from '../../src/anonymizer.js';
import { LogveilError } from '../../src/errors.js';
import { formats } from '../../src/formats/index.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { runFormat } from '../support/format-run.js';
import '../support/fast-check-seed.js';

/**
 * Anonymizer.line: a text line (or several) anonymized exactly as the text format anonymizes a file
 * of them, pairs, JSON and SQL with their field rules. Lines are generated: the seeded corpus (personal
 * values with check digits computed, among look-alikes), logfmt records, MyBatis statements and their
 * bound values.
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 50);
const TIMEOUT = Math.max(20_000, RUNS * 40);
const KEY = Buffer.alloc(32, 0).map((_, i) => (i * 29 + 7) & 0xff);
// Keyed pseudonyms (hash), masks and field rules that drop: the same anonymizer (and key) on both sides.
const policy = {
  version: 1 as const,
  types: { EMAIL: { operator: 'hash' as const }, PHONE: { operator: 'mask' as const } },
  fields: { rules: [{ match: '**.password', action: 'drop' as const }] },
};

/** What `logveil anonymize` writes for the text, as a text file. */
async function viaTextFormat(a: Anonymizer, text: string): Promise<string> {
  return (await runFormat(formats.text, text, anonymizingVisitor(a))).text;
}

/** Generated lines of each kind, from a seed. */
function lines(seed: number, count: number): string[] {
  const r = rng(seed);
  const corpus = generateCorpus({ seed, lines: count, piiShare: 0.6 }).map((l) => l.text);
  const records = Array.from({ length: count }, () => logfmt(nestedRecord(r, { piiShare: 0.8 }).value as never).line);
  const phone = generators.PHONE(r, 'zh').value;
  const email = generators.EMAIL(r, 'en').value;
  const sql = [
    '==>  Preparing: insert into t_user (id, mobile, email, password) values (?, ?, ?, ?)',
    `==> Parameters: 1001(Long), ${phone}(String), ${email}(String), hunter2(String)`,
  ];
  return [...corpus, ...records, ...sql];
}

describe('Anonymizer.line', () => {
  it('gives for each generated line what the text format writes for it', async () => {
    const a = createAnonymizer({ policy, key: KEY });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), async (seed) => {
        for (const line of lines(seed, 2)) expect(a.line(line)).toBe(await viaTextFormat(a, line));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('gives for several lines what the text format writes for a file of them: line ends kept, SQL values paired with their statement', async () => {
    const a = createAnonymizer({ policy, key: KEY });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (seed, nl, last) => {
        const text = lines(seed, 3).join(nl) + (last ? nl : '');
        expect(a.line(text)).toBe(await viaTextFormat(a, text));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('applies field rules that anonymize() cannot (a name under its key, a dropped password); the same string when nothing changes', () => {
    const a = createAnonymizer({ policy, key: KEY });
    const line = 'signup name=Zhang San ip=192.0.2.10 password=hunter2';
    expect(a.line(line)).toBe('signup name=<PERSON_NAME> ip=<IP_ADDRESS> password=');
    expect(a.anonymize(line)).toBe('signup name=Zhang San ip=<IP_ADDRESS> password=hunter2');
    const clean = 'order 8812030045671234 paid in 12 ms, version 10.0.10625.1189';
    expect(a.line(clean)).toBe(clean);
    expect(a.counters().byField).toMatchObject({ name: 1, ip: 1 });
  });

  it('refuses what is not a string (LV_USAGE), never passing it on unscanned', () => {
    const a = createAnonymizer();
    for (const value of [undefined, null, 13800138000, Buffer.from('192.0.2.10')]) {
      expect(() => a.line(value as unknown as string)).toThrow(expect.objectContaining({ code: 'LV_USAGE' }) as LogveilError);
    }
  });
});
