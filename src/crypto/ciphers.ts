import { aessiv } from '@noble/ciphers/aes.js';
import { FF1 } from './ff1.js';

/**
 * The reversible ciphers of one key, per type: FF1 for values that keep their shape, AES-SIV (RFC
 * 5297, from @noble/ciphers) for the others. Each type has its own sub-keys (`derive` is HKDF of the
 * master key, see src/keys/key.ts), so a value cannot be moved to another type and still decrypt.
 * Made once per anonymizer; the ciphers are made when first used.
 */
export class Ciphers {
  private readonly ff1s = new Map<string, FF1>();
  private readonly sivKeys = new Map<string, Uint8Array>();

  constructor(private readonly derive: (label: string, bytes: number) => Uint8Array) {}

  /** FF1 (AES-256) under the type's sub-key, for numerals of `radix`. */
  ff1(type: string, radix: number): FF1 {
    const id = `${type}/${radix}`;
    let f = this.ff1s.get(id);
    if (!f) this.ff1s.set(id, (f = new FF1(this.derive(`encrypt:${type}:ff1`, 32), radix)));
    return f;
  }

  /**
   * Deterministic authenticated encryption: the same value gives the same bytes (logs can still be
   * joined on it), and nothing else can be learnt from them without the key. The type is authenticated
   * data: a token relabelled to another type fails.
   */
  seal(type: string, plaintext: Uint8Array): Uint8Array {
    return aessiv(this.sivKey(type), typeBytes(type)).encrypt(plaintext);
  }

  /** The plaintext of seal(); throws when the bytes were not sealed under this key for this type. */
  open(type: string, sealed: Uint8Array): Uint8Array {
    return aessiv(this.sivKey(type), typeBytes(type)).decrypt(sealed);
  }

  private sivKey(type: string): Uint8Array {
    let k = this.sivKeys.get(type);
    if (!k) this.sivKeys.set(type, (k = this.derive(`encrypt:${type}:siv`, 64)));
    return k;
  }
}

const typeBytes = (type: string): Uint8Array => Buffer.from(type, 'utf8');
