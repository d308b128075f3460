import type { Detector } from './types.js';

/**
 * Every pattern detector, in priority order (earlier wins a tie on span and score).
 * Adding a detector: a file in this folder, one line here, and its test in test/detectors/.
 */
export const detectors: readonly Detector[] = [];

export type { Detector, DetectorSpec, PiiType, CandidateClass, ValidateContext } from './types.js';
export { PII_TYPES } from './types.js';
