/**
 * `text.charCodeAt(i)`, or 0 where i is past either end (where charCodeAt gives NaN: both compare
 * unequal to every char and fail every char class). Scanners and validators read a char or two
 * around a span, which can fall off the string. One out-of-range charCodeAt in optimized code
 * deoptimizes the function (it is compiled again) and makes V8 call the builtin at that site from
 * then on, several times slower than the inlined read of every other call.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : 0;
}
