/**
 * A note between a label and its value: a short bracketed aside such as a unit or a qualifier
 * (`旧身份证号(15位) …`, `Phone (mobile): …`, `IMEI [slot 1] = …`, `手机号（主）：…`). It names no value of
 * its own, so it neither ends the label's reach nor takes the label's word. A bracket that holds a
 * long digit run (`(13800138000)`) is a value, not a note.
 */

/** The longest note read through, brackets included (a unit, a slot, a short qualifier). */
export const NOTE_MAX = 20;
/** A digit run this long inside brackets is a value written there, not a note. */
const VALUE_DIGITS = 5;

function closerOf(open: number): number {
  switch (open) {
    case 40: // (
      return 41;
    case 91: // [
      return 93;
    case 0xff08: // （
      return 0xff09;
    case 0x3010: // 【
      return 0x3011;
    case 0xff3b: // ［
      return 0xff3d;
    default:
      return -1;
  }
}

function openerOf(close: number): number {
  switch (close) {
    case 41:
      return 40;
    case 93:
      return 91;
    case 0xff09:
      return 0xff08;
    case 0x3011:
      return 0x3010;
    case 0xff3d:
      return 0xff3b;
    default:
      return -1;
  }
}

/** Whether text[open, close] (both brackets) is a note: no nested bracket, no long digit run. */
function isNote(text: string, open: number, close: number): boolean {
  let run = 0;
  for (let i = open + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= VALUE_DIGITS) return false;
    } else {
      run = 0;
      if (closerOf(c) >= 0 || openerOf(c) >= 0) return false;
    }
  }
  return true;
}

/** When text[open] opens a note that closes before `limit`: the index just after its closing bracket; else -1. */
export function noteEnd(text: string, open: number, limit: number): number {
  const closer = closerOf(text.charCodeAt(open));
  if (closer < 0) return -1;
  const stop = Math.min(limit, text.length, open + NOTE_MAX);
  for (let i = open + 1; i < stop; i++) {
    if (text.charCodeAt(i) === closer) return isNote(text, open, i) ? i + 1 : -1;
  }
  return -1;
}

/** When text[close] closes a note: the index of its opening bracket; else -1. */
export function noteStart(text: string, close: number): number {
  const opener = openerOf(text.charCodeAt(close));
  if (opener < 0) return -1;
  const floor = Math.max(0, close - NOTE_MAX + 1);
  for (let i = close - 1; i >= floor; i--) {
    if (text.charCodeAt(i) === opener) return isNote(text, i, close) ? i : -1;
  }
  return -1;
}
