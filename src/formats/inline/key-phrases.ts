import { isLetter } from '../../../detectors/lib/chars.js';

/**
 * Keys of several words that a log writes before a colon, where a name's bare value runs on over the
 * capitalized words after it (text.ts's word runs): Windows security events written out on one line
 * (`Account Name: mgarcia Account Domain: CORP Logon Type: 3`, `Workstation Name: WS-0042 Source
 * Network Address: …`). The first word of such a key ends the run: `mgarcia`, not `mgarcia Account`.
 *
 * Known first words only: syntax cannot tell `Account Domain:` from a surname before a one-word key
 * (`Name: Zhang San City: Beijing` names `Zhang San`), and a surname left behind is personal data,
 * while a key word taken into a replaced name is only a word lost.
 */
const FIRST_WORDS = new Set([
  'Account', 'Authentication', 'Caller', 'Client', 'Computer', 'Elevated', 'Failure', 'Handle', 'Impersonation',
  'Linked', 'Logon', 'Network', 'Object', 'Package', 'Privileges', 'Process', 'Relative', 'Restricted', 'Security',
  'Service', 'Session', 'Share', 'Source', 'Sub', 'Target', 'Ticket', 'Transited', 'Virtual', 'Workstation',
]);

/** Capitalized words a known key may have after its first (`Account For Which Logon Failed:`). */
const MORE_WORDS = 4;

/**
 * The word at [p, q) starts a known key of several words, before `limit`: it is in FIRST_WORDS, and
 * one to MORE_WORDS capitalized words follow, one space apart, the last right before `:` or `：`.
 */
export function startsKeyPhrase(line: string, p: number, q: number, limit: number): boolean {
  if (line.charCodeAt(q) !== 32 || !FIRST_WORDS.has(line.slice(p, q))) return false;
  let s = q + 1;
  for (let words = 0; words < MORE_WORDS; words++) {
    const c = line.charCodeAt(s);
    if (s >= limit || !(c >= 65 && c <= 90)) return false;
    let e = s + 1;
    while (e < limit && isLetter(line.charCodeAt(e))) e++;
    const after = line.charCodeAt(e);
    if (after === 58 || after === 0xff1a) return true;
    if (after !== 32) return false;
    s = e + 1;
  }
  return false;
}
