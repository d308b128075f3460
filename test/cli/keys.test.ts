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
