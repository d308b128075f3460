import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sandbox } from './run.js';

/*
 * What `logveil anonymize` shows besides its data: a progress bar on stderr only when stderr is a
 * terminal, a summary (on a terminal or with --summary), a JSON report with --report FILE; --quiet
 * for neither. The inputs plant one email and one IP address per line, each from a reserved range
 * (example.com, 192.0.2.0/24, 198.51.100.0/24), so the counts are known without running logveil:
 * text lines give EMAIL and IP_ADDRESS in free text, NDJSON lines EMAIL in user.email and IP_ADDRESS
 * in msg. Each file is over 512 KiB, so that two threads share its batches.
 */

const TEXT_LINES = 12_000;
const NDJSON_LINES = 8_000;

const textLine = (k: number) => `k=${k} mail user${k}@example.com from 192.0.2.${k % 250}`;
const ndjsonLine = (k: number) => JSON.stringify({ seq: k, user: { email: `u${k}@example.com` }, msg: `login from 198.51.100.${k % 250}` });

/** Every planted value, to look for in what logveil says about the run. */
function plantedValues(): string[] {
  const values: string[] = [];
  for (let k = 0; k < TEXT_LINES; k++) values.push(`user${k}@example.com`);
  for (let k = 0; k < NDJSON_LINES; k++) values.push(`u${k}@example.com`);
  for (let i = 0; i < 250; i++) values.push(`192.0.2.${i}`, `198.51.100.${i}`);
  return values;
}

function setUp() {
  const box = sandbox('progress');
  const text = Array.from({ length: TEXT_LINES }, (_, k) => textLine(k)).join('\n') + '\n';
  const ndjson = Array.from({ length: NDJSON_LINES }, (_, k) => ndjsonLine(k)).join('\n') + '\n';
  box.write('in/app.log', text);
  box.write('in/app.ndjson', ndjson);
  expect(Buffer.byteLength(text)).toBeGreaterThan(512 * 1024);
  expect(Buffer.byteLength(ndjson)).toBeGreaterThan(512 * 1024);
  return { ...box, bytes: Buffer.byteLength(text) + Buffer.byteLength(ndjson) };
}

/** A shell command line for `script`: each word single-quoted. */
const quoted = (args: string[]) => args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');

/** Run logveil with a terminal (a pseudo-terminal made by util-linux `script`) as its stdin, stdout and stderr; what it drew. */
function onTerminal(sh: (script: string) => { code: number | null; stdout: string }, args: string[]): { code: number | null; screen: string } {
  const r = sh(`script -qec ${quoted([quoted(['logveil', ...args])])} /dev/null`);
  return { code: r.code, screen: r.stdout };
}

/**
 * The lines a terminal shows after `raw`, for the escapes the bar uses: `\r` and `ESC[nG` move to a
 * column, `ESC[K`/`ESC[0K` erase to the end of the line, `ESC[0J` to the end of the screen (the cursor
 * never moves up: the bar is one line); text overwrites what is under it.
 */
