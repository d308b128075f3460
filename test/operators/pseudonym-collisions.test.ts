import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/random.js';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';
import { drawnDigits, KeyedDraws } from '../../src/operators/keyed-draws.js';
import { pseudonymizePhone } from '../../src/operators/phone-pseudonym.js';
import { pseudonymShape } from '../../src/operators/pseudonym-shapes.js';
import { reshape } from '../../src/operators/same-shape.js';

/**
 * pseudonym is a keyed random function, not a permutation: distinct values may share a surrogate.
 * Over n distinct inputs whose surrogates are drawn uniformly from N possible ones, the expected
 * number of collisions is about n(n-1)/2N (the birthday bound), and the count is close to Poisson
 * around it. Counted here over one million distinct CN mobiles and one million distinct Visa
 * cards, through the functions the operator calls (the anonymizer's per-value overhead left out:
 * it changes no surrogate), and compared with the bound README (Operators) documents. The space
 * sizes are not taken from logveil: N for phones is measured with libphonenumber-js directly.
 */
const KEY = Buffer.alloc(32, 0x42);
const n = 1_000_000;
/** Poisson(λ) stays within λ ± 6√λ + 3 except with a chance far below one in a million. */
const within = (count: number, lambda: number) => {
  expect(count).toBeLessThanOrEqual(lambda + 6 * Math.sqrt(lambda) + 3);
  expect(count).toBeGreaterThanOrEqual(lambda - 6 * Math.sqrt(lambda) - 3);
};

describe('pseudonym: collisions over one million distinct values are within the birthday bound', () => {
  it('CN mobiles: the first national digit kept, ten drawn among valid numbers of the same grouping', () => {
    // The space: CN numbers `1` + 10 digits that libphonenumber says are valid and formats 3-4-4.
    const r = rng(7);
    const sample = 100_000;
    let valid = 0;
    for (let i = 0; i < sample; i++) {
      const p = parsePhoneNumberFromString(`+861${r.digits(10)}`);
      if (p?.isValid() && p.country === 'CN' && /^\d{3} \d{4} \d{4}$/.test(p.formatNational())) valid++;
    }
    const space = (valid / sample) * 1e10;
    expect(space).toBeGreaterThan(4e9); // README: about 5.2 × 10⁹
    expect(space).toBeLessThan(6e9);
    const prefixes = ['130', '131', '135', '136', '137', '138', '139', '150', '151', '186'];
    const seen = new Set<string>();
    let same = 0;
    for (let i = 0; i < n; i++) {
      // Distinct: i ↦ (i mod 10, 7919·i mod 10⁸) is one to one below 10⁸.
      const national = prefixes[i % 10] + String((i * 7919) % 1e8).padStart(8, '0');
      const e164 = `+86${national}`;
      const out = pseudonymizePhone(national, e164, new KeyedDraws(KEY, e164))!;
      if (out === national) same++;
      seen.add(out);
    }
    expect(same).toBe(0);
    const collisions = n - seen.size;
    console.log(`pseudonym collisions: ${collisions} among ${n} CN mobiles (space ${space.toExponential(2)})`);
    within(collisions, (n * (n - 1)) / 2 / space); // about 96
  }, 600_000);

  it('Visa cards of 16 digits: the brand prefix `4` kept, 14 digits drawn, the Luhn digit computed', () => {
    const seen = new Set<string>();
    let same = 0;
    for (let i = 0; i < n; i++) {
      const payload = '4' + String((i * 7919) % 1e14).padStart(14, '0');
      const card = payload + luhnCheckDigit(payload);
      const draws = new KeyedDraws(KEY, card);
      const out = reshape(card, pseudonymShape('PAYMENT_CARD', draws, { keepBirthYear: false })!, drawnDigits(draws))!;
      if (out === card) same++;
      seen.add(out);
    }
    expect(same).toBe(0);
    const collisions = n - seen.size;
    console.log(`pseudonym collisions: ${collisions} among ${n} Visa cards`);
    expect(collisions).toBeLessThanOrEqual(2); // λ = n²/2·10¹⁴ = 0.005: P(3 or more) ≈ 2·10⁻⁸
  }, 600_000);
});
