import { CryptoPan } from '../crypto/cryptopan.js';
import { hash } from './hash.js';
import { pseudonymizeIp, type IpMaps } from './ip-pseudonym.js';
import type { Operator, OperatorContext } from './operator.js';

/**
 * A keyed surrogate of the same type and shape, so that parsers and analyses downstream still work.
 *
 * - `IP_ADDRESS`: Crypto-PAn (src/crypto/cryptopan.ts) under the sub-keys `pseudonym:IP_ADDRESS`
 *   (IPv4, also inside IPv4-mapped IPv6) and `pseudonym:IP_ADDRESS:v6`: two addresses that share an
 *   n-bit prefix share an n-bit prefix after, so subnets, counts per network and traffic analysis
 *   still work; private, loopback, documentation and other special blocks map onto themselves (see
 *   ip-pseudonym.ts, special-addresses.ts). A value that is not one address is hashed.
 * - Every other type is hashed, as the `hash` operator writes it, for now: the other types'
 *   surrogates (phones, IDs, cards … with valid check digits) come next.
 *
 * Not idempotent the way tags are: a surrogate is a valid address by design, so a second pass
 * pseudonymizes it again.
 */
export const pseudonym: Operator = (value, ctx) => {
  if (ctx.type !== 'IP_ADDRESS') return hash(value, ctx);
  // Logs name the same few addresses over and over; an address costs 32 (IPv4) or 128 (IPv6) AES blocks.
  const run = ipRun(ctx);
  let out = run.recent.get(value);
  if (out === undefined) {
    out = pseudonymizeIp(value, run.maps) ?? hash(value, ctx);
    if (run.recent.size >= RECENT) run.recent.clear();
    run.recent.set(value, out);
  }
  return out;
};

/** How many addresses a run remembers the pseudonyms of (then it starts again: memory stays bounded). */
const RECENT = 4096;

/** What a run's key gives: its Crypto-PAn maps, and the pseudonyms of addresses seen lately. */
interface IpRun {
  readonly maps: IpMaps;
  readonly recent: Map<string, string>;
}

/** Built once per sub-key (the same Buffer for the whole run), so nothing is shared across keys. */
const runs = new WeakMap<Buffer, IpRun>();

function ipRun(ctx: OperatorContext): IpRun {
  const v4Key = ctx.subKey('pseudonym:IP_ADDRESS');
  let run = runs.get(v4Key);
  if (run === undefined) {
    run = { maps: { v4: new CryptoPan(v4Key), v6: new CryptoPan(ctx.subKey('pseudonym:IP_ADDRESS:v6')) }, recent: new Map() };
    runs.set(v4Key, run);
  }
  return run;
}
