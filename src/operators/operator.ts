import type { MaskRule, PiiType } from '../../detectors/index.js';
import type { Ciphers } from '../crypto/ciphers.js';

/**
 * What an operator may know besides the value: its type, a keyed hash and purpose-bound sub-keys
 * (never the master key).
 */
export interface OperatorContext {
  readonly type: PiiType;
  /** The detector's canonical form of the value (E.164, no separators…), for keyed operators. */
  readonly normalized: string;
  /** HMAC-SHA256 under the run's hash key. */
  hmac(data: string): Buffer;
  /**
   * A 32-byte sub-key of the run's master key for one operator and type (`pseudonym:IP_ADDRESS`),
   * derived with HKDF-SHA256, the same Buffer on every call for a purpose: an operator may keep what
   * it builds from it (a cipher) keyed by it.
   */
  subKey(purpose: string): Buffer;
  /** How the type's detector wants it masked (DetectorSpec.mask); absent for field-only types. */
  readonly mask?: MaskRule;
  /** Reversible ciphers under the run's key (`encrypt`); absent when no key was given. */
  readonly ciphers?: Ciphers;
}

/** Replaces one found value. Pure: the same value, type and key give the same output. */
export type Operator = (value: string, ctx: OperatorContext) => string;
