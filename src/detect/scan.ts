// Over 400 lines on purpose for now: the candidate loop, its class offers and the context-word hits
// it adds as it reads are one hot path, kept together so it can be profiled and changed as one.
import { isAlnum, isDigit, isHex, isLetter } from '../../detectors/lib/chars.js';
import { noteEnd } from '../../detectors/lib/note.js';
import { messageIdEnd } from '../../detectors/lib/message-id.js';
import { insideOperatorToken, operatorTokenEnd } from '../../detectors/lib/operator-output.js';
import { isCjkWordChar } from '../../detectors/lib/scripts.js';
import type { Detector, PiiType, ValidateContext } from '../../detectors/index.js';
import { compileDetectors, type CompiledDetector, type CompiledDetectors } from './compile.js';
import { benignTokenEnd } from './benign.js';
import { codeAt } from '../../detectors/lib/code-at.js';
import { CONTEXT_WINDOW, WordHits, type ContextWords, type WordHit } from './context.js';
import { NO_FINDINGS, type Finding } from './finding.js';
import { resolveOverlaps } from './overlap.js';
import { withRecurrences } from './recurrence.js';
import { endsAtRun, PLAIN_ASK, PLAIN_NO } from './plain-run.js';
import { runsIntoWide, startsWideWord, wideLocalStart } from './wide-word.js';

export type { Finding } from './finding.js';

/** Where a string sits: the field name it is the value of, and what a field rule says it is. */
export interface ScanPlace {
  /** JSON key, CSV header or logfmt key; it counts as a context word for the value. */
  readonly key?: string;
  /** A field rule says the whole value is of this type (context-only detectors then fire). */
  readonly fieldType?: PiiType;
  /**
   * The string is one whole value of a field that is not named (a bound SQL string whose statement
   * was not seen): a candidate that spans all of it is that value (ValidateContext.whole).
   */
  readonly whole?: boolean;
}

/** A compiled detector list: one pass over a string gives its findings. */
export interface Scanner {
  /** Resolved, non-overlapping findings sorted by start; the shared empty array when there are none. */
  scan(text: string, place?: ScanPlace): readonly Finding[];
}

/** Local-part characters the `@` candidate walks back over (RFC allows more; logs put `=` and `'` around emails). */
const LOCAL_PART_MAX = 64;
/** How often a rejected grouped span is cut back to an earlier separator (a phone has up to 6 groups). */
const MAX_CUTS = 6;
/**
 * How far after the end of an anchor word a `word` candidate may start: `Accepted publickey for X`,
 * `session opened for user root by X(uid=…)`, `sudo[4242]: X`.
 */
const ANCHOR_REACH = 16;
const NO_ANCHOR = -1_000_000;

/**
 * A `hexcolon` value (IPv6, MAC) has a `:` (or URL-encoded `%3A`) after at most four hex digits, or a MAC's `-` after two or
 * Cisco `.` after four, or is a compact MAC, exactly twelve hex digits: most hex-looking starts
 * (`2026-03-03`, `deadbeef`, hashes) fail here.
 */
function looksHexColon(text: string, start: number): boolean {
  let i = start;
  const n = text.length;
  const stop = Math.min(n, start + 5);
  while (i < stop && isHex(text.charCodeAt(i))) i++;
  if (i - start === 5) {
    const end = Math.min(n, start + 13);
    while (i < end && isHex(text.charCodeAt(i))) i++;
    return i - start === 12 && (i >= n || !isAlnum(text.charCodeAt(i)));
  }
  if (i >= n) return false;
  const c = text.charCodeAt(i);
  const run = i - start;
  return c === 58 || (c === 45 && run === 2) || (c === 46 && run === 4) || (c === 37 && isEncodedColon(text, i));
}

/** `%3A` or `%3a`: a colon in a URL (`?ip=2001%3Adb8%3A%3A1`). */
function isEncodedColon(text: string, i: number): boolean {
  return codeAt(text, i + 1) === 51 && (codeAt(text, i + 2) | 32) === 97;
}

