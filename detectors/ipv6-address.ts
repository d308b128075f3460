import isIPModule from 'validator/lib/isIP.js';
import { defineDetector } from './lib/define.js';
import { isDigit } from './lib/chars.js';
import type { Rng } from './lib/generate.js';
import type { Detector, DetectorOptions } from './lib/types.js';

/**
 * IPv6 address: full (`2001:0db8:0000:0000:0000:0000:0000:0001`), compressed (`2001:db8::1`), any
 * case, with a zone (`fe80::1%eth0`), IPv4-mapped (`::ffff:192.0.2.1`); also inside
 * `[2001:db8::1]:443`, URLs and `key:value`, and followed by `:port` without brackets (HAProxy
 * `2001:db8::1:51234`, Apache `[client 2001:db8::7:51234]`), and URL-encoded in a query string
 * (`?ip=2001%3Adb8%3A%3A1`; the same grammar with `%3A` for its colon, decoded for the checks).
 * (IPv4 is the sibling detector ipv4-address.ts; both report IP_ADDRESS.)
 *
 * The shape is the RFC 3986 grammar (`IPv6address`), its alternatives ordered from the most groups
 * after `::` to the fewest, so the first that ends at a token boundary or before a last `:port` is
 * the longest valid address at the start: `2001:db8:0:0:0:0:0:1:443` is the address and port 443,
 * `2001:db8::1:443` (itself a valid address) is taken whole, so nothing of the address survives
 * whichever was meant. Cheap char-code checks, then validator's `isIP(…, 6)`.
 * Not IPv6: times `12:30:45`, `::` alone and other all-zero forms, MAC-like `aa:bb:cc:dd:ee:ff`
 * and five groups `a4:5e:60:12:9f` (neither `::` nor 8 groups), EUI-64 `aa:bb:cc:dd:ee:ff:00:11`
 * (8 groups of 2 digits), hex words with no decimal digit (`dead::beef`), hashes and UUIDs (no
 * colons), C++ `std::string` (the scanner offers no start after a letter). A start inside a longer
 * colon run (`…:db8::1`) is refused by the lookbehind, unless the colon ends a word label
 * (`src:fe80::1`, `ip:2001:db8::1`).
 *
 * Loopback `::1` (also `::ffff:127.0.0.1`) identifies nobody: kept, unless the policy says
 * `ip_address: { keep_loopback: false }`.
 */

const isIP = isIPModule.default;

const SCORE = 0.95;


