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
  /** The policy's `pseudonym:` section (absent: the defaults, domain kept, birth year not). */
  readonly pseudonym?: PseudonymOptions;
}

/** What a policy may choose about the pseudonym operator's surrogates (README, Operators). */
export interface PseudonymOptions {
  /** An email's domain: kept as it is, or pseudonymized too. */
  readonly emailDomain: 'keep' | 'pseudonym';
  /** A resident ID's surrogate is born in the same year as the input. */
  readonly keepBirthYear: boolean;
}

/** Replaces one found value. Pure: the same value, type and key give the same output. */
export type Operator = (value: string, ctx: OperatorContext) => string;
