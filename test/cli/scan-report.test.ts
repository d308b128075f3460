import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sandbox } from './run.js';

// Findings checked by hand (default policy): `name`/`email` are dictionary fields (the whole value is
// that type, score 1); other strings are scanned; line 3 is not JSON and is scanned as text.
const NDJSON =
  '{"user":{"name":"Alice Example","email":"alice@example.com"},"items":[{"ip":"192.0.2.1"},{"ip":"192.0.2.2"}],"status":200}\n' +
  '{"msg":"from 192.0.2.3"}\n' +
  'not json 192.0.2.4\n';
const CSV = 'id,email,note\r\n1,bob@example.com,"from 192.0.2.99, ok"\r\n2,,fine\r\n';
const VALUES = ['Alice Example', 'alice@example.com', 'bob@example.com', '192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.99'];

function fixture() {
  const s = sandbox('scan');
  s.write('a.ndjson', NDJSON);
  s.write('c.csv', CSV);
  s.write('d/e.log.gz', gzipSync('mail carol@example.com\n'));
  return s;
}
const rows = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l));
const noValues = (text: string) => {
  for (const v of VALUES) expect(text).not.toContain(v);
  expect(text).not.toContain('carol@example.com');
};

describe('logveil scan on structured input', () => {
  it('reports the JSON path or CSV column as field, and no value', () => {
    const { logveil } = fixture();
    const a = logveil(['scan', 'a.ndjson']);
    expect(a.code).toBe(0);
    expect(rows(a.stdout).map((r) => [r.record, r.field, r.type])).toEqual([
      [0, 'user.name', 'PERSON_NAME'],
      [0, 'user.email', 'EMAIL'],
      [0, 'items[0].ip', 'IP_ADDRESS'],
      [0, 'items[1].ip', 'IP_ADDRESS'],
      [1, 'msg', 'IP_ADDRESS'],
      [2, null, 'IP_ADDRESS'],
    ]);
    expect(rows(a.stdout)[0]).not.toHaveProperty('file');
    noValues(a.stdout);
    // the warning names the file and line, never the line's content
    expect(a.stderr).toBe('logveil: warning: a.ndjson:3: not valid JSON, scanned as text\n');
    const c = logveil(['scan', 'c.csv']);
    expect(rows(c.stdout).map((r) => [r.field, r.type, r.start, r.end])).toEqual([
      ['email', 'EMAIL', 0, 15],
      ['note', 'IP_ADDRESS', 5, 15],
    ]);
    noValues(c.stdout);
  });

  it('reports pairs inside a structured value as anonymize replaces them, under the value\'s field', () => {
    const { logveil, write } = sandbox('scan');
    // `name` and `phone` are dictionary fields; the IP is found by scanning the rest of the string.
    write('p.ndjson', '{"msg":"login name=Zhang San phone=13800138000 from 192.0.2.5"}\n');
    const scan = logveil(['scan', '--values', 'p.ndjson']);
    expect(rows(scan.stdout).map((r) => [r.field, r.type, r.value])).toEqual([
      ['msg.name', 'PERSON_NAME', 'Zhang San'],
      ['msg.phone', 'PHONE', '13800138000'],
      ['msg', 'IP_ADDRESS', '192.0.2.5'],
    ]);
    expect(logveil(['anonymize', 'p.ndjson']).stdout).toBe('{"msg":"login name=<PERSON_NAME> phone=<PHONE> from <IP_ADDRESS>"}\n');
  });

  it('adds the value only with --values', () => {
    const { logveil } = fixture();
    expect(rows(logveil(['scan', '--values', 'c.csv']).stdout).map((r) => r.value)).toEqual(['bob@example.com', '192.0.2.99']);
  });

  it('names the file in every line when reading several inputs or a directory', () => {
    const { logveil } = fixture();
    const r = logveil(['scan', 'c.csv', 'd']);
    expect(r.code).toBe(0);
    expect(rows(r.stdout).map((x) => [x.file, x.field, x.type])).toEqual([
      ['c.csv', 'email', 'EMAIL'],
      ['c.csv', 'note', 'IP_ADDRESS'],
      ['d/e.log.gz', null, 'EMAIL'],
    ]);
    // one directory holding one file still names it
    expect(rows(logveil(['scan', 'd']).stdout)[0].file).toBe('d/e.log.gz');
  });
});

