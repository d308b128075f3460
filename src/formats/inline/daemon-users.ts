/**
 * The user names that servers write in a fixed place of their log lines, with no word naming them
 * (so the scanner cannot tell them from any other token; the place does):
 *
 *   vsftpd       `Thu Dec  4 07:50:03 2026 [pid 4242] [kchen] OK LOGIN: Client "198.51.100.7"` (FAIL,
 *                UPLOAD, DOWNLOAD… too), and through syslog `vsftpd[4242]: [kchen] OK LOGIN: …`
 *   FreeRADIUS   `Thu Dec  4 07:50:03 2026 : Auth: (42) Login OK: [lgarcia] (from client …)`, `Login
 *                incorrect (…): [lgarcia/…] (from client …` (with password logging on, what follows the
 *                `/` is the password: it stays the line's)
 *   OpenVPN      `2026-12-04 07:50:03 us=123456 rpatel/198.51.100.7:51820 MULTI_sva: …` (the client's
 *                common name before its address), `… 198.51.100.7:51820 [rpatel] Peer Connection Initiated …`
 *   Squid        `1764844800.123    120 198.51.100.7 TCP_MISS/200 4096 GET http://… dlee HIER_DIRECT/…`
 *                (the native access.log: time, elapsed, client, code, bytes, method, URL, user, hierarchy)
 *   MySQL        the general query log's `2026-12-04T07:50:03.123456Z	   42 Connect	sbrown@localhost on shop`
 *                (MySQL 5: `261204  7:50:03	   42 Connect	…`, or a line of its own starting with two tabs),
 *                and the slow query log's `# User@Host: sbrown[sbrown] @ web1 [192.0.2.45]  Id:    42`
 *                (the user and the account it was granted as)
 *   PostgreSQL   csvlog's `2026-12-04 07:50:03.123 UTC,"sbrown","shop",4242,"192.0.2.44:51234",…`
 *                (log_time, then user_name)
 *
 * Each token is given a key ending in `user`, so the user-name detector reads it as the value of a
 * user key (detectors/username: `-`, system accounts and emails are left as they are). Every reader
 * looks only where its server's message starts: after the line's own timestamp (ISO or ctime) or a
 * syslog prefix (`Dec  4 07:50:03 host prog[pid]: `). No search runs through the line: most lines are
 * none of these, and this runs on every line.
 */
import type { KvSpan } from './span.js';

const NO_USER: readonly KvSpan[] = [];
const SP = 32;
const TAB = 9;
const DASH = 45;

