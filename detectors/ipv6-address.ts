import isIPModule from 'validator/lib/isIP.js';
import { defineDetector } from './lib/define.js';
import { isDigit } from './lib/chars.js';
import type { Rng } from './lib/generate.js';

/**
 * IPv6 address: full (`2001:0db8:0000:0000:0000:0000:0000:0001`), compressed (`2001:db8::1`, `::1`),
 * with a zone (`fe80::1%eth0`), IPv4-mapped (`::ffff:192.0.2.1`); also inside `[2001:db8::1]:443`,
 * URLs and `key:value`. (IPv4 is the sibling detector ipv4-address.ts; both report IP_ADDRESS.)
 *
 * The shape takes the whole run of hex digits and colons (no backtracking into a shorter prefix),
 * an optional dotted IPv4 tail and zone; cheap char-code checks then validator's `isIP(…, 6)`.
 * Not IPv6: times `12:30:45` (neither `::` nor 7 colons), `::` alone and other all-zero forms,
 * MAC-like `aa:bb:cc:dd:ee:ff` (and EUI-64 `aa:bb:cc:dd:ee:ff:00:11`, 8 groups of 2 digits), hex
 * words with no decimal digit (`dead::beef`), hashes and UUIDs (no colons), C++ `std::string`
 * (the scanner offers no start after a letter). A start inside a longer colon run (`…:db8::1`) is
 * refused by the lookbehind, unless the colon ends a word label (`src:fe80::1`, `ip:2001:db8::1`).
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
  let v = value.toLowerCase();
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
  const groups = value.split(':');
  return `${groups[0]}:${groups[1] ?? ''}:*`;
}

export default defineDetector({
  type: 'IP_ADDRESS',
  name: 'ipv6_address',
  candidate: 'hexcolon',
  minLen: 3, // ::1
  maxLen: 68, // 39 (run incl. the first IPv4 octet) + 12 (rest of the IPv4 tail) + 17 (zone)
  // 1. Not inside a longer colon run: no `:` before, unless it follows a word label (`src:`, `ip:`).
  // 2. A colon within the first five chars (most digit tokens fail here at once).
  // 3. The whole hex/colon run: the negative lookahead stops backtracking to a shorter prefix.
  // 4. Optional IPv4 tail and zone (`%eth0`, `%25eth0` in URLs); then no `.5`, `:x`, `%x` run-on.
  shape:
    /(?:(?<!:)|(?<=[G-Zg-z_\u0080-\uffff][0-9A-Fa-f]{0,4}:))(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:]{2,39}(?![0-9A-Fa-f:])(?:\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})?(?:%[0-9A-Za-z]{1,16})?(?![.:%][0-9A-Za-z])/y,
  validate(text, start, end) {
    // A network prefix, `2001:db8:1::/48` (zeros to the end, then a length), names a network, not a
    // host; it is also what the generalize operator writes, which a second pass must leave.
    if (text.charCodeAt(end) === 47 && text.charCodeAt(end - 1) === 58 && text.charCodeAt(end - 2) === 58 && /^\/[0-9]{1,3}(?![0-9])/.test(text.slice(end, end + 5))) return 0;
    let colons = 0;
    let doubleColon = false;
    let dotted = false;
    let hasDigit = false;
    let allZero = true;
    let allPairs = true; // every group exactly two hex digits (EUI-64 written like a MAC)
    let groupLen = 0;
    let prev = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
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
    if (!doubleColon && colons !== (dotted ? 6 : 7)) return 0; // times, MACs, short runs
    if (!hasDigit || allZero) return 0; // `::`, `0:0:0:0:0:0:0:0`, hex words
    if (allPairs && !doubleColon && !dotted) return 0; // aa:bb:cc:dd:ee:ff:00:11
    return isIP(text.slice(start, end), 6) ? SCORE : 0;
  },
  normalize: canonicalIPv6,
  examples: {
    match: [
      '2001:db8::1',
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
      '2001:db8:85a3::8a2e:370:7334',
      'fe80::1%eth0',
      '::ffff:192.0.2.1',
      '::1',
    ],
    noMatch: [
      '::',
      'route 2001:db8:1::/48 via',
      '12:30:45',
      'aa:bb:cc:dd:ee:ff',
      'aa:bb:cc:dd:ee:ff:00:11',
      'std::string',
      'dead::beef',
      '123e4567-e89b-12d3-a456-426614174000',
      'd41d8cd98f00b204e9800998ecf8427e',
      '2001:db8::1:2:3:4:5:6:7',
    ],
  },
  mask: maskIpv6,
});
