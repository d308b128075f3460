import { CryptoPan } from '../crypto/cryptopan.js';
import { hash } from './hash.js';
import { pseudonymizeIp, type IpMaps } from './ip-pseudonym.js';
import { drawnDigits, KeyedDraws } from './keyed-draws.js';
import type { Operator, OperatorContext } from './operator.js';
import { pseudonymizePhone } from './phone-pseudonym.js';
import { pseudonymShape } from './pseudonym-shapes.js';
import { reshape } from './same-shape.js';
import { sameShapeText } from './text-pseudonym.js';
import { keptName } from '../../detectors/username/kept.js';

/**
 * A keyed surrogate of the same type and shape, so that parsers and analyses downstream still work.
 *
 * - `IP_ADDRESS`: Crypto-PAn (src/crypto/cryptopan.ts) under the sub-keys `pseudonym:IP_ADDRESS`
 *   (IPv4, also inside IPv4-mapped IPv6) and `pseudonym:IP_ADDRESS:v6`: two addresses that share an
 *   n-bit prefix share an n-bit prefix after, so subnets, counts per network and traffic analysis
 *   still work; private, loopback, documentation and other special blocks map onto themselves (see
 *   ip-pseudonym.ts, special-addresses.ts).
 * - Every other pattern type: a valid value of the type in the input's layout (phone-pseudonym.ts,
 *   pseudonym-shapes.ts, text-pseudonym.ts), chosen by keyed draws (keyed-draws.ts): HMAC-SHA256 of
 *   the NORMALIZED value (the detector's `normalize`: E.164, no separators, canonical case) under the
 *   type's sub-key `pseudonym:TYPE`. So it is deterministic, keyed and one-way, and every spelling of
 *   one value gets one surrogate (each written as the input was). A surrogate never equals its input.
 *   Unlike encrypt's FF1 this is not a permutation: two values may share a surrogate, with the
 *   chance of a birthday bound over the space left free (README, Operators).
 * - A value that does not fit its type's shape (a check digit that does not hold, a phone without
 *   an E.164 form), and the field-only types (names, addresses …), are hashed, as `hash` writes them;
 *   so are the names a pattern finds (the owner in `Emmas-iPhone`: `PERSON_NAME_…-iPhone`), as
 *   field rules' names always were.
 *
 * Not idempotent the way tags are: a surrogate is a valid value by design, so a second pass
 * pseudonymizes it again.
 */
export const pseudonym: Operator = (value, ctx) => {
  // Logs name the same few values over and over; an address costs 32 (IPv4) or 128 (IPv6) AES blocks,
  // a phone a few number-plan checks.
  const run = runOf(ctx);
  const id = `${ctx.type}\u0000${value}`;
  let out = run.recent.get(id);
  if (out === undefined) {
    out = surrogate(value, ctx, run) ?? hash(value, ctx);
    if (run.recent.size >= RECENT) run.recent.clear();
    run.recent.set(id, out);
  }
  return out;
};

function surrogate(value: string, ctx: OperatorContext, run: Run): string | null {
  if (ctx.type === 'IP_ADDRESS') return pseudonymizeIp(value, run.maps);
  const draws = new KeyedDraws(ctx.subKey(`pseudonym:${ctx.type}`), ctx.normalized);
  switch (ctx.type) {
    case 'PHONE':
      return pseudonymizePhone(value, ctx.normalized, draws);
    case 'EMAIL':
      return pseudonymizeEmail(value, draws, ctx);
    case 'USERNAME':
      // Letters for letters in their case, digits for digits, never a name the detector keeps (`root`).
      return sameShapeText(value, draws, (s) => !keptName(s, 0, s.length));
    default: {
      const shape = pseudonymShape(ctx.type, draws, { keepBirthYear: ctx.pseudonym?.keepBirthYear ?? false });
      return shape && reshape(value, shape, drawnDigits(draws));
    }
  }
}

/**
 * An email address: the local part same-shape (drawn from the whole normalized address, so one
 * mailbox is one surrogate), the domain kept, or (`pseudonym.email_domain: pseudonym`) each label
 * but the top-level one drawn from the lower-cased domain under its own sub-key, so a domain is one
 * pseudo-domain across addresses. `%40` for the at-sign stays `%40`.
 */
function pseudonymizeEmail(value: string, draws: KeyedDraws, ctx: OperatorContext): string | null {
  const m = /^(.*?)(@|%40)([^@]*)$/i.exec(value);
  if (!m) return null;
  const [, local, at, domain] = m;
  const localOut = sameShapeText(local, draws);
  if (localOut === null) return null;
  if ((ctx.pseudonym?.emailDomain ?? 'keep') === 'keep') return localOut + at + domain;
  const labels = domain.split('.');
  const domainDraws = new KeyedDraws(ctx.subKey('pseudonym:EMAIL:domain'), domain.toLowerCase());
  const out = labels.map((label, i) => (i === labels.length - 1 ? label : sameShapeText(label, domainDraws) ?? label));
  return localOut + at + out.join('.');
}

/** How many values a run remembers the surrogates of (then it starts again: memory stays bounded). */
const RECENT = 4096;

/** What a run's key gives: its Crypto-PAn maps, and the surrogates of values seen lately. */
interface Run {
  readonly maps: IpMaps;
  readonly recent: Map<string, string>;
}

/** Built once per sub-key (the same Buffer for the whole run), so nothing is shared across keys. */
const runs = new WeakMap<Buffer, Run>();

function runOf(ctx: OperatorContext): Run {
  const v4Key = ctx.subKey('pseudonym:IP_ADDRESS');
  let run = runs.get(v4Key);
  if (run === undefined) {
    run = { maps: { v4: new CryptoPan(v4Key), v6: new CryptoPan(ctx.subKey('pseudonym:IP_ADDRESS:v6')) }, recent: new Map() };
    runs.set(v4Key, run);
  }
  return run;
}
