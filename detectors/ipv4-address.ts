import { defineDetector } from './lib/define.js';
import { isAlnum, isDigit, isHex, isLetter } from './lib/chars.js';
import { codeAt } from './lib/code-at.js';
import { label, written, type Rng } from './lib/generate.js';
import type { Detector, DetectorOptions } from './lib/types.js';
import { canonicalIPv6, ipv6Value, maskIpv6 } from './ipv6-address.js';

/**
 * IPv4 address in dotted-quad form: `192.0.2.10`, also inside `host:port`, URLs and brackets, after
 * a host name and `/` (Java's `host.example.com/10.1.2.3:8020`), zero-padded (`10.001.002.003`), and
 * embedded in a host name (`ip-10-0-1-17.ec2.internal`, `host203.0.113.9.example.com`): there only
 * the address part is the finding, the rest of the name stays. (IPv6 is the sibling detector
 * ipv6-address.ts; both report IP_ADDRESS.)
 *
 * Each octet 0–255; a leading zero only in a three-digit octet (`002`: padded, but `02` is a clock or
 * a date, `10.01.02.003`). The scanner only starts a `digits` candidate where the previous char is
 * not a letter, a digit or `<digit>.`, so `v1.2.3.4` and the tail of `1.3.6.1.4.1` are never offered
 * (this detector is also offered a run glued to letters, see `gluedToLetters`); the shape refuses a
 * fifth `.digit` (`1.2.3.4.5`, OIDs) and octets above 255 (`10.0.10625.1189`, `1.2.840.113549`).
 * Not addresses: a version right after `version`, `ver`, `build`, `firmware`, `版本`…
 * (context.negative); a product token's version (`Chrome/122.0.0.0`); Windows component versions
 * (`…~amd64~~10.0.1.2`, `…_31bf3856ad364e35_10.0.1.2_none_…`). Four dash-separated numbers are an
 * address only in a host name: after a label with a letter (`ip-`, `adsl-`, `ec2-`), or followed by
 * `.` and a domain (`198-51-100-7.static.example.net`); dates (`2026-12-03`) never fit.
 *
 * Loopback (`127.0.0.0/8`) and unspecified (`0.0.0.0`) identify nobody: kept, unless the policy
 * says `ip_address: { keep_loopback: false }`.
 */

const SCORE = 0.95;

// 25x | 20x-24x | 1xx | 0xx (padded) | 10-99 | 0-9; tried in this order, so a longer octet wins.
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|0[0-9][0-9]|[1-9]?[0-9])';
// In a host name octets are not padded.
const LABEL_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

const NEGATIVE = ['version', 'ver', 'build', 'firmware', 'release', 'revision', 'oid', '版本', '版本号', '固件'];
const NEGATIVE_SET = new Set(NEGATIVE);
const NEGATIVE_CJK = NEGATIVE.filter((w) => w.charCodeAt(0) > 127);

/** What follows a host name's address that is a file name's extension, not a domain: `1-2-3-4.tar.gz`. */
const FILE_EXTENSIONS = new Set([
  'tar', 'gz', 'tgz', 'zip', 'jar', 'war', 'so', 'dll', 'exe', 'msi', 'rpm', 'deb', 'whl', 'apk', 'img', 'iso',
  'bin', 'log', 'txt', 'json', 'xml', 'yaml', 'yml', 'cab', 'msu', 'mum', 'manifest', 'cat',
]);

/** Between a label and its value: space, tab, `:`, `=`, quotes, `#`, `(`, `/`, `_`, `-`, `.`, `：`. */
function isLabelSeparator(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 58 || c === 61 || c === 34 || c === 39 || c === 35 || c === 40 ||
    c === 47 || c === 95 || c === 45 || c === 46 || c === 0xff1a
  );
}

/**
 * ctx.negative says a version word is within 32 chars before; this confirms it labels this very
 * value (`version: 1.2.3.4`, `appVersion=1.2.3.4`, `版本 1.2.3.4`), so that `app version 1.4.2
 * connected from 192.0.2.7` keeps its address. Only runs when ctx.negative is true (rare).
 */
function labelledAsVersion(text: string, start: number): boolean {
  let i = start - 1;
  for (let k = 0; i >= 0 && k < 4 && isLabelSeparator(text.charCodeAt(i)); k++) i--;
  if (i < 0) return true; // nothing before the value: the negative word is its key
  let j = i;
  while (j >= 0 && i - j < 24 && isLetter(text.charCodeAt(j))) j--;
  if (j < i) {
    const w = text.slice(j + 1, i + 1).toLowerCase();
    return NEGATIVE_SET.has(w) || w.endsWith('version') || w.startsWith('build') || w.endsWith('build');
  }
  for (const z of NEGATIVE_CJK) if (text.startsWith(z, i + 1 - z.length)) return true;
  return false;
}

/**
 * A network in CIDR notation, `203.0.113.0/24` (every host bit zero), names a network, not a host (an
 * interface address with its prefix, `192.0.2.7/24`, is still a host). It is also what the generalize
 * operator writes: a second pass must leave it. `end` is the address's end, at the `/`.
 */
