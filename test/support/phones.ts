import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { expect } from 'vitest';
import { rng, type Rng } from '../../bench/random.js';

/** Whether libphonenumber (max metadata, independent of the detector) says the E.164 number is valid. */
export function valid(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.isValid() ?? false;
}

/** `count` distinct national numbers (without trunk prefix) of calling code `cc`, drawn by `draw`, all valid. */
export function drawMany(seed: number, count: number, cc: string, draw: (r: Rng) => string): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let tries = 0; out.length < count && tries < 10_000; tries++) {
    const n = draw(r);
    if (valid(`+${cc}${n}`) && !out.includes(n)) out.push(n);
  }
  expect(out.length).toBe(count);
  return out;
}
