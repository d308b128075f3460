import { createHmac } from 'node:crypto';
import { detectors as defaultDetectors } from '../detectors/index.js';
import { isOperatorOutput } from '../detectors/lib/operator-output.js';
import type { Detector, MaskRule, PiiType } from '../detectors/index.js';
import { compileScanner, type ScanPlace, type Scanner } from './detect/scan.js';
import { NO_FINDINGS, type Finding } from './detect/finding.js';
import { keyFingerprint } from './keys/fingerprint.js';
import { Ciphers } from './crypto/ciphers.js';
import { deriveKey, MIN_KEY_BYTES, randomKey } from './keys/key.js';
import { operators, type Operator, type OperatorContext, type OperatorName, type PseudonymOptions } from './operators/index.js';
import { FieldRules } from './policy/fields.js';
import { resolvePolicy } from './policy/load.js';
import { detectorOptions, namesOperator, ruleFor, type Policy, type PolicyInput } from './policy/schema.js';
import { Counters, type CountersSnapshot } from './counters.js';
import { errorKind, LogveilError } from './errors.js';
import { formats } from './formats/index.js';
import { copyValue } from './values.js';
import { anonymizingVisitor, tagged } from './visitors.js';
import type { ValueVisitor } from './record/index.js';

/** What an anonymizer is made of: a policy, a key and a detector list, each with a default. */
export interface AnonymizerOptions {
  /** A validated policy or its plain form (the default policy when absent). */
  readonly policy?: Policy | PolicyInput;
  /** Master key for keyed operators; a random one is made for the run when absent. */
  readonly key?: Uint8Array;
  /** Override the detector list (tests, embedding); the policy still decides what is replaced. */
  readonly detectors?: readonly Detector[];
}

interface TypePlan {
  readonly threshold: number;
  readonly operator: Operator;
  readonly normalize: (value: string) => string;
  /** The mask rule of the type's first detector. */
  readonly mask: MaskRule | undefined;
}

const identity = (v: string) => v;

/**
 * What an operator is told about one value. A class, not an object literal with a getter (one is made
 * per replaced value, and a literal's accessor costs a runtime call each time); `normalized` is still
 * worked out only when an operator reads it: tagging a phone never pays for E.164.
 */
class ValueContext implements OperatorContext {
  private normalizedValue: string | undefined = undefined;
  readonly mask: MaskRule | undefined;

  constructor(
    readonly type: PiiType,
    private readonly value: string,
    private readonly plan: TypePlan,
    readonly hmac: (data: string) => Buffer,
    readonly subKey: (purpose: string) => Buffer,
    readonly ciphers: Ciphers | undefined,
    readonly pseudonym: PseudonymOptions,
  ) {
    this.mask = plan.mask;
  }

  get normalized(): string {
    return (this.normalizedValue ??= this.plan.normalize(this.value));
  }
}

/**
 * Scanner + policy + operators: finds what the policy asks for in a string and replaces it in one
 * concatenation pass. A string with nothing to replace is returned as the same string.
 */
export class Anonymizer {
  readonly policy: Policy;
  /** True when no key was given and a random one was made: hashes are consistent only within this run. */
  readonly keyIsEphemeral: boolean;
  /** The policy's field rules (and the built-in dictionary of personal field names). */
  readonly fields: FieldRules;
  private readonly scanner: Scanner;
  private readonly plans: Map<PiiType, TypePlan>;
  /** HMAC-SHA256 under the run's hash key, for keyed operators. */
  private readonly hmac: (data: string) => Buffer;
  /** Sub-keys per operator and type (`pseudonym:IP_ADDRESS`), derived once each from the master key. */
  private readonly subKey: (purpose: string) => Buffer;
  /** The master key's fingerprint (8 hex chars), to name it in reports; never the key. */
  readonly keyFingerprint: string;
  /** The policy's choices for pseudonym's surrogates. */
  private readonly pseudonymOptions: PseudonymOptions;
  /** The reversible ciphers of the key (`encrypt`, reveal); none without a key: what a random key encrypts could never be revealed. */
  readonly ciphers: Ciphers | undefined;
  /** Each type's mask rule, from the first detector of the type (enabled or not: field rules may name it). */
  private readonly masks: Map<PiiType, MaskRule | undefined>;
  /** What was replaced so far, counted as it happens (the anonymizing visitor tells it the field); read it with counters(). */
  readonly counting: Counters;
  /** The visitor record() and line() read values with, made when first needed. */
  private valueVisitor: ValueVisitor | undefined;

