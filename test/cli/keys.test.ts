import { chmodSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from './run.js';

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

describe('logveil keygen', () => {
  it('writes mode 600 whatever the umask (000 lets everyone read, 777 would leave the owner nothing)', () => {
    const { sh, path } = sandbox('keygen');
    const r = sh('umask 000 && logveil keygen open.key && umask 777 && logveil keygen closed.key');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(mode(path('open.key'))).toBe('600');
    expect(mode(path('closed.key'))).toBe('600');
    expect(readFileSync(path('closed.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('refuses to overwrite a file: exit 2, LV_KEY, naming it, the file untouched', () => {
    const { logveil, write, path } = sandbox('keygen');
    write('k.key', 'mine\n');
    const r = logveil(['keygen', 'k.key']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logveil: k.key: cannot write key file: already exists (keygen never overwrites a key) [LV_KEY]\n');
    expect(readFileSync(path('k.key'), 'utf8')).toBe('mine\n');
  });

  it('a folder that is missing or is a file: exit 2, LV_KEY, naming the file', () => {
    const { logveil, write } = sandbox('keygen');
    write('plain', 'x');
    const missing = logveil(['keygen', 'nowhere/k.key']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('logveil: nowhere/k.key: cannot write key file: no such file or directory [LV_KEY]\n');
    const notDir = logveil(['keygen', 'plain/k.key']);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toBe('logveil: plain/k.key: cannot write key file: not a directory [LV_KEY]\n');
  });
});

describe('--key-file', () => {
  it('refuses a key file others can read: exit 2, saying chmod 600, nothing written', () => {
    const { logveil, path } = sandbox('keyfile');
    expect(logveil(['keygen', 'k.key']).code).toBe(0);
    chmodSync(path('k.key'), 0o644);
    const r = logveil(['anonymize', '--key-file', 'k.key', '-'], 'mail a.b@example.com\n');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('logveil: k.key: key file is accessible by others (mode 644); run `chmod 600 k.key` [LV_KEY]\n');
    chmodSync(path('k.key'), 0o600);
    expect(logveil(['anonymize', '--key-file', 'k.key', '-'], 'mail a.b@example.com\n').stdout).toBe('mail <EMAIL>\n');
  });

  it('refuses a key of equal bytes or a counting run: exit 2, never showing the key', () => {
    const { logveil, write } = sandbox('keyfile');
    const zeros = '00'.repeat(32);
    const run = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('hex');
    for (const [name, text] of [['zeros.key', zeros], ['run.key', run]]) {
      chmodSync(write(name, text + '\n'), 0o600);
      const r = logveil(['anonymize', '--key-file', name, '-'], 'x\n');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^logveil: ${name.replace('.', '\\.')}: weak key refused: .* \\[LV_KEY\\]\\n$`));
      expect(r.stderr).not.toContain(text.slice(0, 16));
    }
  });
});

describe('key fingerprints and LOGVEIL_KEY_FILE', () => {
  it('keygen prints the new key\'s fingerprint and name, fingerprint prints it again; neither shows the key', () => {
    const { logveil } = sandbox('fingerprint');
    const made = logveil(['keygen', 'k.key']);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^[0-9a-f]{8} {2}k\.key\n$/);
    const again = logveil(['fingerprint', 'k.key']);
    expect({ code: again.code, stdout: again.stdout, stderr: again.stderr }).toEqual({ code: 0, stdout: made.stdout, stderr: '' });
    expect(logveil(['keygen', 'other.key']).stdout.slice(0, 8)).not.toBe(made.stdout.slice(0, 8));
  });

  it('fingerprint refuses a key file as --key-file does (exit 2)', () => {
    const { logveil, write } = sandbox('fingerprint');
    chmodSync(write('open.key', 'ab'.repeat(32) + '\n'), 0o644);
    const r = logveil(['fingerprint', 'open.key']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^logveil: open\.key: key file is accessible by others/);
  });

  it('LOGVEIL_KEY_FILE names the key when --key-file is not given; --key-file wins', () => {
    const { sh, logveil } = sandbox('keyenv');
    expect(logveil(['keygen', 'a.key']).code).toBe(0);
    expect(logveil(['keygen', 'b.key']).code).toBe(0);
    const line = 'login from 198.51.100.23 to a.b@example.com\n';
    const policy = '--policy p.yaml';
    sh("printf 'operator: pseudonym\\n' > p.yaml");
    const byFlag = logveil(['anonymize', '--policy', 'p.yaml', '--key-file', 'a.key', '-'], line);
    const byEnv = sh(`LOGVEIL_KEY_FILE=a.key logveil anonymize ${policy} -`, line);
    const both = sh(`LOGVEIL_KEY_FILE=b.key logveil anonymize ${policy} --key-file a.key -`, line);
    const other = sh(`LOGVEIL_KEY_FILE=b.key logveil anonymize ${policy} -`, line);
    expect(byFlag.stdout).toMatch(/^login from 198\.51\.100\.\d{1,3} to [a-z]\.[a-z]@example\.com\n$/);
    expect(byFlag.stdout).not.toMatch(/198\.51\.100\.23(?!\d)/); // the address itself (its pseudonym may be …231: keys are random here)
    expect([byEnv.stdout, byEnv.stderr, byEnv.code]).toEqual([byFlag.stdout, '', 0]);
    expect([both.stdout, both.stderr]).toEqual([byFlag.stdout, '']);
    expect(other.stdout).not.toBe(byFlag.stdout);
  });

  it('a LOGVEIL_KEY_FILE that cannot be used is an error naming the variable (exit 2); an empty one is none', () => {
    const { sh } = sandbox('keyenv');
    const missing = sh('LOGVEIL_KEY_FILE=nope.key logveil anonymize -', 'x\n');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('logveil: LOGVEIL_KEY_FILE: nope.key: cannot read key file (ENOENT) [LV_KEY]\n');
    const empty = sh("printf 'operator: pseudonym\\n' > p.yaml && LOGVEIL_KEY_FILE= logveil anonymize --policy p.yaml -", 'from 192.0.2.1\n');
    expect(empty.code).toBe(0);
    expect(empty.stderr).toMatch(/^logveil: no --key-file or LOGVEIL_KEY_FILE given: keyed operators \(hash, pseudonym\) use a random key made for this run/);
    // scan needs no key: it does not read one
    expect(sh('LOGVEIL_KEY_FILE=nope.key logveil scan -', 'from 192.0.2.1\n').code).toBe(0);
  });
});
