import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { generators, PATTERN_TYPES, type PatternType } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';
import { Anonymizer } from '../../src/anonymizer.js';
import { formats, type FormatName } from '../../src/formats/index.js';
import { TextLineTransform } from '../../src/formats/lines/transform.js';
import { MARGIN, type LongLineSizes } from '../../src/formats/lines/long-line.js';
import type { TextWindow, ValueVisitor } from '../../src/record/index.js';
import { anonymizingVisitor, scanningVisitor, type FindingReport } from '../../src/visitors.js';
import { runTransform } from '../support/format-run.js';

/*
 * Lines too long to hold, through the text and NDJSON formats with the real anonymizer: read in
 * windows, they come out as the whole line scanned as plain text does (`anonymize(line)`), byte for
 * byte. Small sizes keep the windows many and the test fast; the margin is the real one.
 */

const key = new Uint8Array(32).fill(9);
const anonymizer = new Anonymizer({ key });
const SMALL: LongLineSizes = { threshold: 200, piece: 61 };

async function mapped(format: FormatName, input: string | Buffer, sizes = SMALL, chunk = 97, visitor: ValueVisitor = anonymizingVisitor(anonymizer)) {
  const warnings: string[] = [];
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const out = await runTransform(formats[format].createTransform({ visitor, source: 'big.log', warn: (m) => warnings.push(m), longLines: sizes }), bytes, chunk);
  return { out, text: out.toString(), warnings };
}

// Words without context or negative meaning for any detector (as test/property/no-survivor's).
const WORDS = ['request', 'handled', 'status', 'ok', 'retry', 'queue', 'worker', 'done', 'cache', 'hit', 'miss', 'session', 'INFO', 'sync', '处理完成', '队列'];

/** `n` chars or a little more of neutral words. */
function filler(seed: number, n: number): string {
  const r = rng(seed);
  let s = '';
  while (s.length < n) s += r.pick(WORDS) + ' ';
  return s;
}

describe('a long line read in windows', () => {
  it('planted values at every offset around a window cut: each is gone, the line is the whole line scanned as text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PATTERN_TYPES),
        fc.integer({ min: 0, max: 0x7fffffff }),
        // The first cuts are at 61, 122, …: the value starts from well before one to past it.
        fc.integer({ min: 0, max: 260 }),
        fc.integer({ min: 1, max: 300 }),
        async (type: PatternType, seed, at, chunk) => {
          const r = rng(seed);
          const s = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
          const head = filler(seed, at).slice(0, at);
          const line = `${head} ${s.before}${s.value}${s.after} ${filler(seed + 1, 400)}`;
          const whole = anonymizer.anonymize(line);
          const { text } = await mapped('text', line + '\n', SMALL, chunk);
          expect(text, `seed ${seed}`).toBe(whole + '\n');
          expect(text, `seed ${seed}: ${line}`).not.toContain(s.value);
        },
      ),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150) },
    );
  }, 120_000);

  it('values grouped with spaces, emails with long local parts, context words right before a cut, key=value over a cut', async () => {
    const values = [
      'call 138 0013 8000 now', // a phone in groups
      'iban DE89 3704 0044 0532 0130 00 paid', // an IBAN in groups
      `mail ${'a'.repeat(60)}.b@example.com sent`, // a long local part and a domain
      'passport E12345678 checked', // a value that needs its context word
      'card=4111 1111 1111 1111 ok', // a pair
      'ip 198.51.100.23 and 2001:db8::17 seen',
    ];
    for (const v of values) {
      for (let at = 0; at < 140; at += 3) {
        const line = 'x'.repeat(at) + ' ' + v + ' ' + 'y '.repeat(150);
        const { text } = await mapped('text', line + '\n', SMALL, 50);
        expect(text, `${v} at ${at}`).toBe(anonymizer.anonymize(line) + '\n');
      }
    }
  }, 60_000);

  it('gives one warning per long line, naming the file and line, never its content', async () => {
    const long = 'token 13800138000 '.repeat(20);
    const { text, warnings } = await mapped('text', `short 1\n${long}\nshort 2\n${long}\n`);
    expect(warnings).toEqual([
      'big.log:2: a line longer than 200 bytes, scanned in pieces as plain text (key-value pairs, JSON and SQL in it not read as such)',
      'big.log:4: a line longer than 200 bytes, scanned in pieces as plain text (key-value pairs, JSON and SQL in it not read as such)',
    ]);
    expect(text).not.toContain('13800138000');
  });

  it('lines at or under the threshold are read whole, as before: their pairs get field rules', async () => {
    const policy = { fields: { rules: [{ match: 'secret', action: 'drop' as const }] } };
    const visitor = anonymizingVisitor(new Anonymizer({ key, policy }));
    const line = (n: number) => `secret=hunter2 ${'z'.repeat(n - 'secret=hunter2 '.length)}`;
    const under = await mapped('text', line(200) + '\n', SMALL, 64, visitor);
    expect(under.text).toBe(line(200).replace('hunter2', '') + '\n');
    expect(under.warnings).toEqual([]);
    // One byte more: plain text, so the rule is not read (what the README and the warning say).
    const over = await mapped('text', line(201) + '\n', SMALL, 64, visitor);
    expect(over.text).toBe(line(201) + '\n');
    expect(over.warnings).toHaveLength(1);
  });

  it('short and long lines mixed, CRLF and a last line without newline: each line as it would be alone', async () => {
    const lines = [
      'user=alice@example.com ok',
      'pad ' + 'w 198.51.100.7 '.repeat(30),
      '',
      'phone 13800138000',
      '中文 ' + '电话 13800138000 '.repeat(25) + '\r',
      'end 203.0.113.9 ' + 'k '.repeat(120),
    ];
    const input = lines.join('\n');
    const { text } = await mapped('text', input, SMALL, 33);
    const expected = lines
      .map((l) => {
        const cr = l.endsWith('\r') ? '\r' : '';
        const body = cr ? l.slice(0, -1) : l;
        return (Buffer.byteLength(l) > SMALL.threshold ? anonymizer.anonymize(body) : anonymizer.line(body)) + cr;
      })
      .join('\n');
    expect(text).toBe(expected);
  });

  it('invalid UTF-8 and multi-byte chars at every cut come out right', async () => {
    const parts = [Buffer.from('😀 phone 13800138000 中文 '.repeat(8)), Buffer.from([0xff, 0xc3]), Buffer.from(' mail a@example.com é'.repeat(12)), Buffer.from([0xe4, 0xb8])];
    const line = Buffer.concat(parts);
    const expected = Buffer.concat([
      Buffer.from(anonymizer.anonymize(parts[0].toString())),
      parts[1],
      Buffer.from(anonymizer.anonymize(parts[2].toString())),
      parts[3],
      Buffer.from('\n'),
    ]);
    for (const chunk of [1, 2, 3, 7, 64]) {
      const { out } = await mapped('text', Buffer.concat([line, Buffer.from('\n')]), SMALL, chunk);
      expect(out.equals(expected), `chunks of ${chunk}`).toBe(true);
    }
  });

  it('NDJSON: a long line is scanned as plain text too, with the warning', async () => {
    const record = JSON.stringify({ msg: 'x'.repeat(300), email: 'bob@example.com', phone: '+86 138 0013 8000' });
    const { text, warnings } = await mapped('ndjson', `{"ok":1}\n${record}\n`);
    expect(text).toBe(`{"ok":1}\n${anonymizer.anonymize(record)}\n`);
    expect(text).not.toContain('bob@example.com');
    expect(warnings).toEqual([expect.stringMatching(/^big\.log:2: a line longer than 200 bytes, scanned in pieces as plain text/)]);
  });

  it('scan: the findings of a long line are those of the whole line, at their offsets in it', async () => {
    const line = 'a 13800138000 b 198.51.100.4 '.repeat(12) + 'mail c@example.com';
    const reports: FindingReport[] = [];
    const visitor = scanningVisitor(anonymizer, (r) => reports.push(r));
    const { text } = await mapped('text', line + '\n', SMALL, 40, visitor);
    expect(text).toBe(line + '\n'); // scan writes nothing
    const whole = anonymizer.findings(line);
    expect(whole.length).toBe(25);
    expect(reports.map((r) => [r.record, r.field, r.finding.type, r.finding.start, r.finding.end, r.value])).toEqual(
      whole.map((f) => [0, null, f.type, f.start, f.end, line.slice(f.start, f.end)]),
    );
  });
});

