/**
 * The user name of an IIS log line in the W3C extended format with the default fields of IIS 7 and
 * later, or of IIS 4 to 6, or in IIS's own comma-separated format:
 *
 *   #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) …
 *   2026-12-04 07:50:03 192.0.2.10 GET /owa/ - 443 CONTOSO\jdoe 198.51.100.7 Mozilla/5.0+(…) - 200 0 0 31
 *   #Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status cs(User-Agent)
 *   2026-12-04 07:50:03 198.51.100.7 jdoe 192.0.2.10 80 GET /images/picture.jpg - 200 Mozilla/4.0+(…)
 *   198.51.100.7, jdoe, 12/04/26, 7:55:20, W3SVC2, SALES1, 192.0.2.10, 4502, 163, 3223, 200, 0, GET, /intro.htm, -,
 *
 * No word names the user, so the scanner cannot tell `jdoe` from any other token: its place does. The
 * token is given the key `cs-username`, so the user-name detector reads it as the value of a user key
 * (detectors/username: `CONTOSO\jdoe` keeps its domain); `-` (anonymous) and what is no name stay,
 * and an email there is left to the line's scan, as are the addresses. The layout is recognized from
 * the line itself (the fields around the user: addresses, port, method, path; date and time), not
 * from the `#Fields:` header, so that it holds in every batch of a worker pool, where the header is
 * not at hand; a log with other fields around the user is scanned as text.
 */
import { codeAt } from '../../../detectors/lib/code-at.js';
import type { KvSpan } from './span.js';

/** An IPv4 or IPv6 address as IIS writes it. */
const IP = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.%\w]*)`;
/**
 * IIS 7 and later: date and time, up to two names (IIS 6's `s-sitename`, `s-computername` when
 * chosen), the server's address, a method, a path, a query (`-` for none) and a port, each one space
 * apart; the user token follows, then the client's address and a space (CLIENT_AFTER).
 */
const USER_AFTER_PORT = new RegExp(String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (?:[\w.-]+ ){0,2}${IP} [A-Z]{3,12} \/\S* \S+ \d{1,5} `, 'y');
const CLIENT_AFTER = new RegExp(String.raw`${IP} `, 'y');
/**
 * IIS 4 to 6's defaults: date, time, the client's address, then the user token, which the server's
 * name or address, the port and the method follow (`… 172.22.0.9 jdoe 172.30.0.1 80 GET /x …`,
 * `… 195.52.225.44 jdoe WEB1 192.166.0.24 GET /x …`).
 */
const USER_AFTER_CLIENT = new RegExp(String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} ${IP} `, 'y');
const SERVER_AFTER = new RegExp(String.raw`(?:[\w.-]+ )?${IP} (?:\d{1,5} )?[A-Z]{3,12} \/`, 'y');
/**
 * IIS's own (non-W3C) log format, comma-separated: the client's address, the user, a date and a time
 * (`192.0.2.201, jdoe, 12/04/26, 7:55:20, W3SVC2, SALES1, 192.0.2.45, …`).
 */
const IIS_NATIVE_HEAD = new RegExp(String.raw`${IP}, `, 'y');
const IIS_NATIVE_TAIL = /, \d{1,2}\/\d{1,2}\/\d{2,4}, \d{1,2}:\d{2}:\d{2}, /y;
const SP = 32;
const DASH = 45;

const NO_USER: readonly KvSpan[] = [];

/** The `cs-username` token of an IIS line in one of its default layouts, as a span to visit alone, or none. */
export function iisUser(line: string): readonly KvSpan[] {
  if (line.length < 24) return NO_USER;
  // A W3C data line starts with a date (`2026-12-04 `); IIS's own format with an address and a comma.
  if (line.charCodeAt(4) === DASH && line.charCodeAt(10) === SP) {
    // After the time, an address or IIS 6's site name (`W3SVC1`): an application's line has its level
    // or thread there (`INFO`, `[main]`), and no regex need run on it.
    if (line.charCodeAt(19) !== SP || !startsAddressOrSite(line, 20)) return NO_USER;
    USER_AFTER_PORT.lastIndex = 0;
    if (USER_AFTER_PORT.test(line)) {
      const start = USER_AFTER_PORT.lastIndex;
      const end = line.indexOf(' ', start);
      CLIENT_AFTER.lastIndex = end + 1;
      return end > start && CLIENT_AFTER.test(line) ? userSpan(line, start, end) : NO_USER;
    }
    USER_AFTER_CLIENT.lastIndex = 0;
    if (!USER_AFTER_CLIENT.test(line)) return NO_USER;
    const start = USER_AFTER_CLIENT.lastIndex;
    const end = line.indexOf(' ', start);
    SERVER_AFTER.lastIndex = end + 1;
    return end > start && SERVER_AFTER.test(line) ? userSpan(line, start, end) : NO_USER;
  }
  // IIS's own format: an address, then `, ` (checked on chars first: most lines start otherwise).
  if (!addressThenComma(line)) return NO_USER;
  IIS_NATIVE_HEAD.lastIndex = 0;
  if (!IIS_NATIVE_HEAD.test(line)) return NO_USER;
  const start = IIS_NATIVE_HEAD.lastIndex;
  const end = line.indexOf(',', start);
  IIS_NATIVE_TAIL.lastIndex = end;
  return end > start && IIS_NATIVE_TAIL.test(line) ? userSpan(line, start, end) : NO_USER;
}

/** The line starts with an address's chars (digits, `.`, hex, `:`) and `, ` right after them. */
function addressThenComma(line: string): boolean {
  let i = 0;
  while (i < 46) {
    const c = codeAt(line, i);
    const h = c | 32;
    if (!((c >= 48 && c <= 58) || c === 46 || (h >= 97 && h <= 102))) break;
    i++;
  }
  return i >= 2 && codeAt(line, i) === 44 && codeAt(line, i + 1) === SP;
}

/** An IPv4 address, an IPv6 address (hex digits then `:`) or `W3SVC` starts at `at`. */
function startsAddressOrSite(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  if (c >= 48 && c <= 57) return true;
  if (line.startsWith('W3SVC', at)) return true;
  // IPv6: up to four hex digits, then `:` (`2001:db8::7`, `fe80::1`, `::1`).
  for (let i = at; i < at + 5; i++) {
    const d = line.charCodeAt(i);
    if (d === 58) return true;
    const h = d | 32;
    if (!((d >= 48 && d <= 57) || (h >= 97 && h <= 102))) return false;
  }
  return false;
}

/** The user token as the value of `cs-username`; none for `-` (anonymous) or an email (the scan's). */
function userSpan(line: string, start: number, end: number): readonly KvSpan[] {
  if (end - start === 1 && line.charCodeAt(start) === DASH) return NO_USER;
  const at = line.indexOf('@', start);
  if (at >= 0 && at < end) return NO_USER;
  return [{ start, end, path: ['cs-username'], encoding: 'bare', alone: true }];
}
