import { createHmac } from 'node:crypto';

/**
 * A key's name in reports and messages: the first 8 hex chars of HMAC-SHA256(key, "logveil
 * fingerprint"). Two outputs made under the same key show the same fingerprint, so a reader can tell
 * which key file to use or to rotate, and the key itself is never printed. 32 bits say nothing
 * useful about the key (an HMAC output under it) and tell a handful of keys apart.
 */
export function keyFingerprint(key: Uint8Array): string {
  return createHmac('sha256', key).update('logveil fingerprint').digest('hex').slice(0, 8);
}
