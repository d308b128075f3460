import { describe, expect, it } from 'vitest';
import { plausibleFieldValue } from '../../src/policy/plausible.js';

describe('plausibleFieldValue', () => {
  it('leaves placeholders and what operators wrote', () => {
    for (const v of ['-', '***', 'null', 'N/A', 'none', 'unknown', 'XXX-XX-XXXX', '<PHONE>', '138****8000', 'PHONE_k3j7abcdefgh2345']) {
      expect(plausibleFieldValue(v === 'XXX-XX-XXXX' ? 'US_SSN' : 'PHONE', v), v).toBe(false);
    }
  });

  it('leaves all-zero values', () => {
    expect(plausibleFieldValue('US_SSN', '000000000')).toBe(false);
    expect(plausibleFieldValue('MAC_ADDRESS', '00:00:00:00:00:00')).toBe(false);
    expect(plausibleFieldValue('US_SSN', '000-12-3456')).toBe(true); // invalid, but not a placeholder: the detector decides
  });

  it('leaves the next word after a label whose value is gone', () => {
    expect(plausibleFieldValue('CN_PASSPORT', 'cn_passport=')).toBe(false);
    expect(plausibleFieldValue('TW_NATIONAL_ID', 'retry')).toBe(false);
    expect(plausibleFieldValue('MAC_ADDRESS', 'rev=2a0a67e7e882')).toBe(false);
  });

  it('takes values that can be of the type', () => {
    expect(plausibleFieldValue('PHONE', '+86 138 0013 8000')).toBe(true);
    expect(plausibleFieldValue('MAC_ADDRESS', 'aa:bb:cc:dd:ee:ff')).toBe(true);
    expect(plausibleFieldValue('PERSON_NAME', 'Zhang San')).toBe(true);
    expect(plausibleFieldValue('EMAIL', 'a@example.com')).toBe(true);
  });
});
