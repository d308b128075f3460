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
   * At most MAX_FIELDS names; further fields are counted under `(other)`.
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
/** Raw paths remembered with their names, at most. */
const MAX_NAMES = 10_000;

const NO_PATH: FieldPath = [];

/**
 * The counts, and where the value being visited sits (set by the anonymizing visitor for the time of
 * one visit, the paths kept only until then, so that the anonymizer, which sees only strings, can name the field it replaces in).
 */
export class Counters {
  private replaced = 0;
  private failures = 0;
  private readonly byType = new Map<string, number>();
  private readonly byField = new Map<string, number>();
  /** Raw formatted paths and the names they are counted under. */
  private readonly names = new Map<string, string>();
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
    this.byType.set(type, (this.byType.get(type) ?? 0) + 1);
    const field = this.fieldName();
    const n = this.byField.get(field);
    if (n !== undefined) this.byField.set(field, n + 1);
    else if (this.byField.size < MAX_FIELDS) this.byField.set(field, 1);
    else this.byField.set(OTHER_FIELDS, (this.byField.get(OTHER_FIELDS) ?? 0) + 1);
  }

  countFailure(): void {
    this.failures++;
  }

  snapshot(): CountersSnapshot {
    return {
      replaced: this.replaced,
      byType: Object.fromEntries(this.byType),
      byField: Object.fromEntries(this.byField),
      failures: this.failures,
    };
  }

  private fieldName(): string {
    const { outer, path } = this;
    if (outer.length + path.length === 0) return FREE_TEXT;
    let raw = '';
    for (const seg of outer) raw = step(raw, seg);
    for (const seg of path) raw = step(raw, seg);
    let name = this.names.get(raw);
    if (name === undefined) {
      name = '';
      for (const seg of outer) name = step(name, typeof seg === 'string' ? this.tag(seg) : seg);
      for (const seg of path) name = step(name, typeof seg === 'string' ? this.tag(seg) : seg);
      if (this.names.size < MAX_NAMES) this.names.set(raw, name);
    }
    return name;
  }
}

/**
 * A path as reports name a field: `user.email`, `items[*].card`; an index that starts the path (a CSV
 * column without a header, `[3]`) stays a number.
 */
function step(name: string, seg: string | number): string {
  if (typeof seg === 'number') return name ? `${name}[*]` : `[${seg}]`;
  return name ? `${name}.${seg}` : seg;
}
