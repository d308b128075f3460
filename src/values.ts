/**
 * Anonymized copies of JavaScript values (Anonymizer.record): a value is read as the NDJSON format
 * reads `JSON.stringify(value)` on one line (formats/ndjson.ts), and each of its values is handed to
 * the same visitor with the same path, so field rules and detection are the ones a log line gets:
 *
 * - every string at any depth is visited with its path (`["user", "email"]`, `["items", 0]`);
 * - every finite number with its JSON text (`13800138000`): a replacement that is a JSON number comes
 *   back a number, any other (`<PHONE>`) a string;
 * - an object key is visited (as text, path `[]`) only when it may hold data (a digit or `@`), as
 *   NDJSON visits it; a key it drops becomes `""`;
 * - DROP removes an object's member; in an array, and for the value itself, it gives `null`;
 * - an object with `toJSON` (a Date, a URL) is read as what `toJSON` returns, as JSON.stringify does.
 *
 * Beyond JSON: an Error's own properties, enumerable or not (`message`, `stack`, `cause`, `errors`),
 * are read as an object's; a bigint is read as a number (a replacement that is an integer stays a
 * bigint); a cycle becomes the string `[Circular]`, as the serializers of pino and winston write it.
 * What JSON does not write holds no data it would pass on and is kept as it is: booleans, null,
 * undefined, functions, symbols, NaN and infinities, the entries of a Map or Set, and every
 * symbol-keyed property (winston keeps its `level`, `message` and `splat` there).
 *
 * Copy on write: what has nothing to change is returned as the very same value, and a copy shares
 * the parts of the original that did not change.
 */
import { LogveilError } from './errors.js';
import { isJsonNumber, mayHoldData } from './formats/inline/json.js';
import { DROP, type Place, type ValueVisitor } from './record/index.js';

/** What a reference to an object that contains it becomes in the copy. */
export const CIRCULAR = '[Circular]';

/**
 * Containers open at once, at most: deeper is refused (LV_REDACT) rather than risk the stack of the
 * process that logs. No log record is nested this deep; JSON.stringify overflows at about ten times it.
 */
export const MAX_DEPTH = 1000;

const NO_PATH: readonly never[] = [];

/**
 * The value with the visitor's replacements applied, copied where something changed; the same value
 * when nothing did. `record` is the place's record number the visitor is told.
 */
export function copyValue(value: unknown, visitor: ValueVisitor, record = 0): unknown {
  const out = new ValueCopier(visitor, record).value(value, '');
  return out === DROP ? null : out;
}

/**
 * One copy's walk. The path is one array, pushed and popped as the walk goes down and up: the
 * visitor gets it during a call and must not keep it (as with a Place).
 */
class ValueCopier {
  private readonly path: (string | number)[] = [];
  private readonly place: Place;
  private readonly keyPlace: Place;
  /** The objects being copied, outermost first: meeting one again is a cycle. */
  private readonly open: object[] = [];

  constructor(
    private readonly visitor: ValueVisitor,
    record: number,
  ) {
    this.place = { record, path: this.path };
    this.keyPlace = { record, path: NO_PATH };
  }

  /** `key` is what JSON.stringify gives a `toJSON` method: the member's key, the index as a string, `''` at the top. */
  value(v: unknown, key: string): unknown {
    switch (typeof v) {
      case 'string':
        return this.visitor.visit(v, this.place);
      case 'number':
        return Number.isFinite(v) ? this.number(v, String(v), Number) : v;
      case 'bigint':
        return this.number(v, String(v), (text) => (/^-?\d+$/.test(text) ? BigInt(text) : text));
      case 'object':
        if (v === null) return v;
        if (typeof (v as { toJSON?: unknown }).toJSON === 'function' && !isError(v)) return this.viaToJSON(v, key);
        return this.object(v);
      default:
        return v;
    }
  }

  /** A number is visited as its JSON text, as NDJSON visits the text of a number. */
  private number<N>(v: N, text: string, asNumber: (text: string) => unknown): unknown {
    const out = this.visitor.visit(text, this.place);
    if (out === text) return v;
    if (out === DROP) return DROP;
    return isJsonNumber(out) ? asNumber(out) : out;
  }

  /** What JSON.stringify writes for it: the value toJSON returns (not asked for its own toJSON again). */
  private viaToJSON(v: object, key: string): unknown {
    const json: unknown = (v as { toJSON(key: string): unknown }).toJSON(key);
    const out = json !== null && typeof json === 'object' ? this.object(json) : this.value(json, key);
    return out === json ? v : out;
  }

  private object(o: object): unknown {
    if (this.open.includes(o)) return CIRCULAR;
    if (this.open.length >= MAX_DEPTH) throw new LogveilError('LV_REDACT', `record: values nested more than ${MAX_DEPTH} deep (not read)`);
    this.open.push(o);
    try {
      return Array.isArray(o) ? this.array(o) : this.members(o);
    } finally {
      this.open.pop();
    }
  }

  private array(a: readonly unknown[]): unknown {
    let copy: unknown[] | null = null;
    const path = this.path;
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      path.push(i);
      let out = this.value(v, String(i));
      path.pop();
      if (out === v) continue;
      if (out === DROP) out = null;
      copy ??= a.slice();
      copy[i] = out;
    }
    return copy ?? a;
  }

  /**
   * An object's members, in order, under their keys as JSON writes them (own enumerable string keys;
   * an Error's own string keys, enumerable or not). The copy is a plain object (an Error's copy has
   * the original's prototype, so it is an instance of the same class) with the symbol-keyed
   * properties of the original as they are.
   */
  private members(o: object): unknown {
    const error = isError(o);
    const keys = error ? Object.getOwnPropertyNames(o) : Object.keys(o);
    const values = o as Record<string, unknown>;
    const path = this.path;
    let copy: Record<string, unknown> | null = null;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const v = values[key];
      let name: string = key;
      if (mayHoldData(key)) {
        const out = this.visitor.visit(key, this.keyPlace);
        name = out === DROP ? '' : out;
      }
      path.push(key);
      const out = this.value(v, key);
      path.pop();
      if (copy === null) {
        if (out === v && name === key) continue;
        copy = error ? Object.create(Object.getPrototypeOf(o) as object | null) : Object.getPrototypeOf(o) === null ? Object.create(null) : {};
        for (let j = 0; j < i; j++) put(copy!, keys[j], values[keys[j]], o, keys[j], error);
      }
      if (out !== DROP) put(copy!, name, out, o, key, error);
    }
    if (copy === null) return o;
    for (const symbol of Object.getOwnPropertySymbols(o)) Object.defineProperty(copy, symbol, Object.getOwnPropertyDescriptor(o, symbol)!);
    return copy;
  }
}

/**
 * Set a member of a copy as JSON.parse would make it: an own data property (`__proto__` included; a
 * second member of one name takes the first one's place). An Error's copy gets each as the original
 * has it, enumerable or not (its `message` and `stack` are not).
 */
function put(copy: Record<string, unknown>, name: string, value: unknown, original: object, from: string, error: boolean): void {
  if (!error && name !== '__proto__') copy[name] = value;
  else {
    const enumerable = Object.prototype.propertyIsEnumerable.call(original, from);
    Object.defineProperty(copy, name, { value, enumerable, writable: true, configurable: true });
  }
}

function isError(v: unknown): v is Error {
  return v instanceof Error || Object.prototype.toString.call(v) === '[object Error]';
}
