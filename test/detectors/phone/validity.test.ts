import fc from 'fast-check';
import { PhoneNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import maxMetadata from 'libphonenumber-js/max/metadata';
import { describe, expect, it } from 'vitest';
import { isValidUnder, numberType } from '../../../detectors/phone/validity.js';

/*
 * validity.ts answers what libphonenumber-js answers for a number built from E.164 (its isValid() and
 * getType()), from patterns compiled once. The library is the oracle here: every calling code, digits
 * drawn at random and digits of the library's own example numbers with one digit changed.
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150);
const CALLING_CODES = Object.keys((maxMetadata as { country_calling_codes: Record<string, string[]> }).country_calling_codes);
const EXAMPLES = Object.values(examples as Record<string, string>);

function library(callingCode: string, nsn: string): { valid: boolean; type: string | undefined } {
  const p = new PhoneNumber(`+${callingCode}${nsn}`);
  return { valid: p.isValid(), type: p.getType() };
}

describe('phone validity: the library answer, from compiled patterns', () => {
  it('hand-checked numbers', () => {
    // CN 138 block: a mobile. US numbers: the plan's fixed-line and mobile patterns are the same, so
    // the library calls every valid one FIXED_LINE_OR_MOBILE; 555 is no US area code. GB 020 7946 0958:
    // Ofcom's drama range for London, a fixed line. An unassigned calling code (+999) has no plan.
    expect(numberType('86', '13800138000')).toBe('MOBILE');
    expect(numberType('1', '2015550123')).toBe('FIXED_LINE_OR_MOBILE');
    expect(isValidUnder('1', '5552345678')).toBe(false);
    expect(numberType('44', '2079460958')).toBe('FIXED_LINE');
    expect(isValidUnder('86', '1380013800')).toBe(false); // one digit short
    expect(isValidUnder('999', '12345678')).toBe(false);
  });

  it('every calling code, random national numbers of 4 to 15 digits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CALLING_CODES), fc.stringMatching(/^[0-9]{4,15}$/), (cc, nsn) => {
        const lib = library(cc, nsn);
        expect(isValidUnder(cc, nsn)).toBe(lib.valid);
        expect(numberType(cc, nsn)).toBe(lib.type);
      }),
      { numRuns: RUNS * 20 },
    );
  });

  it("the library's example mobiles of every region, and each with one digit changed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), fc.integer({ min: 0, max: 9 }), (example, at, digit) => {
        // An example is a national significant number of some region: asked under every calling code,
        // it is valid under its own (and rarely another) and invalid under the rest.
        for (const cc of CALLING_CODES) {
          const changed = example.slice(0, at % example.length) + digit + example.slice((at % example.length) + 1);
          for (const nsn of [example, changed]) {
            const lib = library(cc, nsn);
            expect(isValidUnder(cc, nsn)).toBe(lib.valid);
            expect(numberType(cc, nsn)).toBe(lib.type);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
