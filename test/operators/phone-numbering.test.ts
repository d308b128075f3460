import fc from 'fast-check';
import { PhoneNumber } from 'libphonenumber-js/core';
import { getExampleNumber, type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { numberingOf } from '../../src/operators/phone-numbering.js';

/**
 * The phone pseudonym's compiled plans answer as libphonenumber-js does: validity in a region, and two
 * valid numbers given the same grouping are written with the same digit groups in national format;
 * over numbers near the library's example numbers (the example's first digits kept, the rest random,
 * so that valid and invalid numbers both come up).
 */
const REGIONS: CountryCode[] = ['CN', 'US', 'CA', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK', 'ES', 'IT', 'RU', 'KZ', 'BR', 'KR', 'TW', 'NL', 'AU', 'SG', 'MO', 'AR', 'MX'];
const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 300);
const groups = (formatted: string): string => (formatted.match(/\d+/g) ?? []).map((g) => g.length).join(' ');

describe('compiled numbering plans agree with libphonenumber-js', () => {
  it.each(REGIONS.map((r) => [r]))('%s', (region) => {
    const plan = numberingOf(region)!;
    expect(plan).not.toBeNull();
    const example = getExampleNumber(region, examples)!.nationalNumber as string;
    const near = fc
      .tuple(fc.integer({ min: 1, max: example.length }), fc.stringMatching(/^\d{16}$/), fc.integer({ min: -1, max: 1 }))
      .map(([keep, tail, delta]) => (example.slice(0, keep) + tail).slice(0, Math.max(keep, example.length + delta)));
    // @ts-expect-error: core's PhoneNumber takes (country, national number, metadata); its types list only (number, metadata)
    const number = (nsn: string): PhoneNumber => new PhoneNumber(region, nsn, metadata);
    fc.assert(
      fc.property(near, near, (x, y) => {
        const [p, q] = [number(x), number(y)];
        expect(plan.valid(x), `${region} ${x}`).toBe(p.isValid());
        expect(plan.valid(y), `${region} ${y}`).toBe(q.isValid());
        // The same format picked: the same digit groups written (the pseudonym keeps the grouping so).
        if (p.isValid() && q.isValid() && plan.grouping(x) === plan.grouping(y)) expect(groups(q.formatNational()), `${x} ${y}`).toBe(groups(p.formatNational()));
      }),
      { numRuns: RUNS },
    );
  });
});