/** Groups as 16-bit numbers, longest run (>= 2) of zero groups as `::`, hex in lower case (RFC 5952). */
function render(groups: readonly number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Canonical text form (RFC 5952): lower case, no leading zeros, longest zero run compressed. */
export function canonicalIPv6(value: string): string {
  let v = decodeColons(value).toLowerCase();
  let zone = '';
  const pct = v.indexOf('%');
  if (pct >= 0) {
    zone = v.slice(pct);
    v = v.slice(0, pct);
  }
  let v4 = '';
  if (v.includes('.')) {
    const c = v.lastIndexOf(':');
    v4 = v.slice(c + 1);
    v = `${v.slice(0, c + 1)}0:0`;
  }
  const dbl = v.indexOf('::');
  const head = dbl >= 0 ? v.slice(0, dbl) : v;
  const tail = dbl >= 0 ? v.slice(dbl + 2) : '';
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
  if (!v4) return render(groups) + zone;
  // Keep an embedded IPv4 dotted (RFC 5952 §5: `::ffff:192.0.2.1`), compress the six groups before it.
  const front = render(groups.slice(0, 6));
  const octets = v4.split('.').map(Number).join('.');
  return (front.endsWith('::') ? front : `${front}:`) + octets + zone;
}

/** An address in the documentation prefix 2001:db8::/32 (RFC 3849), full, compressed or without leading zeros. */
export function ipv6Value(r: Rng): string {
  const groups = ['2001', 'db8', r.hex(r.int(1, 4)), r.hex(4), '0', '0', r.hex(r.int(1, 4)), r.hex(r.int(1, 4))];
  const form = r.int(0, 3);
  if (form === 0) return groups.map((g) => g.padStart(4, '0')).join(':'); // full
  if (form === 1) return `2001:db8::${r.hex(r.int(1, 4))}`;
  if (form === 2) return `2001:db8:${groups[2]}:${groups[3]}::${groups[6]}:${groups[7]}`;
  return groups.join(':'); // uncompressed, no leading zeros
}

/** The first two groups (the routing prefix) stay: `2001:db8:*`. */
export function maskIpv6(value: string): string {
  const groups = decodeColons(value).split(':');
  return `${groups[0]}:${groups[1] ?? ''}:*`;
}

const H = '[0-9A-Fa-f]{1,4}';
const V4 = '[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}';

/**
 * RFC 3986 `IPv6address` with `c` for its colon: eight groups, or a compressed form, its
 * alternatives from the most groups after `::` to the fewest. The compressed ones are tried only when
 * a `::` lies ahead (MACs and other colon runs fail at once).
 */
function grammar(c: string, run: string, max: number): string {
  const ls32 = `(?:${V4}|${H}${c}${H})`; // the last 32 bits: two groups or a dotted IPv4
  const compressed = [
    `${c}${c}(?:${H}${c}){5}${ls32}`,
    `(?:${H})?${c}${c}(?:${H}${c}){4}${ls32}`,
    `(?:(?:${H}${c}){0,1}${H})?${c}${c}(?:${H}${c}){3}${ls32}`,
    `(?:(?:${H}${c}){0,2}${H})?${c}${c}(?:${H}${c}){2}${ls32}`,
    `(?:(?:${H}${c}){0,3}${H})?${c}${c}${H}${c}${ls32}`,
    `(?:(?:${H}${c}){0,4}${H})?${c}${c}${ls32}`,
    `(?:(?:${H}${c}){0,5}${H})?${c}${c}${H}`,
    `(?:(?:${H}${c}){0,6}${H})?${c}${c}`,
  ].join('|');
  return `(?:${H}${c}){6}${ls32}|(?=${run}{0,${max}}${c}${c})(?:${compressed})`;
}
/** What may follow an address: no more of one (`:x`, `.5`, `%x`); a sentence's `.`, `:` or `,` is fine. */
const BOUNDARY = '(?![0-9A-Za-z]|[.:%][0-9A-Za-z:.%])';
/** In a URL, with each colon written `%3A` (`?ip=2001%3Adb8%3A%3A1`): other escapes may follow (`%2C`, `%20`). */
const ENCODED_COLON = '%3[Aa]';
const ENCODED_BOUNDARY = `(?![0-9A-Za-z]|[.:][0-9A-Za-z:.%]|${ENCODED_COLON})`;

/**
 * The address, plain or URL-encoded, with its zone (`%eth0`; `%25eth0` encoded), then either its end
 * or a last `:port` (1–5 digits) that ends the token.
 */
const ADDRESS =
  `(?=[0-9A-Fa-f]{0,4}:)(?:${grammar(':', '[0-9A-Fa-f:]', 39)})(?:%[0-9A-Za-z]{1,16})?` +
  `(?:${BOUNDARY}|(?=:[0-9]{1,5}${BOUNDARY}))|` +
  `(?=[0-9A-Fa-f]{0,4}${ENCODED_COLON})(?:${grammar(ENCODED_COLON, '(?:[0-9A-Fa-f]|%3[Aa])', 60)})(?:%25[0-9A-Za-z]{1,16})?` +
  `(?:${ENCODED_BOUNDARY}|(?=${ENCODED_COLON}[0-9]{1,5}${ENCODED_BOUNDARY}))`;

/** `2001%3Adb8%3A%3A1%25eth0` as written in a URL, decoded: `2001:db8::1%eth0`. */
function decodeColons(value: string): string {
  return value.replace(/%3a/gi, ':').replace(/%25/g, '%');
}

/**
 * Cheap checks on v[start, end) before validator: `::` or eight groups (times, MACs, short runs
 * fail), a decimal digit and a non-zero group (`::`, hex words), not eight two-digit groups (EUI-64
 * written like a MAC, `aa:bb:cc:dd:ee:ff:00:11`).
 */
function plausibleGroups(v: string, start: number, end: number): boolean {
  let colons = 0;
  let doubleColon = false;
  let dotted = false;
  let hasDigit = false;
  let allZero = true;
  let allPairs = true;
  let groupLen = 0;
  let prev = 0;
  for (let i = start; i < end; i++) {
    const c = v.charCodeAt(i);
    if (c === 37 /* % */) break;
    if (c === 58 /* : */) {
      colons++;
      if (prev === 58) doubleColon = true;
      else if (groupLen !== 2) allPairs = false;
      groupLen = 0;
    } else if (c === 46 /* . */) {
      dotted = true;
    } else {
      groupLen++;
      if (isDigit(c)) hasDigit = true;
      if (c !== 48) allZero = false;
    }
    prev = c;
  }
  if (groupLen !== 2) allPairs = false;
  if (!doubleColon && colons !== (dotted ? 6 : 7)) return false;
  if (!hasDigit || allZero) return false;
  return !(allPairs && !doubleColon && !dotted);
}

/**
 * `::1`, `0:0:0:0:0:0:0:1`, `::ffff:127.0.0.1`: the host itself. Also `::1:8020`: as a whole it would
 * be an address in `::/96` (deprecated IPv4-compatible, where no host lives), so it is `::1` and a port.
 */
export function isLoopbackV6(value: string): boolean {
  const c = canonicalIPv6(value).replace(/%.*/, '');
  return c === '::1' || /^::1:[0-9]{1,4}$/.test(c) || c.startsWith('::ffff:127.') || c === '::ffff:0.0.0.0';
}

/** An IPv6 detector; `keepLoopback`: the loopback address is left as it is. */
export function makeIpv6Detector(keepLoopback: boolean): Detector<'IP_ADDRESS'> {
  return defineDetector({
    type: 'IP_ADDRESS',
    name: 'ipv6_address',
    candidate: 'hexcolon',
    minLen: 3, // ::1
    maxLen: 80, // URL-encoded: 57 (with an IPv4 tail) + 19 (zone `%25…`); plain: 45 + 17
    // Not inside a longer colon run or an escape: no `:` or `%` before, unless a word label ends
    // there (`src:`, `ip:`); then ADDRESS, whose colon must come within the first five chars (most
    // digit tokens fail there at once).
    shape: new RegExp(`(?:(?<![:%])|(?<=[G-Zg-z_\\u0080-\\uffff][0-9A-Fa-f]{0,4}:))(?:${ADDRESS})`, 'y'),
    validate(text, start, end) {
      // URL-encoded (a `%` before the first colon): the checks read the decoded form (rare: allocates).
      let v = text;
      let from = start;
      let to = end;
      for (let k = start; k < start + 5; k++) {
        const c = text.charCodeAt(k);
        if (c === 58) break;
        if (c === 37) {
          v = decodeColons(text.slice(start, end));
          from = 0;
          to = v.length;
          break;
        }
      }
      // A network prefix, `2001:db8:1::/48` (zeros to the end, then a length), names a network, not a
      // host; it is also what the generalize operator writes, which a second pass must leave.
      if (text.charCodeAt(end) === 47 && text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) === 58 && /^\/[0-9]{1,3}(?![0-9])/.test(text.slice(end, end + 5))) return 0;
      // `fe80::*`: what the mask operator wrote for `fe80::` (an address's prefix and its `*`), which a
      // second pass must leave.
      if (text.charCodeAt(end) === 42 /* * */ && text.charCodeAt(end - 1) === 58) return 0;
      if (!plausibleGroups(v, from, to)) return 0;
      const value = v.slice(from, to);
      if (!isIP(value, 6)) return 0;
      // Every loopback form starts with `:` or `0` (`::1`, `0:0:…:1`, `::ffff:127.…`).
      const first = v.charCodeAt(from);
      return keepLoopback && (first === 58 || first === 48) && isLoopbackV6(value) ? 0 : SCORE;
    },
    keeps: (value) => keepLoopback && isIP(value.trim(), 6) && isLoopbackV6(value.trim()),
    normalize: canonicalIPv6,
    examples: {
      match: [
        '2001:db8::1',
        '2001:0DB8:0000:0000:0000:0000:0000:0001',
        '2001:db8:85a3::8a2e:370:7334',
        'fe80::1%eth0',
        '::ffff:192.0.2.1',
        '2001:DB8::A1',
      ],
      noMatch: [
        '::',
        '::1',
        'route 2001:db8:1::/48 via',
        '12:30:45',
        'aa:bb:cc:dd:ee:ff',
        'a4:5e:60:12:9f',
        'aa:bb:cc:dd:ee:ff:00:11',
        'std::string',
        'dead::beef',
        '123e4567-e89b-12d3-a456-426614174000',
        'd41d8cd98f00b204e9800998ecf8427e',
        '2001:db8::1:2:3:4:5:6:7',
      ],
    },
    mask: maskIpv6,
    /** The policy's `ip_address: { keep_loopback }` (checked by the policy schema). */
    configure: (options: DetectorOptions) => makeIpv6Detector(options.keep_loopback !== false),
  });
}

export default makeIpv6Detector(true);
