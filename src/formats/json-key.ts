/**
 * Whether an object key is worth scanning: one with a digit or an `@` (`"alice@example.com": {…}`,
 * `"13800138000": …`). Keys of plain words, nearly all of them, cost nothing.
 */
export function mayHoldData(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64) return true;
  }
  return false;
}
