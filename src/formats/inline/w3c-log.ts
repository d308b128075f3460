/**
 * The user name of an IIS log line in the W3C extended format with IIS's default fields:
 *
 *   #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) …
 *   2026-12-04 07:50:03 192.0.2.10 GET /owa/ - 443 CONTOSO\jdoe 198.51.100.7 Mozilla/5.0+(…) - 200 0 0 31
 *
 * (IIS 6 writes the site name, and optionally the server's name, before `s-ip`: `W3SVC1`.) No word
 * names the user, so the scanner cannot tell `jdoe` from any other token: its place between the port
 * and the client's address does. The token is given the key `cs-username`, so the user-name detector
 * reads it as the value of a user key (detectors/username: `CONTOSO\jdoe` keeps its domain); `-`
 * (anonymous) and what is no name stay, and an email there is left to the line's scan. The
 * addresses are the line's scan's too. A log with other `#Fields` than these is not read so: the
 * layout is recognized from the line itself (date, time, address, method, path, query, port, user,
 * address), so that it holds in every batch of a worker pool, where the header is not at hand.
 */
import type { KvSpan } from './span.js';

/**
 * Date and time, up to two names (IIS 6's `s-sitename`, `s-computername`), the server's IPv4 or IPv6
 * address, a method, a path, a query (`-` for none) and a port, each one space apart; the user token
 * follows, then the client's address and a space.
 */
const IIS_HEAD =
  /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (?:[\w.-]+ ){0,2}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.%\w]*) [A-Z]{3,12} \/\S* \S+ \d{1,5} /y;
const CLIENT = /(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.%\w]*) /y;
const SP = 32;
const DASH = 45;

const NO_USER: readonly KvSpan[] = [];

/** The `cs-username` token of an IIS default-layout line, as a span to visit alone, or none. */
export function iisUser(line: string): readonly KvSpan[] {
  // Cheap first: the line starts with a date (`2026-`), as every W3C data line does.
  if (line.length < 40 || line.charCodeAt(4) !== DASH || line.charCodeAt(10) !== SP) return NO_USER;
  IIS_HEAD.lastIndex = 0;
  if (!IIS_HEAD.test(line)) return NO_USER;
  const start = IIS_HEAD.lastIndex;
  const end = line.indexOf(' ', start);
  if (end <= start) return NO_USER;
  CLIENT.lastIndex = end + 1;
  if (!CLIENT.test(line)) return NO_USER;
  if (end - start === 1 && line.charCodeAt(start) === DASH) return NO_USER; // anonymous
  const at = line.indexOf('@', start);
  if (at >= 0 && at < end) return NO_USER; // an email: the scan's
  return [{ start, end, path: ['cs-username'], encoding: 'bare', alone: true }];
}
