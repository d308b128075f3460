/**
 * JSON values with their offsets in a string: the one reader for a whole NDJSON line (ndjson.ts)
 * and for an object embedded in a text line (pairs.ts). It checks strict JSON (RFC 8259: no
 * comments, no trailing commas, no single quotes) and records where every string and number is and
 * its path; it builds no values, so a caller decodes only what it visits. Iterative: nesting costs
 * memory, not stack, and a caller bounds it (JsonLimits). Streamed documents (json.ts) are read by
 * stream-json instead: they do not fit in one string.
 */
import type { FieldPath } from '../../record/index.js';

/** A JSON number exactly as RFC 8259 writes one (`-0`, `1.50`, `1e3`; not `01`, `.5`, `+1`, `0x10`). */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const WHOLE_NUMBER = new RegExp(`^(?:${NUMBER.source})$`);

/** Whether a replacement for a JSON number can be written as a bare number. */
export function isJsonNumber(text: string): boolean {
  return WHOLE_NUMBER.test(text);
}

/**
 * Whether an object key is worth scanning: one with a digit or an `@` (`"alice@example.com": {…}`,
 * `"13800138000": …`). Keys of plain words, nearly all of them, cost nothing.
 */
export function mayHoldData(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64) return true;
  }
  return false;
}

export const enum JsonKind {
  String,
  Number,
  /** An object key that mayHoldData (recorded only when asked for, with the empty path). */
  Key,
}

/** How far a read may go before the text counts as no JSON. */
export interface JsonLimits {
  /** Containers open at once, at most (the outermost counts 1). */
  readonly maxDepth: number;
  /**
   * Path steps the values may have in all, per char of the text (each value keeps a copy of its
   * path): bounds the work on a text of values at every depth (`[1,[1,[1,…`), which is otherwise
   * quadratic in its length. Infinity when maxDepth bounds it already.
   */
  readonly stepsPerChar: number;
  /** Record keys that mayHoldData as values of kind Key. */
  readonly keys: boolean;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SP = 32;
const DQUOTE = 34;
const COMMA = 44;
const DASH = 45;
const SLASH = 47;
const COLON = 58;
const LBRACKET = 91;
const BSLASH = 92;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

const HEX4 = /^[0-9a-fA-F]{4}$/;
const LITERALS = ['true', 'false', 'null'] as const;
const EMPTY_PATH: readonly never[] = [];

/**
 * One reader and the values of the last text it read, in document order, in arrays reused from read
 * to read. Not re-entrant: a caller that visits values while it holds them (and a visitor may read
 * JSON again) keeps its own reader.
 */
export class JsonReader {
  count = 0;
  readonly kinds: JsonKind[] = [];
  /** The token's start and end: a string's quotes included. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /** Whether a string has backslash escapes (its text is not its value). */
  readonly escaped: boolean[] = [];
  /** Where the key of the member a value is in starts; -1 in an array or at the top. */
  readonly keyStarts: number[] = [];
  readonly paths: FieldPath[] = [];
  /** The furthest char the last read looked at: what a failed attempt cost. */
  reach = 0;
  /** The last read failed because its values had more path steps than its limits allow. */
  tooDeep = false;

  private readonly arrays: boolean[] = [];
  private readonly path: (string | number)[] = [];

  constructor(private readonly limits: JsonLimits) {}

  /** Read a text that is one JSON value with only whitespace around it; false if it is not. */
  readWhole(text: string): boolean {
    const end = this.read(text, skipSpace(text, 0));
    if (end < 0) return false;
    if (skipSpace(text, end) === text.length) return true;
    this.fail(end); // a second value
    return false;
  }

  /** Read the object whose `{` is at `from`; where it ends, or -1 if no JSON object starts there. */
  readObject(text: string, from: number): number {
    if (text.charCodeAt(from) !== LBRACE) {
      this.count = 0;
      this.reach = from;
      return -1;
    }
    return this.read(text, from);
  }

  /** Let the paths go (they may be large). */
  release(): void {
    this.paths.fill(EMPTY_PATH, 0, this.count);
    this.count = 0;
  }

