import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogveilError } from '../../src/errors.js';
import { loadKeyFile, MIN_KEY_BYTES, writeKeyFile } from '../../src/keys/key.js';
import { weakKeyReason } from '../../src/keys/weak.js';

const dir = mkdtempSync(join(tmpdir(), 'logveil-keys-'));
let n = 0;
/** A key file with this text and mode (chmod after writing: the umask does not decide). */
function keyFile(text: string, mode = 0o600): string {
  const p = join(dir, `k${n++}.key`);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

function refusal(path: string): LogveilError {
  try {
    loadKeyFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(LogveilError);
    expect((e as LogveilError).code).toBe('LV_KEY');
    return e as LogveilError;
  }
  throw new Error(`${path} was accepted`);
}

const hex = (bytes: number[]) => Buffer.from(bytes).toString('hex');

describe('loadKeyFile: who may read the file', () => {
  it('reads a random key in a file only its owner can read and write (hex and base64)', () => {
    const key = randomBytes(32);
    expect(loadKeyFile(keyFile(key.toString('hex') + '\n')).equals(key)).toBe(true);
    expect(loadKeyFile(keyFile(key.toString('base64') + '\n', 0o400)).equals(key)).toBe(true);
  });

  it.each(['644', '640', '604', '620', '602', '660', '601', '610'])('refuses mode %s, saying chmod 600 <file>, as ssh does', (mode) => {
    const text = randomBytes(32).toString('hex');
    const p = keyFile(text + '\n', parseInt(mode, 8));
    const e = refusal(p);
    expect(e.message).toContain(`chmod 600 ${p}`);
    expect(e.message).toContain(`mode ${mode}`);
    expect(e.message).not.toContain(text);
  });
});

describe('loadKeyFile: what the file holds', () => {
  // Hex digits are base64 chars too: a hex key with a char lost or added in copying was read as base64,
  // silently another key, so every pseudonym changed and no longer joined with those made before.
  it.each([63, 65, 129])('refuses %i hex digits (an odd number) instead of reading them as base64', (digits) => {
    const text = randomBytes(65).toString('hex').slice(0, digits);
    const e = refusal(keyFile(text + '\n'));
    expect(e.message).toContain(`${digits} hex digits`);
    expect(e.message).not.toContain(text);
  });

  it('a short odd run of hex digits is "not a key" as any short text is, without showing it', () => {
    const e = refusal(keyFile('13800138000\n'));
    expect(e.message).toContain('expected 64+ hex chars or base64 of 32+ bytes');
    expect(e.message).not.toContain('13800138000');
  });
});

describe('loadKeyFile: weak keys', () => {
  const ascending = Array.from({ length: 32 }, (_, i) => i); // 00 01 02 … 1f: 32 distinct values
  const seventeen = Array.from({ length: 17 }, (_, i) => (i * 73 + 5) & 0xff); // 17 distinct values
  const cases: Array<[string, string]> = [
    ['all zero bytes', '00'.repeat(32)],
    ['all equal bytes, base64', Buffer.alloc(32, 'A').toString('base64')],
    ['two bytes alternating', 'abcd'.repeat(16)],
    ['0123456789abcdef repeated (8 distinct bytes)', '0123456789abcdef'.repeat(4)],
    ['a counting run 00 01 02 …', hex(ascending)],
    ['a run counting down from ff', hex(ascending.map((b) => 0xff - b))],
    ['a run in steps of 7, wrapping', hex(ascending.map((b) => (b * 7 + 250) & 0xff))],
    ['a 17-byte pattern repeated', hex([...seventeen, ...seventeen, ...seventeen.slice(0, 4)])],
    ['typed text (a passphrase as base64)', Buffer.from('correct horse battery staple!!!!').toString('base64')],
  ];

  it.each(cases)('refuses %s, without showing the key', (_, text) => {
    const e = refusal(keyFile(text + '\n'));
    expect(e.message).toMatch(/weak key refused/);
    expect(e.message).not.toContain(text);
    expect(e.message.toLowerCase()).not.toContain(text.slice(0, 8).toLowerCase());
  });

  it('never refuses a random key (the chance is below 1e-16 per key; 20 000 tried)', () => {
    for (let i = 0; i < 20_000; i++) {
      const key = randomBytes(32);
      if (weakKeyReason(key) !== null) throw new Error(`refused a random key: ${weakKeyReason(key)}`);
    }
    expect(weakKeyReason(randomBytes(64))).toBeNull();
  });
});

describe('writeKeyFile', () => {
  it('writes a new random key, as hex on one line, that only its owner can read, and loadKeyFile reads back', () => {
    const p = join(dir, 'new.key');
    writeKeyFile(p);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    expect(readFileSync(p, 'utf8')).toMatch(new RegExp(`^[0-9a-f]{${MIN_KEY_BYTES * 2}}\\n$`));
    expect(loadKeyFile(p).toString('hex')).toBe(readFileSync(p, 'utf8').trim());
  });

  it('never overwrites, and names the file and the reason in plain words', () => {
    const p = keyFile('keep me');
    expect(() => writeKeyFile(p)).toThrow(`${p}: cannot write key file: already exists (keygen never overwrites a key)`);
    expect(readFileSync(p, 'utf8')).toBe('keep me');
    expect(() => writeKeyFile(join(dir, 'missing', 'k.key'))).toThrow(/missing\/k\.key: cannot write key file: no such file or directory$/);
  });
});
