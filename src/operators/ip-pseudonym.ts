import { CryptoPan } from '../crypto/cryptopan.js';
import { canonicalIPv6 } from '../../detectors/ipv6-address.js';
import { ipv6Groups } from './ip-text.js';
import { keptBits } from './special-addresses.js';

/** The two Crypto-PAn maps of a run: one for IPv4 (also inside IPv4-mapped IPv6), one for IPv6. */
export interface IpMaps {
  readonly v4: CryptoPan;
  readonly v6: CryptoPan;
}

/**
 * The pseudonym of an address: prefix-preserving (Crypto-PAn), special blocks kept as sets (see
 * special-addresses.ts), never the address itself where the block leaves a bit free, written as it
 * was: `ip-10-0-1-17` stays dashed, `010.001.002.003` padded, a port, brackets, a `%zone` and
 * URL-encoded colons (`2001%3Adb8%3A%3A1`) stay; IPv6 comes out in RFC 5952 form, an IPv4-mapped
 * address as `::ffff:` and the IPv4 address's own pseudonym (the same host as plain IPv4 gets the
 * same one). Null when the value is not one address: the caller falls back.
 */
export function pseudonymizeIp(value: string, maps: IpMaps): string | null {
  const lead = /^\s*/.exec(value)![0];
  const trail = /\s*$/.exec(value.slice(lead.length))![0];
  const core = value.slice(lead.length, value.length - trail.length);
  const out = pseudonymizeCore(core, maps);
  return out === null ? null : lead + out + trail;
}

function pseudonymizeCore(core: string, maps: IpMaps): string | null {
  const v4 = /^(\d{1,3})([.-])(\d{1,3})\2(\d{1,3})\2(\d{1,3})(:\d{1,5})?$/.exec(core);
  if (v4) {
    const octets = [v4[1], v4[3], v4[4], v4[5]];
    const bytes = octets.map(Number);
    if (bytes.some((o) => o > 255)) return null;
    const padded = octets.every((o) => o.length === 3);
    const out = pseudonymize(Uint8Array.from(bytes), maps.v4);
    return [...out].map((o) => (padded ? String(o).padStart(3, '0') : String(o))).join(v4[2]) + (v4[6] ?? '');
  }
  const bracketed = /^\[([^\]]+)\](:\d{1,5})?$/.exec(core);
  if (bracketed) {
    const inner = pseudonymizeV6(bracketed[1], maps);
    return inner === null ? null : `[${inner}]${bracketed[2] ?? ''}`;
  }
  return pseudonymizeV6(core, maps);
}

function pseudonymizeV6(text: string, maps: IpMaps): string | null {
  const encoded = /%3a/i.exec(text)?.[0];
  let v = encoded ? text.replace(/%3a/gi, ':') : text;
  let zone = '';
  const pct = v.indexOf('%');
  if (pct >= 0) {
    zone = v.slice(pct);
    v = v.slice(0, pct);
  }
  const groups = ipv6Groups(v);
  if (groups === null) return null;
  let out: string;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    // IPv4-mapped: the IPv4 address's own pseudonym, written as the input wrote its tail.
    const v4 = pseudonymize(Uint8Array.from([groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]), maps.v4);
    out = v.includes('.') ? `::ffff:${[...v4].join('.')}` : canonicalIPv6(`::ffff:${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`);
  } else {
    const bytes = Uint8Array.from(groups.flatMap((g) => [g >> 8, g & 0xff]));
    const p = pseudonymize(bytes, maps.v6);
    const full = Array.from({ length: 8 }, (_, i) => ((p[2 * i] << 8) | p[2 * i + 1]).toString(16)).join(':');
    out = canonicalIPv6(full);
  }
  out += zone;
  return encoded ? out.replace(/:/g, encoded) : out;
}

/**
 * Crypto-PAn with the special blocks' bits kept, then, if no free bit was flipped (the address would
 * come back as itself), its last bit flipped too. That last flip depends only on the bits before it,
 * so the map is still prefix-preserving and a bijection; only an address whose every bit is kept (a
 * /128 or /32 block: `::1`) stays itself.
 */
function pseudonymize(address: Uint8Array, map: CryptoPan): Uint8Array {
  const kept = keptBits(address);
  const out = map.anonymize(address, kept);
  if (kept < address.length * 8 && out.every((b, i) => b === address[i])) out[out.length - 1] ^= 1;
  return out;
}
