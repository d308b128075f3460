/**
 * Keys that were typed or made up rather than drawn at random: refused, since a pseudonym under a
 * guessable key can be undone by hashing every candidate value (phone numbers, ID numbers).
 *
 * Each test must practically never refuse a random key (`logveil keygen` draws 32 bytes from the
 * system's CSPRNG). For n = 32 random bytes (longer keys make every figure smaller):
 * - fewer than MIN_DISTINCT_BYTES (16) distinct values: a random key has 30.1 on average, and the
 *   chance of 15 or fewer is sum over k ≤ 15 of C(256,k)·S(32,k)·k!/256^32 = 3.2e-17 (S: Stirling
 *   numbers of the second kind). This catches all-equal keys and short patterns repeated
 *   (`0123456789abcdef` as hex is 8 distinct bytes), and most keys typed as text.
 * - one pattern repeated (key[i] = key[i-p] for every i, some period p ≤ n/2, whatever its
 *   distinct count): at most sum over p ≤ 16 of 256^-(n-p) = 3.0e-39.
 * - an arithmetic run (00 01 02 …, ff fe fd …, any constant step mod 256): 256^-30 = 6.5e-73.
 */
export const MIN_DISTINCT_BYTES = 16;

/** Why `key` is too weak to use, in words that never show it; null when it passes. */
export function weakKeyReason(key: Uint8Array): string | null {
  if (new Set(key).size < MIN_DISTINCT_BYTES) {
    return `too few distinct byte values (under ${MIN_DISTINCT_BYTES}): not a random key`;
  }
  if (isArithmeticRun(key)) return 'its bytes count up or down in equal steps: not a random key';
  if (repeatPeriod(key) !== null) return 'it is one short pattern repeated: not a random key';
  return null;
}

function isArithmeticRun(key: Uint8Array): boolean {
  const step = (key[1] - key[0]) & 0xff;
  for (let i = 2; i < key.length; i++) if (((key[i] - key[i - 1]) & 0xff) !== step) return false;
  return true;
}

/** The smallest p ≤ length/2 such that the key is its first p bytes repeated (the last copy may be cut short). */
function repeatPeriod(key: Uint8Array): number | null {
  for (let p = 1; p <= key.length / 2; p++) {
    let i = p;
    while (i < key.length && key[i] === key[i - p]) i++;
    if (i === key.length) return p;
  }
  return null;
}
