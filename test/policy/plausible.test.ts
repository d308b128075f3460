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

describe('a value a field rule cannot take is scanned, not passed on (fail closed)', () => {
  it('an ID under an email key, a phone under an ip key: found by the scan', async () => {
    const { createAnonymizer } = await import('../../src/anonymizer.js');
    const { visitLine } = await import('../../src/formats/text.js');
    const { anonymizingVisitor, scanningVisitor } = await import('../../src/visitors.js');
    const a = createAnonymizer();
    // GB 11643: 11010519491231002 → check char X (weights 2^(17-i) mod 11, sum mod 11 = 2 → 'X').
    expect(visitLine(anonymizingVisitor(a), 'email=11010519491231002X status=ok', 0)).toBe('email=<CN_RESIDENT_ID> status=ok');
    expect(visitLine(anonymizingVisitor(a), 'email=N/A status=ok', 0)).toBe('email=N/A status=ok');
    const found: string[] = [];
    visitLine(scanningVisitor(a, (r) => found.push(`${r.field}:${r.finding.type}`)), 'email=11010519491231002X', 0);
    expect(found).toEqual(['email:CN_RESIDENT_ID']);
  });
});