/**
 * Which ASCII chars each candidate class's values are written with, as bit flags in one table, so the
 * token-extent loop is a monomorphic table lookup:
 * - digits: digits, separators, brackets, `+`, `/`, and the ID check char X
 * - alnum: letters, digits, spaces, `-` and `.` (grouped IBANs) and brackets (`A123456(3)`)
 * - hexcolon: letters, digits, `:`, `.`, `-`, `%` (zone ids)
 * - at: anything but whitespace, double quotes, angle brackets, `,` and `;` around an address (a `'`
 *   may be a name's apostrophe: `o'brien@…`)
 */
const IN_DIGITS = 1;
const IN_ALNUM = 2;
const IN_HEX = 4;
const IN_EMAIL = 8;
/** Letters and digits only: `digitStart` alnum values (credit codes) written compact. */
const IN_WORD = 16;
/** Letters, digits, space and `-`: `digitStart` alnum values written in groups (`9135 0100 M000 …`). */
const IN_GROUPED = 32;
/** Not a token class: an ASCII letter or digit (the main loop's test). */
const ALNUM = 16;
/** Not token classes: a lower-case and an upper-case ASCII letter (where a context word may start). */
const LOWER = 64;
const UPPER = 128;
const LETTER = LOWER | UPPER;
const TOKEN_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = isAlnum(c);
  let f = alnum ? ALNUM : 0;
  if (isDigit(c) || ' -.()+/Xx'.includes(String.fromCharCode(c))) f |= IN_DIGITS;
  if (alnum || ' -.()'.includes(String.fromCharCode(c))) f |= IN_ALNUM;
  if (alnum || ':.-%'.includes(String.fromCharCode(c))) f |= IN_HEX;
  if (c > 32 && !'"<>,;'.includes(String.fromCharCode(c))) f |= IN_EMAIL;
  if (alnum) f |= IN_WORD;
  if (alnum || c === 32 || c === 45) f |= IN_GROUPED;
  if (c >= 97 && c <= 122) f |= LOWER;
  if (c >= 65 && c <= 90) f |= UPPER;
  TOKEN_CHARS[c] = f;
}

/** `+1…`, `(0…`, `(+86)…`: a `+` or `(` that opens a number. */
function opensNumber(text: string, i: number): boolean {
  const c1 = codeAt(text, i + 1);
  if (isDigit(c1)) return true;
  return text.charCodeAt(i) === 40 && c1 === 43 && isDigit(codeAt(text, i + 2));
}

/**
 * Non-ASCII chars only continue an email (IDN domains) or, full-width brackets, an alnum value
 * (`A123456（3）`); they end every other kind of token.
 */
function continuesWide(c: number, tokenFlag: number): boolean {
  return tokenFlag === IN_EMAIL || (tokenFlag === IN_ALNUM && (c === 0xff08 || c === 0xff09));
}

/** `DE 89`, `DE-89`, `DE.89` at i: two upper-case letters, one separator, a digit. */
function countryApart(text: string, i: number): boolean {
  // The separator first: in most words a letter follows the first two.
  const c2 = codeAt(text, i + 2);
  if (c2 !== 32 && c2 !== 45 && c2 !== 46) return false;
  const c = text.charCodeAt(i);
  const c1 = codeAt(text, i + 1);
  return c >= 65 && c <= 90 && c1 >= 65 && c1 <= 90 && isDigit(codeAt(text, i + 3));
}

/** Space or `-`: where a grouped number may be cut back. */
function isGroupSeparator(c: number): boolean {
  return c === 32 || c === 45;
}
function isLocalPart(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39; // . _ % + - '
}

/**
 * The one-pass scanner. One loop over the string's char codes finds candidate starts (token starts,
 * `@`), and offers each to the detectors of its class in list order: length, required context, the
 * sticky shape, then `validate`. All accepted spans are collected and overlaps resolved once.
 */
