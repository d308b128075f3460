import { createCipheriv, type Cipher } from 'node:crypto';

/**
 * FF1 format-preserving encryption (NIST SP 800-38G, section 5.1) over AES from node:crypto: a
 * string of `n` numerals in base `radix` becomes another string of `n` numerals in that base, and
 * only the key holder can turn it back. Written from the standard, small and slow (BigInt): a log
 * value is a few dozen numerals, and each costs ten rounds of one CBC-MAC and a few AES blocks.
 *
 * Domain: the standard requires radix^n >= 1,000,000 (a smaller domain can be tabulated by anyone who
 * sees enough pairs); a shorter string is refused with a RangeError, never encrypted weakly. Callers
 * decide what a too-short value becomes instead (the encrypt operator writes a SIV token).
 */

/** The numerals of every radix, in value order: radix r uses the first r. */
export const NUMERALS = '0123456789abcdefghijklmnopqrstuvwxyz';
const ALPHABET = NUMERALS;
const MIN_DOMAIN = 1_000_000n;
const ROUNDS = 10;

export class FF1 {
  private readonly bigRadix: bigint;
  /** AES in ECB mode without padding, used as a block function: update() of 16 bytes is one block. */
  private readonly ecb: Cipher;

  /** `key`: 16, 24 or 32 bytes (AES-128/192/256); `radix`: 2..36 (numerals `0-9a-z`, lower case). */
  constructor(
    key: Uint8Array,
    readonly radix: number,
  ) {
    if (![16, 24, 32].includes(key.length)) throw new RangeError('FF1: the key must be 16, 24 or 32 bytes');
    if (!Number.isInteger(radix) || radix < 2 || radix > ALPHABET.length) throw new RangeError('FF1: radix must be 2..36');
    this.ecb = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
    this.bigRadix = BigInt(radix);
  }

  /** The shortest length the standard allows for this radix: radix^minLength >= 1,000,000. */
  get minLength(): number {
    let n = 2; // the standard's minlen is at least 2 whatever the radix
    while (this.bigRadix ** BigInt(n) < MIN_DOMAIN) n++;
    return n;
  }

  encrypt(text: string, tweak: Uint8Array = new Uint8Array(0)): string {
    return this.run(text, tweak, true);
  }

  decrypt(text: string, tweak: Uint8Array = new Uint8Array(0)): string {
    return this.run(text, tweak, false);
  }

  private run(text: string, tweak: Uint8Array, encrypting: boolean): string {
    const n = text.length;
    if (n < this.minLength) throw new RangeError(`FF1: radix ${this.radix} needs ${this.minLength}+ numerals (radix^n >= 1,000,000)`);
    for (let i = 0; i < n; i++) {
      const v = ALPHABET.indexOf(text[i]);
      if (v < 0 || v >= this.radix) throw new RangeError(`FF1: not a radix-${this.radix} numeral string`);
    }
    const u = Math.floor(n / 2);
    const v = n - u;
    const radix = this.bigRadix;
    // b = ceil(ceil(v * log2(radix)) / 8), exactly: ceil(log2(radix^v)) is the bit length of radix^v - 1.
    const b = Math.ceil((radix ** BigInt(v) - 1n).toString(2).length / 8);
    const d = 4 * Math.ceil(b / 4) + 4;
    const t = tweak.length;
    const P = Buffer.alloc(16);
    P.set([1, 2, 1]);
    P.writeUIntBE(this.radix, 3, 3);
    P[6] = 10;
    P[7] = u % 256;
    P.writeUInt32BE(n, 8);
    P.writeUInt32BE(t, 12);
    const qLength = t + ((((-t - b - 1) % 16) + 16) % 16) + 1 + b;
    const modU = radix ** BigInt(u);
    const modV = radix ** BigInt(v);
    let A = text.slice(0, u);
    let B = text.slice(u);
    for (let k = 0; k < ROUNDS; k++) {
      const i = encrypting ? k : ROUNDS - 1 - k;
      // Encrypting, round i reads B and changes A; decrypting undoes it from the other half.
      const Q = Buffer.alloc(qLength);
      Q.set(tweak, 0);
      Q[qLength - b - 1] = i;
      writeBig(Q, qLength - b, b, this.num(encrypting ? B : A));
      const y = bytesToBig(this.stretch(this.prf(Buffer.concat([P, Q])), d));
      const m = i % 2 === 0 ? u : v;
      const modulus = i % 2 === 0 ? modU : modV;
      if (encrypting) {
        const c = mod(this.num(A) + y, modulus);
        A = B;
        B = this.str(c, m);
      } else {
        const c = mod(this.num(B) - y, modulus);
        B = A;
        A = this.str(c, m);
      }
    }
    return A + B;
  }

  /**
   * PRF: the last block of AES-CBC with a zero IV (a CBC-MAC; P || Q is a whole number of blocks),
   * chained by hand over one ECB cipher kept for the instance: a new node:crypto cipher per call
   * (key schedule and an OpenSSL context) cost more than the blocks it encrypted.
   */
  private prf(data: Buffer): Buffer {
    const y = Buffer.alloc(16);
    for (let at = 0; at < data.length; at += 16) {
      for (let p = 0; p < 16; p++) y[p] ^= data[at + p];
      this.ecb.update(y).copy(y);
    }
    return y;
  }

  /** S: the first d bytes of R || CIPH(R xor [1]^16) || CIPH(R xor [2]^16) || … */
  private stretch(R: Buffer, d: number): Buffer {
    const blocks = [R];
    for (let j = 1; blocks.length * 16 < d; j++) {
      const x = Buffer.from(R);
      // [j]^16 is j as a 16-byte big-endian number: only the low bytes are non-zero for any real d.
      for (let p = 15, q = j; p >= 0 && q > 0; p--, q = Math.floor(q / 256)) x[p] ^= q % 256;
      blocks.push(this.ecb.update(x));
    }
    return Buffer.concat(blocks).subarray(0, d);
  }

  private num(s: string): bigint {
    let x = 0n;
    for (let i = 0; i < s.length; i++) x = x * this.bigRadix + BigInt(ALPHABET.indexOf(s[i]));
    return x;
  }

  private str(x: bigint, m: number): string {
    let out = '';
    for (let i = 0; i < m; i++) {
      out = ALPHABET[Number(x % this.bigRadix)] + out;
      x /= this.bigRadix;
    }
    return out;
  }
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function bytesToBig(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

function writeBig(into: Buffer, at: number, length: number, x: bigint): void {
  for (let p = at + length - 1; p >= at; p--) {
    into[p] = Number(x & 0xffn);
    x >>= 8n;
  }
}
