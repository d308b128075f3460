import { isUtf8 } from 'node:buffer';

/**
 * Where bytes are valid UTF-8 and where not: readers scan the valid stretches and keep the invalid
 * bytes as they are (fail closed: nothing dropped, nothing turned into U+FFFD).
 */

/** Split bytes into maximal valid-UTF-8 stretches and invalid ones: [start, end, valid]. */
export function* utf8Stretches(buf: Buffer): Generator<[number, number, boolean]> {
  let i = 0;
  let validStart = 0;
  while (i < buf.length) {
    const len = utf8SequenceLength(buf, i);
    if (len > 0) {
      i += len;
      continue;
    }
    let j = i + 1;
    while (j < buf.length && utf8SequenceLength(buf, j) === 0) j++;
    if (i > validStart) yield [validStart, i, true];
    yield [i, j, false];
    i = validStart = j;
  }
  if (i > validStart) yield [validStart, i, true];
}

/** Length of the well-formed UTF-8 sequence at buf[i], or 0 if it is not one. */
function utf8SequenceLength(buf: Buffer, i: number): number {
  const b = buf[i];
  if (b < 0x80) return 1;
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0 || i + need > buf.length) return 0;
  return isUtf8(buf.subarray(i, i + need)) ? need : 0;
}

/**
 * Map each valid UTF-8 stretch of `bytes` on its own, keeping the invalid bytes between them as they
 * are: the new bytes, or null when no stretch changed. A `map` result that is not a string (a format's
 * "drop the whole value") stops the walk and is returned as it is.
 */
export function mapUtf8Stretches<T>(bytes: Buffer, map: (text: string) => string | T): Buffer | null | T {
  const parts: Buffer[] = [];
  let changed = false;
  for (const [start, end, valid] of utf8Stretches(bytes)) {
    const piece = bytes.subarray(start, end);
    if (!valid) {
      parts.push(piece);
      continue;
    }
    const text = piece.toString('utf8');
    const got = map(text);
    if (typeof got !== 'string') return got;
    if (got !== text) changed = true;
    parts.push(got === text ? piece : Buffer.from(got, 'utf8'));
  }
  return changed ? Buffer.concat(parts) : null;
}