function shown(raw: string): string[] {
  const lines = [''];
  let col = 0;
  for (const [token, n, code] of raw.matchAll(/\x1b\[(\d*)([A-Za-z])|\r|\n|[^\x1b\r\n]+/g)) {
    const at = lines.length - 1;
    if (token === '\n') {
      lines.push('');
      col = 0;
    } else if (token === '\r') col = 0;
    else if (code === 'G') col = Number(n || 1) - 1;
    else if (code === 'K' || code === 'J') lines[at] = lines[at].slice(0, col);
    else if (code === undefined) {
      const line = lines[at].padEnd(col);
      lines[at] = line.slice(0, col) + token + line.slice(col + token.length);
      col += token.length;
    }
  }
  return lines;
}

describe('anonymize: progress, summary and report', { timeout: 120_000 }, () => {
  it('stderr not a terminal: no bar and no summary, not a byte; stdout carries the data only', () => {
    const { logveil, path } = setUp();
    const piped = logveil(['anonymize', '--threads', '2', 'in/app.log']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).not.toContain('\x1b');
    expect(logveil(['anonymize', '--threads', '2', 'in/app.log', '-o', 'out.log']).stderr).toBe('');
    expect(piped.stdout).toBe(readFileSync(path('out.log'), 'utf8'));
    // Several files into a directory: still nothing on stderr.
    expect(logveil(['anonymize', '--threads', '2', 'in', '-o', 'out/'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('--report: the counts of the planted values, the same for 1 and 2 threads, and no planted value', () => {
    const { logveil, path, bytes } = setUp();
    const reports = [1, 2].map((threads) => {
      const r = logveil(['anonymize', '--threads', String(threads), 'in', '-o', `out${threads}/`, '--report', `report${threads}.json`]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      return readFileSync(path(`report${threads}.json`), 'utf8');
    });
    for (const text of reports) {
      const report = JSON.parse(text) as { run: Record<string, number> };
      expect(report).toEqual({
        run: { files: 2, failed: 0, lines: TEXT_LINES + NDJSON_LINES, bytes, textBytes: bytes, seconds: report.run.seconds, mbPerSecond: report.run.mbPerSecond },
        total: 2 * (TEXT_LINES + NDJSON_LINES),
        types: [
          { type: 'EMAIL', count: TEXT_LINES + NDJSON_LINES },
          { type: 'IP_ADDRESS', count: TEXT_LINES + NDJSON_LINES },
        ],
        fields: [
          { field: '(text)', count: 2 * TEXT_LINES },
          { field: 'msg', count: NDJSON_LINES },
          { field: 'user.email', count: NDJSON_LINES },
        ],
      });
      expect(report.run.seconds).toBeGreaterThan(0);
      for (const value of plantedValues()) expect(text.includes(value), value).toBe(false);
    }
    // Apart from the time taken, the two reports agree.
    const [one, two] = reports.map((t) => ({ ...JSON.parse(t), run: { ...JSON.parse(t).run, seconds: 0, mbPerSecond: 0 } }));
    expect(two).toEqual(one);
  });

  it('--report of a JSON array and a CSV file: the same counts for 1 and 2 threads (workers count their batches)', () => {
    const { logveil, path, write } = setUp();
    // Each over 512 KiB, so that two threads share its batches: JSON array elements, CSV rows.
    const elements = Array.from({ length: NDJSON_LINES }, (_, k) => ndjsonLine(k));
    const json = '[\n' + elements.join(',\n') + '\n]\n';
    const CSV_ROWS = 16_000;
    const rows = Array.from({ length: CSV_ROWS }, (_, k) => `${k},c${k}@example.com,203.0.113.${k % 250}`);
    const csv = 'id,email,ip\n' + rows.join('\n') + '\n';
    expect(Buffer.byteLength(json)).toBeGreaterThan(512 * 1024);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(512 * 1024);
    write('other/users.json', json);
    write('other/users.csv', csv);
    const reports = [1, 2].map((threads) => {
      const r = logveil(['anonymize', '--threads', String(threads), 'other', '-o', `other${threads}/`, '--report', `other${threads}.json`]);
      expect([r.code, r.stderr]).toEqual([0, '']);
      return JSON.parse(readFileSync(path(`other${threads}.json`), 'utf8')) as Record<string, unknown>;
    });
    for (const report of reports) {
      expect(report).toMatchObject({
        total: 2 * (CSV_ROWS + NDJSON_LINES),
        types: [
          { type: 'EMAIL', count: CSV_ROWS + NDJSON_LINES },
          { type: 'IP_ADDRESS', count: CSV_ROWS + NDJSON_LINES },
        ],
        // Largest first: the CSV's columns, then the JSON elements' paths (each element is a record).
        fields: [
          { field: 'email', count: CSV_ROWS },
          { field: 'ip', count: CSV_ROWS },
          { field: 'msg', count: NDJSON_LINES },
          { field: 'user.email', count: NDJSON_LINES },
        ],
      });
    }
    expect(reports[1].types).toEqual(reports[0].types);
    expect(reports[1].fields).toEqual(reports[0].fields);
  });

  it('--report of a gzip input: the bytes read are the compressed bytes, the text bytes those inside', () => {
    const { logveil, path, write } = setUp();
    const text = readFileSync(path('in/app.log'));
    const gz = gzipSync(text);
    write('app.log.gz', gz);
    const r = logveil(['anonymize', '--threads', '2', 'app.log.gz', '-o', 'out.log.gz', '--report', 'report.json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const { run, total } = JSON.parse(readFileSync(path('report.json'), 'utf8')) as { run: Record<string, number>; total: number };
    expect([run.files, run.lines, run.bytes, run.textBytes, total]).toEqual([1, TEXT_LINES, gz.length, text.length, 2 * TEXT_LINES]);
  });

  it('--summary prints the table on stderr when it is not a terminal; no planted value in it', () => {
    const { logveil } = setUp();
    const r = logveil(['anonymize', '--threads', '2', 'in', '-o', 'out/', '--summary']);
    expect(r.code).toBe(0);
    const [run, ...table] = r.stderr.split('\n');
    expect(run).toMatch(/^2 files, 20,000 lines, 1\.\d MB read in \d+\.\d s: \d+\.\d MB\/s$/);
    expect(table.join('\n')).toBe(
      [
        'TYPE        COUNT',
        'EMAIL       20000',
        'IP_ADDRESS  20000',
        'total       40000',
        'FIELD       COUNT',
        '(text)      24000',
        'msg          8000',
        'user.email   8000',
        '',
      ].join('\n'),
    );
    for (const value of plantedValues()) expect(r.stderr.includes(value), value).toBe(false);
    // --quiet and --summary contradict each other: a usage error.
    expect(logveil(['anonymize', 'in', '-o', 'out2/', '--summary', '--quiet']).code).toBe(2);
  });

  it('on a terminal: the bar is drawn and the summary printed; --quiet draws neither; data to the terminal: no bar', () => {
    const { sh, tree } = setUp();
    const drawn = onTerminal(sh, ['anonymize', '--threads', '2', 'in', '-o', 'out/']);
    expect(drawn.code).toBe(0);
    expect(drawn.screen).toMatch(/\d+% [\d.]+\/1\.\d MB [\d.]+ MB\/s \| files \d\/2 \| findings [\d,]+/);
    expect(drawn.screen).toContain('2 files, 20,000 lines');
    expect(drawn.screen).toContain('IP_ADDRESS  20000');
    for (const value of plantedValues()) expect(drawn.screen.includes(value), value).toBe(false);
    expect(tree('out')).toEqual(['app.log', 'app.ndjson']);

    const quiet = onTerminal(sh, ['anonymize', '--threads', '2', '--quiet', 'in', '-o', 'quiet/']);
    expect(quiet.code).toBe(0);
    expect(quiet.screen).toBe('');

    // The data on the terminal: the bar would be drawn over it; the summary follows it.
    const data = onTerminal(sh, ['anonymize', 'in/app.log']);
    expect(data.code).toBe(0);
    expect(data.screen).not.toMatch(/findings|\d+% /);
    expect(data.screen).toContain('1 file, 12,000 lines');

    // The data on stderr (-o /dev/stderr): neither bar nor summary mixed into it.
    const dataOnStderr = onTerminal(sh, ['anonymize', 'in/app.log', '-o', '/dev/stderr']);
    expect(dataOnStderr.code).toBe(0);
    expect(dataOnStderr.screen).toContain('k=11999 mail <EMAIL> from <IP_ADDRESS>');
    expect(dataOnStderr.screen).not.toMatch(/findings|\d+% |TYPE|lines,/);
  });

  it('scan: the bar on a terminal when the report goes to a file, none when it goes to the terminal or with --quiet', () => {
    const { sh, path } = setUp();
    const toFile = sh(`script -qec ${quoted(['logveil scan in/app.log > found.jsonl'])} /dev/null`);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toMatch(/\d+% [\d.]+\/0\.\d MB [\d.]+ MB\/s \| files \d\/1 \| findings [\d,]+/);
    expect(readFileSync(path('found.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2 * TEXT_LINES);
    expect(sh(`script -qec ${quoted(['logveil scan -q in/app.log > quiet.jsonl'])} /dev/null`).stdout).toBe('');
    const onScreen = sh(`script -qec ${quoted(['logveil scan --summary in/app.log'])} /dev/null`);
    expect(onScreen.stdout).not.toMatch(/findings|\d+% /);
    expect(onScreen.stdout).toMatch(/^total\s+24000\r?$/m);
  });

  // It was written after the bar, on the bar's line: `…| ETA 2slogveil: in/z-bad.log: not valid gzip data…`.
  it('on a terminal: a file that fails while the bar is drawn is said on a line of its own', () => {
    const { sh, write } = sandbox('progress-error');
    write('in/a.log', Array.from({ length: 8 * TEXT_LINES }, (_, k) => textLine(k)).join('\n') + '\n');
    write('in/z-bad.log', Buffer.from('\x1f\x8bnot gzip after its magic bytes', 'latin1'));
    const r = onTerminal(sh, ['anonymize', '--threads', '1', 'in', '-o', 'out/']);
    expect(r.code).toBe(1);
    const error = 'logveil: in/z-bad.log: not valid gzip data (unknown compression method) [LV_FORMAT]';
    // The bar was drawn before the error (a.log is read first and takes several of its ticks).
    expect(r.screen.indexOf('MB/s')).toBeGreaterThanOrEqual(0);
    expect(r.screen.indexOf('MB/s')).toBeLessThan(r.screen.indexOf(error));
    const lines = shown(r.screen);
    expect(lines).toContain(error);
    expect(lines.at(-2)).toBe('logveil: 1 of 2 input files failed; nothing was written under their output names [LV_IO]');
  });

  it('--report that is an input is refused before anything is written (exit 2)', () => {
    const { logveil, path } = setUp();
    const before = readFileSync(path('in/app.log'));
    const r = logveil(['anonymize', 'in/app.log', '-o', 'out.log', '--report', 'in/app.log']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logveil: --report in/app.log: refusing to overwrite the input file in/app.log [LV_USAGE]\n');
    expect(readFileSync(path('in/app.log')).equals(before)).toBe(true);
    expect(logveil(['anonymize', 'in/app.log', '-o', 'out.log', '--report', 'out.log']).code).toBe(2);
  });
});
