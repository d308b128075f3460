import type { Detector, DetectorSpec } from './types.js';

/**
 * Declare a detector. Checks the contract when the module loads, so a broken detector fails at once
 * with its name rather than misbehaving in a scan.
 */
export function defineDetector(spec: DetectorSpec): Detector {
  const fail = (why: string): never => {
    throw new Error(`detector ${spec.name}: ${why}`);
  };
  if (!/^[a-z0-9_]+$/.test(spec.name)) fail('name must be lower_snake_case');
  if (!spec.shape.sticky) fail('shape must be sticky (/y)');
  if (spec.shape.global) fail('shape must not be global (/g)');
  // Unbounded quantifiers are how regexes go quadratic; every finding is at most maxLen long.
  if (/(?<!\\)[*+](?![^[]*\])|\{\d+,\}/.test(spec.shape.source)) fail('shape has an unbounded quantifier');
  if (/\\[1-9]/.test(spec.shape.source)) fail('shape has a backreference');
  if (!(spec.minLen >= 1 && spec.maxLen >= spec.minLen && spec.maxLen <= 128)) fail('bad minLen/maxLen');
  if (spec.examples.match.length === 0) fail('needs at least one matching example');
  if (spec.examples.noMatch.length === 0) fail('needs at least one non-matching example');
  if (spec.context?.required && spec.context.words.length === 0) fail('required context without words');
  if (!spec.validate && spec.baseScore === undefined) fail('needs validate() or baseScore');
  return Object.freeze({ ...spec });
}