export class OnePassScanner implements Scanner, ValidateContext {
  private readonly compiled: CompiledDetectors;
  // Per-scan state, reused so that a scan allocates nothing until it finds something.
  private text = '';
  private place: ScanPlace | undefined;
  /** The context-word hits of the text so far: the scan loop adds them as it reads (see context.ts). */
  private readonly hits = new WordHits();
  private keyHits: readonly WordHit[] | null = null;
  /** The first hit that may still end within the window of a candidate at `cursorStart` or later. */
  private hitCursor = 0;
  private cursorStart = 0;
  private current!: CompiledDetector;
  private currentStart = 0;
  /** End of the last anchor word of the `word` detectors seen in the string (0: the key is one). */
  private anchorEnd = NO_ANCHOR;
  /** Whether a key holds an anchor word, by key (a log repeats its keys). */
  private readonly keyAnchors = new Map<string, boolean>();
  private readonly keyHitsByKey = new Map<string, readonly WordHit[]>();

  constructor(detectors: readonly Detector[]) {
    this.compiled = compileDetectors(detectors);
  }

  get detectors(): readonly Detector[] {
    return this.compiled.all.map((c) => c.detector);
  }

  // ValidateContext, answered for the candidate being validated.
  get context(): boolean {
    return this.hasWord(this.current, false);
  }
  get negative(): boolean {
    return this.hasWord(this.current, true);
  }
  get field(): boolean {
    return this.place?.fieldType === this.current.type;
  }
  get key(): string | undefined {
    return this.place?.key;
  }
  get whole(): boolean {
    return this.place?.whole === true;
  }

  scan(text: string, place?: ScanPlace): readonly Finding[] {
    this.text = text;
    this.place = place;
    this.hits.clear();
    this.hitCursor = this.cursorStart = 0;
    this.keyHits = null;
    this.anchorEnd = place?.key !== undefined && this.keyAnchored(place.key) ? 0 : NO_ANCHOR;
    const found = this.collect(text);
    this.text = '';
    this.place = undefined;
    this.keyHits = null;
    if (found === null) return NO_FINDINGS;
    // A value found once is the same value where it recurs without its context (recurrence.ts).
    return withRecurrences(text, resolveOverlaps(found, (f) => this.orderOf(f)));
  }

  private orderOf(f: Finding): number {
    for (const c of this.compiled.all) if (c.detector.name === f.detector) return c.index;
    return Number.MAX_SAFE_INTEGER;
  }

