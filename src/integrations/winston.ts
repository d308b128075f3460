import { format, type Format, type TransformableInfo } from 'logform';
import { LEVEL, MESSAGE, SPLAT } from 'triple-beam';
import { LogveilError, type Anonymizer, type Detector, type PolicyInput } from '../index.js';
import { anonymizerWith } from './setup.js';

/** The `logveil` field of the info logged instead of one that could not be anonymized. */
export const REDACTION_FAILED = 'redaction-failed';

/**
 * The options of the `logveil/winston` format: an anonymizer made by the caller (whose counters the
 * caller can then read), or what to make one of.
 */
export interface WinstonFormatOptions {
  /** An anonymizer to use; when given, `policy`, `keyFile` and `detectors` must be absent. */
  readonly anonymizer?: Anonymizer;
  /** A policy as plain data, or the path of a YAML or JSON policy file (the default policy when absent). */
  readonly policy?: PolicyInput | string;
  /**
   * The path of a key file (`logveil keygen`); when absent, the file LOGVEIL_KEY_FILE names; when that
   * is unset too, a random key made now (pseudonyms agree until the process restarts).
   */
  readonly keyFile?: string;
  /** The detector list (the default list when absent). */
  readonly detectors?: readonly Detector[];
}

/**
 * A winston (logform) format that anonymizes each log entry, for `format.combine()` after the formats
 * that add data (`errors({ stack: true })`, `splat()`, `timestamp()`, `label()`) and before the one
 * that writes the line (`json()`, `printf()`, `logstash()` …):
 *
 *   format.combine(format.errors({ stack: true }), format.splat(), logveilFormat({ policy: 'policy.yaml' }), format.json())
 *
 * The message, every metadata field at any depth, the `splat()` arguments (`info[SPLAT]`) and Error
 * objects (message, stack, cause) are anonymized as `anonymizer.record()` anonymizes a record; a
 * line a format already wrote (`info[MESSAGE]`) as `anonymizer.line()` does, as the text format would. The entry given is never modified, since winston hands
 * the same one to every transport: a new entry is returned (the same one when nothing changes), with
 * `level` and winston's symbol keys (`LEVEL`) as they were.
 *
 * Fail closed: when anonymizing an entry throws, the entry is replaced by one that holds only its
 * level, `message: 'logveil: redaction failed'` and `logveil: 'redaction-failed'`, and counted in
 * the anonymizer's `failures`; nothing of the original is logged.
 */
export default function logveilFormat(options: WinstonFormatOptions = {}): Format {
  const anonymizer = anonymizerOf(options);
  const anonymizeEntry = entryAnonymizer(anonymizer);
  return format((info: TransformableInfo) => {
    try {
      return anonymizeEntry(info);
    } catch {
      // The error is not repeated: its message may quote the entry.
      anonymizer.countFailure();
      return failureInfo(info);
    }
  })();
}

function anonymizerOf(options: WinstonFormatOptions): Anonymizer {
  const { anonymizer, ...setup } = options;
  if (anonymizer === undefined) return anonymizerWith(setup, setup.detectors);
  if (setup.policy !== undefined || setup.keyFile !== undefined || setup.detectors !== undefined) {
    throw new LogveilError('LV_USAGE', 'logveil/winston: give an anonymizer, or a policy, key file and detectors to make one, not both');
  }
  return anonymizer;
}

/**
 * What anonymizes an entry: a new object when anything changes, the entry itself when nothing does.
 * Throws what record() throws.
 */
export function entryAnonymizer(anonymizer: Anonymizer): (info: TransformableInfo) => TransformableInfo {
  return (info) => {
    // record() copies symbol-keyed properties as they are: the two that carry logged data are read here.
    const copy = anonymizer.record(info);
    const splat = info[SPLAT];
    const newSplat = splat === undefined ? splat : anonymizer.record(splat);
    const message = info[MESSAGE];
    // A line a format already wrote (JSON, `key=value` pairs) is read as the text format reads a
    // line, so that its fields get their field rules.
    const newMessage = typeof message === 'string' ? anonymizer.line(message) : message === undefined ? message : anonymizer.record(message);
    if (copy === info && newSplat === splat && newMessage === message) return info;
    const out = copy === info ? shallowCopy(info) : copy;
    // winston's own: what the policy does to a field named `level` is not for the entry's level.
    out.level = info.level;
    if (splat !== undefined) out[SPLAT] = newSplat;
    if (message !== undefined) out[MESSAGE] = newMessage;
    return out;
  };
}

/** A new entry with the same properties, of the same class (an Error logged as the entry keeps its message and stack). */
function shallowCopy(info: TransformableInfo): TransformableInfo {
  return Object.defineProperties(Object.create(Object.getPrototypeOf(info) as object | null) as TransformableInfo, Object.getOwnPropertyDescriptors(info));
}

/** What is logged instead of an entry that could not be anonymized: its level and the marker, nothing else of it. */
function failureInfo(info: TransformableInfo): TransformableInfo {
  const text = 'logveil: redaction failed';
  const out: TransformableInfo = { level: info.level, message: text, logveil: REDACTION_FAILED };
  if (info[LEVEL] !== undefined) out[LEVEL] = info[LEVEL];
  // A line already written (by a format before this one) would be logged as it is: it is replaced too.
  if (info[MESSAGE] !== undefined) out[MESSAGE] = text;
  return out;
}
