import { createHmac } from 'node:crypto';
import { DECIMAL, type DigitSource } from './same-shape.js';

/**
 * Choices made by a keyed hash of one value: HMAC-SHA256 under a pseudonym sub-key of the value's
 * normalized form, block after block (`0`, `1`, … before the value), read as uniform integers. The
 * same key and value give the same choices on any machine; without the key they cannot be told from
 * random, and they cannot be turned back into the value (one-way).
 */
export class KeyedDraws {
  private block: Buffer = EMPTY;
  private at = 0;
  private blocks = 0;

  constructor(
    private readonly key: Buffer,
    private readonly value: string,
  ) {}

  /** A uniform integer in [0, n), n at most 2^32 (rejection sampling: no modulo bias). */
  int(n: number): number {
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      if (this.at + 4 > this.block.length) {
        this.block = createHmac('sha256', this.key).update(`${this.blocks++}\u0000${this.value}`).digest();
        this.at = 0;
      }
      const x = this.block.readUInt32BE(this.at);
      this.at += 4;
      if (x < limit) return x % n;
    }
  }

  /** `count` decimal digits, leading zeros included (up to nine a draw). */
  digits(count: number): string {
    let out = '';
    while (out.length < count) {
      const k = Math.min(9, count - out.length);
      out += String(this.int(10 ** k)).padStart(k, '0');
    }
    return out;
  }

  /** One char of `alphabet`. */
  pick(alphabet: string): string {
    return alphabet[this.int(alphabet.length)];
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * pseudonym's DigitSource (same-shape.ts): new digits as many as given (of `alphabet`, decimal when
 * absent), drawn until `valid` holds and they differ from the given ones (so a surrogate never
 * equals its input); null after `tries`.
 */
export function drawnDigits(draws: KeyedDraws, tries = 1000): DigitSource {
  return (digits, valid, alphabet) => {
    for (let t = 0; t < tries; t++) {
      const d = alphabet === undefined || alphabet === DECIMAL ? draws.digits(digits.length) : Array.from(digits, () => draws.pick(alphabet)).join('');
      if (d !== digits && (!valid || valid(d))) return d;
    }
    return null;
  };
}
