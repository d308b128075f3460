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
  if (ctx.type === 'IP_ADDRESS') return pseudonymizeIp(value, ipMaps(ctx)) ?? hash(value, ctx);
  return hash(value, ctx);
};

/** The Crypto-PAn maps of a run, built once per sub-key (the same Buffer for the run). */
const maps = new WeakMap<Buffer, IpMaps>();

function ipMaps(ctx: OperatorContext): IpMaps {
  const v4Key = ctx.subKey('pseudonym:IP_ADDRESS');
  let m = maps.get(v4Key);
  if (m === undefined) {
    m = { v4: new CryptoPan(v4Key), v6: new CryptoPan(ctx.subKey('pseudonym:IP_ADDRESS:v6')) };
    maps.set(v4Key, m);
  }
  return m;
}
