/**
 * `text.charCodeAt(i)`, or 0 where i is past either end (where charCodeAt gives NaN: both compare
 * unequal to every char and fail every char class). The scan loop reads a char or two ahead of where
 * it is; one out-of-range charCodeAt at a call site makes V8 call the builtin there from then on,
 * several times slower than the inlined read of every other call.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : 0;
}
