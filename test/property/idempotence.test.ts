import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generators, LOOKALIKE_KINDS, lookalikeOf, PATTERN_TYPES, type PatternType } from '../../bench/generate.js';
import { rng, type Rng } from '../../bench/random.js';
import { anonymizingVisitor, createAnonymizer } from '../../src/index.js';
import { visitLine } from '../../src/formats/text.js';
import { OPERATOR_NAMES, type OperatorName } from '../../src/operators/index.js';
import { luhnCheckDigit } from '../../detectors/lib/checksum.js';

/**
 * Anonymizing twice changes nothing the first pass wrote (issue 10 §3): for every operator, a line
 * holding personal values of every type and notation (the detectors' generators, labels included),
 * look-alikes and filler, as a string (`anonymize`) and as a text-format line (field rules and pairs:
 * what `logveil anonymize x.log` does), comes back from a second pass exactly as the first wrote it.
 */

const WORDS = ['request', 'handled', 'status', 'ok', 'retry', 'queue', 'done', 'INFO', 'WARN', 'sync', 'user', 'updated', '处理完成', '请求成功', '用户'];

/** One line: 1–3 values of random types, as their generators write them (labels too), in one of a few log layouts. */
function lineFor(seed: number): string {
  const r: Rng = rng(seed);
  const pieces: string[] = [];
  for (let n = r.int(1, 3); n > 0; n--) {
    // A word between values and look-alikes: two grouped numbers side by side with one space
    // (`+91 99861 16746 5426 6672 9350 4685`, `6052 7210 7114 9369 090312 142826`) are read as one run
    // and part of a value is missed on the first pass (found on the second): a recall gap reported
    // with issue 10, not something a second pass writes.
    if (pieces.length > 0 || r.chance(0.3)) pieces.push(r.pick(WORDS));
    const type: PatternType = r.pick(PATTERN_TYPES);
    const s = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
    const written = `${s.before}${s.value}${s.after}`;
    switch (r.int(0, 3)) {
      case 0: pieces.push(written); break;
      case 1: pieces.push(`${type.toLowerCase()}=${s.value}`); break; // a key the field dictionary may know
      case 2: pieces.push(`{"${r.pick(['msg', 'detail', 'contact'])}":${JSON.stringify(written)}}`); break;
      default: pieces.push(`(${written}),`);
    }
    if (r.chance(0.4)) {
      const l = lookalikeOf(r.pick(LOOKALIKE_KINDS))(r);
      pieces.push(r.pick(WORDS), `${l.before}${l.value}${l.after}`);
    }
  }
  return pieces.join(r.pick([' ', ' ', ' | ', '\t']));
}

const runs = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150);

/**
 * Every operator but `pseudonym`: its surrogates have the shape of the values they stand for by design
 * (an IP address stays a valid address, found again), so a second pass pseudonymizes them again, as
 * README says; test/operators/pseudonym.test.ts checks that it does.
 */
const IDEMPOTENT = OPERATOR_NAMES.filter((op) => op !== 'pseudonym');

/**
 * The policy of each operator. encrypt's FF1 values look like real values of their type (that is
 * their point), so a second pass encrypts them again (README, Operators): here those types are tagged,
 * and what encrypt writes for every other type, its ⟦TYPE:…⟧ tokens, must survive a second pass.
 */
const FF1_TYPES = ['PAYMENT_CARD', 'IMEI', 'IBAN', 'CN_RESIDENT_ID', 'HK_ID', 'US_SSN', 'CN_PASSPORT', 'BANK_ACCOUNT', 'PHONE', 'TW_NATIONAL_ID', 'CN_USCC', 'MAC_ADDRESS', 'WINDOWS_SID'] as const;
const policyOf = (operator: OperatorName) =>
  operator === 'encrypt' ? { operator, types: Object.fromEntries(FF1_TYPES.map((t) => [t, { operator: 'tag' as const }])) } : { operator };

describe('anonymizing twice changes nothing the first pass wrote', () => {
  it.each(IDEMPOTENT.map((op) => [op]))('%s', (operator) => {
    const a = createAnonymizer({ policy: policyOf(operator), key: Buffer.alloc(32, 3) });
    const visitor = anonymizingVisitor(a);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const line = lineFor(seed);
        const once = a.anonymize(line);
        expect(a.anonymize(once), `seed ${seed}: anonymize`).toBe(once);
        const lineOnce = visitLine(visitor, line, 0);
        expect(visitLine(visitor, lineOnce, 0), `seed ${seed}: text line`).toBe(lineOnce);
      }),
      { numRuns: runs },
    );
  });
});

/**
 * The notations issue 10's second round fixed, each in the log line it was missed or changed by a
 * second pass in: a masked IBAN's head under `account=` (once taken for a user name), a Message-ID
 * whose digits were a card, a loopback address under an IP field, an IPv6 address ending in `::`
 * under a key, a user key spelled as code before its value, a shell prompt after a key.
 */
function fixedLineFor(seed: number): string {
  const r: Rng = rng(seed);
  const hex = () => r.int(0, 0xffff).toString(16);
  const iban = generators.IBAN(r, 'en').value.replace(/[\s.-]/g, '');
  const groups = iban.match(/.{1,4}/g)!;
  const body = '36' + String(r.int(0, 99_999_999_999)).padStart(11, '0');
  const name = generators.USERNAME(r, r.chance(0.5) ? 'zh' : 'en').value;
  const pieces = [
    `update account=${r.chance(0.5) ? groups.join(r.pick([' ', '.'])).toLowerCase() : groups.join(' ')} build=2.1.0`,
    `C6KGKVX08EL: message-id=<${body}${luhnCheckDigit(body)}.T7WS530NT1@mx1.example.com>`,
    `{"remote_addr":"${r.pick(['::1', '127.0.0.1', '0.0.0.0', '::ffff:127.0.0.1'])}"} client_ip=${r.pick(['127.0.0.1', '::1'])}`,
    `update remote_addr=2001:db8:${Array.from({ length: r.int(1, 5) }, hex).join(':')}:: build=2.15.2`,
    `sync ok userName ${name} in ${r.int(1, 9999)}ms`,
    `用户同步 loginName ${name} 完成`,
    `session.log: [${name}@web0${r.int(1, 9)} ~]$ sudo systemctl restart nginx`,
  ];
  const picked = Array.from({ length: r.int(1, 3) }, () => r.pick(pieces));
  return `2026-12-03 07:31:19,081 INFO  [exec-1] c.e.shop.ProfileService - ${picked.join(r.pick([' | ', ' ; ']))}`;
}

describe('anonymizing twice changes nothing: the notations fixed in the second round', () => {
  it.each(IDEMPOTENT.map((op) => [op]))('%s', (operator) => {
    const a = createAnonymizer({ policy: policyOf(operator), key: Buffer.alloc(32, 5) });
    const visitor = anonymizingVisitor(a);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const line = fixedLineFor(seed);
        const once = a.anonymize(line);
        expect(a.anonymize(once), `seed ${seed}: anonymize`).toBe(once);
        const lineOnce = visitLine(visitor, line, 0);
        expect(visitLine(visitor, lineOnce, 0), `seed ${seed}: text line`).toBe(lineOnce);
      }),
      { numRuns: runs },
    );
  });
});
