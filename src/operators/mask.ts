import { maskKeeping } from '../../detectors/lib/mask.js';
import type { Operator } from './operator.js';

/**
 * Mask with `*`, keeping separators and a few characters so a reader can still tell values apart:
 * `****-****-****-1234`, `138****8000`, `j***@example.com`, `110105********123X`. What stays of a
 * pattern type is its detector's rule (DetectorSpec.mask, passed in the context); a name keeps its
 * first char (`张**`); anything else is masked whole.
 */
export const mask: Operator = (value, ctx) => {
  const rule = ctx.mask ?? (ctx.type === 'PERSON_NAME' ? NAME_KEEP : NOTHING_KEPT);
  return typeof rule === 'function' ? rule(value, ctx.normalized) : maskKeeping(value, rule[0], rule[1]);
};

const NAME_KEEP = [1, 0] as const;
const NOTHING_KEPT = [0, 0] as const;