  /**
   * Throws LogveilError: `LV_POLICY` for a policy that is not valid, `LV_KEY` for a key that is not a
   * Uint8Array of 32 bytes or more, `LV_USAGE` for a detector list that cannot be used.
   */
  constructor(options: AnonymizerOptions = {}) {
    const { key, detectors } = options;
    if (key !== undefined && !(Object.prototype.toString.call(key) === '[object Uint8Array]' && key.length >= MIN_KEY_BYTES)) {
      throw new LogveilError('LV_KEY', `key: expected a Uint8Array of ${MIN_KEY_BYTES} bytes or more (from loadKeyFile or randomKey)`);
    }
    if (detectors !== undefined && !Array.isArray(detectors)) throw new LogveilError('LV_USAGE', 'detectors: expected a list of detectors');
    try {
      this.policy = resolvePolicy(options.policy);
      this.keyIsEphemeral = options.key === undefined;
      if (key === undefined && namesOperator(this.policy, ['encrypt'])) {
        throw new LogveilError('LV_KEY', 'the encrypt operator needs a key (--key-file): what a random key encrypts could never be revealed');
      }
      const master = key ?? randomKey();
      const hashKey = deriveKey(master, 'hash');
      this.hmac = (data) => createHmac('sha256', hashKey).update(data).digest();
      const subKeys = new Map<string, Buffer>();
      this.subKey = (purpose) => {
        let k = subKeys.get(purpose);
        if (k === undefined) subKeys.set(purpose, (k = deriveKey(master, purpose)));
        return k;
      };
      this.keyFingerprint = keyFingerprint(master);
      this.pseudonymOptions = { emailDomain: this.policy.pseudonym?.email_domain ?? 'keep', keepBirthYear: this.policy.pseudonym?.keep_birth_year ?? false };
      this.ciphers = key === undefined ? undefined : new Ciphers((label, bytes) => deriveKey(key, label, bytes));
      // A detector with options in the policy (`phone: { regions: … }`) is replaced by its configured self.
      const configured = detectorOptions(this.policy);
      const list = (detectors ?? defaultDetectors).map((d) => {
        const own = configured[d.name];
        return own && d.configure ? d.configure(own) : d;
      });
      this.fields = new FieldRules(this.policy, list);
      this.masks = new Map();
      for (const d of list) if (!this.masks.has(d.type)) this.masks.set(d.type, d.mask);
      const enabled = list.filter((d) => ruleFor(this.policy, d.type).enabled);
      this.scanner = compileScanner(enabled);
      this.counting = new Counters((key) => tagged(this, key));
      this.plans = new Map();
      for (const d of enabled) {
        if (this.plans.has(d.type)) continue;
        const rule = ruleFor(this.policy, d.type);
        const normalize = d.normalize ? d.normalize.bind(d) : identity;
        this.plans.set(d.type, { threshold: rule.threshold, operator: operators[rule.operator], normalize, mask: this.masks.get(d.type) });
      }
    } catch (e) {
      if (e instanceof LogveilError) throw e;
      throw new LogveilError('LV_USAGE', `createAnonymizer: the options could not be used (${errorKind(e)})`, { cause: e });
    }
  }

  /**
   * Findings the policy acts on (enabled type, score at or above its threshold). Throws LogveilError:
   * `LV_USAGE` for a text that is not a string, `LV_REDACT` when scanning fails (never quoting the text).
   */
  findings(text: string, place?: ScanPlace): readonly Finding[] {
    // A number or null would be read as no text and come back unscanned: refused instead.
    if (typeof text !== 'string') throw notString('findings', text);
    try {
      const all = this.scanner.scan(text, place);
      if (all.length === 0) return all;
      let kept: Finding[] | null = null;
      for (let i = 0; i < all.length; i++) {
        const f = all[i];
        const plan = this.plans.get(f.type);
        const ok = plan !== undefined && f.score >= plan.threshold;
        if (!ok && kept === null) kept = all.slice(0, i);
        else if (ok && kept !== null) kept.push(f);
      }
      if (kept === null) return all;
      return kept.length ? kept : NO_FINDINGS;
    } catch (e) {
      throw failure('findings', e, text);
    }
  }