describe('logveil scan --summary / --summary-json', () => {
  it('prints counts per type and per field, sorted by count, with no value', () => {
    const { logveil } = fixture();
    const r = logveil(['scan', '--summary', 'a.ndjson', 'c.csv', 'd']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'TYPE         FIELD        COUNT',
        'IP_ADDRESS                    5',
        '             items[*].ip      2',
        '             msg              1',
        '             note             1',
        '             (text)           1',
        'EMAIL                         3',
        '             email            1',
        '             user.email       1',
        '             (text)           1',
        'PERSON_NAME                   1',
        '             user.name        1',
        'total                         9',
        'files: 3 (3 with findings)',
        '',
      ].join('\n'),
    );
    noValues(r.stdout);
  });

  it('prints the same as one JSON object with --summary-json', () => {
    const { logveil } = fixture();
    const r = logveil(['scan', '--summary-json', 'a.ndjson', 'c.csv', 'd']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      total: 9,
      types: [
        {
          type: 'IP_ADDRESS',
          count: 5,
          fields: [
            { field: 'items[*].ip', count: 2 },
            { field: 'msg', count: 1 },
            { field: 'note', count: 1 },
            { field: null, count: 1 },
          ],
        },
        {
          type: 'EMAIL',
          count: 3,
          fields: [
            { field: 'email', count: 1 },
            { field: 'user.email', count: 1 },
            { field: null, count: 1 },
          ],
        },
        { type: 'PERSON_NAME', count: 1, fields: [{ field: 'user.name', count: 1 }] },
      ],
      files: [
        { file: 'a.ndjson', findings: 6 },
        { file: 'c.csv', findings: 2 },
        { file: 'd/e.log.gz', findings: 1 },
      ],
    });
    noValues(r.stdout);
  });

  it('an empty scan prints an empty table', () => {
    const { logveil } = fixture();
    expect(logveil(['scan', '--summary', '-'], 'nothing here\n').stdout).toBe('TYPE   FIELD  COUNT\ntotal             0\n');
    expect(JSON.parse(logveil(['scan', '--summary-json', '-'], '').stdout)).toEqual({
      total: 0,
      types: [],
      files: [{ file: '-', findings: 0 }],
    });
  });

  it('still prints the summary when a file fails, marks it, and exits 1', () => {
    const { logveil, write } = fixture();
    write('d/f.log.gz', gzipSync('x '.repeat(100000)).subarray(0, 30));
    const r = logveil(['scan', '--summary-json', 'c.csv', 'd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/d\/f\.log\.gz: not valid gzip data/);
    const s = JSON.parse(r.stdout);
    expect(s.total).toBe(3);
    expect(s.files).toEqual([
      { file: 'c.csv', findings: 2 },
      { file: 'd/e.log.gz', findings: 1 },
      { file: 'd/f.log.gz', findings: 0, failed: true },
    ]);
  });

  it('prints no summary when every input failed: stderr says what, stdout is empty, exit 1', () => {
    const { logveil, write } = fixture();
    write('broken.json', '[{"a":1},');
    for (const summary of ['--summary', '--summary-json']) {
      const missing = logveil(['scan', summary, 'missing.log']);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toBe('logveil: missing.log: no such file or directory [LV_IO]\n');
      const both = logveil(['scan', summary, 'missing.log', 'broken.json']);
      expect(both.code).toBe(1);
      expect(both.stdout).toBe('');
      expect(both.stderr).toMatch(/missing\.log: no such file or directory[^]*broken\.json: not valid JSON[^]*2 of 2 input files failed/);
    }
  });

  it('with some inputs failed, the table counts the others and says how many failed', () => {
    const { logveil } = fixture();
    const r = logveil(['scan', '--summary', 'c.csv', 'missing.log']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'TYPE        FIELD  COUNT',
        'EMAIL                  1',
        '            email      1',
        'IP_ADDRESS             1',
        '            note       1',
        'total                  2',
        'files: 2 (1 with findings, 1 failed)',
        '',
      ].join('\n'),
    );
  });

  it('--values cannot be combined with a summary, nor the two summaries', () => {
    const { logveil } = fixture();
    expect(logveil(['scan', '--values', '--summary', 'c.csv']).code).toBe(2);
    expect(logveil(['scan', '--values', '--summary-json', 'c.csv']).code).toBe(2);
    expect(logveil(['scan', '--summary', '--summary-json', 'c.csv']).code).toBe(2);
  });
});

