import { ipv4, ipv6Groups } from './ip-text.js';

/**
 * Address blocks that say what kind of address a value is, not whose: private, loopback, link-local,
 * shared (CGNAT), documentation, benchmarking, multicast and reserved space (the IANA IPv4 and IPv6
 * special-purpose registries, and for IPv6 everything outside global unicast 2000::/3 by the blocks of
 * the IPv6 address-space registry).
 *
 * The pseudonym operator keeps each of them a set that maps onto itself: an address in one stays in it
 * (`10.1.2.3` stays private, `2001:db8::7` documentation), and an address in none never lands in one.
 * In Crypto-PAn terms the flip of bit i is forced to 0 when the address's first i-1 bits are a proper
 * prefix of a block's prefix; the map stays prefix-preserving and a bijection, the blocks fixed as
 * sets. The price: those leading bits are kept as they are (see keptBits).
 */
const V4_BLOCKS = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // shared address space (carrier-grade NAT)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation (TEST-NET-1)
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation (TEST-NET-2)
  '203.0.113.0/24', // documentation (TEST-NET-3)
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the limited broadcast 255.255.255.255
];

const V6_BLOCKS = [
  // Special-purpose blocks.
  '::/128', // unspecified
  '::1/128', // loopback
  '::ffff:0:0/96', // IPv4-mapped (the pseudonym operator maps the IPv4 address inside instead)
  '64:ff9b::/96', // IPv4/IPv6 translation
  '64:ff9b:1::/48', // local-use IPv4/IPv6 translation
  '100::/64', // discard-only
  '2001::/23', // IETF protocol assignments (Teredo, benchmarking, ORCHID …)
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4
  '3fff::/20', // documentation (RFC 9637)
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fe80::/64', // link-local as used (RFC 4291: the 54 bits after fe80::/10 are zero)
  'ff00::/8', // multicast
  // The rest of the space outside 2000::/3, reserved by the IETF (the address-space registry's blocks).
  '::/8', '100::/8', '200::/7', '400::/6', '800::/5', '1000::/4', '4000::/3', '6000::/3', '8000::/3',
  'a000::/3', 'c000::/3', 'e000::/4', 'f000::/5', 'f800::/6', 'fe00::/9', 'fec0::/10',
];

interface Block {
  readonly prefix: Uint8Array;
  readonly length: number;
}

function block(cidr: string): Block {
  const [address, length] = cidr.split('/');
  const v4 = ipv4(address);
  const groups = v4 ? null : ipv6Groups(address);
  const prefix = v4 ? Uint8Array.from(v4) : Uint8Array.from(groups!.flatMap((g) => [g >> 8, g & 0xff]));
  return { prefix, length: Number(length) };
}

const BLOCKS_V4 = V4_BLOCKS.map(block);
const BLOCKS_V6 = V6_BLOCKS.map(block);

/** How many leading bits a and b share, up to `limit`. */
function sharedBits(a: Uint8Array, b: Uint8Array, limit: number): number {
  for (let i = 0; i < a.length && i * 8 < limit; i++) {
    const x = a[i] ^ b[i];
    if (x !== 0) return Math.min(limit, i * 8 + Math.clz32(x) - 24);
  }
  return limit;
}

/**
 * How many leading bits of an address (4 or 16 bytes) the pseudonym keeps so that every block maps
 * onto itself: all of a block's prefix for an address in it (and more inside a smaller block within:
 * `::1` is kept whole), and for any other address the bits it shares with the nearest block's prefix
 * plus the one where it leaves it. A public address keeps its first few bits this way (8.8.8.8 keeps
 * 7, as 10.0.0.0/8 begins with the same 7; most IPv6 global unicast addresses keep 4 to 7); an
 * address next to a small block keeps more (198.51.101.9 keeps 24, next to 198.51.100.0/24).
 */
export function keptBits(address: Uint8Array): number {
  let kept = 0;
  for (const b of address.length === 4 ? BLOCKS_V4 : BLOCKS_V6) {
    const shared = sharedBits(address, b.prefix, b.length);
    kept = Math.max(kept, shared === b.length ? b.length : shared + 1);
  }
  return kept;
}

/** Whether an address (4 or 16 bytes) lies in one of the blocks. */
export function isSpecialAddress(address: Uint8Array): boolean {
  return (address.length === 4 ? BLOCKS_V4 : BLOCKS_V6).some((b) => sharedBits(address, b.prefix, b.length) === b.length);
}
