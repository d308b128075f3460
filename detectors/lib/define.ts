import { LogveilError } from '../../src/errors.js';
import type { Detector, DetectorSpec } from './types.js';

/**
 * Declare a detector. Checks the contract when the module loads, so a broken detector fails at once
 * with its name (LV_USAGE) rather than misbehaving in a scan. The type's name stays a literal (`'IBAN'`), which
 * is how detectors/index.ts derives the union of types from its list.
 */
export function defineDetector<const T extends string>(spec: DetectorSpec<T>): Detector<T> {
  const fail = (why: string): never => {
    throw new LogveilError('LV_USAGE', `detector ${spec.name}: ${why}`);
  };
  if (!/^[a-z0-9_]+$/.test(spec.name)) fail('name must be lower_snake_case');
  if (!/^[A-Z][A-Z0-9_]*$/.test(spec.type)) fail('type must be UPPER_SNAKE_CASE');
  if (!spec.shape.sticky) fail('shape must be sticky (/y)');
  if (spec.shape.global) fail('shape must not be global (/g)');
  // Unbounded quantifiers are how regexes go quadratic; every finding is at most maxLen long.
  if (/(?<!\\)[*+](?![^[]*\])|\{\d+,\}/.test(spec.shape.source)) fail('shape has an unbounded quantifier');
  if (/\\[1-9]/.test(spec.shape.source)) fail('shape has a backreference');
  if (spec.wideShape !== undefined) {
    const w = spec.wideShape;
    if (spec.candidate !== 'word' && spec.candidate !== 'at') fail('wideShape is for word and at candidates');
    if (!w.sticky || w.global || !/[uv]/.test(w.flags)) fail('wideShape must be sticky and Unicode (/uy or /vy)');
    if (/(?<!\\)[*+](?![^[]*\])|\{\d+,\}/.test(w.source)) fail('wideShape has an unbounded quantifier');
  }
  if (!(spec.minLen >= 1 && spec.maxLen >= spec.minLen && spec.maxLen <= 128)) fail('bad minLen/maxLen');
  if (spec.examples.match.length === 0) fail('needs at least one matching example');
  if (spec.examples.noMatch.length === 0) fail('needs at least one non-matching example');
  if (spec.context?.required && spec.context.words.length === 0) fail('required context without words');
  if (spec.candidate === 'word' && !spec.context?.required) fail('a word candidate needs required context words');
  if (spec.candidate === 'before' && (!spec.startBefore || !spec.context?.words.length)) fail('a before candidate needs startBefore and its anchor words');
  if (spec.candidate !== 'before' && spec.startBefore) fail('startBefore is for the before candidate only');
  if (!spec.validate && spec.baseScore === undefined) fail('needs validate() or baseScore');
  if (Array.isArray(spec.mask) && !spec.mask.every((n: number) => Number.isInteger(n) && n >= 0)) fail('mask keeps a whole number of chars');
  for (const kind of Object.keys(spec.generate?.nearMisses ?? {})) if (!/^[a-z0-9_]+$/.test(kind)) fail(`near miss ${kind} must be lower_snake_case`);
  return Object.freeze({ ...spec });
}