  /**
   * The text with every finding replaced; the same string when there is none. Throws as findings()
   * does (`LV_USAGE`, `LV_REDACT`): an integration writes a marker, never the text.
   */
  anonymize(text: string, place?: ScanPlace): string {
    if (typeof text !== 'string') throw notString('anonymize', text);
    try {
      const found = this.findings(text, place);
      if (found.length === 0) return text;
      let out = '';
      let at = 0;
      for (const f of found) {
        out += text.slice(at, f.start) + this.replace(text.slice(f.start, f.end), f.type);
        at = f.end;
      }
      return out + text.slice(at);
    } catch (e) {
      throw failure('anonymize', e, text);
    }
  }

  /**
   * Replace one value known to be of `type` (field rules use this for whole values), with the
   * policy's operator for the type or the one given.
   */
  replace(value: string, type: PiiType, operator?: OperatorName): string {
    try {
      // What an operator wrote stays as it is: a field rule reading `mobile=138****8000` again does not mask the mask.
      if (isOperatorOutput(value)) return value;
      const plan = this.plans.get(type) ?? this.fallbackPlan(type);
      const out = (operator ? operators[operator] : plan.operator)(value, new ValueContext(type, value, plan, this.hmac, this.subKey, this.ciphers, this.pseudonymOptions));
      if (out !== value) this.counting.count(type);
      return out;
    } catch (e) {
      throw failure('replace', e, value);
    }
  }

  /**
   * A copy of a JSON-like value (a log record: objects, arrays, strings, numbers, booleans, null,
   * Dates, Errors) with what the policy asks for replaced, exactly as the NDJSON format replaces it
   * in `JSON.stringify(value)`: field rules by path (`user.email`), every string and number scanned,
   * a dropped field removed (`null` in an array). A value with nothing to replace is returned as the
   * very same value, and a copy shares the parts of the original that did not change; the original
   * is never modified.
   *
   * - A number is read as its JSON text: a replacement that is a number stays one, any other
   *   (`<PHONE>`) is a string. A bigint is read the same way.
   * - A Date (any object with `toJSON`) is read as what `toJSON` gives (an ISO string): kept as the
   *   same Date when nothing changes, else replaced by the new string.
   * - An Error's own properties are read, enumerable or not: `message`, `stack` (its text, as any
   *   string), `cause`, `errors`, and any other. Its copy is an object with the Error's prototype
   *   (`instanceof` its class holds, its `name` is the class's), made without calling a constructor,
   *   its properties enumerable as they were.
   * - A cycle (a reference to an object that contains it) becomes the string `[Circular]`, as pino's
   *   and winston's serializers write it.
   * - Copies of other objects are plain objects with the same keys in the same order. Symbol-keyed
   *   properties (winston's `Symbol.for('level')`, `Symbol.for('message')`, `Symbol.for('splat')`)
   *   are copied as they are and not read; so are what JSON does not write: undefined, functions,
   *   symbols, NaN, infinities, and the entries of a Map or Set.
   *
   * Throws LogveilError (its message never holds a value): `LV_REDACT` when the value cannot be
   * read (nested more than 1000 deep; a getter or `toJSON` that throws), or the code of an error
   * logveil raised inside (`LV_FORMAT` for values encoded inside values more than 32 deep). An
   * integration that writes a marker in its place counts it with countFailure().
   */
  record<T>(value: T): T {
    try {
      return copyValue(value, this.visitor()) as T;
    } catch (e) {
      if (e instanceof LogveilError) throw e;
      throw new LogveilError('LV_REDACT', `record: the value could not be anonymized (${errorKind(e)})`);
    } finally {
      this.counting.atText();
    }
  }

