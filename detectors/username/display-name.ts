// Jenkins' build cause names a user by display name: one person in several words.
/** `Started by user ` (Jenkins' build cause), right before a name. */
const STARTED_BY_USER = /(?:^|[^A-Za-z])[Ss]tarted by user $/;
/** A capitalized word (`Martin`, `O'neil`, `García`, `De-Wit`), after one space. */
const NEXT_NAME_WORD = / \p{Lu}[\p{Ll}'’]{1,30}(?:-\p{Lu}?[\p{Ll}'’]{1,30})*(?![\p{L}\d])/uy;
/** An upper-case letter beyond ASCII starting the name (`Émilie`, `Øyvind`, `Σοφία`). */
const WIDE_CAPITAL = /\p{Lu}/uy;

/**
 * Where a Jenkins build cause's display name ends: `Started by user Olivia Martin` is one person,
 * so a capitalized first word takes up to three more capitalized words after it. Other names end
 * where the shape read them.
 */
export function displayNameEnd(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (!((c >= 65 && c <= 90) || (c >= 128 && capitalAt(text, start))) || !STARTED_BY_USER.test(text.slice(Math.max(0, start - 20), start))) return end;
  let stop = end;
  for (let k = 0; k < 3; k++) {
    NEXT_NAME_WORD.lastIndex = stop;
    if (!NEXT_NAME_WORD.test(text)) break;
    stop = NEXT_NAME_WORD.lastIndex;
  }
  return stop;
}

function capitalAt(text: string, i: number): boolean {
  WIDE_CAPITAL.lastIndex = i;
  return WIDE_CAPITAL.test(text);
}
