import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/random.js';
import { nestedRecord } from '../../bench/records.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { addCounters, countersSince, MAX_FIELDS, NO_COUNTS } from '../../src/counters.js';
import { NdjsonLines } from '../../src/formats/ndjson.js';
import { anonymizingVisitor, scanningVisitor } from '../../src/visitors.js';
import { planted } from '../support/planted-json.js';
import '../support/fast-check-seed.js';

/**
 * Anonymizer.counters(): what was replaced so far, per type and per field, numbers only. Values are
 * generated from reserved ranges (example.com, 192.0.2.0/24, 138 0013 8000, the 4111… test card).
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100);

describe('counters', () => {
  it('start at zero', () => {
    expect(createAnonymizer().counters()).toEqual({ replaced: 0, byType: {}, byField: {}, failures: 0 });
  });

  it('count a string anonymized alone under (text), per type', () => {
    const a = createAnonymizer();
    a.anonymize('mail zhang.san@example.com from 192.0.2.10, cc u1@example.com');
    expect(a.counters()).toEqual({ replaced: 3, byType: { EMAIL: 2, IP_ADDRESS: 1 }, byField: { '(text)': 3 }, failures: 0 });
  });

  it('count a record per field: paths as reports name them, array indexes grouped, pairs inside a string under it', () => {
    const a = createAnonymizer();
    a.record({
      user: { email: 'zhang.san@example.com', phone: 13800138000 },
      items: [{ card: '4111 1111 1111 1111' }, { card: '4111111111111111' }],
      msg: 'login phone=13800138000 from 192.0.2.10',
    });
    expect(a.counters()).toEqual({
      replaced: 6,
      byType: { EMAIL: 1, PHONE: 2, PAYMENT_CARD: 2, IP_ADDRESS: 1 },
      byField: { 'user.email': 1, 'user.phone': 1, 'items[*].card': 2, 'msg.phone': 1, msg: 1 },
      failures: 0,
    });
  });

  it('add up across calls and formats, and a snapshot does not change afterwards', () => {
    const a = createAnonymizer();
    a.record({ email: 'zhang.san@example.com' });
    const first = a.counters();
    new NdjsonLines({ visitor: anonymizingVisitor(a), source: 't', warn: () => {} }).map('{"email":"u2@example.com","note":"ok"}', 0);
    expect(first).toEqual({ replaced: 1, byType: { EMAIL: 1 }, byField: { email: 1 }, failures: 0 });
    expect(a.counters()).toEqual({ replaced: 2, byType: { EMAIL: 2 }, byField: { email: 2 }, failures: 0 });
  });

  it('do not count what stays: operator output, placeholders, kept and dropped fields', () => {
    const a = createAnonymizer({ policy: { fields: { rules: [{ match: 'svc', action: 'keep' }, { match: 'pw', action: 'drop' }] } } });
    a.record({ phone: '<PHONE>', email: '-', svc: 'u3@example.com', pw: 'hunter2', note: 'nothing here' });
    expect(a.counters().replaced).toBe(0);
  });

  it('name a key that holds personal data by its type, never by the data', () => {
    const a = createAnonymizer();
    a.record({ 'u7@example.com': { phone: '13800138000' } });
    const c = a.counters();
    expect(c.byField).toEqual({ '(text)': 1, '<EMAIL>.phone': 1 });
    expect(JSON.stringify(c)).not.toMatch(/example\.com|13800138000/);
  });

  it(`keep at most ${MAX_FIELDS} field names, counting the rest under (other)`, () => {
    const a = createAnonymizer();
    const record: Record<string, string> = {};
    for (let i = 0; i < MAX_FIELDS + 50; i++) record[`k${i}`] = `u${i}@example.com`;
    a.record(record);
    a.record({ k0: 'u1@example.com', k99999: 'u2@example.com' });
    const c = a.counters();
    expect(Object.keys(c.byField)).toHaveLength(MAX_FIELDS + 1);
    expect(c.byField['(other)']).toBe(51);
    expect(c.byField.k0).toBe(2);
    expect(c.replaced).toBe(MAX_FIELDS + 52);
  });

  it('count failures an integration reports', () => {
    const a = createAnonymizer();
    a.countFailure();
    a.countFailure();
    expect(a.counters().failures).toBe(2);
  });

  it('agree with what `logveil scan` reports for the same record, per type and per field', () => {
    const records = fc.oneof(
      planted().map((p) => p.value),
      fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => nestedRecord(rng(seed), { piiShare: 0.9 }).value),
    );
    fc.assert(
      fc.property(records, (value) => {
        const a = createAnonymizer();
        const byType: Record<string, number> = {};
        const byField: Record<string, number> = {};
        let replaced = 0;
        const scan = scanningVisitor(a, ({ field, finding }) => {
          replaced++;
          byType[finding.type] = (byType[finding.type] ?? 0) + 1;
          // As `scan --summary` groups them.
          const name = field === null ? '(text)' : field.replace(/(?<=.)\[\d+\]/g, '[*]');
          byField[name] = (byField[name] ?? 0) + 1;
        });
        new NdjsonLines({ visitor: scan, source: 't', warn: () => {} }).map(JSON.stringify(value), 0);
        a.record(value);
        expect(a.counters()).toEqual({ replaced, byType, byField, failures: 0 });
      }),
      { numRuns: RUNS },
    );
  });

  it('add up (a pool adds its workers\' blocks) and subtract (a worker reports each block\'s share), names at zero left out', () => {
    const a = { replaced: 3, byType: { EMAIL: 2, PHONE: 1 }, byField: { '(text)': 1, 'user.email': 2 }, failures: 0 };
    const b = { replaced: 2, byType: { EMAIL: 1, IP_ADDRESS: 1 }, byField: { '(text)': 2 }, failures: 1 };
    const sum = { replaced: 5, byType: { EMAIL: 3, PHONE: 1, IP_ADDRESS: 1 }, byField: { '(text)': 3, 'user.email': 2 }, failures: 1 };
    expect(addCounters(a, b)).toEqual(sum);
    expect(addCounters(NO_COUNTS, a)).toEqual(a);
    expect(countersSince(sum, a)).toEqual(b);
    expect(countersSince(sum, b)).toEqual(a);
    expect(countersSince(a, a)).toEqual(NO_COUNTS);
  });

  it('a later snapshot less an earlier one is what was replaced in between', () => {
    const a = createAnonymizer();
    a.record({ user: { email: 'zhang.san@example.com' } });
    const before = a.counters();
    a.record({ user: { email: 'li.si@example.com' }, msg: 'from 192.0.2.10' });
    expect(countersSince(a.counters(), before)).toEqual({ replaced: 2, byType: { EMAIL: 1, IP_ADDRESS: 1 }, byField: { 'user.email': 1, msg: 1 }, failures: 0 });
  });
});
