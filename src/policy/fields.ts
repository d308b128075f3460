import { detectors as defaultDetectors, FIELD_TYPES, type Detector, type PiiType } from '../../detectors/index.js';
import type { OperatorName } from '../operators/index.js';
import { fieldDictionary, normalizeFieldName, typeByWords } from './dictionary.js';
import { keyWords } from './key-words.js';
import { namesAThing } from './name-owners.js';
import { isOperatorOutput } from '../../detectors/lib/operator-output.js';
import { isPlaceholder, isPlausible } from './plausible.js';
import type { Policy } from './schema.js';
import { lastKey, lastKeyAt, type FieldPath } from '../record/index.js';

/** What happens to the value of a field. */
export type FieldAction =
  | { readonly kind: 'scan' }
  | { readonly kind: 'keep' }
  | { readonly kind: 'drop' }
  | {
      readonly kind: 'as';
      readonly type: PiiType;
      readonly operator?: OperatorName;
      /**
       * The type is read from the field's name by the built-in dictionary (whole name or its words),
       * not said by the policy: the value must be plausible for it (see settle).
       */
      readonly guessed?: boolean;
    };

const SCAN: FieldAction = Object.freeze({ kind: 'scan' });
const KEEP: FieldAction = Object.freeze({ kind: 'keep' });

/**
 * What an action does with this very value. A placeholder (`-`, `null`, `N/A`, `***`, all zeros) under
 * any `as` rule is kept: it names nobody; so is what an operator wrote (`<PHONE>`, `138****8000`,
 * `PHONE_k3j9…`), so that anonymizing an output again changes nothing, and so is a value that the
 * type's detectors leave on purpose by the policy's options (`kept`: `remote_addr: ::1` while
 * `ip_address.keep_loopback` holds). A value under a guessed type that cannot be of that type
 * (`address: 0x0003f2a0`, `name=com.example.app`, `deviceId=3`) is scanned like any other value. An
 * explicit rule (policy `fields.rules` with `as`, or `fields.names`) is the user's word: its values are
 * replaced whatever they look like.
 */
export function settle(action: FieldAction, value: string, kept?: (type: PiiType, value: string) => boolean): FieldAction {
  if (action.kind !== 'as') return action;
  if (isPlaceholder(value) || isOperatorOutput(value)) return KEEP;
  // What the type's detectors leave on purpose (a loopback address under `keep_loopback`), the rule leaves.
  if (kept !== undefined && kept(action.type, value)) return KEEP;
  return action.guessed && !isPlausible(action.type, value) ? SCAN : action;
}

/**
 * One compiled `match` pattern. Without `.` or `[`, it names a key at any depth (`email`, `姓名`);
 * otherwise a path from the root, segments separated by `.`, where `*` is any one key, `**` any number
 * of segments, and `[*]`/`[n]` an array index (`user.email`, `*.address`, `items[*].card`).
 */
interface Pattern {
  readonly anyDepth: boolean;
  readonly segments: readonly string[]; // normalized names, '*', '**', '[*]' or '[n]'
}

/** One `.`-separated part of a pattern: a key (or `*`, `**`), then array indexes `[*]`/`[n]`. */
const PART = /^([^[\]]*)((?:\[(?:\*|\d+)\])*)$/;

/** A `match` that cannot be compiled; the message says why in a policy author's words. */
class PatternError extends Error {}

/**
 * Compile a `match` pattern, or throw a PatternError: an empty key (`a..b`), `*` inside a key (`a*b`),
 * brackets that are not an index (`a[x]`, `a]`), a key with no letter or digit (`_`). Each of these
 * would otherwise match nothing, silently. `**` alone is the path that matches everything.
 */
