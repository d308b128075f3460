import { isOperatorOutput } from '../../detectors/lib/operator-output.js';
import type { PiiType } from '../../detectors/index.js';

/**
 * Types whose every value holds a digit: a phone, an id, a card, an account, an address, a date.
 * A field value of one of these without a digit is a placeholder (`null`, `N/A`, `XXX-XX-XXXX`) or
 * the next word of the line after a label whose value is gone (`护照号: cn_passport=`), not the value.
 */
const HOLDS_A_DIGIT: ReadonlySet<PiiType> = new Set<PiiType>([
  'PHONE', 'CN_RESIDENT_ID', 'CN_USCC', 'HK_ID', 'TW_NATIONAL_ID', 'PAYMENT_CARD', 'IBAN', 'IMEI', 'US_SSN',
  'CN_PASSPORT', 'BANK_ACCOUNT', 'IP_ADDRESS', 'DATE_OF_BIRTH', 'POSTAL_CODE', 'GEO',
]);

/** Words that say a field is empty (compared in lower case). */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['null', 'nil', 'none', 'n/a', 'na', 'unknown', 'undefined', '(null)']);

/**
 * Whether a value a field rule names as `type` can be one (issue 10 §3): a value without a letter or
 * digit (`-`, `***`), a placeholder word (`null`, `N/A`, `unknown`), all zeros, an email without `@`, what an operator wrote (`<PHONE>`, `138****8000`, `PHONE_k3j9…`: so that a second
 * pass changes nothing), a digitless value of a type that always has digits, or a MAC address with
 * other chars than hex digits and separators is left as it is. Only a first check: a plausible value
 * is still replaced whole.
 */
export function plausibleFieldValue(type: PiiType, value: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(value) || isOperatorOutput(value) || PLACEHOLDERS.has(value.trim().toLowerCase())) return false;
  if (type === 'EMAIL' && !/@|%40/i.test(value)) return false;
  if (/^[\s0.\-/:]+$/.test(value)) return false; // all zeros: `000000000`, `0.0.0.0`, `00:00:00:00:00:00`
  if (HOLDS_A_DIGIT.has(type) && !/[0-9０-９]/.test(value)) return false;
  if (type === 'MAC_ADDRESS' && !/^[0-9A-Fa-f]{2}(?:[-:. ]?[0-9A-Fa-f]{2}){3,}$/.test(value.trim())) return false;
  return true;
}
