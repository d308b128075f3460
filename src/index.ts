/**
 * logveil's library surface: find personal data in strings and log streams and replace it. The CLI
 * (src/cli/) is built on this module alone, so anything it does a library user can do too.
 *
 *   const a = createAnonymizer({ policy, key });
 *   a.anonymize('call 13800138000') // 'call <PHONE>'
 *   a.record({ msg: 'call 13800138000', ok: true }) // { msg: 'call <PHONE>', ok: true } (a copy)
 *   a.counters() // { replaced: 2, byType: { PHONE: 2 }, byField: { '(text)': 1, msg: 1 }, failures: 0 }
 *
 * Every error it throws is a LogveilError with a stable `code`, and no message holds the data.
 */

// Strings: find and replace.
/** Scanner + policy + operators for strings and log records (`record(value)`); `createAnonymizer(options)` makes one. */
export { Anonymizer, createAnonymizer, type AnonymizerOptions } from './anonymizer.js';
/** What an anonymizer replaced so far, per type and per field, in numbers only (`anonymizer.counters()`). */
export type { CountersSnapshot } from './counters.js';
/** The scanner alone: findings of a detector list, without a policy. */
export { compileScanner, type Scanner, type ScanPlace } from './detect/scan.js';
/** One finding: its type, UTF-16 span and score. */
export type { Finding } from './detect/finding.js';

// Detectors and operators.
/** The default detector list, in priority order. */
export { detectors } from '../detectors/index.js';
/** The kinds of personal data (derived from the detector list) and the detector contract. */
export { PII_TYPES, type PiiType, type Detector, type DetectorSpec, type DetectorOptions, type MaskRule, type ValueGenerator, type Written, type Rng, type Lang } from '../detectors/index.js';
/** Make a detector from its spec, checking the contract when the module loads. */
export { defineDetector } from '../detectors/lib/define.js';
/** The operators by name (redact, tag, mask, hash, …) and their contract. */
export { operators, type Operator, type OperatorContext, type OperatorName } from './operators/index.js';

// Policy and keys.
/** A policy from plain data, or from a YAML or JSON file; LV_POLICY naming the key when it is wrong. */
export { parsePolicy, loadPolicyFile } from './policy/load.js';
/** The policy used when none is given. */
export { DEFAULT_POLICY } from './policy/defaults.js';
/** A validated policy, and the plain form it is parsed from. */
export type { Policy, PolicyInput } from './policy/schema.js';
/** Whether a policy names any of these operators anywhere (default, a type, a field rule): e.g. whether it needs a key. */
export { namesOperator } from './policy/schema.js';
/** A master key from a key file (refused when others may read it, or weak), a new random one, or a new key file (mode 0600, never overwritten). */
export { keyFingerprint } from './keys/fingerprint.js';
export { KEY_FILE_ENV, keyFromEnvironment, loadKeyFile, randomKey, writeKeyFile } from './keys/key.js';
/** The policy's field rules: what a key or path decides (keep, drop, a type). */
export { FieldRules, type FieldAction } from './policy/fields.js';

// Errors.
/** logveil's one error class, with a stable `code`; messages name the place, never the data. */
export { LogveilError, type ErrorCode } from './errors.js';
/** Plain words for a system error code (`ENOENT` → `no such file or directory`), as logveil's messages give them. */
export { systemErrorText } from './errors.js';

// Formats: bytes in, the same format out, every value handed to a visitor.
/** Every format by name, their names in order, and the one a file name selects. */
export { formats, FORMAT_NAMES, formatForPath, type Format, type FormatName, type FormatOptions, type CsvOptions } from './formats/index.js';
/** Where a value sits (record, path) and the visitor contract every format calls (DROP removes a value). */
export { DROP, type FieldPath, type Place, type ValueVisitor } from './record/index.js';
/** The text format's transform and line contract (for formats and benchmarks built on lines). */
export { TextLineTransform, type LineMapper } from './formats/lines/transform.js';
/** Visitors that replace what the policy asks for, or only report it. */
export { anonymizingVisitor, scanningVisitor, type FindingReport } from './visitors.js';
// Reversing the encrypt operator: tokens by their shape, FF1 values by detection under the same policy.
export { createRevealer, reveal, Revealer, type RevealOptions } from './reveal.js';

// Inputs and outputs: byte stages around a format's transform.
/** Open a file or stdin (`-`): gzip recognised by its first bytes, the encoding chosen and decoded. */
export { openInput, type OpenedInput, type OpenOptions, type Stage } from './io.js';
/** The encoding a name selects (`gb18030`, `utf-16le` …), for `openInput`; LV_USAGE for an unknown one. */
export { encodingChoice, type EncodingChoice } from './encoding/option.js';
/** How an opened input is read, and the stage that writes the output back in its encoding. */
export type { InputEncoding } from './encoding/stages.js';
/**
 * Write stages to an output: a file replaced atomically (through its symlinks), a FIFO or device in
 * place, or stdout/stderr; or run them and discard the bytes. Temporary files are removed on signals
 * once `removeTemporariesOnSignal()` is called.
 */
export { drain, removeTemporariesOnSignal, type WriteOptions } from './io.js';
/** `writeOutput`, the process stream an output name means (`-`, `/dev/stdout` …), and the check that it was not closed. */
export { writeOutput, streamNamed, refuseClosedStream, type StreamName } from './output.js';

// Worker threads.
/** Worker threads for text and NDJSON, with the same output as one thread, and what they are made with. */
export { AnonymizerPool, type PoolOptions, type PooledInputOptions } from './pipeline/pool.js';
/** A detector list as a module (`{ module, export? }`) that a thread imports, since detectors cannot be sent to it; and the import. */
export { importDetectors, type DetectorsModule } from './pipeline/detectors-module.js';
