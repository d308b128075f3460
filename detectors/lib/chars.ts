/** ASCII char-code classes shared by detectors and the scanner (allocation-free, inlined by V8). */

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isAlnum(c: number): boolean {
  return isDigit(c) || isLetter(c);
}
export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
/** The number written by the `n` digits at text[i, i+n) (the caller knows they are digits). */
export function readNumber(text: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) v = v * 10 + text.charCodeAt(i + k) - 48;
  return v;
}
