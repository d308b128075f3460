import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { root, sandbox } from './run.js';

const sample = (name: string) => join(root, 'samples', name);
const { logveil, path } = sandbox('samples');

describe('shipped samples, through the built CLI', () => {
  it('a gzipped NDJSON log comes out gzipped, and inside it is the reviewed golden output', () => {
    const r = logveil(['anonymize', sample('app.ndjson.gz'), '-o', path('out') + '/']);
    expect(r.code).toBe(0);
    const out = gunzipSync(readFileSync(path('out/app.ndjson.gz')));
    expect(out.equals(readFileSync(sample('app.expected.ndjson')))).toBe(true);
    expect(r.stderr).toMatch(/app\.ndjson\.gz:13: not valid JSON, scanned as text/);
  });

  it('a CSV row with the wrong number of fields stops the file, naming the row and not its data', () => {
    const r = logveil(['anonymize', sample('orders-bad-rows.csv'), '-o', path('bad.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/orders-bad-rows\.csv: row 4 has 2 fields, expected 4/);
    expect(r.stderr).not.toMatch(/192\.0\.2\.7|broken row/);
  });

  it('with --on-bad-row text the row is scanned as text and the rest as CSV (reviewed golden output)', () => {
    const r = logveil(['anonymize', '--on-bad-row', 'text', sample('orders-bad-rows.csv')]);
    expect(r.code).toBe(0);
    expect(r.raw.equals(readFileSync(sample('orders-bad-rows.expected.csv')))).toBe(true);
    expect(r.stderr).toMatch(/row 4 has 2 fields, expected 4; scanned as text/);
  });
});
