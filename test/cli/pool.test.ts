import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { corpusLines } from '../../bench/corpus.js';
import { sandbox } from './run.js';

/*
 * `logveil anonymize --threads N`: inputs of every format mapped by worker threads must come out byte
 * for byte as the single-thread run writes them, and `scan --threads N` must report the same findings. The inputs are a few MB, so they span several
 * 512 KB batches, with the byte-level cases (CRLF, invalid UTF-8, blank lines, no final newline)
 * spread over them.
 */

/** Seeded realistic lines (EN/ZH, about 1 in 3 with personal data), with awkward lines mixed in. */
function textInput(lines: number): Buffer {
  const parts: Buffer[] = [];
  let k = 0;
  for (const line of corpusLines({ seed: 7, lines })) {
    k++;
    if (k % 997 === 0) parts.push(Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0x20]), Buffer.from('13800138000 bad bytes\n'));
    if (k % 1499 === 0) parts.push(Buffer.from('\n'));
    parts.push(Buffer.from(line.text + (k % 5 === 0 ? '\r\n' : '\n')));
  }
  parts.push(Buffer.from('last line without newline, mail a.b@example.com'));
  return Buffer.concat(parts);
}

function ndjsonInput(lines: number): string {
  const out: string[] = [];
  for (let k = 0; k < lines; k++) {
    if (k % 1000 === 999) out.push('{"broken": "json, call 13800138000'); // warned about, scanned as text
    out.push(JSON.stringify({ seq: k, user: { email: `user${k}@example.com`, phone: '+86 138 0013 8000' }, msg: `request ${k} from 192.0.2.${k % 250}` }));
  }
  return out.join('\n') + '\n';
}

