import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { installInto, root, runShell, sandbox, type Run } from './run.js';

/** The command lines of README's "Running it" block, as written. */
function runningIt(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Running it\n'));
  const block = section && /^```sh\n([^]*?)^```/m.exec(section);
  if (!block) throw new Error('README.md has no ```sh block under "## Running it"');
  return block[1].split('\n').filter((line) => line.trim() !== '');
}

// Generated logs with values from reserved ranges; the expected outputs are written out by hand (the
// default policy tags every value; `email`, `phone` and `ip` are dictionary fields in NDJSON).
const LOG =
  '2026-02-24T08:00:02Z INFO login ok email=zhang.san@example.com ip=192.0.2.10\n' +
  '2026-02-24T08:00:03Z INFO sms sent to 13800138000\n' +
  '2026-02-24T08:00:04Z INFO nothing here\n';
const LOG_OUT =
  '2026-02-24T08:00:02Z INFO login ok email=<EMAIL> ip=<IP_ADDRESS>\n' +
  '2026-02-24T08:00:03Z INFO sms sent to <PHONE>\n' +
  '2026-02-24T08:00:04Z INFO nothing here\n';
const NDJSON = '{"ts":"2026-02-24T08:00:02Z","user":{"email":"zhang.san@example.com","phone":"13800138000"},"ip":"192.0.2.10","msg":"login ok"}\n';
const NDJSON_OUT = '{"ts":"2026-02-24T08:00:02Z","user":{"email":"<EMAIL>","phone":"<PHONE>"},"ip":"<IP_ADDRESS>","msg":"login ok"}\n';
const VALUES = ['zhang.san@example.com', '13800138000', '192.0.2.10'];

/** The files README's commands read, as a new user would have them. */
const FILES: Record<string, string | Buffer> = {
  'app.log': LOG,
  'app.ndjson.gz': gzipSync(NDJSON),
  'a.log': LOG,
  'b.ndjson': NDJSON,
  'logs/x.log': LOG,
  'logs/sub/y.ndjson': NDJSON,
};

