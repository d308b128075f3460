/**
 * logveil's library surface: find personal data in strings and log streams and replace it.
 *
 *   const a = createAnonymizer({ policy, key });
 *   a.anonymize('call 13800138000') // 'call <PHONE>'
 */
export { Anonymizer, createAnonymizer, type AnonymizerOptions } from './anonymizer.js';
export { compileScanner, type Scanner, type ScanPlace } from './detect/scan.js';
export type { Finding } from './detect/finding.js';
export { detectors } from '../detectors/index.js';
export { PII_TYPES, type PiiType, type Detector, type DetectorSpec, type DetectorOptions, type MaskRule, type ValueGenerator, type Written, type Rng, type Lang } from '../detectors/index.js';
export { defineDetector } from '../detectors/lib/define.js';
export { operators, type Operator, type OperatorContext, type OperatorName } from './operators/index.js';
export { parsePolicy, loadPolicyFile } from './policy/load.js';
export { DEFAULT_POLICY } from './policy/defaults.js';
export type { Policy, PolicyInput } from './policy/schema.js';
export { loadKeyFile, randomKey } from './keys/key.js';
export { LogveilError, type ErrorCode } from './errors.js';
export { TextLineTransform, type LineMapper } from './formats/text.js';
export { formats, formatForPath, DROP, type Format, type FormatName, type FormatOptions, type CsvOptions, type Place, type ValueVisitor } from './formats/index.js';
export { anonymizingVisitor, scanningVisitor, type FindingReport } from './visitors.js';
export { FieldRules, type FieldAction, type FieldPath } from './policy/fields.js';
export { AnonymizerPool, type PoolOptions } from './pipeline/pool.js';
