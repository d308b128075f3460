import { describe, expect, it } from 'vitest';
import { sandbox } from './run.js';

/** `n` NDJSON lines that are not JSON (each one warned about), every one with an address to replace. */
const badNdjson = (n: number) => Array.from({ length: n }, (_, i) => `not json ${i} from 192.0.2.${i % 250}\n`).join('');
const lines = (stderr: string) => stderr.split('\n').filter((l) => l !== '');

describe('warnings are capped per file: the first 20, then one line with the count of the rest', () => {
  // 34,000 bad lines (1.2 MB: three batches for the worker threads) give 34,000 warnings.
  const { logveil, write } = sandbox('warn');
  write('app.ndjson', badNdjson(34_000));
  const first20 = Array.from({ length: 20 }, (_, i) => `logveil: warning: app.ndjson:${i + 1}: not valid JSON, scanned as text`);
  const tail = 'logveil: warning: app.ndjson: 33,980 more warnings not shown';

  it.each([
    ['anonymize', ['anonymize', 'app.ndjson', '--threads', '1']],
    ['anonymize with worker threads', ['anonymize', 'app.ndjson', '--threads', '2']],
    ['scan', ['scan', 'app.ndjson']],
  ])('%s', (_, args) => {
    const r = logveil(args);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([...first20, tail]);
    const out = lines(r.stdout);
    expect(out).toHaveLength(34_000); // every line still anonymized (or, for scan, its finding reported)
    expect(r.stdout).not.toContain('192.0.2.');
  });

  it('CSV rows scanned as text count against the same cap', () => {
    const { logveil, write } = sandbox('warn');
    write('t.csv', 'a,b\n' + '1,2,3\n'.repeat(25));
    const r = logveil(['anonymize', '--on-bad-row', 'text', 't.csv']);
    expect(r.code).toBe(0);
    const w = lines(r.stderr);
    expect(w).toHaveLength(21);
    expect(w[0]).toBe('logveil: warning: t.csv: row 2 has 3 fields, expected 2; scanned as text');
    expect(w[19]).toBe('logveil: warning: t.csv: row 21 has 3 fields, expected 2; scanned as text');
    expect(w[20]).toBe('logveil: warning: t.csv: 5 more warnings not shown');
  });

  it('each file has its own cap; 20 warnings need no count line, 21 say "1 more warning"', () => {
    const { logveil, write } = sandbox('warn');
    write('in/a.ndjson', badNdjson(21));
    write('in/b.ndjson', badNdjson(20));
    const r = logveil(['scan', '--summary', 'in']);
    expect(r.code).toBe(0);
    const w = lines(r.stderr);
    expect(w).toHaveLength(41);
    expect(w.filter((l) => /in\/a\.ndjson:\d+: not valid JSON/.test(l))).toHaveLength(20);
    expect(w[20]).toBe('logveil: warning: in/a.ndjson: 1 more warning not shown');
    expect(w.slice(21).every((l) => /^logveil: warning: in\/b\.ndjson:\d+: not valid JSON/.test(l))).toBe(true);
  });
});