/** Names in a command line that are read (not written: after -o, --report or >, or the file keygen makes). */
function inputsOf(line: string): string[] {
  const words = line.replace(/\s#.*$/, '').split(/\s+/);
  return words.filter((w, i) => /[./]/.test(w) && !w.startsWith('-') && !['-o', '--report', '>', 'keygen'].includes(words[i - 1]));
}

describe("README's Running it commands, run as written after `npm install` in a clone", () => {
  const lines = runningIt();
  // A new user's folder: this checkout installed as npm installs it (node_modules/.bin/logveil is a
  // link to the built main.js), `logveil` itself not on PATH, the shipped sample policy, the logs.
  const { dir, write, tree, path } = sandbox('readme');
  installInto(dir);
  for (const [name, content] of Object.entries(FILES)) write(name, content);
  mkdirSync(path('samples'));
  copyFileSync(join(root, 'samples', 'policy.yaml'), path('samples/policy.yaml'));
  copyFileSync(join(root, 'samples', 'encrypt.yaml'), path('samples/encrypt.yaml'));
  const results = new Map<string, Run>();
  const run = (line: string): Run => {
    let r = results.get(line);
    if (!r) {
      for (const input of inputsOf(line)) {
        if (!existsSync(path(input)) && !lines.some((l) => l.includes(`keygen ${input}`))) {
          throw new Error(`README runs \`${line}\`, which reads ${input}: add it to FILES in this test`);
        }
      }
      // --no-install: a command that did not resolve to this checkout fails; nothing is ever downloaded.
      const script = line.replaceAll('npx logveil', 'npx --no-install logveil');
      r = runShell(script, { cwd: dir, binOnPath: false, env: { npm_config_offline: 'true', npm_config_update_notifier: 'false' } });
      results.set(line, r);
    }
    return r;
  };
  const one = (pattern: RegExp): Run => {
    const line = lines.find((l) => pattern.test(l));
    if (!line) throw new Error(`README's Running it block has no line matching ${pattern}`);
    return run(line);
  };

  it('shows every logveil command through npx (a bare `logveil` is not on PATH after npm install)', () => {
    expect(lines.length).toBeGreaterThanOrEqual(9);
    for (const line of lines) expect(line).not.toMatch(/(^|[|;&]\s*)logveil\b/);
    expect(lines.every((l) => l.includes('npx logveil '))).toBe(true);
  });

  it('each runs, in order, with exit code 0 and nothing on stderr', () => {
    for (const line of lines) {
      const r = run(line);
      expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: '' });
    }
  });

  it('the anonymized outputs are what the default policy makes of the logs', () => {
    expect(one(/anonymize app\.log\s+#/).stdout).toBe(LOG_OUT);
    one(/-o clean\.log/);
    expect(readFileSync(path('clean.log'), 'utf8')).toBe(LOG_OUT);
    one(/app\.ndjson\.gz -o out\//);
    expect(gunzipSync(readFileSync(path('out/app.ndjson.gz'))).toString()).toBe(NDJSON_OUT);
    one(/-o clean\//);
    expect(tree('clean')).toEqual(['a.log', 'b.ndjson', 'sub/y.ndjson', 'x.log']);
    expect(readFileSync(path('clean/x.log'), 'utf8')).toBe(LOG_OUT);
    expect(readFileSync(path('clean/sub/y.ndjson'), 'utf8')).toBe(NDJSON_OUT);
    one(/> clean\.ndjson/);
    expect(readFileSync(path('clean.ndjson'), 'utf8')).toBe(NDJSON_OUT);
  });

  it('keygen writes a key only its owner can read, and the policy hashes emails with it and masks the rest', () => {
    one(/keygen my\.key/);
    expect(statSync(path('my.key')).mode & 0o777).toBe(0o600);
    const r = one(/--key-file my\.key app\.log/);
    // samples/policy.yaml: EMAIL hash, PHONE and IP_ADDRESS mask (README's Before and after shows the masks).
    expect(r.stdout).toMatch(/^2026-02-24T08:00:02Z INFO login ok email=EMAIL_[a-z2-7]{16} ip=192\.0\.\*\.\*\n/);
    expect(r.stdout).toContain('\n2026-02-24T08:00:03Z INFO sms sent to 138****8000\n');
  });

  it('encrypt writes what reveal turns back into the log, byte for byte', () => {
    one(/keygen my\.key/);
    one(/encrypt\.yaml .*-o enc\.log/);
    const enc = readFileSync(path('enc.log'), 'utf8');
    for (const v of VALUES) expect(enc).not.toContain(v);
    expect(enc).toMatch(/^2026-02-24T08:00:02Z INFO login ok email=⟦EMAIL:[A-Za-z0-9_-]+⟧ ip=⟦IP_ADDRESS:[A-Za-z0-9_-]+⟧\n/);
    expect(one(/reveal .* enc\.log/).stdout).toBe(LOG);
  });

  it('scan reports where and what, the summary counts per type and field; no value anywhere', () => {
    const rows = one(/scan app\.log/).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.record, r.field, r.type])).toEqual([
      [0, 'email', 'EMAIL'],
      [0, 'ip', 'IP_ADDRESS'],
      [1, null, 'PHONE'],
    ]);
    const summary = one(/scan --summary logs\//).stdout;
    expect(summary).toMatch(/^total\s+6$/m); // 3 in logs/x.log, 3 in logs/sub/y.ndjson
    expect(summary).toMatch(/^files: 2 \(2 with findings\)$/m);
    one(/--report run\.json/);
    const report = readFileSync(path('run.json'), 'utf8');
    expect(JSON.parse(report)).toMatchObject({ run: { files: 2, failed: 0, lines: 4 }, total: 6 }); // 3 lines in x.log, 1 in y.ndjson
    for (const v of VALUES) expect(report).not.toContain(v);
    // Every output but reveal's, whose point is the values.
    for (const [line, r] of results) if (!line.includes(' reveal ')) for (const v of VALUES) expect(r.stdout).not.toContain(v);
  });

  it('--version prints the version in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(one(/--version/).stdout).toBe(`${version}\n`);
  });
});
