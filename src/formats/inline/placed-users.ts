/**
 * User names that a log's layout puts in a fixed place of the line, where no word names them: the
 * Common/Combined Log Format's ident and user (access-log.ts), IIS's `cs-username` (w3c-log.ts), and
 * other servers' (daemon-users.ts: vsftpd, FreeRADIUS, OpenVPN, Squid, MySQL). At most one layout
 * holds for a line; they are tried in that order, each only where its line starts as the layout does.
 */
import { accessLogUsers } from './access-log.js';
import { daemonUser } from './daemon-users.js';
import type { KvSpan } from './span.js';
import { iisUser } from './w3c-log.js';

/** The users the line's layout places, as spans to visit alone (sorted), or none. */
export function placedUsers(line: string): readonly KvSpan[] {
  const clf = accessLogUsers(line);
  if (clf.length > 0) return clf;
  const iis = iisUser(line);
  return iis.length > 0 ? iis : daemonUser(line);
}

/**
 * The line's pairs with the user spans a log's layout places (access logs, IIS, daemons) put in
 * order. A user span inside a pair is left to the pair (`msg="192.0.2.8 - bob […] \"GET …\""`: the
 * pair's value is read as a line again), unless the pair's value is the user tokens alone in their
 * brackets or quotes (FreeRADIUS's `Login OK: [alice]` reads as a pair `OK`): then the users' reading
 * stands.
 */
export function withPlacedUsers(pairs: readonly KvSpan[], users: readonly KvSpan[]): readonly KvSpan[] {
  if (users.length === 0) return pairs;
  const out: KvSpan[] = [];
  let k = 0;
  for (const u of users) {
    while (k < pairs.length && pairs[k].end <= u.start) out.push(pairs[k++]);
    if (k < pairs.length && pairs[k].start < u.end) {
      const p = pairs[k];
      if (u.start < p.start || u.end > p.end || !heldByUsers(p, users)) continue; // the pair's reading stands
      k++; // the pair is the user tokens in their brackets: the users' reading instead
    }
    out.push(u);
  }
  while (k < pairs.length) out.push(pairs[k++]);
  return out;
}

/**
 * Whether pair `p`'s value is nothing but user tokens and their brackets or quotes (FreeRADIUS's
 * `[alice]`; MySQL's slow log `User@Host: sbrown[sbrown]` reads as a pair `Host`).
 */
function heldByUsers(p: KvSpan, users: readonly KvSpan[]): boolean {
  let inside = 0;
  let covered = 0;
  for (const u of users) {
    if (u.start < p.start || u.end > p.end) continue;
    inside++;
    covered += u.end - u.start;
  }
  return inside > 0 && p.end - p.start - covered <= 2 * inside;
}
