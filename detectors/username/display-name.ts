// A user named by display name is one person in several words: Jenkins' build cause (`Started by
// user Olivia Martin`), and any convention where the name read is a capitalized word (`login failed
// for user Olivia Brown (id=42)`, `Accepted password for Liam Smith from`, `user=Olivia Brown`).
// Read as one word, such a name left its surname in clear.

/** A capitalized word (`Olivia`, `O'neil`, `García`, `De-Wit`): how a display name's words are written. */
const NAME_WORD = /^\p{Lu}[\p{Ll}'’]{1,30}(?:-\p{Lu}?[\p{Ll}'’]{1,30})*$/u;
/** The same after one space, sticky. */
const NEXT_NAME_WORD = / \p{Lu}[\p{Ll}'’]{1,30}(?:-\p{Lu}?[\p{Ll}'’]{1,30})*(?![\p{L}\d])/uy;
/** Capitalized words that follow a name in log messages rather than continue it (`Invalid user Admin From …`). */
const NOT_NAME = new Set(['From', 'To', 'By', 'On', 'At', 'In', 'For', 'Via', 'With', 'And', 'Or', 'Not', 'Is', 'Was', 'Has', 'The', 'Port', 'Logged', 'Failed']);

/**
 * Where a user's display name ends: a name read as a capitalized word takes up to three more
 * capitalized words after it (not one of NOT_NAME). Other names (`jdoe`, `OLIVIA`, `m.garcia`) end
 * where the shape read them.
 */
export function displayNameEnd(text: string, start: number, end: number): number {
  if (!NAME_WORD.test(text.slice(start, end))) return end;
  let stop = end;
  for (let k = 0; k < 3; k++) {
    NEXT_NAME_WORD.lastIndex = stop;
    if (!NEXT_NAME_WORD.test(text) || NOT_NAME.has(text.slice(stop + 1, NEXT_NAME_WORD.lastIndex))) break;
    stop = NEXT_NAME_WORD.lastIndex;
  }
  return stop;
}
