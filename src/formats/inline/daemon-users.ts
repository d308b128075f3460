/**
 * The user names that servers write in a fixed place of their log lines, with no word naming them
 * (so the scanner cannot tell them from any other token; the place does):
 *
 *   vsftpd       `[pid 4242] [kchen] OK LOGIN: Client "198.51.100.7"` (and FAIL, UPLOAD, DOWNLOAD…)
 *   Squid        `1764844800.123    120 198.51.100.7 TCP_MISS/200 4096 GET http://… dlee HIER_DIRECT/…`
 *                (the native access.log: time, elapsed, client, code, bytes, method, URL, user, hierarchy)
 *   OpenVPN      `rpatel/198.51.100.7:51820 MULTI_sva: …` (the client's common name before its address)
 *                and `198.51.100.7:51820 [rpatel] Peer Connection Initiated with …`
 *   FreeRADIUS   `Login OK: [lgarcia] (from client vpn-gw port 0 …)`, `Login incorrect (…): [lgarcia/…] (from client …`
 *                (with password logging on, what follows the `/` is the password: it stays the line's)
 *   MySQL        the general query log's `42 Connect	sbrown@localhost on shop using Socket`
 *
 * Each token is given a key ending in `user`, so the user-name detector reads it as the value of a
 * user key (detectors/username: `-`, system accounts and emails are left as they are). Cheap checks
 * for each daemon's marks come first: a line of none of them costs a few `indexOf`s.
 */
import type { KvSpan } from './span.js';

const NO_USER: readonly KvSpan[] = [];

const VSFTPD = /\[pid \d{1,10}\] \[([^\]\s]{1,64})\] (?:OK|FAIL) [A-Z]{3,12}:/g;
const SQUID_HEAD = /\d{9,10}\.\d{3} +\d{1,10} \S+ [A-Z_]+\/\d{3} \d{1,15} [A-Z]{3,12} \S+ /y;
const SQUID_HIERARCHY = / [A-Z_]+\//y;
const OPENVPN_PEER = /:\d{1,5} \[([^\]\s]{1,64})\] Peer Connection Initiated/g;
/** `name/` then an IPv4 address, its port and a message word (`MULTI_sva:`, `SENT`, `PUSH:`, `VERIFY`, `Data`). */
const OPENVPN_ADDRESS = /(?:\d{1,3}\.){3}\d{1,3}:\d{1,5} [A-Z]/y;
const RADIUS = /Login (?:OK|incorrect)[^[\]]{0,240}: \[([^\]/\s]{1,64})[^\]]{0,256}\] \((?:from client|via )/g;
const MYSQL_CONNECT = / Connect\t([^@\s]{1,64})@\S{1,255} (?:on |as )/g;

/** The user a daemon's line holds in its fixed place, as a span to visit alone, or none. */
export function daemonUser(line: string): readonly KvSpan[] {
  if (line.indexOf('[pid ') >= 0) return fromGroup(VSFTPD, line, 'ftp_user');
  if (line.indexOf('Login ') >= 0) return fromGroup(RADIUS, line, 'radius_user');
  if (line.indexOf(' Connect\t') >= 0) return fromGroup(MYSQL_CONNECT, line, 'mysql_user');
  if (line.indexOf('] Peer Connection') >= 0) return fromGroup(OPENVPN_PEER, line, 'vpn_user');
  const squid = squidUser(line);
  return squid.length > 0 ? squid : openvpnName(line);
}

/** The first group of `re`'s first match, under `key`. */
function fromGroup(re: RegExp, line: string, key: string): readonly KvSpan[] {
  re.lastIndex = 0;
  const m = re.exec(line);
  if (m === null) return NO_USER;
  const start = m.index + m[0].indexOf(m[1]);
  return [{ start, end: start + m[1].length, path: [key], encoding: 'bare', alone: true }];
}

function squidUser(line: string): readonly KvSpan[] {
  const c = line.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return NO_USER;
  SQUID_HEAD.lastIndex = 0;
  if (!SQUID_HEAD.test(line)) return NO_USER;
  const start = SQUID_HEAD.lastIndex;
  const end = line.indexOf(' ', start);
  SQUID_HIERARCHY.lastIndex = end;
  if (end <= start || !SQUID_HIERARCHY.test(line)) return NO_USER;
  return [{ start, end, path: ['squid_user'], encoding: 'bare', alone: true }];
}

/** OpenVPN's `name/198.51.100.7:51820 MULTI…`: a `/` right before an address, port and message. */
function openvpnName(line: string): readonly KvSpan[] {
  for (let slash = line.indexOf('/'); slash > 0; slash = line.indexOf('/', slash + 1)) {
    const d = line.charCodeAt(slash + 1);
    if (!(d >= 48 && d <= 57)) continue;
    OPENVPN_ADDRESS.lastIndex = slash + 1;
    if (!OPENVPN_ADDRESS.test(line)) continue;
    let start = slash;
    while (start > 0 && line.charCodeAt(start - 1) !== 32 && slash - start < 64) start--;
    // The name starts the token (after a space or the line's start) with a letter.
    const first = line.charCodeAt(start);
    if (start === slash || (start > 0 && line.charCodeAt(start - 1) !== 32) || !((first | 32) >= 97 && (first | 32) <= 122)) return NO_USER;
    return [{ start, end: slash, path: ['vpn_user'], encoding: 'bare', alone: true }];
  }
  return NO_USER;
}