// Each test runs the binary on a few MB a few times: seconds, not the default 5.
describe('anonymize --threads', { timeout: 60_000 }, () => {
  it('text: the same bytes as one thread, over several batches', () => {
    const { logveil, write, path } = sandbox('pool');
    const input = textInput(10_000);
    expect(input.length).toBeGreaterThan(2 * 512 * 1024);
    write('big.log', input);
    const one = logveil(['anonymize', '--threads', '1', 'big.log', '-o', 'one.log']);
    const two = logveil(['anonymize', '--threads', '2', 'big.log', '-o', 'two.log']);
    expect([one.code, one.stderr, two.code, two.stderr]).toEqual([0, '', 0, '']);
    const a = readFileSync(path('one.log'));
    expect(a.equals(input)).toBe(false); // something was replaced
    expect(readFileSync(path('two.log')).equals(a)).toBe(true);
    // More workers than this machine has cores: still in input order.
    expect(logveil(['anonymize', '--threads', '5', 'big.log', '-o', 'five.log']).code).toBe(0);
    expect(readFileSync(path('five.log')).equals(a)).toBe(true);
  });

  it('NDJSON: the same bytes, and warnings in input order with their line numbers', () => {
    const { logveil, write, path } = sandbox('pool');
    write('app.ndjson', ndjsonInput(12_000));
    const one = logveil(['anonymize', '--threads', '1', 'app.ndjson', '-o', 'one.ndjson']);
    const two = logveil(['anonymize', '--threads', '2', 'app.ndjson', '-o', 'two.ndjson']);
    expect([one.code, two.code]).toEqual([0, 0]);
    const out = readFileSync(path('two.ndjson'));
    expect(out.equals(readFileSync(path('one.ndjson')))).toBe(true);
    expect(out.toString()).not.toContain('13800138000');
    // Broken lines are the 1000th, 2001st, … (1-based: 1000, 2001, 3002, …).
    const warned = [...two.stderr.matchAll(/app\.ndjson:(\d+): not valid JSON/g)].map((m) => Number(m[1]));
    expect(warned).toEqual(Array.from({ length: 12 }, (_, i) => 1000 + 1001 * i));
    expect(two.stderr).toBe(one.stderr);
  });

  it('keyed pseudonyms are the same whatever thread a line lands on', () => {
    const { logveil, write, path } = sandbox('pool');
    expect(logveil(['keygen', 'k.key']).code).toBe(0);
    write('policy.yaml', 'operator: hash\n');
    write('big.log', textInput(8_000));
    const one = logveil(['anonymize', '--threads', '1', '--policy', 'policy.yaml', '--key-file', 'k.key', 'big.log', '-o', 'one.log']);
    const two = logveil(['anonymize', '--threads', '2', '--policy', 'policy.yaml', '--key-file', 'k.key', 'big.log', '-o', 'two.log']);
    expect([one.code, two.code]).toEqual([0, 0]);
    const a = readFileSync(path('one.log'), 'utf8');
    expect(a).toMatch(/EMAIL_[a-z2-7]{16}/);
    expect(readFileSync(path('two.log'), 'utf8')).toBe(a);
  });

  it('small CSV and JSON through the workers: what one thread writes (checked by hand)', () => {
    const { logveil, write } = sandbox('pool');
    write('c.csv', 'id,email\n1,bob@example.com\n');
    write('d.json', '[{"email": "dave@example.com"}]\n');
    write('o.json', '{"email": "dave@example.com"}\n'); // not an array: rewritten by the main thread
    expect(logveil(['anonymize', '--threads', '2', 'c.csv']).stdout).toBe('id,email\n1,<EMAIL>\n');
    expect(logveil(['anonymize', '--threads', '2', 'd.json']).stdout).toBe('[{"email": "<EMAIL>"}]\n');
    expect(logveil(['anonymize', '--threads', '2', 'o.json']).stdout).toBe('{"email": "<EMAIL>"}\n');
  });

  it('JSON array, CSV with quoted line ends, TSV and gzip: the same bytes with 2 or 4 threads as with 1', () => {
    const { logveil, write, path } = sandbox('pool');
    const lines = [...corpusLines({ seed: 11, lines: 9_000 })].map((l) => l.text);
    expect(lines.join('\n').length).toBeGreaterThan(2 * 512 * 1024); // several batches
    write('a.json', '[\n' + lines.map((t, i) => `  {"seq": ${i}, "msg": ${JSON.stringify(t)}, "phone": "13800138000"}`).join(',\n') + '\n]\n');
    // Every 3rd message quoted across two lines: rows are not lines.
    const csv = 'seq,msg,mail\r\n' + lines.map((t, i) => `${i},"${(i % 3 ? t : t.replace(' ', '\n')).replaceAll('"', '""')}",u${i}@example.com\r\n`).join('');
    write('b.csv', csv);
    write('c.tsv', 'seq\tmsg\n' + lines.map((t, i) => `${i}\t${t.replaceAll('\t', ' ')}\n`).join(''));
    write('d.json.gz', gzipSync(readFileSync(path('a.json'))));
    // 1 against 2 and 4 threads (the library tests run every format with 1, 2 and 4 on small batches).
    const runs: [string, string[]][] = [['a.json', ['2', '4']], ['b.csv', ['2', '4']], ['c.tsv', ['2']], ['d.json.gz', ['4']]];
    for (const [f, threads] of runs) {
      const outOf = (n: string) => {
        const r = logveil(['anonymize', '--threads', n, f, '-o', `${n}-${f}`]);
        expect([f, n, r.code, r.stderr]).toEqual([f, n, 0, '']);
        const out = readFileSync(path(`${n}-${f}`));
        return f.endsWith('.gz') ? gunzipSync(out) : out;
      };
      const one = outOf('1');
      expect(one.toString()).not.toContain('@example.com');
      for (const n of threads) expect(outOf(n).equals(one), `${f}: ${n} threads`).toBe(true);
    }
  }, 240_000); // a dozen runs of a few MB on a loaded machine

  it('scan --threads: the same findings, in the same order, as one thread', () => {
    const { logveil, write } = sandbox('pool');
    write('a.json', '[' + Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, mail: `u${i}@example.com`, msg: `from 192.0.2.${i % 250}` })).join(',') + ']');
    write('b.csv', 'id,note\n' + Array.from({ length: 3000 }, (_, i) => `${i},"call\n+86 138 0013 8000 or u${i}@example.com"\n`).join(''));
    write('c.log', textInput(3_000));
    for (const f of ['a.json', 'b.csv', 'c.log']) {
      const one = logveil(['scan', '--threads', '1', f]);
      const two = logveil(['scan', '--threads', '2', f]);
      expect([one.code, two.code]).toEqual([0, 0]);
      expect(one.stdout.split('\n').length).toBeGreaterThan(1000);
      expect(two.stdout).toBe(one.stdout);
    }
    const summary = logveil(['scan', '--threads', '2', '--summary-json', 'b.csv']);
    expect(summary.stdout).toBe(logveil(['scan', '--threads', '1', '--summary-json', 'b.csv']).stdout);
    // By hand: one address per row, 3000 rows.
    const types = (JSON.parse(summary.stdout) as { types: { type: string; count: number }[] }).types;
    expect(types.find((t) => t.type === 'EMAIL')?.count).toBe(3000);
  });

  it('a failing input leaves nothing under its output name', () => {
    const { logveil, write, tree } = sandbox('pool');
    write('in/bad.log.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    write('in/good.log', 'from 192.0.2.1\n');
    const r = logveil(['anonymize', '--threads', '2', 'in', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.log.gz');
    expect(tree('out')).toEqual(['good.log']);
  });

  it('a directory: files done several at a time, the same outputs as one at a time', () => {
    const { logveil, write, tree, path } = sandbox('pool');
    const text = textInput(1_500).toString('latin1');
    for (let i = 0; i < 12; i++) {
      const part = text.slice(i * 1000, i * 1000 + 20_000);
      write(`in/${i % 3 === 0 ? `sub/f${i}` : `f${i}`}.${i % 4 === 1 ? 'ndjson' : 'log'}`, Buffer.from(part, 'latin1'));
    }
    write('in/rows.csv', 'id,email\n1,bob@example.com\n');
    write('in/packed.log.gz', gzipSync(Buffer.from(text.slice(0, 50_000), 'latin1')));
    write('in/broken.log.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01]));
    const one = logveil(['anonymize', '--threads', '1', 'in', '-o', 'one']);
    const three = logveil(['anonymize', '--threads', '3', 'in', '-o', 'three']);
    expect([one.code, three.code]).toEqual([1, 1]);
    expect(three.stderr).toContain('broken.log.gz');
    const files = tree('one');
    expect(files).toHaveLength(14);
    expect(gunzipSync(readFileSync(path('three/packed.log.gz'))).toString()).toContain('<');
    expect(tree('three')).toEqual(files);
    for (const f of files) expect(readFileSync(path(`three/${f}`)).equals(readFileSync(path(`one/${f}`)))).toBe(true);
  });

  it.each([['0'], ['-1'], ['1.5'], ['two'], ['999']])('--threads %s is a usage error', (n) => {
    const { logveil } = sandbox('pool');
    const r = logveil(['anonymize', '--threads', n, '-'], 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--threads');
  });
});