  private collect(text: string): Finding[] | null {
    const { digits, alnum, hexcolon, at, word, before } = this.compiled.byClass;
    const words = this.compiled.words;
    const trailing = this.compiled.trailing;
    const hits = this.hits;
    const anchored = this.compiled.anchored;
    const wideWords = this.compiled.wideWords;
    const alnumDigit = this.compiled.alnumDigitStart;
    const alnumDash = this.compiled.alnumDashStart;
    const glued = this.compiled.digitsGlued;
    const alnumDigitMin = alnumDigit.length > 0 ? alnumDigit[0].minLen : Infinity;
    const n = text.length;
    let found: Finding[] | null = null;
    let prevAlnum = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 && (TOKEN_CHARS[c] & ALNUM) !== 0) {
        if (!prevAlnum) {
          const tokenStart = i;
          const skip = isHex(c) ? benignTokenEnd(text, i) : -1;
          if (skip > 0) {
            // A UUID's hex letters may make a word (`cc`); a date or time's letters (T, Z) make none
            // unless a word is made of one of them (ContextWords.inTimes).
            if (words.inTimes || codeAt(text, i + 8) === 45) words.hitsBetween(text, i, skip, hits);
            i = skip - 1; // a timestamp or UUID: none of its parts starts a finding
            continue;
          }
          if (isDigit(c)) {
            // `1.2.3.4.5`: a digit run right after `<digit>.` continues a number, it does not start one.
            const dotted = i >= 2 && text.charCodeAt(i - 1) === 46 && isDigit(text.charCodeAt(i - 2));
            // `+44207***0553`: the digits a mask kept belong to the masked value and start nothing.
            const masked = i >= 1 && text.charCodeAt(i - 1) === 42;
            let q = i + 1;
            while (q < n && isDigit(text.charCodeAt(q))) q++;
            if (!dotted && !masked) {
              found = this.offerDigits(digits, i, q, found);
              // A credit code: letters and digits, or groups of them (a first group of 2 to 8 digits, one
              // separator, more letters or digits); a shorter run followed by neither is none.
              const cq = q < n ? text.charCodeAt(q) : 0;
              if (q - i >= alnumDigitMin || isLetter(cq)) found = this.offer(alnumDigit, i, found, IN_WORD);
              else if (q - i >= 2 && q - i <= 8 && isGroupSeparator(cq) && q + 1 < n && isAlnum(text.charCodeAt(q + 1))) {
                found = this.offer(alnumDigit, i, found, IN_GROUPED);
              }
              // A hex group goes on with `:`, `-`, `.`, `%3A` or a hex letter (`fe80::1`, `00:1a:…`, `0a1b.…`).
              if ((cq === 58 || cq === 45 || cq === 46 || cq === 37 || isHex(cq)) && looksHexColon(text, i)) {
                found = this.offer(hexcolon, i, found, IN_HEX);
              }
            }
            i = q - 1; // the rest of the run starts nothing (letters glued to it are skipped below)
          } else {
            // A letter: `alnum` wants one or two letters then a digit, or two upper-case letters, one
            // separator and a digit (an IBAN's country code apart: `DE 89 3704 …`); `hexcolon` a hex letter.
            const c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
            if (isDigit(c1) || (isLetter(c1) && i + 2 < n && (isDigit(text.charCodeAt(i + 2)) || countryApart(text, i)))) {
              found = this.offer(alnum, i, found, IN_ALNUM);
            } else if (c1 === 45 && alnumDash.length > 0 && isDigit(codeAt(text, i + 2))) {
              found = this.offer(alnumDash, i, found, IN_ALNUM); // one letter, `-`, a digit: `S-1-5-21-…`
            }
            if (isHex(c) && looksHexColon(text, i)) found = this.offer(hexcolon, i, found, IN_HEX);
            // A word is a candidate shortly after an anchor (`user=`, `/home/`), then may be one itself.
            if (anchored && i - this.anchorEnd <= ANCHOR_REACH) found = this.offerWord(word, i, found);
            if (words.mayStartAt(text, i)) {
              const w = this.addWordAt(words, text, i);
              // A trailing anchor (`iPhone`) offers what precedes it (its owner's name: `Emmas-iPhone`).
              if (trailing !== null && w >= 0 && trailing[w] === 1) found = this.offerBefore(before, i, found);
            }
          }
          // The rest of the token's letters and digits start no candidate: skip them in a tight loop,
          // looking only for the context words that start inside a token: after a digit (`2passport`) or
          // at a camelCase hump (`userPhone`), where a letter is neither lower case after an upper-case
          // one nor of the case of the letter before. Not the hump after a token's one first letter:
          // `iPhone`, `iPad`, `eBay` are names of things (an iPhone's host name is no phone's context).
          let j = i + 1;
          let pf = TOKEN_CHARS[text.charCodeAt(i)];
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d >= 128) break;
            const f = TOKEN_CHARS[d];
            if ((f & ALNUM) === 0) break;
            const fresh = f & ~pf & LETTER;
            if (fresh !== 0 && (fresh === UPPER || (pf & UPPER) === 0) && (j !== tokenStart + 1 || (pf & LETTER) === 0) && words.mayStartAt(text, j)) {
              const w = words.walk(text, j);
              if (w >= 0) {
                hits.add(words.end, w);
                // A trailing anchor glued to the word before it (`authorMacBook-Pro`).
                if (trailing !== null && trailing[w] === 1) found = this.offerBefore(before, j, found);
              }
            }
            pf = f;
            j++;
          }
          // A path's folder within reach of an anchor carries the reach on to the next part
          // (`arn:aws:iam::123456789012:user/engineering/backend/jdoe`): the detector's conventions
          // say which part, if any, is the name.
          if (anchored && codeAt(text, j) === 47 /* / */ && i - this.anchorEnd <= ANCHOR_REACH) this.anchorEnd = j + 1;
          // Except a digit run glued to the letters that goes on with `.digit`: the address in a host
          // name (`host203.0.113.9.example.com`) or after a URL escape (`xff=…%2C198.51.100.2`,
          // `%20192.0.2.1`), offered to the detectors that ask for it.
          if (glued.length > 0 && codeAt(text, j) === 46 && isDigit(codeAt(text, j + 1)) && isDigit(text.charCodeAt(j - 1))) {
            const escaped = codeAt(text, tokenStart - 1) === 37 && isHex(codeAt(text, tokenStart + 1));
            if (!isDigit(c) || escaped) {
              const floor = escaped ? tokenStart + 2 : tokenStart + 1;
              let k = j - 1;
              while (k > floor && isDigit(text.charCodeAt(k - 1))) k--;
              if (k >= floor) found = this.offer(glued, k, found, IN_DIGITS);
            }
          }
          i = j - 1;
        }
        prevAlnum = true;
        continue;
      }
      if (c === 64 /* @ */) {
        found = this.offerAt(at, i, found);
      } else if (c === 37 /* % */ && codeAt(text, i + 1) === 52 && codeAt(text, i + 2) === 48) {
        found = this.offerAt(at, i, found); // URL-encoded `%40`
      } else if ((c === 43 /* + */ || c === 40) /* ( */ && !prevAlnum && opensNumber(text, i)) {
        found = this.offer(digits, i, found, IN_DIGITS);
      } else if (c === 58 /* : */ && !prevAlnum && codeAt(text, i + 1) === 58) {
        found = this.offer(hexcolon, i, found, IN_HEX); // `::1`
      } else if (c === 60 /* < */) {
        // A Message-ID (`message-id=<20261203101112.ABC123@mx1.example.com>`): nothing in it is personal.
        const skip = messageIdEnd(text, i, this.place?.key);
        if (skip > 0) {
          words.hitsBetween(text, i, skip, hits);
          i = skip - 1;
          prevAlnum = false;
          continue;
        }
      } else if (c >= 128) {
        if (words.startsWide(c)) this.addWordAt(words, text, i); // a CJK word (`手机号`, the anchor `用户名`)
        // A word of letters beyond ASCII after an anchor (`user=Øyvind`, `for user иван`).
        if (wideWords && i - this.anchorEnd <= ANCHOR_REACH && startsWideWord(text, i)) found = this.offerWideWord(word, i, found);
      }
      prevAlnum = false;
    }
    return found;
  }

  /**
   * The longest whole context word starting at i, if any, joins the hits; an anchor word among the
   * words starting there moves the anchor (only where a token starts: not at a hump). Returns its id, or -1.
   */
  private addWordAt(words: ContextWords, text: string, i: number): number {
    const w = words.walk(text, i);
    if (w < 0) return w;
    this.hits.add(words.end, w);
    if (words.anchorEnd > 0) this.anchorEnd = words.anchorEnd;
    return w;
  }

  /** The context words of a key, by key (a log repeats its keys: looked up once each). */
  private keyWordHits(key: string): readonly WordHit[] {
    let hits = this.keyHitsByKey.get(key);
    if (hits === undefined) {
      hits = this.compiled.words.hits(key);
      if (this.keyHitsByKey.size < 10_000) this.keyHitsByKey.set(key, hits);
    }
    return hits;
  }

  private keyAnchored(key: string): boolean {
    if (!this.compiled.anchored) return false;
    let yes = this.keyAnchors.get(key);
    if (yes === undefined) {
      yes = this.compiled.words.hasAnchor(key);
      if (this.keyAnchors.size < 10_000) this.keyAnchors.set(key, yes);
    }
    return yes;
  }

  /**
   * A token starting with an ASCII letter at `start`, after an anchor: each `word` detector's shape,
   * then `validate`; its wide shape instead where the word goes on in non-ASCII chars (`müller`).
   */
  private offerWord(dets: readonly CompiledDetector[], start: number, found: Finding[] | null): Finding[] | null {
    const text = this.text;
    for (let k = 0; k < dets.length; k++) {
      const d = dets[k];
      const shape = d.shape;
      shape.lastIndex = start;
      // (No ASCII match is a run of over 64 letters and digits: no wide one either.)
      if (!shape.test(text)) continue;
      let end = shape.lastIndex;
      const wide = d.wideShape;
      if (wide !== null && end < text.length) {
        const c = text.charCodeAt(end);
        if (c >= 128 || ((c === 46 || c === 45) && runsIntoWide(text, end))) {
          wide.lastIndex = start;
          end = wide.test(text) ? wide.lastIndex : -1;
        }
      }
      if (end >= 0) found = this.accept(d, start, end, found);
    }
    return found;
  }

  /** A token starting with a non-ASCII char at `start`, after an anchor: the wide shapes of the `word` detectors. */
  private offerWideWord(dets: readonly CompiledDetector[], start: number, found: Finding[] | null): Finding[] | null {
    const text = this.text;
    for (let k = 0; k < dets.length; k++) {
      const wide = dets[k].wideShape;
      if (wide === null) continue;
      wide.lastIndex = start;
      if (wide.test(text)) found = this.accept(dets[k], start, wide.lastIndex, found);
    }
    return found;
  }

  /**
   * A trailing anchor word starting at `anchor`: each `before` detector says where its candidate starts,
   * and its shape, tried there, must end at or before the anchor. Rare (device words), so not tuned.
   */
  private offerBefore(dets: readonly CompiledDetector[], anchor: number, found: Finding[] | null): Finding[] | null {
    const text = this.text;
    for (let k = 0; k < dets.length; k++) {
      const d = dets[k];
      const start = d.detector.startBefore!(text, anchor);
      if (start < 0 || start >= anchor) continue;
      const shape = d.shape;
      shape.lastIndex = start;
      if (shape.test(text) && shape.lastIndex <= anchor) found = this.accept(d, start, shape.lastIndex, found);
    }
    return found;
  }

  /** An `@` at `at`: the candidate starts where the local part does. */
  private offerAt(dets: readonly CompiledDetector[], at: number, found: Finding[] | null): Finding[] | null {
    if (dets.length === 0) return found;
    const text = this.text;
    let start = at;
    const floor = Math.max(0, at - LOCAL_PART_MAX);
    while (start > floor && isLocalPart(text.charCodeAt(start - 1))) start--;
    // A local part that runs back into non-ASCII letters (`[józef@web01 ~]$`): the wide shapes read it.
    if (start > floor && text.charCodeAt(start - 1) >= 128 && this.compiled.wideAt.length > 0) found = this.offerWideAt(start, floor, found);
    // A local part does not start with `.`, and a `'` there is a quote around the address (`'bob@…'`);
    // inside it is a name's apostrophe (`o'brien@…`).
    while (start < at && (text.charCodeAt(start) === 46 || text.charCodeAt(start) === 39)) start++;
    if (start === at) return found;
    return this.offer(dets, start, found, IN_EMAIL);
  }

  /** The `at` detectors' wide shapes at the start of a local part read back from `from` over non-ASCII letters. */
  private offerWideAt(from: number, floor: number, found: Finding[] | null): Finding[] | null {
    const text = this.text;
    const start = wideLocalStart(text, from, floor);
    const dets = this.compiled.wideAt;
    for (let k = 0; k < dets.length; k++) {
      const wide = dets[k].wideShape!;
      wide.lastIndex = start;
      if (wide.test(text)) found = this.accept(dets[k], start, wide.lastIndex, found);
    }
    return found;
  }

  private offer(
    dets: readonly CompiledDetector[],
    start: number,
    found: Finding[] | null,
    tokenFlag: number,
  ): Finding[] | null {
    if (dets.length === 0) return found;
    const text = this.text;
    // How far the chars this class's values are made of reach (measured only as far as the longest
    // minLen of the class): a cheap bound that rejects most candidates (`02` in a timestamp) before
    // any regex runs. `dets` is sorted by minLen, so the first too-long one ends the loop.
    const cap = Math.min(text.length, start + dets[dets.length - 1].minLen);
    let stop = start;
    while (stop < cap) {
      const c = text.charCodeAt(stop);
      if (c < 128 ? (TOKEN_CHARS[c] & tokenFlag) === 0 : !continuesWide(c, tokenFlag)) break;
      stop++;
    }
    if (start === stop && stop < cap) stop++; // the `+`/`(`/`::` that opened the candidate
    const room = stop - start;
    for (let k = 0; k < dets.length; k++) {
      const d = dets[k];
      if (room < d.minLen) break;
      const shape = d.shape;
      shape.lastIndex = start;
      if (!shape.test(text)) continue;
      found = this.accept(d, start, shape.lastIndex, found);
    }
    return found;
  }

  /**
   * A token starting with the digit run text[start, q). When the run ends the token (the common
   * case: `1528263487,`), each shape's answer is a table lookup by length; otherwise the regexes run.
   */
  private offerDigits(dets: readonly CompiledDetector[], start: number, q: number, found: Finding[] | null): Finding[] | null {
    if (dets.length === 0) return found;
    const text = this.text;
    if (!endsAtRun(text, q)) return this.offer(dets, start, found, IN_DIGITS);
    if (q < text.length && isLetter(text.charCodeAt(q))) return found; // glued to a word: `123abc`
    const run = q - start;
    for (let k = 0; k < dets.length; k++) {
      const d = dets[k];
      if (run < d.minLen) break;
      if (run > d.maxLen) continue;
      const plain = d.plainRuns[run];
      if (plain === PLAIN_NO) continue;
      if (plain === PLAIN_ASK) {
        d.shape.lastIndex = start;
        if (!d.shape.test(text) || d.shape.lastIndex !== q) continue;
      }
      found = this.accept(d, start, q, found);
    }
    return found;
  }

  /** The shape of `d` matched text[start, end): check length, context and `validate`, keep it if it scores. */
  private accept(d: CompiledDetector, start: number, end: number, found: Finding[] | null): Finding[] | null {
    const len = end - start;
    if (len < d.minLen || len > d.maxLen) return found;
    this.current = d;
    this.currentStart = start;
    // The shape goes first: it rejects most candidates (timestamps, short numbers) in a few steps,
    // before the context words of the string are looked up at all.
    if (d.required && !this.field && !this.context) return found;
    let stop = end;
    let score = this.validate(d, start, stop);
    // A grouped value may have swallowed neighbours (`138 0013 8000 200 1532 12`): cut the span back
    // to an earlier separator and try again, while it is long enough (a few cuts at most).
    for (let cut = 0; score <= 0 && cut < MAX_CUTS; cut++) {
      stop = this.shorterMatch(d, start, stop);
      if (stop < 0) break;
      score = this.validate(d, start, stop);
    }
    if (!(score > 0)) return found;
    if (d.detector.extend) stop = d.detector.extend(this.text, start, stop);
    (found ??= []).push({ type: d.type, start, end: stop, score: Math.min(1, score), detector: d.detector.name });
    return found;
  }

  private validate(d: CompiledDetector, start: number, end: number): number {
    const v = d.detector.validate;
    return v ? v.call(d.detector, this.text, start, end, this) : (d.detector.baseScore ?? 0);
  }

  /** End of the shape's match within text[start, last separator before `end`), or -1. Rare: allocates. */
  private shorterMatch(d: CompiledDetector, start: number, end: number): number {
    const text = this.text;
    // The last separator that leaves at least minLen chars: a plain run (most rejected candidates)
    // is read back only as far as that, not to its start.
    const floor = start + d.minLen; // (minLen >= 1)
    let k = end - 1;
    while (k >= floor && !isGroupSeparator(text.charCodeAt(k))) k--;
    if (k < floor) return -1;
    const shape = d.shape;
    shape.lastIndex = 0;
    if (!shape.test(text.slice(start, k))) return -1;
    const len = shape.lastIndex;
    return len >= d.minLen ? start + len : -1;
  }

  private hasWord(d: CompiledDetector, negative: boolean): boolean {
    const ids = negative ? d.negative : d.words;
    if (ids === null) return false;
    const start = this.currentStart;
    const key = this.place?.key;
    if (key) {
      this.keyHits ??= this.keyWordHits(key);
      for (const h of this.keyHits) if (ids[h.word] === 1) return true;
    }
    // The scan loop has added the hits of every word that starts before `start`, in order: look at
    // those that end within the window, until one ends after `start`. Candidates come in order of
    // their start, so the hits that end before one's window end before every later one's, and are
    // passed over once (an `@` candidate starts before the one before it: look from the first hit).
    const floor = start - CONTEXT_WINDOW;
    const hits = this.hits;
    const ends = hits.ends;
    if (start < this.cursorStart) this.hitCursor = 0;
    this.cursorStart = start;
    let k = this.hitCursor;
    while (k < hits.count && ends[k] < floor) k++;
    this.hitCursor = k;
    for (; k < hits.count; k++) {
      const end = ends[k];
      if (end > start) break;
      if (end >= floor && ids[hits.words[k]] === 1 && !this.claimedBetween(end, start) && !insideOperatorToken(this.text, end - 1)) return true;
    }
    return false;
  }

  /**
   * A context word is claimed by an earlier value when other words and numbers stand between:
   * `账号 0123456789012 户名已隐藏 批次 20260224-0009` names one account, not the batch. A list right after
   * the word (`passports E55512345, EA5551234`) and plain words (`IMEI number is …`) keep it, and so
   * does a bracketed note (`旧身份证号(15位) …`, `IMEI [slot 1] = …`): a unit or qualifier is no value.
   */
  private claimedBetween(from: number, to: number): boolean {
    const text = this.text;
    let digit = false;
    let word = false;
    let letters = 0;
    let tokenDigit = false;
    for (let i = from; i <= to; i++) {
      const c = i < to ? text.charCodeAt(i) : 32;
      if (c === 40 || c === 91 || c >= 0x3010) {
        const after = noteEnd(text, i, to);
        if (after > 0) {
          if (letters >= 2 && !tokenDigit) word = true;
          letters = 0;
          tokenDigit = false;
          i = after - 1;
          continue;
        }
      }
      // A value an operator wrote (`<BANK_ACCOUNT>`, `PHONE_k3j9…`, `NL82 **** **50`) is the value
      // that claimed the word, whatever words it replaced: a second pass must not hand the word on.
      const token = letters === 0 && i < to ? operatorTokenEnd(text, i) : -1;
      if (token > 0 && token <= to) {
        digit = word = true;
        i = token - 1;
      } else if (c === 42 /* * */ && (codeAt(text, i + 1) === 42 || codeAt(text, i - 1) === 42 || isAlnum(codeAt(text, i - 1)))) {
        digit = word = true;
      } else if (isDigit(c)) {
        digit = tokenDigit = true;
      } else if (isLetter(c)) {
        letters++;
      } else {
        if (letters >= 2 && !tokenDigit) word = true;
        letters = 0;
        tokenDigit = false;
        if (isCjkWordChar(c)) word = true; // a CJK word
      }
    }
    return digit && word;
  }
}

/** The scanner of a detector list, in priority order (overlaps go to the longer span, the higher score, then the earlier detector). */
export function compileScanner(detectors: readonly Detector[]): Scanner {
  return new OnePassScanner(detectors);
}