describe('a line longer than the old 64 MiB limit', () => {
  it('streams through in windows of bounded size instead of failing', async () => {
    // 65 MiB generated as it is read, with the default sizes; a visitor that tags `SECRET<digits>`
    // stands in for the scanner (the real one takes a minute over 65 MiB).
    const unit = 'filler text SECRET4242 more filler 中文 '; // 40 chars, 44 bytes
    const units = Math.ceil((65 << 20) / Buffer.byteLength(unit));
    const chunk = Buffer.from(unit.repeat(1500));
    let widest = 0;
    let windows = 0;
    const visitor: ValueVisitor = {
      visit: (v) => v,
      visitWindow(w: TextWindow) {
        windows++;
        widest = Math.max(widest, w.text.length);
        let out = '';
        let at = w.from;
        for (const m of w.text.matchAll(/SECRET\d+/g)) {
          if (m.index < w.from || m.index >= w.to) continue;
          out += w.text.slice(at, m.index) + 'X';
          at = m.index + m[0].length;
        }
        const end = Math.max(at, w.to);
        return { text: out + w.text.slice(at, end), end };
      },
    };
    async function* input() {
      for (let n = 0; n < units; n += 1500) yield chunk;
      yield Buffer.from('\nafter\n');
    }
    let bytes = 0;
    let secrets = 0;
    let tail = '';
    const warnings: string[] = [];
    await pipeline(
      Readable.from(input()),
      TextLineTransform.forFormat((l) => l, { visitor, source: 'huge.log', warn: (m) => warnings.push(m) }),
      new Writable({
        write(c: Buffer, _e, cb) {
          bytes += c.length;
          const s = tail + c.toString('latin1');
          secrets += s.split('SECRET').length - 1;
          tail = s.slice(-8);
          cb();
        },
      }),
    );
    const lines = Math.ceil(units / 1500) * 1500;
    expect(secrets).toBe(0);
    expect(bytes).toBe(lines * (Buffer.byteLength(unit) - 'SECRET4242'.length + 1) + '\nafter\n'.length);
    expect(warnings).toEqual(['huge.log:1: a line longer than 1 MiB, scanned in pieces as plain text (key-value pairs, JSON and SQL in it not read as such)']);
    expect(windows).toBeGreaterThan(900); // 62 M chars in pieces of 64 Ki
    expect(widest).toBeLessThanOrEqual((64 << 10) + 2 * MARGIN + 2 + 'SECRET4242'.length);
  }, 120_000);
});
