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

  // The parse state of one read.
  private s = '';
  private pos = 0;
  private far = 0;
  /** The last string read had escapes. */
  private lastEscaped = false;
  private readonly arrays: boolean[] = [];
  private readonly path: (string | number)[] = [];

  constructor(private readonly limits: JsonLimits) {}

  /** Read a text that is one JSON value with only whitespace around it; false if it is not. */
  readWhole(text: string): boolean {
    const end = this.read(text, skipSpace(text, 0), false);
    return end >= 0 && skipSpace(text, end) === text.length;
  }

  /** Read the object whose `{` is at `from`; where it ends, or -1 if no JSON object starts there. */
  readObject(text: string, from: number): number {
    return this.read(text, from, true);
  }

  /** Let the paths and the text go (they may be large). */
  release(): void {
    this.paths.fill(EMPTY_PATH, 0, this.count);
    this.count = 0;
    this.s = '';
  }

  private read(text: string, from: number, objectOnly: boolean): number {
    this.s = text;
    this.pos = this.far = from;
    this.count = 0;
    this.tooDeep = false;
    this.arrays.length = 0;
    this.path.length = 0;
    const { stepsPerChar } = this.limits;
    const steps = stepsPerChar === Infinity ? Infinity : PATH_BASE + stepsPerChar * text.length;
    const ok = (!objectOnly || text.charCodeAt(from) === LBRACE) && this.parse(steps);
    this.reach = Math.max(this.far, this.pos);
    if (ok) return this.pos;
    this.count = 0;
    return -1;
  }

  /** The grammar, over an explicit stack of open containers. */
  private parse(steps: number): boolean {
    const s = this.s;
    const { arrays, path } = this;
    const { maxDepth, keys } = this.limits;
    let key = -1; // where the key of the current member starts
    value: for (;;) {
      const c = s.charCodeAt(this.pos);
      const depth = arrays.length;
      if (c === LBRACE || c === LBRACKET) {
        if (depth + 1 > maxDepth) return false;
        const isArray = c === LBRACKET;
        this.pos++;
        this.ws();
        if (s.charCodeAt(this.pos) === (isArray ? RBRACKET : RBRACE)) {
          this.pos++; // empty: a value like any other, read on after it
        } else {
          arrays.push(isArray);
          path.push(0);
          if (isArray) continue value;
          if ((key = this.key(keys)) < 0) return false;
          continue value;
        }
      } else if (c === DQUOTE || c === DASH || (c >= 48 && c <= 57)) {
        const start = this.pos;
        if (c === DQUOTE ? this.string() < 0 : !this.number()) return false;
        const i = this.count++;
        this.kinds[i] = c === DQUOTE ? JsonKind.String : JsonKind.Number;
        this.starts[i] = start;
        this.ends[i] = this.pos;
        this.escaped[i] = c === DQUOTE && this.lastEscaped;
        this.keyStarts[i] = depth && !arrays[depth - 1] ? key : -1;
        this.paths[i] = depth ? path.slice() : EMPTY_PATH;
        steps -= depth;
        if (steps < 0) {
          this.tooDeep = true;
          return false;
        }
      } else if (!this.literal()) return false;

      // After a value: close what it ends, then a comma and the next member or element.
      for (;;) {
        const top = arrays.length - 1;
        if (top < 0) return true;
        this.ws();
        const d = s.charCodeAt(this.pos);
        if (this.pos > this.far) this.far = this.pos;
        this.pos++;
        if (d === (arrays[top] ? RBRACKET : RBRACE)) {
          arrays.pop();
          path.pop();
          continue;
        }
        if (d !== COMMA) return false;
        this.ws();
        if (arrays[top]) (path[top] as number)++;
        else if ((key = this.key(keys)) < 0) return false;
        continue value;
      }
    }
  }

  /** A member's key and its colon: sets the path's last step, returns where the key starts or -1. */
  private key(record: boolean): number {
    const s = this.s;
    const start = this.pos;
    if (s.charCodeAt(start) !== DQUOTE || this.string() < 0) return -1;
    const raw = s.slice(start + 1, this.pos - 1);
    const name = this.lastEscaped ? (JSON.parse(`"${raw}"`) as string) : raw;
    this.path[this.path.length - 1] = name;
    if (record && mayHoldData(name)) {
      const i = this.count++;
      this.kinds[i] = JsonKind.Key;
      this.starts[i] = start;
      this.ends[i] = this.pos;
      this.escaped[i] = this.lastEscaped;
      this.keyStarts[i] = -1;
      this.paths[i] = EMPTY_PATH;
    }
    this.ws();
    if (s.charCodeAt(this.pos) !== COLON) return -1;
    this.pos++;
    this.ws();
    return start;
  }

  /** At a `"`: moves past the string and returns its end, or -1 if it is not a JSON string. */
  private string(): number {
    const s = this.s;
    const n = s.length;
    let p = this.pos + 1;
    let escaped = false;
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === DQUOTE) {
        this.pos = p + 1;
        if (p > this.far) this.far = p;
        this.lastEscaped = escaped;
        return this.pos;
      }
      if (c < 0x20) break;
      if (c === BSLASH) {
        const e = s.charCodeAt(p + 1);
        escaped = true;
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
    if (p > this.far) this.far = p;
    return -1;
  }

  private ws(): void {
    this.pos = skipSpace(this.s, this.pos);
  }

  private number(): boolean {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.s)) return false;
    this.pos = NUMBER.lastIndex;
    return true;
  }

  private literal(): boolean {
    for (const word of LITERALS) {
      if (this.s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return true;
      }
    }
    return false;
  }
}

/** Path steps every text may use whatever its length. */
const PATH_BASE = 1024;

function isSpace(c: number): boolean {
  return c === SP || c === TAB || c === LF || c === CR;
}

/** The first index at or after `i` that is not JSON whitespace. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the last char before `i` that is not JSON whitespace. */
export function skipSpaceBack(text: string, i: number): number {
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}
