import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymizerFor } from '../../src/integrations/setup.js';
import logveilFormat from '../../src/integrations/winston.js';
import { createAnonymizer, KEY_FILE_ENV, loadKeyFile, LogveilError, writeKeyFile } from '../../src/index.js';

/**
 * The logger integrations read the key the CLI reads: `keyFile`, else the file LOGVEIL_KEY_FILE
 * names. A shipper and a later `logveil anonymize` on the same machine then give a value the same
 * pseudonym without being told the key twice.
 */
const policy = { types: { EMAIL: { operator: 'hash' as const } } };
const EMAIL = 'pat.lee@example.com';
const dir = mkdtempSync(join(tmpdir(), 'logveil-keyenv-'));
const keyA = join(dir, 'a.key');
const keyB = join(dir, 'b.key');
writeKeyFile(keyA);
writeKeyFile(keyB);
const saved = process.env[KEY_FILE_ENV];

afterEach(() => {
  if (saved === undefined) delete process.env[KEY_FILE_ENV];
  else process.env[KEY_FILE_ENV] = saved;
});

/** What a key file's key makes of the email under the hash operator. */
const hashedWith = (file: string) => createAnonymizer({ policy, key: loadKeyFile(file) }).anonymize(EMAIL);

describe('LOGVEIL_KEY_FILE in the logger integrations', () => {
  it('the pino transport setup and the winston format take the key the variable names', async () => {
    expect(hashedWith(keyA)).not.toBe(hashedWith(keyB));
    expect(hashedWith(keyA)).not.toContain('pat.lee');
    process.env[KEY_FILE_ENV] = keyA;
    expect((await anonymizerFor({ policy })).anonymize(EMAIL)).toBe(hashedWith(keyA));
    const format = logveilFormat({ policy });
    const info = format.transform({ level: 'info', message: `mail to ${EMAIL}` }) as { message: string };
    expect(info.message).toBe(`mail to ${hashedWith(keyA)}`);
  });

  it('a keyFile given wins over the variable', async () => {
    process.env[KEY_FILE_ENV] = keyA;
    expect((await anonymizerFor({ policy, keyFile: keyB })).anonymize(EMAIL)).toBe(hashedWith(keyB));
  });

  it('unset or empty: a key made at start (two setups disagree)', async () => {
    for (const value of [undefined, '']) {
      if (value === undefined) delete process.env[KEY_FILE_ENV];
      else process.env[KEY_FILE_ENV] = value;
      const one = (await anonymizerFor({ policy })).anonymize(EMAIL);
      const two = (await anonymizerFor({ policy })).anonymize(EMAIL);
      expect(one).not.toBe(two);
      expect(one).not.toBe(hashedWith(keyA));
    }
  });

  it('a file it may not read fails with LV_KEY naming the variable, never the key', async () => {
    const open = join(dir, 'open.key');
    writeKeyFile(open);
    chmodSync(open, 0o644);
    process.env[KEY_FILE_ENV] = open;
    const error = await anonymizerFor({ policy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogveilError);
    expect((error as LogveilError).code).toBe('LV_KEY');
    expect((error as Error).message).toMatch(/^LOGVEIL_KEY_FILE: .*open\.key: key file is accessible by others/);
    rmSync(open);
  });
});
