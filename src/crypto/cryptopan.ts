import { createCipheriv, type Cipher } from 'node:crypto';

/**
 * Crypto-PAn, the prefix-preserving address pseudonymization of Xu, Fan, Ammar and Moon (2002), over
 * AES-128 from node:crypto.
 *
 * The 32-byte key is split: its first 16 bytes are the AES key, its last 16 are encrypted once under
 * it to make the pad. Output bit i is input bit i XOR the first bit of AES(the input's first i bits,
 * then the pad's bits from i on): each bit is flipped or not by a keyed function of the bits before
 * it, so two addresses that share their first n bits share exactly their first n bits after, and the
 * map is a bijection. An IPv4 address is the first 32 bits of the 128-bit block (the original
 * distribution's `sample_trace` vectors), an IPv6 address all 128 (as yacryptopan, the Go and Rust
 * ports do).
 */
export class CryptoPan {
  private readonly aes: Cipher;
  private readonly pad: Buffer;

  constructor(key: Uint8Array) {
    if (key.length !== 32) throw new RangeError('Crypto-PAn: expected a 32-byte key');
    // ECB without padding over whole blocks: every update is a batch of independent block encryptions.
    this.aes = createCipheriv('aes-128-ecb', key.subarray(0, 16), null).setAutoPadding(false);
    this.pad = this.aes.update(key.subarray(16, 32));
  }

  /**
   * The pseudonym of an address given as its bytes (4 for IPv4, 16 for IPv6). Its first `keepBits`
   * bits are left as they are and their flips not computed (0, the default, is the published
   * algorithm); the flips of the bits after do not depend on them being kept, so the result is still
   * prefix-preserving and a bijection.
   */
  anonymize(address: Uint8Array, keepBits = 0): Uint8Array {
    const width = address.length * 8;
    if (width !== 32 && width !== 128) throw new RangeError('Crypto-PAn: expected 4 or 16 bytes');
    const count = width - keepBits;
    const out = Uint8Array.from(address);
    if (count <= 0) return out;
    // One block per bit, all encrypted in a single call: block i holds the address's first i bits,
    // then the pad's from bit i on.
    const blocks = Buffer.allocUnsafe(count * 16);
    for (let i = keepBits; i < width; i++) {
      const block = blocks.subarray((i - keepBits) * 16, (i - keepBits + 1) * 16);
      const whole = i >> 3;
      const rest = i & 7;
      for (let b = 0; b < 16; b++) block[b] = b < whole ? address[b] : this.pad[b];
      if (rest !== 0) block[whole] = (address[whole] & (0xff << (8 - rest))) | (this.pad[whole] & (0xff >> rest));
    }
    const encrypted = this.aes.update(blocks);
    for (let i = keepBits; i < width; i++) {
      const flip = encrypted[(i - keepBits) * 16] >> 7;
      out[i >> 3] ^= flip << (7 - (i & 7));
    }
    return out;
  }
}