function compilePattern(match: string): Pattern {
  const anyDepth = !/[.[]/.test(match) && match !== '**';
  const segments: string[] = [];
  for (const part of match.split('.')) {
    const m = PART.exec(part);
    if (!m) throw new PatternError(`'${part}': brackets hold an array index, [*] or a number such as [2]`);
    const [, name, indexes] = m;
    if (name === '' && indexes === '') throw new PatternError('an empty key (two dots together, or a dot at an end)');
    if (name === '*' || name === '**') segments.push(name);
    else if (name.includes('*')) throw new PatternError(`'${name}': * stands for one whole key and ** for any number of keys, not for part of a key`);
    else if (name !== '') {
      const normalized = normalizeFieldName(name);
      if (normalized === '') throw new PatternError(`'${name}': a key needs a letter or digit (case, _, - and spaces are ignored)`);
      segments.push(normalized);
    }
    for (const idx of indexes.match(/\[(?:\*|\d+)\]/g) ?? []) segments.push(idx);
  }
  return { anyDepth, segments };
}

/** Why `match` is not a valid field pattern, or null when it is (the policy schema checks every rule). */
export function patternProblem(match: string): string | null {
  try {
    compilePattern(match);
    return null;
  } catch (e) {
    if (e instanceof PatternError) return e.message;
    throw e;
  }
}

function segmentMatches(pattern: string, seg: string | number): boolean {
  if (typeof seg === 'number') return pattern === '[*]' || pattern === `[${seg}]`;
  return pattern === '*' || pattern === normalizeFieldName(seg);
}

/** Whether the pattern matches the path's first `len` segments. */
function pathMatches(p: readonly string[], path: FieldPath, len: number, i = 0, j = 0): boolean {
  if (i === p.length) return j === len;
  if (p[i] === '**') {
    for (let k = j; k <= len; k++) if (pathMatches(p, path, len, i + 1, k)) return true;
    return false;
  }
  return j < len && segmentMatches(p[i], path[j]) && pathMatches(p, path, len, i + 1, j + 1);
}

/**
 * The policy's field rules, compiled: explicit rules first (in order), then the policy's own field
 * names, then the built-in dictionary of personal field names (the whole name, else its words: see
 * FIELD_WORDS), then `scan`. Results are cached per path, since a log repeats its keys.
 */
export class FieldRules {
  private readonly rules: ReadonlyArray<{ pattern: Pattern; action: FieldAction }>;
  /** The built-in dictionary of whole names (empty when the policy turns it off): guessed types. */
  private readonly dictionary: ReadonlyMap<string, PiiType>;
  /** The policy's own `fields.names`: said by the user, like a rule. */
  private readonly names: ReadonlyMap<string, PiiType>;
  /** The types a key's words may name (none when the dictionary is off). */
  private readonly wordTypes: ReadonlySet<PiiType>;
  private readonly cache = new Map<string, FieldAction>();
  /** Per type, the detectors' `keeps` (configured by the policy): values a field rule leaves too. */
  private readonly keepers: ReadonlyMap<PiiType, ReadonlyArray<(value: string) => boolean>>;

  /** `detectors`: whose field names join the built-in dictionary (the anonymizer passes its own list). */
  constructor(policy: Policy, detectors: readonly Detector[] = defaultDetectors) {
    const f = policy.fields;
    this.rules = f.rules.map((r) => ({
      pattern: compilePattern(r.match),
      action:
        r.as !== undefined
          ? { kind: 'as' as const, type: r.as, operator: r.operator }
          : r.action === 'keep' || r.action === 'drop'
            ? { kind: r.action }
            : SCAN,
    }));
    this.dictionary = f.dictionary ? fieldDictionary(detectors) : new Map();
    // Word matches name only types the anonymizer knows: the field types and the detectors' own.
    this.wordTypes = f.dictionary ? new Set<PiiType>([...FIELD_TYPES, ...detectors.map((d) => d.type)]) : new Set();
    this.names = new Map(Object.entries(f.names).map(([n, t]) => [normalizeFieldName(n), t]));
    const keepers = new Map<PiiType, Array<(value: string) => boolean>>();
    for (const d of detectors) {
      const keeps = d.keeps;
      if (keeps) keepers.set(d.type, [...(keepers.get(d.type) ?? []), (v) => keeps.call(d, v)]);
    }
    this.keepers = keepers;
  }

  /** What the action for a field does with this very value (see settle), the detectors' kept values included. */
  settle(action: FieldAction, value: string): FieldAction {
    return settle(action, value, this.kept);
  }

  /** Whether a detector of `type` leaves this whole value as it is (its options: `keep_loopback`). */
  private readonly kept = (type: PiiType, value: string): boolean => {
    const keepers = this.keepers.get(type);
    return keepers !== undefined && keepers.some((k) => k(value));
  };

  /** The action for the value at `path` (the last element is its key or index). */
  resolve(path: FieldPath): FieldAction {
    if (path.length === 0) return SCAN;
    // An unambiguous id: the key `a.b` is not the path a → b, nor the key `0` the index 0.
    if (path.length > 64) return this.compute(path); // deep nesting: not worth an id of that length
    const id = path.length === 1 && typeof path[0] === 'string' ? path[0] : path.map(segmentId).join('\u0000');
    let action = this.cache.get(id);
    if (action === undefined) {
      action = this.compute(path);
      if (this.cache.size < 10_000) this.cache.set(id, action);
    }
    return action;
  }

  /**
   * The value's own rule; failing that, a drop or `as` on a key above it covers it too (`password:
   * {"v": …}`, `name: {"first": …, "last": …}`), looked up to ANCESTORS_MAX keys up. `keep` is not
   * inherited: the values under a kept key are still scanned (fail closed).
   */
  private compute(path: FieldPath): FieldAction {
    const own = this.decide(path, path.length);
    if (own.kind !== 'scan') return own;
    for (let len = path.length - 1, seen = 0; len >= 1 && seen < ANCESTORS_MAX; len--) {
      if (typeof path[len - 1] !== 'string') continue;
      seen++;
      const above = this.decide(path, len);
      if (above.kind === 'drop' || above.kind === 'as') return above;
    }
    return own;
  }

  /**
   * The type the key's words name, when the dictionary is on: a dictionary name once digits and notes
   * are left out (`手机号码1`, `Name (full)`), else the words it ends in (`contact_phone`, `src_ip`).
   */
  private byWords(key: string): PiiType | undefined {
    if (this.wordTypes.size === 0) return undefined;
    const words = keyWords(key);
    const type = this.dictionary.get(words.join('')) ?? typeByWords(words);
    return type !== undefined && this.wordTypes.has(type) ? type : undefined;
  }

  /** The rule for the path's first `len` segments alone. */
  private decide(path: FieldPath, len: number): FieldAction {
    const key = lastKey(path, len);
    for (const { pattern, action } of this.rules) {
      const hit = pattern.anyDepth
        ? key !== undefined && pattern.segments.length === 1 && segmentMatches(pattern.segments[0], key)
        : pathMatches(pattern.segments, path, len);
      if (hit) return action;
    }
    // A key an operator wrote (`"<USERNAME>":…`, a replaced value read as a key on a second pass) names no field.
    if (key !== undefined && !isOperatorOutput(key)) {
      const name = normalizeFieldName(key);
      const type = this.names.get(name);
      if (type) return { kind: 'as', type };
      const guessed = this.dictionary.get(name) ?? this.byWords(key);
      // A thing's name (`host.name`, `service.name`, `appDisplayName`) is no person's: scanned.
      if (guessed === 'PERSON_NAME' && namesAThing(path, lastKeyAt(path, len))) return SCAN;
      if (guessed) return { kind: 'as', type: guessed, guessed: true };
    }
    return SCAN;
  }
}

/** How many keys up a drop or `as` is looked for (deeper nesting under a rule is not a log's shape). */
const ANCESTORS_MAX = 16;

const segmentId = (seg: string | number): string => (typeof seg === 'number' ? `\u0001${seg}` : seg);
