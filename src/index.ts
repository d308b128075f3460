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
export { PII_TYPES, type PiiType, type Detector, type DetectorSpec } from '../detectors/types.js';
export { defineDetector } from '../detectors/define.js';
export { operators, type Operator, type OperatorContext, type OperatorName } from './operators/index.js';
export { parsePolicy, loadPolicyFile } from './policy/load.js';
export { DEFAULT_POLICY } from './policy/defaults.js';
export type { Policy, PolicyInput } from './policy/schema.js';
export { loadKeyFile, randomKey } from './keys/key.js';
export { LogveilError, type ErrorCode } from './errors.js';
export { TextLineTransform, type LineMapper } from './formats/lines/transform.js';
export { formats, formatForPath, type Format, type FormatName, type FormatOptions, type CsvOptions } from './formats/index.js';
export { DROP, type FieldPath, type Place, type ValueVisitor } from './record/index.js';
export { anonymizingVisitor, scanningVisitor, type FindingReport } from './visitors.js';
export { FieldRules, type FieldAction } from './policy/fields.js';
export { AnonymizerPool, type PoolOptions } from './pipeline/pool.js';