  /**
   * The grammar, over an explicit stack of open containers: where the value at `from` ends, or -1.
   * Locals, not fields, on the hot path: this loop is most of what reading a JSON log line costs.
   */
  private read(s: string, from: number): number {
    const { arrays, path } = this;
    const { maxDepth, keys, stepsPerChar } = this.limits;
    let steps = stepsPerChar === Infinity ? Infinity : PATH_BASE + stepsPerChar * s.length;
    arrays.length = 0;
    path.length = 0;
    this.count = 0;
    this.tooDeep = false;
    let p = from;
    let key = -1; // where the key of the current member starts
    value: for (;;) {
      const c = s.charCodeAt(p);
      const depth = arrays.length;
      if (c === LBRACE || c === LBRACKET) {
        if (depth + 1 > maxDepth) return this.fail(p);
        const isArray = c === LBRACKET;
        p = skipSpace(s, p + 1);
        if (s.charCodeAt(p) === (isArray ? RBRACKET : RBRACE)) {
          p++; // empty: a value like any other, read on after it
        } else {
          arrays.push(isArray);
          path.push(0);
          if (isArray) continue value;
          key = p;
          p = this.member(s, p, keys);
          if (p < 0) return this.fail(~p);
          continue value;
        }
      } else if (c === DQUOTE) {
        const end = stringEnd(s, p);
        if (end < 0) return this.fail(~end);
        this.record(JsonKind.String, p, end, escapes, depth && !arrays[depth - 1] ? key : -1, depth);
        p = end;
        if ((steps -= depth) < 0) return this.tooDeepAt(p);
      } else if (c === DASH || (c >= 48 && c <= 57)) {
        NUMBER.lastIndex = p;
        if (!NUMBER.test(s)) return this.fail(p);
        this.record(JsonKind.Number, p, NUMBER.lastIndex, false, depth && !arrays[depth - 1] ? key : -1, depth);
        p = NUMBER.lastIndex;
        if ((steps -= depth) < 0) return this.tooDeepAt(p);
      } else {
        const end = literalEnd(s, p);
        if (end < 0) return this.fail(p);
        p = end;
      }

      // After a value: close what it ends, then a comma and the next member or element.
      for (;;) {
        const top = arrays.length - 1;
        if (top < 0) {
          this.reach = p;
          return p;
        }
        p = skipSpace(s, p);
        const d = s.charCodeAt(p++);
        if (d === (arrays[top] ? RBRACKET : RBRACE)) {
          arrays.pop();
          path.pop();
          continue;
        }
        if (d !== COMMA) return this.fail(p);
        p = skipSpace(s, p);
        if (arrays[top]) {
          (path[top] as number)++;
          continue value;
        }
        key = p;
        p = this.member(s, p, keys);
        if (p < 0) return this.fail(~p);
        continue value;
      }
    }
  }

  /**
   * A member's key and its colon at `p`: sets the path's last step and returns where its value
   * starts, or ~(the furthest char looked at) if there is no key and colon.
   */
  private member(s: string, p: number, record: boolean): number {
    if (s.charCodeAt(p) !== DQUOTE) return ~p;
    const end = stringEnd(s, p);
    if (end < 0) return end;
    const raw = s.slice(p + 1, end - 1);
    const name = escapes ? (JSON.parse(`"${raw}"`) as string) : raw;
    this.path[this.path.length - 1] = name;
    if (record && mayHoldData(name)) this.record(JsonKind.Key, p, end, escapes, -1, 0);
    const colon = skipSpace(s, end);
    if (s.charCodeAt(colon) !== COLON) return ~colon;
    return skipSpace(s, colon + 1);
  }

  private record(kind: JsonKind, start: number, end: number, escaped: boolean, keyStart: number, depth: number): void {
    const i = this.count++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.escaped[i] = escaped;
    this.keyStarts[i] = keyStart;
    this.paths[i] = depth ? this.path.slice() : EMPTY_PATH;
  }

  /** No JSON here: `reach` is the furthest char looked at, what the attempt cost. */
  private fail(reach: number): number {
    this.reach = reach;
    this.release();
    return -1;
  }

  private tooDeepAt(at: number): number {
    this.tooDeep = true;
    return this.fail(at);
  }
}

/** Whether the last string stringEnd read had backslash escapes (its text is not its value). */
let escapes = false;

/** At a `"`: the index after its closing quote, or ~(where it stops being a JSON string). */
function stringEnd(s: string, at: number): number {
  const n = s.length;
  let p = at + 1;
  escapes = false;
  while (p < n) {
    const c = s.charCodeAt(p);
    if (c === DQUOTE) return p + 1;
    if (c < 0x20) break;
    if (c === BSLASH) {
      const e = s.charCodeAt(p + 1);
      escapes = true;
      if (e === 117 /* u */) {
        if (!HEX4.test(s.slice(p + 2, p + 6))) break;
        p += 6;
        continue;
      }
      if (e !== DQUOTE && e !== BSLASH && e !== SLASH && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) break;
      p += 2;
      continue;
    }
    p++;
  }
  return ~p;
}

/** The index after `true`, `false` or `null` at `at`, or -1. */
function literalEnd(s: string, at: number): number {
  for (const word of LITERALS) if (s.startsWith(word, at)) return at + word.length;
  return -1;
}

/** Path steps every text may use whatever its length. */
const PATH_BASE = 1024;

function isSpace(c: number): boolean {
  return c === SP || c === TAB || c === LF || c === CR;
}

/** The first index at or after `i` that is not JSON whitespace (or the end). */
export function skipSpace(text: string, i: number): number {
  // Bounded by the length: a read past the end deoptimizes optimized code (detectors/lib/code-at.ts).
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the last char before `i` that is not JSON whitespace. */
export function skipSpaceBack(text: string, i: number): number {
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
