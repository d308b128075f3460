/**
 * The user names of an access log line in the Common or Combined Log Format (Apache `%h %l %u %t`,
 * nginx `$remote_addr - $remote_user [$time_local]`): `192.0.2.7 - frank [04/Dec/2026:07:50:03 +0000]
 * "GET / HTTP/1.1" 200 512`. No word names them, so the scanner cannot tell `frank` from any other
 * word: the format's place does. The two tokens before the bracketed time are given their names as
 * keys, so the user-name detector reads each as the value of a user key (detectors/username): the
 * identd name as `logname` (Apache calls %l the remote logname), the authenticated user as
 * `remote_user`. `-` (none) and anything that is no name stay as they are; an email written there is
 * left to the line's scan, which finds it as an email.
 */
import type { KvSpan } from './span.js';

/** `[04/Dec/2026:07:50:03 +0000] "`: the time (day, month name, year, time, zone), then the request's quote. */
const CLF_TIME = /\[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d{1,9})? [+-]\d{4}\] "/y;
/** How far into a line the time may start: a syslog or container prefix, the client's address, two names. */
const TIME_REACH = 512;
const SP = 32;
const DASH = 45;

const NO_USERS: readonly KvSpan[] = [];

/** The ident and user tokens of a CLF line, as spans to visit alone (sorted), or none. */
export function accessLogUsers(line: string): readonly KvSpan[] {
  const bracket = spaceBracket(line);
  if (bracket < 0) return NO_USERS;
  CLF_TIME.lastIndex = bracket + 1;
  if (!CLF_TIME.test(line)) return NO_USERS;
  const userStart = tokenStart(line, bracket);
  const identStart = userStart >= 2 && line.charCodeAt(userStart - 1) === SP ? tokenStart(line, userStart - 1) : -1;
  // The client's address or host before the two names: three tokens, each one space apart.
  if (identStart < 2 || line.charCodeAt(identStart - 1) !== SP || tokenStart(line, identStart - 1) === identStart - 1) return NO_USERS;
  const spans: KvSpan[] = [];
  if (isName(line, identStart, userStart - 1)) spans.push({ start: identStart, end: userStart - 1, path: ['logname'], encoding: 'bare', alone: true });
  if (isName(line, userStart, bracket)) spans.push({ start: userStart, end: bracket, path: ['remote_user'], encoding: 'bare', alone: true });
  return spans;
}

/**
 * Where the line's first ` [` is (its space), or -1 when it has none within TIME_REACH. Found from
 * `[` (a one-char search is native and fast; `indexOf(' [')` costs three times as much per line).
 */
function spaceBracket(line: string): number {
  for (let b = line.indexOf('[', 1); b >= 0 && b <= TIME_REACH + 1; b = line.indexOf('[', b + 1)) {
    if (line.charCodeAt(b - 1) === SP) return b - 1;
  }
  return -1;
}

/** Start of the run of non-space chars that ends at `end` (`end` itself when there is none). */
function tokenStart(line: string, end: number): number {
  let i = end;
  while (i > 0 && line.charCodeAt(i - 1) !== SP) i--;
  return i;
}

/** A token that may be a name: not `-`, no `@` (an email is the scan's), not empty. */
function isName(line: string, start: number, end: number): boolean {
  if (end <= start || (end - start === 1 && line.charCodeAt(start) === DASH)) return false;
  const at = line.indexOf('@', start);
  return at < 0 || at >= end;
}
