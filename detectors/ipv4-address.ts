import isIPModule from 'validator/lib/isIP.js';
import { defineDetector } from './lib/define.js';
import { label, written, type Rng } from './lib/generate.js';
import { ipv6Value, maskIpv6 } from './ipv6-address.js';

/**
 * IPv4 address in dotted-quad form: `192.0.2.10`, also inside `host:port`, URLs and brackets.
 * (IPv6 is the sibling detector ipv6-address.ts; both report IP_ADDRESS.)
 *
 * Each octet 0–255 without leading zeros. The scanner only starts a `digits` candidate where the
 * previous char is not a letter, a digit or `<digit>.`, so `v1.2.3.4` and the tail of
 * `1.3.6.1.4.1` are never offered; the shape refuses a fifth `.digit` (`1.2.3.4.5`, OIDs) and octets
 * above 255 (`10.0.10625.1189`, `6.1.7601.23505`). A version or build number written right after
 * `version`, `ver`, `build`, `firmware`, `版本`… (context.negative) is not an address either.
 * Host names that spell an address (`ip-10-0-1-17`) use `-`, not dots, and never match.
 */

const isIP = isIPModule.default;

const SCORE = 0.95;

// 25x | 20x-24x | 1xx | 10-99 | 0-9; the alternatives are tried in this order, so a longer octet wins.
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

const NEGATIVE = ['version', 'ver', 'build', 'firmware', 'release', 'revision', 'oid', '版本', '版本号', '固件'];
const NEGATIVE_SET = new Set(NEGATIVE);
const NEGATIVE_CJK = NEGATIVE.filter((w) => w.charCodeAt(0) > 127);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

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
  while (j >= 0 && i - j < 24 && isAsciiLetter(text.charCodeAt(j))) j--;
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

/** An address in a documentation range (RFC 5737). */
function addressValue(r: Rng): string {
  return `${r.pick(['192.0.2', '198.51.100', '203.0.113'])}.${r.int(1, 254)}`;
}

const IPV4_PORT = /^([0-9]{1,3})\.([0-9]{1,3})\.[0-9]{1,3}\.[0-9]{1,3}(:[0-9]{1,5})$/;

/**
 * Either form of IP_ADDRESS (findings of one type share the first detector's mask): an IPv4 keeps
 * its first two octets (`192.0.*.*`), an IPv6 its routing prefix.
 */
export function maskIpAddress(value: string): string {
  // A field's whole value may hold a port (`ip=198.51.100.5:43072`): the address is masked, the port
  // kept (read as IPv6 groups, the address itself stayed whole).
  const withPort = IPV4_PORT.exec(value);
  if (withPort !== null) return `${withPort[1]}.${withPort[2]}.*.*${withPort[3]}`;
  if (value.includes(':') || !value.includes('.')) return maskIpv6(value);
  const parts = value.split('.');
  return `${parts[0]}.${parts[1]}.*.*`;
}

export default defineDetector({
  type: 'IP_ADDRESS',
  name: 'ipv4_address',
  candidate: 'digits',
  minLen: 7,
  maxLen: 15,
  // Four octets, not followed by another `.digit` (the scanner adds: not followed by a letter/digit).
  shape: new RegExp(`${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}(?!\\.[0-9])`, 'y'),
  validate(text, start, end, ctx) {
    if (ctx.negative && labelledAsVersion(text, start)) return 0;
    // A product token's version (`Chrome/122.0.0.0`, `CriOS/102.0.0.0`), as in User-Agent headers.
    if (text.charCodeAt(start - 1) === 47 && isAsciiLetter(text.charCodeAt(start - 2))) return 0;
    if (text.charCodeAt(end) === 47 && isNetworkPrefix(text, start, end)) return 0;
    return isIP(text.slice(start, end), 4) ? SCORE : 0;
  },
  context: { words: [], negative: NEGATIVE },
  // The shape admits no leading zeros, so the written form is already canonical.
  normalize: (value) => value,
  examples: {
    match: ['192.0.2.10', '198.51.100.7', '203.0.113.255', '192.0.2.0'],
    noMatch: [
      '10.0.10625.1189',
      '6.1.7601.23505',
      '1.3.6.1.4.1',
      '1.2.3.4.5',
      'v1.2.3.4',
      'Mozilla/5.0 Chrome/122.0.0.0 Safari/537.36',
      'version 1.2.3.4',
      'route 203.0.113.0/24 via',
      'build: 10.0.0.1',
      'ip-10-0-1-17',
      '192.0.2.256',
      '192.0.02.1',
    ],
  },
  fieldNames: ['ip', 'ip_address', 'client_ip', 'remote_addr'],
  mask: maskIpAddress,
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