function isNetworkPrefix(text: string, start: number, end: number): boolean {
  const m = /^\/([0-9]{1,2})(?![0-9])/.exec(text.slice(end, end + 4));
  const bits = m ? Number(m[1]) : 33;
  if (bits > 32) return false;
  const address = text.slice(start, end).split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
  return address % 2 ** (32 - bits) === 0;
}

/**
 * `Name/122.0.0.0` after a product token (a word without dots: `Chrome/`, `OPR/`, `CriOS/`) is its
 * version; such versions end in `.0`. After a host name with dots (Java's InetAddress,
 * `host.example.com/10.1.2.3`) or `localhost/` it is the address.
 */
function isProductVersion(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end - 1) !== 48 || text.charCodeAt(end - 2) !== 46) return false;
  let i = start - 2;
  let letter = false;
  for (; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 46) return false; // a host name
    if (isLetter(c)) letter = true;
    else if (!isDigit(c) && c !== 45 && c !== 95) break;
  }
  return letter && text.slice(i + 1, start - 1).toLowerCase() !== 'localhost';
}

/** `.` and a domain label after the address (`…7.static.example.net`), not a file extension (`….tar.gz`). */
function followedByDomain(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 46 || !isLetter(text.charCodeAt(end + 1))) return false;
  let j = end + 1;
  while (j < text.length && j - end <= 10 && isAlnum(text.charCodeAt(j))) j++;
  return !FILE_EXTENSIONS.has(text.slice(end + 1, j).toLowerCase());
}

/**
 * Dashed octets are an address only in a host name: glued by `-` to a label with a letter
 * (`ip-10-0-1-17`, `adsl-198-51-100-7`, `ec2-203-0-113-9`), or followed by a domain
 * (`10-0-1-17.default.pod.cluster.local`).
 */
function inHostName(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start - 1) === 45) {
    for (let i = start - 2; i >= 0 && isAlnum(text.charCodeAt(i)); i--) if (isLetter(text.charCodeAt(i))) return true;
  }
  return followedByDomain(text, end);
}

/** `host203.0.113.9.example.com`: glued to a host label's letters, then a domain; not `v1.2.3.4.tar.gz`. */
function gluedInHostName(text: string, start: number, end: number): boolean {
  const versionMark = (text.charCodeAt(start - 1) | 32) === 118 /* v */ && !isLetter(text.charCodeAt(start - 2));
  return !versionMark && followedByDomain(text, end);
}

/** Right after a URL escape (`%2C198.51.100.2`, `%20192.0.2.1`): the escape separates, it glues nothing. */
function afterUrlEscape(text: string, start: number): boolean {
  return text.charCodeAt(start - 3) === 37 && isHex(text.charCodeAt(start - 2)) && isHex(text.charCodeAt(start - 1));
}

/** Windows component versions: `…~amd64~~10.0.1.2` (CBS), `…_31bf3856ad364e35_10.0.1.2_none_…` (WinSxS). */
function isComponentVersion(text: string, start: number, end: number): boolean {
  const prev = codeAt(text, start - 1);
  return prev === 126 /* ~ */ || (prev === 95 /* _ */ && codeAt(text, end) === 95);
}

/** The four octets as numbers, whatever the separator and padding: `010-000-001-017` → [10, 0, 1, 17]. */
function octets(value: string): number[] {
  return value.split(/[.-]/).map(Number);
}

/**
 * text[start, end) is in 127.0.0.0/8 (loopback) or is 0.0.0.0 (unspecified): no host anyone could be
 * traced to. On char codes, as every access-log line has an address: a first octet `127` (three
 * digits, padded or not), or nothing but zeros and separators.
 */
function isLoopbackV4(text: string, start: number, end: number): boolean {
  if (text.startsWith('127', start) && !isDigit(text.charCodeAt(start + 3))) return true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 48 && c !== 46 && c !== 45) return false;
  }
  return true;
}

/** A whole value that is one loopback or unspecified IPv4 address (`127.0.0.1`, `0.0.0.0`, padded too). */
function isWholeLoopbackV4(value: string): boolean {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255) && isLoopbackV4(value, 0, value.length);
}

/**
 * Either form of IP_ADDRESS (findings of one type share the first detector's normalize, so keyed
 * operators see one canonical form): IPv6 as RFC 5952, IPv4 dotted without padding
 * (`010.001.002.003` and `ip-10-1-2-3` name the same address as `10.1.2.3`).
 */
export function normalizeIpAddress(value: string): string {
  return value.includes(':') ? canonicalIPv6(value) : octets(value).join('.');
}

/** An address in a documentation range (RFC 5737). */
function addressValue(r: Rng): string {
  return `${r.pick(['192.0.2', '198.51.100', '203.0.113'])}.${r.int(1, 254)}`;
}

const IPV4_PORT = /^([0-9]{1,3})\.([0-9]{1,3})\.[0-9]{1,3}\.[0-9]{1,3}(:[0-9]{1,5})$/;

