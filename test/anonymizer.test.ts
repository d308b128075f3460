import { describe, expect, it } from 'vitest';
import { createAnonymizer, defineDetector, detectors, type Detector, type DetectorOptions } from '../src/index.js';

describe('Anonymizer', () => {
  const a = createAnonymizer();

  it('returns the very same string when there is nothing to replace', () => {
    const line = '2026-02-24T12:26:41.123Z INFO order=20260224122641001 took 812 ms';
    expect(a.anonymize(line)).toBe(line);
  });

  it('replaces every finding in one pass and keeps the rest', () => {
    expect(a.anonymize('ip 192.0.2.1 mail a@example.com end')).toBe('ip <IP_ADDRESS> mail <EMAIL> end');
  });

  it('leaves types the policy disables', () => {
    const b = createAnonymizer({ policy: { types: { IP_ADDRESS: { enabled: false } } } });
    expect(b.anonymize('ip 192.0.2.1 mail a@example.com')).toBe('ip 192.0.2.1 mail <EMAIL>');
  });

  it('leaves findings below the threshold', () => {
    // A passport has no check digit: context-only, it scores below 0.9.
    const strict = createAnonymizer({ policy: { threshold: 0.9 } });
    expect(strict.anonymize('passport E12345678 ip 192.0.2.1')).toBe('passport E12345678 ip <IP_ADDRESS>');
    expect(a.anonymize('passport E12345678')).toBe('passport <CN_PASSPORT>');
  });

  it('hashes consistently under one key and differently under another', () => {
    const key = Buffer.alloc(32, 1);
    const h1 = createAnonymizer({ policy: { operator: 'hash' }, key });
    const h2 = createAnonymizer({ policy: { operator: 'hash' }, key });
    const h3 = createAnonymizer({ policy: { operator: 'hash' }, key: Buffer.alloc(32, 2) });
    const line = 'mail A@Example.com';
    expect(h1.anonymize(line)).toBe(h2.anonymize(line));
    expect(h1.anonymize(line)).not.toBe(h3.anonymize(line));
    // Normalized: case differences in an email do not change its pseudonym.
    expect(h1.anonymize('mail a@example.com')).toBe(h1.anonymize(line));
    expect(h1.keyIsEphemeral).toBe(false);
    expect(createAnonymizer().keyIsEphemeral).toBe(true);
  });

  it('masks per type', () => {
    const m = createAnonymizer({ policy: { operator: 'mask' } });
    expect(m.anonymize('card 4111 1111 1111 1111.')).toBe('card **** **** **** 1111.');
  });
});

describe('phone regions from the policy', () => {
  it('finds national numbers of the configured regions only', () => {
    // `(201) 555-0123` is a US national number; with only CN configured it is not recognised.
    const us = createAnonymizer({ policy: { phone: { regions: ['US'] } } });
    const cn = createAnonymizer({ policy: { phone: { regions: ['CN'] } } });
    expect(us.anonymize('call (201) 555-0123 now')).toBe('call <PHONE> now');
    expect(cn.anonymize('call (201) 555-0123 now')).toBe('call (201) 555-0123 now');
    // International numbers are found whatever the regions.
    expect(cn.anonymize('call +1 201-555-0123 now')).toBe('call <PHONE> now');
  });
  it('rejects a region libphonenumber-js does not know', () => {
    expect(() => createAnonymizer({ policy: { phone: { regions: ['XX'] } } })).toThrow(/phone\.regions\.0/);
  });

  it("reach the detector named phone through its configure hook, whoever's it is", () => {
    const seen: DetectorOptions[] = [];
    // A stand-in phone detector: finds `T` and eight digits, and reports the options it was given.
    const standIn: Detector<'PHONE'> = defineDetector({
      type: 'PHONE',
      name: 'phone',
      candidate: 'alnum',
      minLen: 9,
      maxLen: 9,
      shape: /T\d{8}/y,
      baseScore: 0.9,
      examples: { match: ['T12345678'], noMatch: ['T1234567'] },
      configure(options) {
        seen.push(options);
        return standIn;
      },
    });
    const others = detectors.filter((d) => d.type !== 'PHONE');
    const a = createAnonymizer({ policy: { phone: { regions: ['GB', 'DE'] } }, detectors: [...others, standIn] });
    expect(seen).toEqual([{ regions: ['GB', 'DE'] }]);
    expect(a.anonymize('call T12345678 or 13800138000')).toBe('call <PHONE> or 13800138000');
    createAnonymizer({ detectors: [...others, standIn] }); // no phone section: not configured
    expect(seen).toHaveLength(1);
  });
});

describe('pairs inside structured values', () => {
  it('get their field rules (a JSON string holding logfmt)', async () => {
    const { anonymizingVisitor } = await import('../src/visitors.js');
    const a = createAnonymizer({ policy: { fields: { rules: [{ match: 'password', action: 'drop' }] } } });
    const v = anonymizingVisitor(a);
    expect(v.visit('login password=hunter2 name=Zhang', { record: 0, path: ['msg'] })).toBe('login password= name=<PERSON_NAME>');
    expect(v.visit('plain 13800138000', { record: 0, path: ['msg'] })).toBe('plain <PHONE>');
  });
});
