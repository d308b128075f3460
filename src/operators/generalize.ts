import { ipv4, ipv6Groups } from './ip-text.js';
import type { Operator } from './operator.js';

/**
 * Keep a coarse version of the value: a birth date becomes its year (`1990-05-17`, `19900517`),
 * coordinates are rounded to two decimals (about 1 km), an IPv4 address becomes its /24 network and
 * an IPv6 address its /48, a postal code keeps its first three characters. Types with no coarse form are tagged, and so is a value that
 * cannot be read as its type (never echoed back).
 */
export const generalize: Operator = (value, ctx) => {
  switch (ctx.type) {
    case 'DATE_OF_BIRTH': {
      const year =
        /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(value) ?? /^((?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.exec(value.trim());
      return year ? year[1] : `<${ctx.type}>`;
    }
    case 'GEO': {
      let rounded = false;
      const out = value.replace(/-?\d{1,3}\.\d+/g, (n) => {
        rounded = true;
        return Number(n).toFixed(2);
      });
      return rounded ? out : `<${ctx.type}>`;
    }
    case 'IP_ADDRESS':
      return generalizeIp(value) ?? `<${ctx.type}>`;
    case 'POSTAL_CODE':
      return value.length > 3 ? value.slice(0, 3) + '*'.repeat(value.length - 3) : `<${ctx.type}>`;
    default:
      return `<${ctx.type}>`;
  }
};

/**
 * An IPv4 address (a port may follow) as its /24, an IPv6 address (`[…]:port`, a `%zone` may follow)
 * as its /48 in RFC 5952 form (`2001:db8::/48`), an IPv4-mapped IPv6 address as its IPv4 /24; null
 * when the value is not an address.
 */
function generalizeIp(value: string): string | null {
  let v = value.trim();
  // Already a network this coarse or coarser (what this operator wrote): keep it, so a second pass changes nothing.
  const network = /^(.+)\/(\d{1,3})$/.exec(v);
  if (network && (ipv4(network[1]) ? Number(network[2]) <= 24 : ipv6Groups(network[1]) !== null && Number(network[2]) <= 48)) return v;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v);
  if (bracketed) v = bracketed[1];
  const v4 = ipv4(v.replace(/:\d{1,5}$/, ''));
  if (v4) return `${v4[0]}.${v4[1]}.${v4[2]}.0/24`;
  const g = ipv6Groups(v.replace(/%[^%]*$/, ''));
  if (!g) return null;
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return `${g[6] >> 8}.${g[6] & 0xff}.${g[7] >> 8}.0/24`;
  }
  const head = g.slice(0, 3);
  while (head.length && head[head.length - 1] === 0) head.pop();
  return `${head.map((x) => x.toString(16)).join(':')}::/48`;
}
