import { hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fstatSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { LogveilError, systemErrorText } from '../errors.js';
import { weakKeyReason } from './weak.js';

/** A master key is 32 bytes or more; sub-keys per purpose are derived with HKDF-SHA256. */
export const MIN_KEY_BYTES = 32;

/** A new random master key (32 bytes from the system's CSPRNG). */
export function randomKey(): Buffer {
  return randomBytes(MIN_KEY_BYTES);
}

/**
 * Read a key file: 64+ hex chars, or base64 of 32+ bytes, on one line (what `logveil keygen` writes).
 * Refused, as ssh refuses a private key: a file that its group or others may read or write (mode &
 * 0o077), and a key that is trivially weak (see weak.ts). Errors never show the file's content.
 */
export function loadKeyFile(path: string): Buffer {
  let text: string;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // The mode of the file that is read (fstat), not of whatever the name points to a moment later.
    const mode = fstatSync(fd).mode & 0o777;
    if ((mode & 0o077) !== 0 && process.platform !== 'win32') {
      throw new LogveilError(
        'LV_KEY',
        `${path}: key file is accessible by others (mode ${mode.toString(8).padStart(3, '0')}); run \`chmod 600 ${path}\``,
      );
    }
    text = readFileSync(fd, 'utf8').trim();
  } catch (e) {
    if (e instanceof LogveilError) throw e;
    throw new LogveilError('LV_KEY', `${path}: cannot read key file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let key: Buffer | null = null;
  // Hex digits are base64 chars too, but base64 of 32 random bytes is never all hex digits (odds under
  // 1e-19): an odd count is a hex key with a digit lost or added in copying, not another key.
  const hex = /^[0-9a-fA-F]+$/.test(text);
  if (hex && text.length % 2 === 0) key = Buffer.from(text, 'hex');
  else if (hex && text.length >= MIN_KEY_BYTES * 2 - 1) {
    throw new LogveilError('LV_KEY', `${path}: not a key: ${text.length} hex digits, an odd number (one lost or added in copying?)`);
  } else if (!hex && /^[A-Za-z0-9+/]+={0,2}$/.test(text)) key = Buffer.from(text, 'base64');
  if (!key || key.length < MIN_KEY_BYTES) {
    throw new LogveilError(
      'LV_KEY',
      `${path}: not a key: expected ${MIN_KEY_BYTES * 2}+ hex chars or base64 of ${MIN_KEY_BYTES}+ bytes on one line`,
    );
  }
  const weak = weakKeyReason(key);
  if (weak) throw new LogveilError('LV_KEY', `${path}: weak key refused: ${weak}; make one with \`logveil keygen FILE\``);
  return key;
}

/** The environment variable that names a key file where none is given (the CLI, the logger integrations). */
export const KEY_FILE_ENV = 'LOGVEIL_KEY_FILE';

/**
 * The key of the file LOGVEIL_KEY_FILE names, undefined when it is unset or empty; an error says the
 * name came from there. One variable for every entry point, so that a shipper's pseudonyms and a
 * later `logveil anonymize` on the same machine agree without each being told the key twice.
 */
export function keyFromEnvironment(): Buffer | undefined {
  const path = process.env[KEY_FILE_ENV];
  if (!path) return undefined;
  try {
    return loadKeyFile(path);
  } catch (e) {
    if (e instanceof LogveilError) throw new LogveilError(e.code, `${KEY_FILE_ENV}: ${e.message}`);
    throw e;
  }
}

/** A purpose-bound sub-key, so that one master key never serves two algorithms. */
export function deriveKey(master: Uint8Array, purpose: string, bytes = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `logveil/${purpose}`, bytes));
}

/**
 * Write a new random master key, as hex, to a new file that only its owner can read and write (mode
 * 0600 whatever the umask). Never overwrites; any refusal is LV_KEY naming the file.
 */
export function writeKeyFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EEXIST' ? 'already exists (keygen never overwrites a key)' : (systemErrorText(code) ?? code);
    throw new LogveilError('LV_KEY', `${file}: cannot write key file: ${why}`);
  }
  try {
    fchmodSync(fd, 0o600); // the umask may have taken the owner's own bits away
    writeSync(fd, randomKey().toString('hex') + '\n');
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true }); // no half-written key left behind
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new LogveilError('LV_KEY', `${file}: cannot write key file: ${systemErrorText(code) ?? code}`);
  }
  closeSync(fd);
}
