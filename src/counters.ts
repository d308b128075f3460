/**
 * What an anonymizer replaced so far, for metrics and a log shipper's own logs: numbers per type and
 * per field, never a value. Counting is an integer increment and a map lookup per replaced value
 * (not per value read), so it costs nothing on lines with nothing to replace.
 */
import type { FieldPath } from './record/index.js';

/** A snapshot of an anonymizer's counters (see Anonymizer.counters). */
export interface CountersSnapshot {
  /** Values replaced, in all: found in text, or whole values under a field rule. */
  readonly replaced: number;
  /** Replaced values per type (`EMAIL`, `PHONE`, …). */
  readonly byType: Readonly<Record<string, number>>;
  /**
   * Replaced values per field, named as `logveil scan --summary` names them: `user.email`,
   * `items[*].card` (array indexes grouped), a text key (`phone`), `(text)` for free text and for
   * strings anonymized alone; a key that holds personal data is named by its type (`<EMAIL>.note`).
   * At most MAX_FIELDS fields (as met, before keys holding data are named by type); further fields are
   * counted under `(other)`.
   */
  readonly byField: Readonly<Record<string, number>>;
  /** Redaction failures reported with Anonymizer.countFailure (by an integration that wrote a marker instead). */
  readonly failures: number;
}

/** Distinct field names counted, at most: a log with ever new keys must not grow memory. */
export const MAX_FIELDS = 1000;
/** Where replacements in free text (and in strings anonymized alone) are counted. */
export const FREE_TEXT = '(text)';
/** Where replacements in fields beyond MAX_FIELDS are counted. */
export const OTHER_FIELDS = '(other)';
const NO_PATH: FieldPath = [];

/**
 * The counts, and where the value being visited sits (set by the anonymizing visitor for the time of
 * one visit, the paths kept only until then, so that the anonymizer, which sees only strings, can name the field it replaces in).
 */
export class Counters {
  private replaced = 0;
  private failures = 0;
  /** Per type, and per field as met (raw keys, tagged when a snapshot names them): one lookup per count. */
  private readonly byType = new Map<string, Tally>();
  private readonly byField = new Map<string, Tally>();
  private other = 0;
  /** The value being visited: inside the value at `outer` (a line read inside a JSON string), at `path`. */
  private outer: FieldPath = NO_PATH;
  private path: FieldPath = NO_PATH;

  /** @param tag a key with the personal data in it replaced by its type's tag (`<EMAIL>`) */
  constructor(private readonly tag: (key: string) => string) {}

  /** Where the values replaced from now on sit: in the value at `path`, inside the value at `outer` ([] for none). */
  at(outer: FieldPath, path: FieldPath): void {
    this.outer = outer;
    this.path = path;
  }

  /** Values replaced from now on are in free text (or strings anonymized alone). */
  atText(): void {
    this.outer = NO_PATH;
    this.path = NO_PATH;
  }

  /** One value of `type` replaced, in the field entered. */
  count(type: string): void {
    this.replaced++;
    const t = this.byType.get(type);
    if (t !== undefined) t.n++;
    else this.byType.set(type, { n: 1, segments: NO_PATH });
    const { outer, path } = this;
    // The raw path as a key: `a.b[*]`; a one-key path (most) is its key, with no string built.
    let raw: string;
    if (outer.length === 0 && path.length === 1 && typeof path[0] === 'string') raw = path[0];
    else {
      raw = '';
      for (const seg of outer) raw = step(raw, seg);
      for (const seg of path) raw = step(raw, seg);
      if (raw === '') raw = FREE_TEXT;
    }
    const f = this.byField.get(raw);
    if (f !== undefined) f.n++;
    else if (this.byField.size < MAX_FIELDS) this.byField.set(raw, { n: 1, segments: raw === FREE_TEXT ? NO_PATH : [...outer, ...path] });
    else this.other++;
  }

  countFailure(): void {
    this.failures++;
  }

  snapshot(): CountersSnapshot {
    const byField: Record<string, number> = {};
    for (const [raw, tally] of this.byField) {
      // A field's name is worked out once (tagging its keys runs the detectors on them): snapshots are
      // taken per block by pool workers and a few times a second by the progress bar.
      const name = tally.segments.length === 0 ? raw : (tally.name ??= this.name(tally.segments));
      byField[name] = (byField[name] ?? 0) + tally.n;
    }
    if (this.other) byField[OTHER_FIELDS] = (byField[OTHER_FIELDS] ?? 0) + this.other;
    const byType: Record<string, number> = {};
    for (const [type, { n }] of this.byType) byType[type] = n;
    return { replaced: this.replaced, byType, byField, failures: this.failures };
  }

  /** A field's name in a snapshot: its keys with the personal data in them tagged (`<EMAIL>.phone`). */
  private name(segments: FieldPath): string {
    let name = '';
    for (const seg of segments) name = step(name, typeof seg === 'string' ? this.tag(seg) : seg);
    return name;
  }
}

interface Tally {
  n: number;
  /** A field's path, for its name. */
  readonly segments: FieldPath;
  /** Its name in snapshots, once worked out. */
  name?: string;
}

/** Two snapshots' counts added up: what a pool's workers counted, together with the main thread's. */
export function addCounters(a: CountersSnapshot, b: CountersSnapshot): CountersSnapshot {
  return {
    replaced: a.replaced + b.replaced,
    byType: addTallies(a.byType, b.byType, 1),
    byField: addTallies(a.byField, b.byField, 1),
    failures: a.failures + b.failures,
  };
}

/** What was counted between snapshot `before` and the later snapshot `now` of the same counters. */
export function countersSince(now: CountersSnapshot, before: CountersSnapshot): CountersSnapshot {
  return {
    replaced: now.replaced - before.replaced,
    byType: addTallies(now.byType, before.byType, -1),
    byField: addTallies(now.byField, before.byField, -1),
    failures: now.failures - before.failures,
  };
}

/** `a + sign × b` per name, leaving out names that come to zero. */
function addTallies(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, sign: 1 | -1): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [name, n] of Object.entries(b)) {
    const sum = (out[name] ?? 0) + sign * n;
    if (sum === 0) delete out[name];
    else out[name] = sum;
  }
  return out;
}

/** No counts: where sums start. */
export const NO_COUNTS: CountersSnapshot = { replaced: 0, byType: {}, byField: {}, failures: 0 };

/**
 * A path as reports name a field: `user.email`, `items[*].card`; an index that starts the path (a CSV
 * column without a header, `[3]`) stays a number.
 */
function step(name: string, seg: string | number): string {
  if (typeof seg === 'number') return name ? `${name}[*]` : `[${seg}]`;
  return name ? `${name}.${seg}` : seg;
}
