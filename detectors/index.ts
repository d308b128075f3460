import bankAccount from './bank-account.js';
import cnPassport from './cn-passport.js';
import cnResidentId from './cn-resident-id.js';
import cnUscc from './cn-uscc.js';
import email from './email.js';
import hkId from './hk-id.js';
import iban from './iban.js';
import imei from './imei.js';
import ipv4Address from './ipv4-address.js';
import ipv6Address from './ipv6-address.js';
import macAddress from './mac-address.js';
import paymentCard from './payment-card.js';
import phone from './phone.js';
import type { Detector } from './lib/types.js';
import usSsn from './us-ssn.js';

/**
 * Every pattern detector, in priority order (earlier wins a tie on span and score): checksum-validated
 * types first, context-only ones last. Adding a detector: a file in this folder, one line here, and
 * its test in test/detectors/.
 */
export const detectors: readonly Detector[] = [
  cnResidentId,
  cnUscc,
  hkId,
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
];

export type { Detector, DetectorSpec, PiiType, CandidateClass, ValidateContext } from './lib/types.js';
export { PII_TYPES } from './lib/types.js';
