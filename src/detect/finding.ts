import type { PiiType } from '../../detectors/index.js';

/** One piece of personal data in a string: UTF-16 offsets, end exclusive. */
export interface Finding {
  readonly type: PiiType;
  readonly start: number;
  readonly end: number;
  /** 0..1: checksum-validated findings score high, context-only ones lower; a policy threshold decides. */
  readonly score: number;
  /** Name of the detector that found it. */
  readonly detector: string;
}

/**
 * `f` over [start, end). Written out as a literal, not spread (`{ ...f, start, end }`): a spread copy
 * gets a hidden class of its own, and code optimized on scanned findings deoptimizes when one comes by.
 */
export function findingOver(f: Finding, start: number, end: number): Finding {
  return { type: f.type, start, end, score: f.score, detector: f.detector };
}

/** Shared empty result: a string with no finding allocates nothing. */
export const NO_FINDINGS: readonly Finding[] = Object.freeze([]);
