// Look-alikes: digit spans that fit a phone format but are something else in a log line (amounts,
// decimals, thousands, dates, times, versions, dash-, dot-, slash- or `_`-joined ids, the tail of a
// longer number, a grouped IBAN), and where a value stands (right after a word, before more groups).
// Each test reads the text around the span and the groups the span reader found; none calls the library.
import { isDigit } from '../lib/chars.js';
import { codeAt } from '../lib/code-at.js';
import { noteStart } from '../lib/note.js';
import { SEP_DASH, SEP_DOT, SEP_SPACE, type SpanReader } from './span.js';

/**
 * The span is followed by a decimal part (`.25`) or ends a number grouped in thousands (`…,380,013`
 * then `,500`): an amount. After an unbroken run of more than three digits a `,` and three digits is
 * no thousands group but the next item of a list (`[13800138000,100]`, `13800138000,192.0.2.1`).
 */
export function followedByAmount(text: string, end: number): boolean {
  const c = codeAt(text, end);
  if (c === 46) return isDigit(codeAt(text, end + 1));
  if (c === 44) {
    return (
      !isDigit(text.charCodeAt(end - 4)) &&
      isDigit(codeAt(text, end + 1)) &&
      isDigit(codeAt(text, end + 2)) &&
      isDigit(codeAt(text, end + 3)) &&
      !isDigit(codeAt(text, end + 4))
    );
  }
  return false;
}

/**
 * A `-` or `.` joins the span to more of a token: `2024-13800138000`, `13800138000-01`, the UUID
 * `414f2caf-0851-4902-a4a7-…`, the MACs `06-74-04-32-34-0F` and `0621.5916.fa0a`, the host
 * `ip-10-0-1-17`. An id, not a phone. (A sentence's full stop is followed by a space or the end.)
 */
export function dashJoined(text: string, start: number, end: number): boolean {
  const before = codeAt(text, start - 1);
  const after = codeAt(text, end);
  return (
    (before === 45 && isAlnumCode(codeAt(text, start - 2))) ||
    // `Tel.13800138000`, `No.138…`: a dot after a word is an abbreviation's; after a digit it joins.
    (before === 46 && isDigit(codeAt(text, start - 2))) ||
    ((after === 45 || after === 46) && isAlnumCode(codeAt(text, end + 1)))
  );
}

/**
 * The candidate is the tail of a span the shape also matches from an earlier start, so the scanner
 * offers that span too, and if it is a phone it is the longer one: right after a `+` (`+852 5682 4086`
 * offers `852 …`), or after a group of at most 6 digits and the separator the candidate uses itself
 * (`+86 138 0013 8000` offers `138 0013 8000`; `090501 031726 337`, `5103 0852 6810 5380`). A tail of a
 * digit sequence that is not a phone is not one either. After a longer run (`ts=20241113173618
 * 029-59803720`), another separator (`12:00:00 138 0013 8000`), or a group that is itself the end of
 * `1.5`, `12:00` or `08:00:03,187`, the candidate starts a token of its own.
 */
export function continuesNumber(span: SpanReader, text: string, start: number): boolean {
  const { ng, nd, seps } = span;
  const sep = codeAt(text, start - 1);
  if (sep === 43 /* + */) return true;
  if (sep !== 32 && sep !== 45 && sep !== 46) return false;
  if (afterInternationalHead(text, start)) return true;
  // The candidate's own separators, if it has any, must be this one (the shape keeps one kind).
  if (ng > 1 && seps !== (sep === 32 ? SEP_SPACE : sep === 45 ? SEP_DASH : SEP_DOT)) return false;
  // A run of more than 8 digits is never a later group of the shape's body.
  if (ng === 1 && nd > 8) return false;
  let i = start - 2;
  if (!isDigit(codeAt(text, i))) return false;
  let run = 1;
  while (i > 0 && isDigit(text.charCodeAt(i - 1))) {
    i--;
    if (++run > 6) return false;
  }
  if (i === 0) return true;
  const before = text.charCodeAt(i - 1);
  if (isAlnumCode(before)) return false;
  // `12:00:00 138…`, `1.5 138…`, `08:00:03,187 138…`: the group ends a time, a decimal or a timestamp's
  // milliseconds. `卡号:6232 0574…` is a label.
  return !((before === 58 || before === 46 || before === 44) && isDigit(codeAt(text, i - 2)));
}

/**
 * The span is one field of a slash-joined list of numbers (HAProxy's timers `0/0/1/129/130`, a date
 * `03/12/2026`, a ratio). Not a phone, whatever its digits.
 */
export function slashJoined(text: string, start: number, end: number): boolean {
  const before = codeAt(text, start - 1);
  if (before === 47 /* / */ && isDigit(codeAt(text, start - 2))) return true;
  return codeAt(text, end) === 47 && isDigit(codeAt(text, end + 1));
}

/**
 * The span is the tail of an identifier glued with `_` (`TPL_20251234567`: a template id). Unless it
 * is a whole CN mobile (11 digits from 13–19): keys that embed the user's number (`sms_code_13800138000`,
 * `user_13800138000`, `SMS_TPL_13800138000`) are common in Chinese services' logs and would leak it.
 */
