// Over 400 lines: the token walker and the rewriter that feeds it (resumable, for the worker pool)
// are one reading of JSON, sharing its private errors; JsonTransform is a thin stream around them.
import { Transform, type TransformCallback } from 'node:stream';
import { getManyValues, none, type Many } from 'stream-chain/defs.js';
import { jsoncParser, type JsoncToken } from 'stream-json/core/jsonc/parser.js';
import { LogveilError } from '../errors.js';
import type { Format, FormatOptions } from './format.js';
import { isJsonNumber, mayHoldData } from './inline/json.js';
import { DROP, type ValueVisitor } from '../record/index.js';

/**
 * JSON documents of any size, streamed: stream-json's tokenizer → the value walker below, which
 * writes the tokens back as text. Memory holds the current path and one object member, never the
 * document.
 *
 * - Records: each element of a top-level array is a record (its index); any other top-level value
 *   is one record. Several top-level values one after another (concatenated JSON, or NDJSON saved
 *   as `.json`) are read too, numbered on.
 * - Every string value is visited (unescaped) with its path from the record's root, every number
 *   with its raw text; keys never. A changed number stays a bare number when the replacement is a
 *   JSON number, else it becomes a string. DROP removes an object member with one comma; in an
 *   array, or for a top-level value, it writes `null`.
 * - Layout: the tokenizer used is stream-json's JSONC one for its whitespace and comma tokens, so
 *   whitespace, newlines and commas come out where they were (a pretty-printed dump stays
 *   pretty-printed). What changes: strings are re-escaped minimally by JSON.stringify (`\/` → `/`,
 *   `\u00e9` → `é`), whitespace between a key and its colon moves after the colon. Numbers keep
 *   their text (`1.50`, `1e3`). A leading byte-order mark is kept.
 * - Strict JSON: comments and trailing commas, which the JSONC tokenizer would accept, are errors.
 * - Values nested too deep for the size of the document (more than PATH_STEPS path steps in all per
 *   byte read) stop the stream with `LV_FORMAT`: every value is visited with its whole path, so a
 *   document of values at every depth (`[1,[1,[1,…`) would cost time quadratic in its size (it took
 *   10 s for 160 KB). Any depth is read as long as the values are not deep and many at once.
 * - Fail closed: input that is not JSON stops the stream with `LV_FORMAT`, naming the input and the
 *   byte range of the chunk where parsing failed (the tokenizer does not report offsets), never the
 *   data. Everything written before the error was visited; a file output is a temporary file that
 *   the CLI removes on error (src/io.ts), so no half document survives under the output's name.
 * - Bytes that are not valid UTF-8 stop the stream with `LV_FORMAT` too, naming the byte range: JSON
 *   text is UTF-8, and a re-serialised string cannot hold them, so they would be lost (as U+FFFD).
 */
export const jsonFormat: Format = {
  name: 'json',
  extensions: ['.json'],
  createTransform(options: FormatOptions) {
    return new JsonTransform(options);
  },
};

/** The path steps the values may have in all, per byte read (see ValueWalker.used). */
export const PATH_STEPS = 16;
/** The path steps any document may have, whatever its size. */
export const PATH_BASE = 1024;

const OBJECT = 0;
const ARRAY = 1;
const NULL_TOKEN: JsoncToken = { name: 'nullValue', value: null };
const EMPTY_PATH: readonly never[] = [];

/** A problem of the document itself, named without data; the transform adds the place. */
class NotJson extends Error {}
/** Values nested too deep for the size of the document: JSON, but not read. */
class TooDeep extends Error {}

/**
 * Token in, tokens out to the stringer. Tracks the path, numbers records, visits values, and holds
 * back an object member (its comma, whitespace and key) until its value says whether it stays.
 */
class ValueWalker {
  private readonly kinds: number[] = []; // OBJECT or ARRAY per open container
  private readonly slots: boolean[] = []; // whether the container has a segment in `path`
  private readonly kept: number[] = []; // members written so far, per open object
  private readonly path: (string | number)[] = [];
  private record = -1;
  private afterComma = false;
  private readonly held: JsoncToken[] = []; // reused; `heldCount` of them are current
  private heldCount = 0;
  private holding = false;
  out = '';
  /** Path steps the values have used so far. */
  used = 0;
  /** Path steps the values may have: PATH_BASE and PATH_STEPS per byte of the chunks read (set by the rewriter). */
  limit = PATH_BASE;

  constructor(private readonly visitor: ValueVisitor) {}

  /**
   * Start just after a comma of a top-level array whose elements so far end with record `record`:
   * the state the walker is in there, whatever came before (a worker maps a batch of elements).
   */
  resumeInArray(record: number): void {
    this.open(ARRAY);
    this.record = record;
    this.afterComma = true;
  }

