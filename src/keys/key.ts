import { hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LogveilError } from '../errors.js';

/** A master key is 32 bytes or more; sub-keys per purpose are derived with HKDF-SHA256. */
export const MIN_KEY_BYTES = 32;

export function randomKey(): Buffer {
  return randomBytes(MIN_KEY_BYTES);
}

/**
 * Read a key file: 64+ hex chars, or base64 of 32+ bytes, on one line (what `logveil keygen` writes).
 * The error never shows the file's content.
 */
export function loadKeyFile(path: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (e) {
    throw new LogveilError('LV_KEY', `${path}: cannot read key file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) key = Buffer.from(text, 'base64');
  if (!key || key.length < MIN_KEY_BYTES) {
    throw new LogveilError(
      'LV_KEY',
      `${path}: not a key: expected ${MIN_KEY_BYTES * 2}+ hex chars or base64 of ${MIN_KEY_BYTES}+ bytes on one line`,
    );
  }
  return key;
}

/** A purpose-bound sub-key, so that one master key never serves two algorithms. */
export function deriveKey(master: Uint8Array, purpose: string, bytes = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `logveil/${purpose}`, bytes));
}