export function underscoreId(span: SpanReader, text: string, start: number): boolean {
  if (codeAt(text, start - 1) !== 95 /* _ */ || !isAlnumCode(codeAt(text, start - 2))) return false;
  return !(span.ng === 1 && span.nd === 11 && span.cnMobileStart() === 0);
}

/**
 * Digit groups before the candidate go back to a `+` that opens a number (`+55 11 ` before
 * `91234-56789`): the candidate is the tail of an international number, whose separators may mix.
 */
function afterInternationalHead(text: string, start: number): boolean {
  for (let i = start - 1, n = 0; i > 0 && n < 12; i--, n++) {
    const c = text.charCodeAt(i - 1);
    if (c === 43) return isDigit(text.charCodeAt(i)) && !isAlnumCode(codeAt(text, i - 2));
    if (!isDigit(c) && c !== 32 && c !== 45 && c !== 46) return false;
  }
  return false;
}

/** An ASCII letter or digit. */
export function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Groups of four after a group of four letters and digits: the rest of a grouped IBAN
 * (`GB70 LOYD 0049 0752 4827 32`), whose bank code may be letters.
 */
export function ibanLike(span: SpanReader, text: string, start: number): boolean {
  const { ng, grp, seps } = span;
  // An IBAN's groups are separated by spaces alone: `2025 0755-7407 6465` is a year and a landline.
  if (ng < 2 || seps !== SEP_SPACE || codeAt(text, start - 1) !== 32) return false;
  for (let k = 0; k < ng - 1; k++) if (grp[k] !== 4) return false;
  if (grp[ng - 1] > 4) return false;
  for (let i = start - 5; i < start - 1; i++) if (i < 0 || !isAlnumCode(text.charCodeAt(i))) return false;
  return start - 6 < 0 || !isAlnumCode(text.charCodeAt(start - 6));
}

/** `2026-02-24`, `24-02-2026`: grouped as a date (a region format that writes so was tried before). */
export function dateLike(span: SpanReader): boolean {
  const { ng, grp } = span;
  return ng === 3 && grp[1] === 2 && ((grp[0] === 4 && grp[2] === 2) || (grp[0] === 2 && grp[2] === 4));
}

/** `1 234 567`, `12.345.678`: a number grouped in thousands, not a national phone number. */
export function thousandsLike(span: SpanReader): boolean {
  const { ng, grp, bracket, seps } = span;
  if (bracket >= 0 || (seps & SEP_DASH) !== 0 || ng < 2 || grp[0] > 3) return false;
  for (let k = 1; k < ng; k++) if (grp[k] !== 3) return false;
  return true;
}

/**
 * One run that reads as a time: epoch seconds or millis (10 or 13 digits from 1), a compact date or
 * timestamp (`20261203`, `20261203124705`: 19xx/20xx then a month).
 */
export function timeLike(span: SpanReader): boolean {
  const { ng, nd, dig } = span;
  if (ng !== 1) return false;
  if ((nd === 10 || nd === 13) && dig[0] === 1) return true;
  const century = (dig[0] === 1 && dig[1] === 9) || (dig[0] === 2 && dig[1] === 0);
  const month = dig[4] * 10 + dig[5];
  return nd >= 8 && century && month >= 1 && month <= 12;
}

/**
 * The value follows a word, not another value: before it only `:`, `=`, spaces, quotes or their
 * full-width forms (and a note: `Phone (mobile): …`), then a letter or a CJK char (`phone=…`, `手机号：…`,
 * `call me at …`), or nothing
 * (a field's value: its key is the word).
 */
export function afterWord(text: string, start: number): boolean {
  let i = start - 1;
  for (let n = 0; i >= 0 && n < 4; i--, n++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 58 || c === 61 || c === 34 || c === 39 || c === 0xff1a || c === 0x3000) continue;
    // A note between the word and the number (`Phone (mobile): …`, `mobile (no. 2)=…`) is read through.
    const open = noteStart(text, i);
    if (open >= 0) {
      i = open;
      n = 0;
      continue;
    }
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x3000;
  }
  return i < 0;
}

/**
 * Another digit group of the same number follows the span (`86 1380 013` in `86 1380 013 8000`, as
 * the scanner cuts a span back): it is part of a longer number. A group is up to 8 digits that end the
 * token; a date or time after a space (`2025-01-26T13:38:33`) is a token of its own.
 */
export function groupFollows(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 32 && c !== 45 && c !== 46) return false;
  let i = end + 1;
  while (i < text.length && i - end <= 9 && isDigit(text.charCodeAt(i))) i++;
  if (i === end + 1 || i - end > 9) return i > end + 1;
  const after = text.charCodeAt(i);
  return !(isAlnumCode(after) || after === 45 || after === 58 || after === 46 || after === 47);
}

/**
 * Dotted groups that read as a version or an IPv4 address (`10.0.10625.1189`, `1.22.333.4444`,
 * `192.0.2.17`): a group of one digit, or four groups of at most three. `612.345.678` (Spain) is neither.
 */
export function versionLike(span: SpanReader): boolean {
  const { ng, grp } = span;
  for (let k = 0; k < ng; k++) if (grp[k] < 2) return true;
  if (ng !== 4) return false;
  for (let k = 0; k < 4; k++) if (grp[k] > 3) return false;
  return true;
}
