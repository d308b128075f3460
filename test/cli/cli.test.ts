import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sandbox } from './run.js';

const { dir, logveil, write } = sandbox('cli');

describe('logveil anonymize', () => {
  it('replaces personal data and keeps every other byte (CRLF, no final newline)', () => {
    const r = logveil(['anonymize', '-'], 'mail a.b@example.com now\r\n2026-02-24T12:26:41Z ok\nlast 192.0.2.10');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('mail <EMAIL> now\r\n2026-02-24T12:26:41Z ok\nlast <IP_ADDRESS>');
  });

  it('writes -o through a temporary file and leaves no temporary behind', () => {
    const input = write('in.log', 'from 192.0.2.10\n');
    const out = join(dir, 'out.log');
    const r = logveil(['anonymize', input, '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('from <IP_ADDRESS>\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite its input', () => {
    const input = write('self.log', 'from 192.0.2.10\n');
    const r = logveil(['anonymize', input, '-o', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to overwrite the input/);
    expect(readFileSync(input, 'utf8')).toBe('from 192.0.2.10\n');
  });

  it('leaves nothing under the output name when the input cannot be read', () => {
    const out = join(dir, 'never.log');
    const r = logveil(['anonymize', join(dir, 'missing.log'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.log: no such file/);
    expect(existsSync(out)).toBe(false);
  });

  it('uses the policy, and a key file makes hashes stable across runs', () => {
    const policy = write('p.yaml', 'types:\n  EMAIL:\n    operator: hash\n');
    const key = join(dir, 'k.key');
    expect(logveil(['keygen', key]).code).toBe(0);
    const a = logveil(['anonymize', '--policy', policy, '--key-file', key, '-'], 'to a.b@example.com\n');
    const b = logveil(['anonymize', '--policy', policy, '--key-file', key, '-'], 'to a.b@example.com\n');
    expect(a.stdout).toMatch(/^to EMAIL_[a-z2-7]{16}\n$/);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stderr).toBe('');
  });

  it('says on stderr when hashes use a key made for the run', () => {
    const policy = write('p2.yaml', 'operator: hash\n');
    const r = logveil(['anonymize', '--policy', policy, '-'], 'to a.b@example.com\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/random key made for this run/);
  });

  it('exits 2 naming the key of a bad policy, without running', () => {
    const policy = write('bad.yaml', 'types:\n  EMAIL:\n    operator: scramble\n');
    const r = logveil(['anonymize', '--policy', policy, '-'], 'a.b@example.com\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/types\.EMAIL\.operator/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on an empty policy file or a rule that cannot match, naming the file and the key', () => {
    write('empty.yaml', '# to do\n');
    const empty = logveil(['anonymize', '--policy', 'empty.yaml', '-'], 'a.b@example.com\n');
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe('logveil: empty.yaml: the policy is empty (leave out --policy for the default policy) [LV_POLICY]\n');
    write('glob.yaml', 'fields:\n  rules:\n    - { match: a, action: keep }\n    - { match: b, action: keep }\n    - { match: "user..email", action: drop }\n');
    const glob = logveil(['scan', '--policy', 'glob.yaml', '-'], 'a.b@example.com\n');
    expect(glob.code).toBe(2);
    expect(glob.stdout).toBe('');
    expect(glob.stderr).toMatch(/^logveil: glob\.yaml: fields\.rules\.2\.match: an empty key .*\[LV_POLICY\]\n$/);
  });

  it('exits 2 on a bad key file and does not print it', () => {
    const key = write('bad.key', 'hunter2\n');
    chmodSync(key, 0o600); // only the content is wrong
    const r = logveil(['anonymize', '--key-file', key, '-'], 'x\n');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/hunter2/);
  });

  it('--version and -V print the version in package.json, exit 0', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const flag of ['--version', '-V']) {
      const r = logveil([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe('');
    }
  });

  it('exits 2 on usage errors and 0 on --help', () => {
    expect(logveil(['anonymize']).code).toBe(2);
    expect(logveil(['anonymize', '--format', 'xml', '-'], '').code).toBe(2);
    expect(logveil(['frobnicate']).code).toBe(2);
    const help = logveil(['anonymize', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--policy/);
    expect(logveil(['scan', '--help']).code).toBe(0);
  });
});

describe('logveil scan', () => {
  const text = 'ok\nmail a.b@example.com from 192.0.2.10\n';

  it('prints one JSON object per finding without the value', () => {
    const r = logveil(['scan', '-'], text);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { record: 1, field: null, type: 'EMAIL', start: 5, end: 20, score: expect.any(Number) },
      { record: 1, field: null, type: 'IP_ADDRESS', start: 26, end: 36, score: expect.any(Number) },
    ]);
    expect(r.stdout).not.toMatch(/example\.com|192\.0\.2\.10/);
  });

  it('adds the value only with --values', () => {
    const rows = logveil(['scan', '--values', '-'], text).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r.value)).toEqual(['a.b@example.com', '192.0.2.10']);
  });

  it('counts per type with --summary', () => {
    const r = logveil(['scan', '--summary', '-'], text + 'b@example.org\n');
    expect(r.stdout).toMatch(/EMAIL\s+2\n/);
    expect(r.stdout).toMatch(/IP_ADDRESS\s+1\n/);
    expect(r.stdout).toMatch(/total\s+3\n/);
  });
});

describe('the shipped sample', () => {
  it('anonymizes samples/app.log to the reviewed golden file, byte for byte', () => {
    const r = logveil(['anonymize', join(root, 'samples', 'app.log')]);
    expect(r.code).toBe(0);
    expect(r.raw.equals(readFileSync(join(root, 'samples', 'app.expected.log')))).toBe(true);
  });
});
