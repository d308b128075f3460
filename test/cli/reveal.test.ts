import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandbox } from './run.js';

// Generated values (check digits computed; reserved ranges, example.com), in the forms a log writes.
const LOG = [
  '2026-02-24T08:00:02Z INFO register ok: email=zhang.san@example.com from 192.0.2.10 user=alice',
  '2026-02-24 08:00:03 INFO 用户注册成功 手机号:13800138000 身份证:110105199003071239 邮箱:Li.Si+shop@Example.org',
  '2026-02-24T08:00:06Z WARN charge declined for card 4111-1111-1111-1111, iban GB82 WEST 1234 5698 7654 32',
  '{"level":"info","msg":"device IMEI 35-209900-176148-1 bound","ssn":"123-45-6789"}',
  '',
].join('\n');
const POLICY = 'version: 1\noperator: encrypt\n';

describe('logveil reveal', () => {
  it('turns an encrypt output back into its input, byte for byte', () => {
    const { logveil, write, path } = sandbox('reveal');
    write('app.log', LOG);
    write('p.yaml', POLICY);
    expect(logveil(['keygen', 'k']).code).toBe(0);
    const anon = logveil(['anonymize', '--policy', 'p.yaml', '--key-file', 'k', 'app.log', '-o', 'out.log']);
    expect(anon.stderr).toBe('');
    const out = readFileSync(path('out.log'), 'utf8');
    expect(out).not.toContain('zhang.san');
    expect(out).not.toContain('110105199003071239');
    expect(out).toMatch(/card 4111-11\d\d-\d{4}-\d{4}, iban GB\d\d WEST \d{4} \d{4} \d{4} \d\d/); // FF1: the same shape
    expect(out).toMatch(/email=⟦EMAIL:[A-Za-z0-9_-]+⟧ from ⟦IP_ADDRESS:[A-Za-z0-9_-]+⟧/);
    const back = logveil(['reveal', '--policy', 'p.yaml', '--key-file', 'k', 'out.log', '-o', 'back.log']);
    expect(back.stderr).toBe('');
    expect(back.code).toBe(0);
    expect(readFileSync(path('back.log'), 'utf8')).toBe(LOG);
    // To stdout, and only the types asked for.
    const emails = logveil(['reveal', '--key-file', 'k', '--types', 'EMAIL', 'out.log']);
    expect(emails.code).toBe(0);
    expect(emails.stdout).toContain('email=zhang.san@example.com from ⟦IP_ADDRESS:');
  });

  it('with another key: exit 2, LV_KEY, nothing written (stdout included)', () => {
    const { logveil, write, path } = sandbox('reveal');
    write('app.log', LOG);
    write('p.yaml', POLICY);
    logveil(['keygen', 'k']);
    logveil(['keygen', 'other']);
    logveil(['anonymize', '--policy', 'p.yaml', '--key-file', 'k', 'app.log', '-o', 'out.log']);
    const toFile = logveil(['reveal', '--policy', 'p.yaml', '--key-file', 'other', 'out.log', '-o', 'back.log']);
    expect(toFile.code).toBe(2);
    expect(toFile.stderr).toMatch(/out\.log: a ⟦EMAIL:…⟧ token does not open under this key .*\[LV_KEY\]/);
    expect(existsSync(path('back.log'))).toBe(false);
    const toStdout = logveil(['reveal', '--policy', 'p.yaml', '--key-file', 'other', 'out.log']);
    expect(toStdout.code).toBe(2);
    expect(toStdout.stdout).toBe('');
  });

  it('a file of format-preserving values alone cannot prove the key: reveal asks for its fingerprint, and checks it', () => {
    const { logveil, write, path } = sandbox('reveal');
    // Cards and IBANs only (FF1 values, no ⟦…⟧ token); Luhn and mod-97 digits computed for these test values.
    const CARDS = 'ts,card,iban\n2026-02-24T08:00:06Z,4111 1111 1111 1111,GB82 WEST 1234 5698 7654 32\n';
    write('pay.csv', CARDS);
    write('p.yaml', POLICY);
    const fp = logveil(['keygen', 'k']).stdout.split(' ')[0];
    expect(fp).toMatch(/^[0-9a-f]{8}$/);
    const other = logveil(['keygen', 'other']).stdout.split(' ')[0];
    expect(logveil(['anonymize', '--policy', 'p.yaml', '--key-file', 'k', 'pay.csv', '-o', 'out.csv', '--report', 'r.json']).code).toBe(0);
    expect(readFileSync(path('out.csv'), 'utf8')).not.toContain('4111 1111 1111 1111');
    // The run's report names the key by the fingerprint keygen printed (and a run without a key file names none).
    expect((JSON.parse(readFileSync(path('r.json'), 'utf8')) as { run: { key?: string } }).run.key).toBe(fp);
    expect(logveil(['anonymize', 'pay.csv', '-o', 'tagged.csv', '--report', 'r2.json']).code).toBe(0);
    expect((JSON.parse(readFileSync(path('r2.json'), 'utf8')) as { run: { key?: string } }).run).not.toHaveProperty('key');
    // Under the wrong key FF1 would give other valid-looking values: without proof, nothing is written.
    for (const key of ['k', 'other']) {
      const unproven = logveil(['reveal', '--policy', 'p.yaml', '--key-file', key, 'out.csv', '-o', 'back.csv']);
      expect(unproven.code).toBe(2);
      expect(unproven.stderr).toMatch(/out\.csv: 2 format-preserving values to reveal and no ⟦…⟧ token .*--fingerprint.*\[LV_KEY\]/);
      expect(existsSync(path('back.csv'))).toBe(false);
    }
    // The fingerprint of the anonymize run's key, given with another key: refused before anything is read.
    const wrong = logveil(['reveal', '--policy', 'p.yaml', '--key-file', 'other', '--fingerprint', fp, 'out.csv', '-o', 'back.csv']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`this key's fingerprint is ${other}, not ${fp}`);
    expect(existsSync(path('back.csv'))).toBe(false);
    // With the right key and its fingerprint: byte for byte the input.
    const right = logveil(['reveal', '--policy', 'p.yaml', '--key-file', 'k', '--fingerprint', fp.toUpperCase(), 'out.csv', '-o', 'back.csv']);
    expect(right.stderr).toBe('');
    expect(right.code).toBe(0);
    expect(readFileSync(path('back.csv'), 'utf8')).toBe(CARDS);
  });

  it('encrypt without --key-file is refused (exit 2) rather than encrypted under a key lost with the run', () => {
    const { logveil, write } = sandbox('reveal');
    write('app.log', LOG);
    write('p.yaml', POLICY);
    const r = logveil(['anonymize', '--policy', 'p.yaml', 'app.log']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the encrypt operator needs --key-file');
    expect(logveil(['reveal', 'app.log']).code).toBe(2); // reveal needs the key too
    // scan replaces nothing: it needs no key under any policy.
    const scan = logveil(['scan', '--policy', 'p.yaml', 'app.log']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).toContain('"type":"EMAIL"');
  });
});