/**
 * Either form of IP_ADDRESS (findings of one type share the first detector's mask): an IPv4 keeps
 * its first two octets (`192.0.*.*`, in a host name `10-0-*-*`), an IPv6 its routing prefix.
 */
export function maskIpAddress(value: string): string {
  // A field's whole value may hold a port (`ip=198.51.100.5:43072`): the address is masked, the port
  // kept (read as IPv6 groups, the address itself stayed whole).
  const withPort = IPV4_PORT.exec(value);
  if (withPort !== null) return `${withPort[1]}.${withPort[2]}.*.*${withPort[3]}`;
  if (value.includes(':') || !/^[0-9]+[.-]/.test(value)) return maskIpv6(value);
  const sep = value[value.search(/[.-]/)];
  const parts = value.split(sep);
  return `${parts[0]}${sep}${parts[1]}${sep}*${sep}*`;
}

/** An IPv4 detector; `keepLoopback`: loopback and unspecified addresses are left as they are. */
export function makeIpv4Detector(keepLoopback: boolean): Detector<'IP_ADDRESS'> {
  return defineDetector({
    type: 'IP_ADDRESS',
    name: 'ipv4_address',
    candidate: 'digits',
    gluedToLetters: true,
    minLen: 7,
    maxLen: 15,
    // Four dotted octets not followed by another `.digit`, or four dashed ones not followed by `-digit`
    // or `.digit` (the scanner adds: not followed by a letter/digit).
    shape: new RegExp(
      `${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}(?!\\.[0-9])|` +
        `${LABEL_OCTET}-${LABEL_OCTET}-${LABEL_OCTET}-${LABEL_OCTET}(?![-.][0-9])`,
      'y',
    ),
    validate(text, start, end, ctx) {
      if (ctx.negative && labelledAsVersion(text, start)) return 0;
      if (isComponentVersion(text, start, end)) return 0;
      let dashed = false;
      for (let i = start + 1; i < start + 4; i++) if (text.charCodeAt(i) === 45) dashed = true;
      if (dashed) {
        if (!inHostName(text, start, end)) return 0;
      } else if (isLetter(codeAt(text, start - 1)) && !afterUrlEscape(text, start)) {
        if (!gluedInHostName(text, start, end)) return 0;
      } else if (codeAt(text, start - 1) === 47 && isProductVersion(text, start, end)) {
        return 0;
      }
      // A network in CIDR notation (what generalize writes) names no host.
      if (!dashed && codeAt(text, end) === 47 && isNetworkPrefix(text, start, end)) return 0;
      if (keepLoopback && isLoopbackV4(text, start, end)) return 0;
      return SCORE;
    },
    context: { words: [], negative: NEGATIVE },
    keeps: (value) => keepLoopback && isWholeLoopbackV4(value.trim()),
    normalize: normalizeIpAddress,
    examples: {
      match: ['192.0.2.10', '198.51.100.7', '203.0.113.255', '192.0.2.0', '10.001.002.003', 'ip-10-0-1-17', 'host.example.com/10.1.2.3'],
      noMatch: [
        '10.0.10625.1189',
        '6.1.7601.23505',
        '1.3.6.1.4.1',
        '1.2.840.113549',
        '1.2.3.4.5',
        'v1.2.3.4',
        'Mozilla/5.0 Chrome/122.0.0.0 Safari/537.36',
        'version 1.2.3.4',
        'route 203.0.113.0/24 via',
        'build: 10.0.0.1',
        'v1-2-3-4',
        '2026-12-03',
        '192.0.2.256',
        '192.0.02.1',
        '10.20.30',
        '127.0.0.1',
        '0.0.0.0',
        'Package_for_KB5031356~31bf3856ad364e35~amd64~~10.0.1.2',
      ],
    },
    fieldNames: ['ip', 'ip_address', 'client_ip', 'remote_addr'],
    mask: maskIpAddress,
    /** The policy's `ip_address: { keep_loopback }` (checked by the policy schema). */
    configure: (options: DetectorOptions) => makeIpv4Detector(options.keep_loopback !== false),
    generate: {
      // Both forms of the type (ipv6-address.ts has no generator of its own): 70% IPv4, some with a port.
      valid(r, lang) {
        const before = label(r, lang, ['client=', 'ip=', 'from ', 'remote_addr=', 'peer '], ['客户端IP:', '来源IP=', 'IP地址：'], 0.4);
        if (r.chance(0.7)) return written(addressValue(r), before, r.chance(0.3) ? `:${r.int(1024, 65535)}` : '');
        const v6 = ipv6Value(r);
        if (r.chance(0.3)) return written(v6, before + '[', `]:${r.pick([443, 8443, 8080, r.int(1024, 65535)])}`);
        return written(v6, before);
      },
      keys: { en: ['client_ip', 'remoteAddr', 'ip'], zh: ['客户端IP', 'ip'] },
    },
  });
}

export default makeIpv4Detector(true);