  token(t: JsoncToken): void {
    switch (t.name) {
      case 'whitespace':
        if (this.holding) this.held[this.heldCount++] = t;
        else this.out += t.value;
        return;
      case 'comma':
        this.afterComma = true;
        if (this.kinds[this.kinds.length - 1] === OBJECT) {
          this.holding = true;
          this.held[this.heldCount++] = t;
        } else this.out += ',';
        return;
      case 'keyValue':
        this.afterComma = false;
        this.holding = true;
        this.held[this.heldCount++] = t;
        this.path[this.path.length - 1] = t.value;
        return;
      case 'endObject':
      case 'endArray':
        if (this.afterComma) throw new NotJson('a trailing comma');
        this.emit(t);
        if (this.kinds.pop() === OBJECT) this.kept.pop();
        if (this.slots.pop()) this.path.pop();
        return;
      case 'startObject':
      case 'startArray':
        this.startValue(t.name === 'startArray');
        this.flushHeld();
        this.emit(t);
        this.open(t.name === 'startObject' ? OBJECT : ARRAY);
        return;
      case 'stringValue':
      case 'numberValue': {
        this.startValue();
        this.used += this.path.length;
        if (this.used > this.limit) throw new TooDeep();
        const out = this.visitor.visit(t.value, { record: this.record, path: this.path.length ? this.path.slice() : EMPTY_PATH });
        if (out === t.value) break;
        if (out === DROP) {
          if (this.kinds[this.kinds.length - 1] === OBJECT) {
            this.heldCount = 0; // the member goes: its comma (if any), key and whitespace
            this.holding = false;
            return;
          }
          t = NULL_TOKEN;
        } else t = { name: t.name === 'numberValue' && isJsonNumber(out) ? 'numberValue' : 'stringValue', value: out };
        break;
      }
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        this.startValue();
        break;
      case 'commentValue':
      case 'startComment':
      case 'commentChunk':
      case 'endComment':
        throw new NotJson('a comment');
      default:
        throw new NotJson(`an unexpected ${t.name} token`);
    }
    this.flushHeld();
    this.emit(t);
  }

  /** The document ended: nothing may be left open. */
  end(): void {
    if (this.kinds.length) throw new NotJson('the document ends inside an object or array');
  }

  /** A value begins: advance the record or the array index it sits at. */
  private startValue(isArray = false): void {
    this.afterComma = false;
    const depth = this.kinds.length;
    if (depth === 0) {
      if (!isArray) this.record++; // a top-level array is not a record; its elements are
    } else if (this.kinds[depth - 1] === ARRAY) {
      if (this.slots[depth - 1]) (this.path[this.path.length - 1] as number)++;
      else this.record++; // an element of a top-level array is a record
    }
  }

  private open(kind: number): void {
    // A top-level array holds records: its elements start a path of their own.
    const slot = !(this.kinds.length === 0 && kind === ARRAY);
    this.kinds.push(kind);
    this.slots.push(slot);
    if (kind === OBJECT) this.kept.push(0);
    if (slot) this.path.push(kind === OBJECT ? '' : -1);
  }

  /**
   * The held member stays: write its tokens. A comma before the first member written (the ones
   * before it were dropped) goes, with the whitespace after it (the whitespace before the dropped
   * member's key is already written and takes its place).
   */
  private flushHeld(): void {
    if (!this.holding) return;
    this.holding = false;
    const held = this.held;
    const n = this.heldCount;
    let i = 0;
    const k = this.kept.length - 1;
    if (n && held[0].name === 'comma' && this.kept[k] === 0) {
      i = 1;
      while (i < n && held[i].name === 'whitespace') i++;
    }
    for (; i < n; i++) this.emit(held[i]);
    this.heldCount = 0;
    this.kept[k]++;
  }

  /**
   * Write a token as JSON text (what stream-json's stringer does, with the native JSON.stringify for
   * strings, and with the commas and whitespace exactly as the tokens give them).
   */
  private emit(t: JsoncToken): void {
    switch (t.name) {
      case 'whitespace':
        this.out += t.value;
        return;
      case 'comma':
        this.out += ',';
        return;
      case 'startObject':
        this.out += '{';
        return;
      case 'endObject':
        this.out += '}';
        return;
      case 'startArray':
        this.out += '[';
        return;
      case 'endArray':
        this.out += ']';
        return;
      case 'keyValue': {
        // A key with a digit or an `@` may itself be personal data (`"alice@example.com": {…}`): scanned
        // as text. Field rules keep matching the key as written (the path holds the original).
        const key = t.value as string;
        const out = mayHoldData(key) ? this.visitor.visit(key, { record: this.record, path: EMPTY_PATH }) : key;
        this.out += JSON.stringify(out === DROP ? '' : out) + ':';
        return;
      }
      case 'stringValue':
        this.out += JSON.stringify(t.value);
        return;
      case 'numberValue':
        this.out += t.value;
        return;
      case 'nullValue':
        this.out += 'null';
        return;
      case 'trueValue':
        this.out += 'true';
        return;
      case 'falseValue':
        this.out += 'false';
        return;
      default:
        throw new NotJson(`an unexpected ${t.name} token`);
    }
  }
}

/**
 * stream-json's JSONC tokenizer, set to report whitespace and commas (so layout can be kept) and whole
 * values; text in, tokens out, called with `none` at the end of input (stream-chain's flush protocol).
 */
