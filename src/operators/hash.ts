import type { Operator } from './operator.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
/** 16 base32 chars = 80 bits: collisions are negligible for any log, the token stays short. */
const HASH_CHARS = 16;

export function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length && out.length < chars; i++) {
    acc = (acc << 8) | bytes[i];
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  // The last partial group is padded with zero bits (RFC 4648).
  if (bits > 0 && out.length < chars) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

/**
 * Keyed hash: `EMAIL_k3j9…`, HMAC-SHA256 of the type and the canonical value. Always keyed: an
 * unkeyed hash of a phone number is reversed by hashing every possible number.
 */
export const hash: Operator = (_value, ctx) =>
  `${ctx.type}_${base32(ctx.hmac(`${ctx.type}\u0000${ctx.normalized}`), HASH_CHARS)}`;