const CTIME = /[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? \d{4} /y;
/** A syslog prefix's end: `Dec  4 07:50:03 host prog[4242]: ` (the program's `: ` within this reach). */
const SYSLOG_REACH = 96;
const SYSLOG_HEAD = /[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \S+ [\w./-]{1,40}(?:\[\d{1,10}\])?: /y;

const VSFTPD = /(?:\[pid \d{1,10}\] )?\[([^\]\s]{1,64})\] (?:OK|FAIL) [A-Z]{3,12}:/yd;
const RADIUS = / ?: Auth: (?:\(\d{1,12}\) )?Login (?:OK|incorrect)[^[\]]{0,240}: \[([^\]/\s]{1,64})[^\]]{0,256}\] \((?:from client|via )/yd;
const OPENVPN_NAME = /(?:us=\d{1,9} )?([A-Za-z][\w.@-]{0,63})\/(?:\d{1,3}\.){3}\d{1,3}:\d{1,5} [A-Z]/yd;
const OPENVPN_PEER = /(?:us=\d{1,9} )?(?:\d{1,3}\.){3}\d{1,3}:\d{1,5} \[([^\]\s]{1,64})\] Peer Connection Initiated/yd;
const SQUID_HEAD = /\d{9,10}\.\d{3} +\d{1,10} \S+ [A-Z_]+\/\d{3} \d{1,15} [A-Z]{3,12} \S+ /y;
const SQUID_HIERARCHY = / [A-Z_]+\//y;
const MYSQL_CONNECT = /\t *\d{1,12} Connect\t([^@\s]{1,64})@\S{1,255} (?:on|as) /yd;
const MYSQL_SLOW = /# User@Host: ([^[\s]{1,64})\[([^\]\s]{0,64})\] @ /yd;
/** After csvlog's log_time (`2026-12-04 07:50:03.123 UTC,`): the quoted user_name, then database_name and the pid. */
const PG_CSVLOG = /\d{2}:\d{2}:\d{2}\.\d{3} [A-Za-z+\d:-]{1,8},"([^",\s]{1,63})","[^"]{0,63}",\d{1,10},/yd;

/** The user a server's line holds in its fixed place, as a span to visit alone, or none. */
export function daemonUser(line: string): readonly KvSpan[] {
  const n = line.length;
  if (n < 24) return NO_USER;
  const c0 = line.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    // `2026-12-04 07:50:03 …` (OpenVPN), `2026-12-04T07:50:03.123456Z\t` (MySQL), `1764844800.123 …` (Squid).
    if (line.charCodeAt(4) === DASH) {
      if (line.charCodeAt(10) === SP) return line.charCodeAt(19) === 46 /* . */ ? match(PG_CSVLOG, line, 11, 'pg_user') : openvpn(line, 20);
      return n > 27 && line.charCodeAt(27) === TAB ? match(MYSQL_CONNECT, line, 27, 'mysql_user') : NO_USER;
    }
    // MySQL 5's `261204  7:50:03\t   42 Connect\t…`
    if (line.charCodeAt(15) === TAB) return match(MYSQL_CONNECT, line, 15, 'mysql_user');
    return squid(line);
  }
  // MySQL 5 writes the time once a second: the lines after start `\t\t   42 Connect\t…`.
  if (c0 === TAB) return match(MYSQL_CONNECT, line, 1, 'mysql_user');
  if (c0 === 35 /* # */) return mysqlSlow(line);
  // ctime, as vsftpd, FreeRADIUS and OpenVPN write it: `Thu Dec  4 07:50:03 2026 ` (a fraction too).
  if (line.charCodeAt(3) === SP && line.charCodeAt(7) === SP) {
    CTIME.lastIndex = 0;
    if (!CTIME.test(line)) return NO_USER;
    const body = CTIME.lastIndex;
    const c = line.charCodeAt(body);
    if (c === 91 /* [ */) return match(VSFTPD, line, body, 'ftp_user');
    if (c === 58 /* : */) return match(RADIUS, line, body - 1, 'radius_user');
    return openvpn(line, body);
  }
  // Through syslog: `Dec  4 07:50:03 host vsftpd[4242]: [kchen] OK LOGIN: …`, `… openvpn[77]: rpatel/…`.
  if (line.charCodeAt(3) === SP && line.charCodeAt(9) === 58) {
    SYSLOG_HEAD.lastIndex = 0;
    if (!SYSLOG_HEAD.test(line) || SYSLOG_HEAD.lastIndex > SYSLOG_REACH) return NO_USER;
    const body = SYSLOG_HEAD.lastIndex;
    return line.charCodeAt(body) === 91 ? match(VSFTPD, line, body, 'ftp_user') : openvpn(line, body);
  }
  return NO_USER;
}

function openvpn(line: string, at: number): readonly KvSpan[] {
  const name = match(OPENVPN_NAME, line, at, 'vpn_user');
  return name.length > 0 ? name : match(OPENVPN_PEER, line, at, 'vpn_user');
}

/** The first group of the sticky `re` (with indices: flag `d`) matched at `at`, under `key`, or none. */
function match(re: RegExp, line: string, at: number, key: string): readonly KvSpan[] {
  re.lastIndex = at;
  const m = re.exec(line);
  if (m === null) return NO_USER;
  const [start, end] = m.indices![1]!;
  return [{ start, end, path: [key], encoding: 'bare', alone: true }];
}

function squid(line: string): readonly KvSpan[] {
  SQUID_HEAD.lastIndex = 0;
  if (!SQUID_HEAD.test(line)) return NO_USER;
  const start = SQUID_HEAD.lastIndex;
  const end = line.indexOf(' ', start);
  SQUID_HIERARCHY.lastIndex = end;
  if (end <= start || !SQUID_HIERARCHY.test(line)) return NO_USER;
  return [{ start, end, path: ['squid_user'], encoding: 'bare', alone: true }];
}

/** The slow query log's `# User@Host: user[granted as] @ host [ip]`: both names (the second may be empty). */
function mysqlSlow(line: string): readonly KvSpan[] {
  MYSQL_SLOW.lastIndex = 0;
  const m = MYSQL_SLOW.exec(line);
  if (m === null) return NO_USER;
  const spans: KvSpan[] = [];
  for (const g of [1, 2]) {
    const [start, end] = m.indices![g]!;
    if (end > start) spans.push({ start, end, path: ['mysql_user'], encoding: 'bare', alone: true });
  }
  return spans;
}
