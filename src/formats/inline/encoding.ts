/**
 * A value inside a line is written in the notation around it (%-encoding in a query string,
 * backslash escapes in quotes, JSON escapes, a bare JSON number): read its value out of that text,
 * and write a replacement back the same way, so the line keeps its syntax.
 */
import { isJsonNumber } from './json.js';
import { APOS, BSLASH, indexOfCode, PERCENT, PLUS } from './chars.js';
import type { KvEncoding, KvSpan } from './span.js';

/** Whether the span's text differs from its value (escapes, %-encoding), or it is a JSON number. */
export function isEncoded(line: string, span: KvSpan): boolean {
  switch (span.encoding) {
    case 'number':
      return true;
    case 'url':
      for (let i = span.start; i < span.end; i++) {
        const c = line.charCodeAt(i);
        if (c === PERCENT || c === PLUS) return true;
      }
      return false;
    case 'quoted':
    case 'single':
    case 'json':
      return indexOfCode(line, BSLASH, span.start, span.end) >= 0;
    case 'sql':
      return indexOfCode(line, BSLASH, span.start, span.end) >= 0 || indexOfCode(line, APOS, span.start, span.end) >= 0;
    default:
      return false;
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', "'": "'" };

/** The value the span's text stands for (the same string when it has no escapes). */
export function decodeValue(raw: string, encoding: KvEncoding): string {
  switch (encoding) {
    case 'url':
      if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
      try {
        return decodeURIComponent(raw.replace(/\+/g, ' '));
      } catch {
        return raw; // malformed %-escapes: the text as it is
      }
    case 'json':
      return raw.indexOf('\\') < 0 ? raw : (JSON.parse(`"${raw}"`) as string);
    case 'quoted':
    case 'single':
      // Known escapes only; any other backslash stays as written.
      return raw.indexOf('\\') < 0 ? raw : raw.replace(/\\([nrt\\"'])/g, (_m, e: string) => SIMPLE_ESCAPES[e]);
    case 'sql':
      return raw.replace(/''|\\([nrt\\"'])/g, (_m, e: string | undefined) => (e === undefined ? "'" : SIMPLE_ESCAPES[e]));
    default:
      return raw;
  }
}

/** What a query value may not hold as is: the pair syntax, spaces and controls, non-ASCII. */
const URL_UNSAFE = /[%&=+#"\s\u0000-\u001f\u007f-\uffff]+/g;

function percentEncode(chunk: string): string {
  try {
    return encodeURIComponent(chunk);
  } catch {
    return encodeURIComponent(chunk.replace(/[\ud800-\udfff]/g, '\ufffd')); // a lone surrogate
  }
}

/**
 * Write a replacement back in the span's encoding. `raw`, the span's text as it was, tells how a query
 * wrote its spaces: as `+` (form encoding, `q=call+me+at+…`) or as `%20`; the replacement keeps that.
 */
export function encodeValue(value: string, encoding: KvEncoding, raw?: string): string {
  switch (encoding) {
    case 'logfmt':
      return /[\s"=]/.test(value) && !sameBareLayout(value, raw) ? `"${escapeQuoted(value, '"')}"` : value;
    case 'quoted':
      return escapeQuoted(value, '"');
    case 'single':
      return escapeQuoted(value, "'");
    case 'sql':
      // `''` is a quote in every SQL dialect; backslashes are left as written (literal in standard SQL).
      return value.replace(/'/g, "''");
    case 'url': {
      const plus = raw !== undefined && raw.includes('+');
      return value.replace(URL_UNSAFE, plus ? (chunk) => chunk.split(' ').map(percentEncode).join('+') : percentEncode);
    }
    case 'json':
      return JSON.stringify(value).slice(1, -1);
    case 'number':
      return isJsonNumber(value) ? value : JSON.stringify(value);
    default:
      return value;
  }
}

/**
 * A bare value that the log wrote with spaces (`card=4111 1111 1111 1111`: the reader takes a grouped
 * number whole) and a replacement with its spaces in the same places (a mask, a same-shape pseudonym,
 * FF1): written bare as the log wrote it, so the layout is kept and reveal gives the bytes back.
 * Any other replacement with a space, `"` or `=` is quoted, as logfmt wants.
 */
function sameBareLayout(value: string, raw: string | undefined): boolean {
  if (raw === undefined || raw.length !== value.length || /["=]/.test(value)) return false;
  for (let i = 0; i < value.length; i++) {
    const a = value.charCodeAt(i);
    const b = raw.charCodeAt(i);
    if ((a <= 32 || b <= 32) && a !== b) return false; // a space, tab or control char moved
  }
  return true;
}

function escapeQuoted(value: string, quote: '"' | "'"): string {
  return value.replace(quote === '"' ? /[\\"\n\r\t]/g : /[\\'\n\r\t]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`,
  );
}

/** What a dropped value leaves: nothing (the key stays), or `null` for a JSON number. */
export function droppedValue(encoding: KvEncoding): string {
  return encoding === 'number' ? 'null' : '';
}
