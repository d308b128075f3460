import bankAccount from './bank-account.js';
import cnPassport from './cn-passport.js';
import cnResidentId from './cn-resident-id.js';
import cnUscc from './cn-uscc.js';
import deviceOwner from './device-owner.js';
import email from './email.js';
import hkId from './hk-id.js';
import iban from './iban.js';
import imei from './imei.js';
import ipv4Address from './ipv4-address.js';
import ipv6Address from './ipv6-address.js';
import macAddress from './mac-address.js';
import paymentCard from './payment-card.js';
import phone from './phone/index.js';
import type { Detector as AnyDetector, DetectorSpec as Spec } from './lib/types.js';
import twNationalId from './tw-national-id.js';
import usSsn from './us-ssn.js';
import username from './username/index.js';
import usernamePrompt from './username/prompt.js';
import windowsSid from './windows-sid.js';

/**
 * Every pattern detector, in priority order (earlier wins a tie on span and score): checksum-validated
 * types first, context-only ones last. This is the only list: the types below are derived from it, and
 * the policy, the field dictionary, the mask operator, the bench and the tests read the detectors.
 * Adding a detector: a file in this folder, one line here, and its test in test/detectors/.
 */
export const detectors = [
  cnResidentId,
  cnUscc,
  hkId,
  twNationalId,
  paymentCard,
  iban,
  imei,
  usSsn,
  phone,
  email,
  ipv4Address,
  ipv6Address,
  macAddress,
  cnPassport,
  bankAccount,
  windowsSid,
  username,
  usernamePrompt,
  deviceOwner,
] as const satisfies readonly AnyDetector[];

/** The kinds of personal data the pattern detectors find (`'CN_RESIDENT_ID' | 'IBAN' | …`). */
export type PatternType = (typeof detectors)[number]['type'];

/** The pattern types, each once, in the order of the list. */
export const PATTERN_TYPES: readonly PatternType[] = [...new Set(detectors.map((d) => d.type))];

/**
 * Kinds field rules find. No pattern tells a name from any other word in general, but a pattern may find
 * one of these where a convention marks it (PERSON_NAME: the owner in `Emmas-iPhone`, device-owner.ts).
 */
export const FIELD_TYPES = ['PERSON_NAME', 'ADDRESS', 'DATE_OF_BIRTH', 'POSTAL_CODE', 'GEO', 'DEVICE_ID', 'GENDER'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Every kind of personal data logveil knows. */
export type PiiType = PatternType | FieldType;
/** Every PiiType once, the pattern types (in detector order) then the other field types. */
export const PII_TYPES: readonly PiiType[] = [...new Set<PiiType>([...PATTERN_TYPES, ...FIELD_TYPES])];

/** The detector contract, its type defaulting to the kinds the list knows. */
export type DetectorSpec<T extends string = PiiType> = Spec<T>;
/** A detector as defineDetector makes it: its spec, checked and frozen. */
export type Detector<T extends string = PiiType> = Spec<T>;
export type { DetectorOptions, CandidateClass, MaskRule, ValidateContext } from './lib/types.js';
export type { Lang, Rng, ValueGenerator, Written } from './lib/generate.js';