  /**
   * A line of a text log with what the policy asks for replaced, exactly as the text format (`logveil
   * anonymize` on a text file) replaces it: the key-value pairs, query strings, JSON objects and SQL
   * statements in it get their field rules (`user=alice password=…`, `"email":"…"`), the rest is
   * scanned. The same string when nothing changes. For a line a logger has already written (winston's
   * `printf()`, a shipper's raw line), where anonymize() would scan it as one free text.
   *
   *   a.line('signup name=Zhang San ip=192.0.2.10')      // 'signup name=<PERSON_NAME> ip=<IP_ADDRESS>'
   *   a.anonymize('signup name=Zhang San ip=192.0.2.10') // 'signup name=Zhang San ip=<IP_ADDRESS>'
   *
   * A text of several lines (`\n` or `\r\n` between them) is read as the text format reads a file of
   * them, each line on its own and the line ends kept. Each call starts afresh, as a new file does:
   * the values MyBatis or Hibernate print on a line after their statement are paired with its
   * columns only when both lines are in the same call (else they are scanned as text).
   *
   * Throws LogveilError (its message never holds the text): `LV_USAGE` for a text that is not a
   * string, `LV_FORMAT` for values encoded inside values more than 32 deep, `LV_REDACT` when it cannot
   * be anonymized. An integration that writes a marker in its place counts it with countFailure().
   */
  line(text: string): string {
    if (typeof text !== 'string') throw notString('line', text);
    try {
      return mapLines(text, textLineMapper(this.visitor()));
    } catch (e) {
      throw failure('line', e, text);
    } finally {
      this.counting.atText();
    }
  }

  /**
   * What was replaced so far, per type and per field, in numbers only (no value, and a key that holds
   * personal data named by its type): everything this anonymizer replaced, by record(), anonymize()
   * or a format's visitor. A new snapshot on every call.
   */
  counters(): CountersSnapshot {
    return this.counting.snapshot();
  }

  /** Count a redaction failure (an integration that could not anonymize a record and wrote a marker instead). */
  countFailure(): void {
    this.counting.countFailure();
  }

  private visitor(): ValueVisitor {
    return (this.valueVisitor ??= anonymizingVisitor(this));
  }

  private fallbackPlan(type: PiiType): TypePlan {
    const rule = ruleFor(this.policy, type);
    const plan = { threshold: rule.threshold, operator: operators[rule.operator], normalize: identity, mask: this.masks.get(type) };
    this.plans.set(type, plan);
    return plan;
  }
}

/** The text format's mapper of the lines of one input (a new one per input: it remembers SQL statements). */
function textLineMapper(visitor: ValueVisitor): (line: string, index: number) => string {
  const lines = formats.text.lines;
  if (lines === undefined) throw new LogveilError('LV_USAGE', 'the text format has no line mapper');
  return lines({ visitor, source: 'line', warn: () => {} });
}

/** Each line of a text mapped, as the text format splits a file: at `\n`, a `\r` before it kept out of the line. */
function mapLines(text: string, mapLine: (line: string, index: number) => string): string {
  let out = '';
  let at = 0;
  for (let index = 0; ; index++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const bodyEnd = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    out += mapLine(text.slice(at, bodyEnd), index) + text.slice(bodyEnd, nl < 0 ? end : end + 1);
    if (nl < 0) break;
    at = nl + 1;
  }
  // The same string when nothing changed, as anonymize() gives it.
  return out === text ? text : out;
}

/**
 * What a string method throws when it fails: a LogveilError as it is, `LV_USAGE` for a value that
 * is not a string, else `LV_REDACT` naming only the error's kind (its message may quote the text).
 */
function failure(method: string, e: unknown, text: unknown): LogveilError {
  if (e instanceof LogveilError) return e;
  if (typeof text !== 'string') return notString(method, text);
  return new LogveilError('LV_REDACT', `${method}: the text could not be anonymized (${errorKind(e)})`);
}

function notString(method: string, text: unknown): LogveilError {
  return new LogveilError('LV_USAGE', `${method}: expected a string, got ${text === null ? 'null' : typeof text}`);
}

/**
 * An anonymizer: `anonymize(text)` for strings, `record(value)` for log records, `counters()` for what
 * it replaced. Throws LogveilError (`LV_POLICY`, `LV_KEY`, `LV_USAGE`) for options that cannot work.
 */
export function createAnonymizer(options?: AnonymizerOptions): Anonymizer {
  return new Anonymizer(options);
}
