import { defineDetector } from './lib/define.js';
import { label, written, type Rng } from './lib/generate.js';

/**
 * MAC address (IEEE 802 EUI-48): `aa:bb:cc:dd:ee:ff`, `AA-BB-CC-DD-EE-FF` (one separator kind
 * throughout) and Cisco `aabb.ccdd.eeff`; compact `001a2b3c4d5e` only with a context word or field
 * rule (twelve hex digits are as often a short container id or hash prefix), at SCORE_COMPACT.
 *
 * Not personal, so rejected unless a context word (mac, hwaddr, ether, bssid, MAC地址, 物理地址…)
 * or a field rule says otherwise: all-zero `00:00:00:00:00:00` and broadcast `ff:ff:ff:ff:ff:ff`.
 * All-decimal addresses (`96:19:47:94:77:11`, `7603.8008.8261`: one random MAC in 300) score
 * SCORE_DECIMAL_BARE without context: six two-digit groups are no time or date format, three
 * four-digit groups are no common version scheme, and missing a MAC is worse. Part of a longer colon/dash run (IPv6, EUI-64
 * `aa:bb:cc:dd:ee:ff:00:11`) is refused on both sides; a `key:` label before it is fine.
 */

const SCORE = 0.9;
const SCORE_DECIMAL = 0.85;
const SCORE_DECIMAL_BARE = 0.6;
const SCORE_COMPACT = 0.8;

const H = '[0-9A-Fa-f]{2}';
const H4 = '[0-9A-Fa-f]{4}';

/** Six bytes, locally administered unicast (first byte x2/x6/xA/xE), as hex pairs. */
function macBytes(r: Rng): string[] {
  const b = [(r.int(0, 255) & 0xfc) | 0x02];
  for (let i = 0; i < 5; i++) b.push(r.int(0, 255));
  return b.map((x) => x.toString(16).padStart(2, '0'));
}

export default defineDetector({
  type: 'MAC_ADDRESS',
  name: 'mac_address',
  candidate: 'hexcolon',
  minLen: 12,
  maxLen: 17,
  // Left: not after a separator, unless that separator ends a word label (`mac:`, `hwaddr-`).
  // Right: no further separator + hex digit or `::` (IPv6, EUI-64).
  shape: new RegExp(
    '(?:(?<![:.-])|(?<=[G-Zg-z_\\u0080-\\uffff][0-9A-Fa-f]{0,4}[:.-]))' +
      `(?:${H}:${H}:${H}:${H}:${H}:${H}|${H}-${H}-${H}-${H}-${H}-${H}|${H4}\\.${H4}\\.${H4}|${H4}${H4}${H4})` +
      '(?![:.-][0-9A-Fa-f:])',
    'y',
  ),
  validate(text, start, end, ctx) {
    if (end - start === 12) return ctx.context || ctx.field ? SCORE_COMPACT : 0;
    let allZero = true;
    let allF = true;
    let allDecimal = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 || c === 45 || c === 46) continue;
      if (c !== 48) allZero = false;
      if ((c | 32) !== 102) allF = false;
      if (c > 57) allDecimal = false;
    }
    if (allZero || allF) return ctx.context || ctx.field ? SCORE : 0;
    if (allDecimal) return ctx.context || ctx.field ? SCORE_DECIMAL : SCORE_DECIMAL_BARE;
    return SCORE;
  },
  context: {
    words: ['mac', 'mac address', 'macaddress', 'macaddr', 'hwaddr', 'ether', 'lladdr', 'bssid', 'MAC地址', '物理地址',
      // Device words: whose address it is (`terminal 0a1b2c3d4e5f`, 设备).
      'device', 'terminal', 'handset', 'tracker', '终端', '设备'],
  },
  normalize(value) {
    const hex = value.replace(/[:.-]/g, '').toLowerCase();
    return hex.replace(/(..)(?!$)/g, '$1:');
  },
  examples: {
    match: [
      '00:00:5e:00:53:af',
      '00-00-5E-00-53-AF',
      '0000.5e00.53af',
      'mac ff:ff:ff:ff:ff:ff',
      'hwaddr 00:00:00:00:00:00',
      'mac 00005e0053af',
    ],
    noMatch: [
      'ff:ff:ff:ff:ff:ff',
      '00:00:00:00:00:00',
      '00:00-5e:00:53:af',
      'aa:bb:cc:dd:ee:ff:00:11',
      'fe80::aa:bb:cc:dd',
      '123e4567-e89b-12d3-a456-426614174000',
      '00005e0053af',
      'mac 00005e0053af01',
    ],
  },
  fieldNames: ['mac', 'mac_address'],
  generate: {
    valid(r, lang) {
      const b = macBytes(r);
      const form = r.int(0, 3);
      const value =
        form === 0 ? b.join(':') : form === 1 ? b.join(':').toUpperCase() : form === 2 ? b.join('-').toUpperCase() : `${b[0]}${b[1]}.${b[2]}${b[3]}.${b[4]}${b[5]}`;
      return written(value, label(r, lang, ['mac=', 'MAC: ', 'hwaddr ', 'src_mac='], ['设备MAC:', 'MAC地址：'], 0.4));
    },
    keys: { en: ['mac', 'macAddress'], zh: ['MAC地址', 'mac'] },
  },
});