describe('CSV options', () => {
  it('--no-header and --delimiter: columns by index', () => {
    const { logveil, write } = fixture();
    write('semi.csv', '1;bob@example.com;x\n2;;192.0.2.5\n');
    const r = logveil(['scan', '--no-header', '--delimiter', ';', 'semi.csv']);
    expect(rows(r.stdout).map((x) => [x.record, x.field, x.type])).toEqual([
      [0, '[1]', 'EMAIL'],
      [1, '[2]', 'IP_ADDRESS'],
    ]);
    expect(logveil(['anonymize', '--no-header', '--delimiter', ';', 'semi.csv']).stdout).toBe('1;<EMAIL>;x\n2;;<IP_ADDRESS>\n');
  });

  it('--delimiter \\t and --quote', () => {
    const { logveil } = fixture();
    expect(logveil(['anonymize', '--format', 'csv', '--delimiter', '\\t', '-'], 'a\tb\nx@example.com\t1\n').stdout).toBe(
      'a\tb\n<EMAIL>\t1\n',
    );
    expect(logveil(['anonymize', '--format', 'csv', '--quote', "'", '-'], "a,b\n'x@example.com, here',1\n").stdout).toBe(
      "a,b\n'<EMAIL>, here',1\n",
    );
  });

  it('--on-bad-row: error (exit 1 naming the row, no output file) or text', () => {
    const { logveil, write, path, tree } = fixture();
    write('bad.csv', 'a,b\n1,2,bob@example.com\n3,4\n');
    const e = logveil(['anonymize', 'bad.csv', '-o', 'out.csv']);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/bad\.csv: row 2 has 3 fields/);
    expect(e.stderr).not.toContain('bob@example.com');
    expect(tree('.')).not.toContain('out.csv');
    const t = logveil(['anonymize', '--on-bad-row', 'text', 'bad.csv', '-o', 'out.csv']);
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(/bad\.csv: row 2 has 3 fields.*scanned as text/);
    expect(tree('.')).toContain('out.csv');
    expect(readFileSync(path('out.csv'), 'utf8')).toBe('a,b\n1,2,<EMAIL>\n3,4\n');
  });

  it('rejects bad option values with exit 2', () => {
    const { logveil } = fixture();
    expect(logveil(['scan', '--delimiter', 'ab', 'c.csv']).code).toBe(2);
    expect(logveil(['scan', '--delimiter', '"', 'c.csv']).code).toBe(2);
    expect(logveil(['scan', '--on-bad-row', 'skip', 'c.csv']).code).toBe(2);
    expect(logveil(['scan', '--format', 'xml', 'c.csv']).code).toBe(2);
  });
});

describe('field names that are personal data', () => {
  const { logveil, write } = sandbox('scan-keys');
  it('are reported as their type, never as written', () => {
    const f = write('k.ndjson', '{"users":{"alice@example.com":{"phone":"13800138000"}}}\n');
    const r = logveil(['scan', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"field":"users\.<EMAIL>\.phone"/);
    expect(r.stdout).not.toMatch(/alice|example\.com|13800138000/);
    const s = logveil(['scan', '--summary', f]);
    expect(s.stdout).not.toMatch(/alice|example\.com/);
  });
});