export function jsonTokenizer(): (text: string | typeof none) => Many<JsoncToken> | typeof none {
  return jsoncParser({
    packValues: true,
    streamValues: false,
    jsonStreaming: true,
    streamWhitespace: true,
    streamCommas: true,
    streamComments: false,
    packComments: true,
  }) as (text: string | typeof none) => Many<JsoncToken> | typeof none;
}

/** Where a rewriter starts when it does not start at the input's first byte (a worker's batch of array elements). */
export interface JsonResume {
  /** The record (array element) before the first one it reads: it starts just after that element's comma. */
  readonly record: number;
  /** Path steps the values before it used (the budget is the whole input's, see PATH_STEPS). */
  readonly used: number;
}

/**
 * The JSON rewriting itself, without a stream around it: UTF-8 bytes in, chunk by chunk, text out.
 * JsonTransform feeds it the input's chunks; the worker pool feeds it a batch of whole elements of a
 * top-level array, resumed after a comma, in the same chunks (`from`, `to`: the chunk's place in the
 * input, for messages and the path-step budget), so that it gives the same text and the same errors.
 */
export class JsonRewriter {
  /** Fatal: bytes that are not UTF-8 are an error, not U+FFFD; the BOM is kept in the text (see feed). */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The tokenizer: text in, tokens out; called with `none` at the end of input (stream-chain's flush protocol). */
  private readonly parse = jsonTokenizer();
  private readonly walker: ValueWalker;
  private started = false;

  constructor(
    visitor: ValueVisitor,
    private readonly source: string,
    resume?: JsonResume,
  ) {
    this.walker = new ValueWalker(visitor);
    if (resume !== undefined) {
      // The tokenizer is put where it is after a comma of a top-level array; its tokens are not walked.
      this.parse('[0,');
      this.walker.resumeInArray(resume.record);
      this.walker.used = resume.used;
      this.started = true; // a byte-order mark is one only at the input's start
    }
  }

  /** Path steps used so far (with those before a resumed start). */
  get used(): number {
    return this.walker.used;
  }

  /** The text of `bytes`, the input's bytes from `from` or a later byte, up to `to` or an earlier one. */
  write(bytes: Buffer, from: number, to: number): string {
    this.walker.limit = PATH_BASE + PATH_STEPS * to;
    try {
      this.feed(this.decode(bytes));
      return this.takeOut();
    } catch (e) {
      throw this.failure(e, `in bytes ${from}–${to}`);
    }
  }

  /** The input ended after `total` bytes: the rest of the text. */
  end(total: number): string {
    try {
      this.feed(this.decode());
      this.tokens(this.parse(none));
      this.walker.end();
      return this.takeOut();
    } catch (e) {
      throw this.failure(e, `at its end (byte ${total})`);
    }
  }

  /** The text of the next chunk (a character split between chunks comes with the later one); none: the end. */
  private decode(chunk?: Buffer): string {
    try {
      return chunk ? this.decoder.decode(chunk, { stream: true }) : this.decoder.decode();
    } catch (e) {
      throw new NotJson('bytes that are not UTF-8', { cause: e });
    }
  }

  private feed(text: string): void {
    if (!text) return;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) {
        this.walker.out += '\ufeff'; // a byte-order mark is not JSON; keep it, parse after it
        text = text.slice(1);
        if (!text) return;
      }
    }
    this.tokens(this.parse(text));
  }

  private tokens(result: Many<JsoncToken> | typeof none): void {
    if (result === none) return;
    const walker = this.walker;
    for (const t of getManyValues(result)) walker.token(t);
  }

  private takeOut(): string {
    const out = this.walker.out;
    this.walker.out = '';
    return out;
  }

  private failure(e: unknown, where: string): Error {
    if (e instanceof LogveilError) return e;
    if (e instanceof TooDeep) return tooDeep(this.source, where);
    if (e instanceof NotJson || (e instanceof Error && /^Parser /.test(e.message))) {
      const why = e instanceof NotJson ? e.message : e.message.replace(/^Parser (cannot parse input: |has )/, '');
      return new LogveilError('LV_FORMAT', `${this.source}: not valid JSON ${where}: ${why}`, { cause: e });
    }
    return e as Error;
  }
}

/** The error for values nested too deep for the input's size (`where`: the chunk, or its end). */
export function tooDeep(source: string, where: string): LogveilError {
  return new LogveilError('LV_FORMAT', `${source}: JSON values nested too deep for its size ${where}, not read`);
}

export class JsonTransform extends Transform {
  private readonly rewriter: JsonRewriter;
  private bytes = 0;

  constructor({ visitor, source }: FormatOptions) {
    super();
    this.rewriter = new JsonRewriter(visitor, source);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const from = this.bytes;
    this.bytes += chunk.length;
    try {
      this.pushText(this.rewriter.write(chunk, from, this.bytes));
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      this.pushText(this.rewriter.end(this.bytes));
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private pushText(text: string): void {
    if (text) this.push(Buffer.from(text, 'utf8'));
  }
}
