import { noteStart } from './note.js';
import { isCjkWordChar } from './scripts.js';
import type { ValidateContext } from './types.js';

/**
 * The label written right before a value (`imei=`, `Account No:`, `设备号：`, `account number 123…`):
 * detectors without a checksum read it to tell whose number this is. Shared by the context-heavy
 * detectors (bank account, IMEI, SSN).
 */

/** The comparable form of a label or label word: lower case, no spaces, `_`, `.`, `-`. */
export const normalizeLabel = (w: string): string => w.toLowerCase().replace(/[\s_.-]/g, '');
export const normalizeLabels = (words: readonly string[]): readonly string[] => words.map(normalizeLabel);
const norm = normalizeLabel;

/**
 * The score of a value that needs context (no checksum): its own when a field rule says so, or when a
 * context word is near and the label right before it is not another field's or a negative word.
 */
export function labelledScore(
  text: string,
  start: number,
  score: number,
  ctx: ValidateContext,
  ours: readonly string[],
  negative: readonly string[],
): number {
  if (ctx.field) return score;
  if (!ctx.context) return 0;
  const owner = labelOwner(text, start, ours, negative);
  return owner < 0 || (owner === 0 && ctx.negative) ? 0 : score;
}

/** Words that label nothing by themselves: the label is the word before them. */
const FILLERS = new Set(['no', 'no.', 'nr', 'nr.', 'num', 'number', '#', 'is']);

function isLabelChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 47 || c === 35
  );
}
/** Index of the last char before `i` (inclusive) that is not a space, tab or quote; at most 3 skipped. */
function skipBack(text: string, i: number): number {
  for (let k = 0; i >= 0 && k < 3; k++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 34 && c !== 39 && c !== 0x3000 && c !== 0x201c) break;
    i--;
  }
  return i;
}

/**
 * When text[i] closes a note (`(15位)`, `[slot 1]`, `（主）`), the last char before the note that is not
 * a space or quote: the label is read through it. Otherwise i.
 */
function skipNote(text: string, i: number): number {
  if (i < 0) return i;
  const open = noteStart(text, i);
  return open < 0 ? i : skipBack(text, open - 1);
}

/**
 * Who the label written right before the value says it belongs to: 1 = a label naming this type
 * (`imei=`, `设备号：`, `IMEI `, read through a note: `IMEI [slot 1] = `), -1 = a negative word (`txn `) or another field's key (`login_at=`),
 * 0 = nothing to read (free text, or a value scanned alone under its key). With idIsForeign, a label
 * ending in `id` (`account_id=`, `账户ID：`) is another field's. Called only after the shape and
 * checksum passed, so it may allocate.
 */
export function labelOwner(
  text: string,
  start: number,
  ours: readonly string[],
  negative: readonly string[],
  idIsForeign = false,
): number {
  let i = skipNote(text, skipBack(text, start - 1));
  if (i < 0) return 0;
  let c = text.charCodeAt(i);
  const isKey = c === 61 || c === 58 || c === 0xff1a || c === 0xff1d; // = : ： ＝
  if (isKey) {
    i = skipNote(text, skipBack(text, i - 1));
    if (i < 0) return 0;
    c = text.charCodeAt(i);
  }
  const labelEnd = i + 1;
  let j = i;
  if (isCjkWordChar(c)) {
    while (j >= 0 && labelEnd - j <= 12 && isCjkWordChar(text.charCodeAt(j))) j--;
    // A Latin word glued before it is part of the label: `IMEI号`, `ID号码`.
    while (j >= 0 && labelEnd - j <= 24 && isLabelChar(text.charCodeAt(j))) j--;
  } else if (isKey) {
    // A key may have words separated by single spaces (`Account No:`).
    while (j >= 0 && labelEnd - j <= 32) {
      const d = text.charCodeAt(j);
      if (!(isLabelChar(d) || (d === 32 && text.charCodeAt(j - 1) !== 32))) break;
      j--;
    }
  } else {
    // A bare label is the word before the value, and the word before that while the later one is a
    // filler: `account number 123…`, `a/c no. 123…`, `bank account is 123…`.
    for (let words = 0; words < 3; words++) {
      const wordEnd = j + 1;
      while (j >= 0 && wordEnd - j <= 24 && isLabelChar(text.charCodeAt(j))) j--;
      if (j + 1 === wordEnd || j < 1 || text.charCodeAt(j) !== 32) break;
      if (!FILLERS.has(text.slice(j + 1, wordEnd).toLowerCase())) break;
      j--;
    }
  }
  if (j === i) return 0;
  const label = norm(text.slice(j + 1, labelEnd));
  if (idIsForeign && label.endsWith('id')) return -1; // `account_id=`: an internal id, not the number
  for (const w of ours) if (label.includes(w)) return 1;
  for (const w of negative) if (w.length <= 2 ? label.endsWith(w) : label.includes(w)) return -1;
  return isKey ? -1 : 0;
}

