import type { PolicyInput } from './schema.js';

/**
 * The policy used when none is given: every type is found and tagged (`<EMAIL>`), whatever the score
 * above 0.5 (context-only findings such as passports and bank accounts score 0.6–0.8, so they count).
 * Tags keep a log readable and say what was there without any trace of the value; use `hash` for
 * joinable pseudonyms and `mask` for partial values (samples/policy.yaml shows every option).
 */
export const DEFAULT_POLICY: PolicyInput = {
  version: 1,
  threshold: 0.5,
  operator: 'tag',
  types: {},
};
