/**
 * Where a value sits inside its record, as every format writes it and every field rule reads it.
 * Formats build paths, the policy's field rules match them, reports print them: this module is
 * below all three and imports none of them.
 */

/** A place in a record: JSON keys and array indexes from the root, or a CSV column, or a text key. */
export type FieldPath = readonly (string | number)[];

/** The nearest key in a path (`items[3].card` → `card`; `tags[0]` → `tags`), or in its first `len` segments. */
export function lastKey(path: FieldPath, len = path.length): string | undefined {
  const i = lastKeyAt(path, len);
  return i < 0 ? undefined : (path[i] as string);
}

/** lastKey's index in the path, or -1. */
export function lastKeyAt(path: FieldPath, len = path.length): number {
  for (let i = len - 1; i >= 0; i--) if (typeof path[i] === 'string') return i;
  return -1;
}

/** The path as a report shows it: `user.email`, `items[0].card`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
