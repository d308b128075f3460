/**
 * Recognising UTF-16 from the first bytes of an input, with no option: Windows tools write UTF-16
 * logs, with or without a byte-order mark. Read as UTF-8 they would pass through unscanned.
 */

export type Utf16 = 'utf-16le' | 'utf-16be';

/** Fewest bytes to judge by the NUL pattern (with fewer, only a BOM counts). */
const MIN_SAMPLE = 4;
/** Bytes looked at: plenty to judge, few enough to cost nothing. */
const MAX_SAMPLE = 4096;

/**
 * UTF-16 LE or BE by its BOM (FF FE, FE FF), or without one by the NUL pattern of mostly-ASCII text:
 * at least half of the code units have a 00 high byte, and almost none a 00 low byte (UTF-8 text has
 * no NULs at all). UTF-16 text with no ASCII at all and no BOM is not recognised (it has no NULs to
 * go by); `--encoding utf-16le` reads it. Null when the head does not look like UTF-16.
 */
export function detectUtf16(head: Buffer): Utf16 | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return utf16ByNuls(head);
}

/** The byte order by the NUL pattern alone (mostly-ASCII UTF-16 without a BOM). */
function utf16ByNuls(head: Buffer): Utf16 | null {
  const n = Math.min(head.length, MAX_SAMPLE) & ~1;
  if (n < MIN_SAMPLE) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const units = n / 2;
  if (oddNuls >= units / 2 && evenNuls <= units / 16) return 'utf-16le';
  if (evenNuls >= units / 2 && oddNuls <= units / 16) return 'utf-16be';
  return null;
}
