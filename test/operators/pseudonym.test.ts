import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anonymizingVisitor, createAnonymizer } from '../../src/index.js';
import { visitLine } from '../../src/formats/text.js';
import { isSpecialAddress, keptBits } from '../../src/operators/special-addresses.js';
import type { PiiType } from '../../detectors/index.js';

/**
 * The pseudonym operator on IP addresses: Crypto-PAn under a sub-key of the run's key, special blocks
 * mapped onto themselves, the value's notation kept (other types: pseudonym-shapes.test.ts).
 */
const KEY = Buffer.alloc(32, 9);
const anonymizer = (key: Buffer = KEY) => createAnonymizer({ policy: { operator: 'pseudonym' }, key });
const a = anonymizer();
const ip = (value: string) => a.replace(value, 'IP_ADDRESS');

const bytesV4 = (s: string) => Uint8Array.from(s.split('.').map(Number));
function bytesV6(text: string): Uint8Array {
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return Uint8Array.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}
const v6Text = (b: Uint8Array) => Array.from({ length: 8 }, (_, i) => ((b[2 * i] << 8) | b[2 * i + 1]).toString(16)).join(':');
const v4Text = (b: Uint8Array) => [...b].join('.');
const textOf = (b: Uint8Array) => (b.length === 4 ? v4Text(b) : v6Text(b));
const bytesOf = (s: string) => (s.includes(':') ? bytesV6(s) : bytesV4(s));

function sharedBits(x: Uint8Array, y: Uint8Array): number {
  for (let i = 0; i < x.length; i++) {
    const d = x[i] ^ y[i];
    if (d !== 0) return i * 8 + Math.clz32(d) - 24;
  }
  return x.length * 8;
}

describe('pseudonym: IP addresses keep their notation', () => {
  it('writes an address of the same family, in the same notation', () => {
    expect(ip('203.0.113.9')).toMatch(/^203\.0\.113\.\d{1,3}$/); // documentation stays documentation
    expect(ip('8.8.4.4')).toMatch(/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    expect(ip('010.001.002.003')).toMatch(/^010\.\d{3}\.\d{3}\.\d{3}$/); // padded stays padded (and private)
    expect(ip('10-0-1-17')).toMatch(/^10-\d{1,3}-\d{1,3}-\d{1,3}$/); // a host name's dashes
    expect(ip('198.51.100.5:43072')).toMatch(/^198\.51\.100\.\d{1,3}:43072$/); // a field's port kept
    expect(ip('[2001:db8::1]:443')).toMatch(/^\[2001:db8:[0-9a-f:]+\]:443$/);
    expect(ip('fe80::1%eth0')).toMatch(/^fe80::[0-9a-f:]+%eth0$/); // link-local stays in fe80::/64
    expect(ip('2001%3Adb8%3A%3A1')).toMatch(/^2001%3Adb8(%3A[0-9a-f]*)+$/);
    expect(ip(' 192.0.2.10 ')).toMatch(/^ 192\.0\.2\.\d{1,3} $/);
  });

  it('reads every spelling of an address as one (IPv6 canonical, IPv4 unpadded) and writes IPv6 in RFC 5952 form', () => {
    const one = ip('2001:db8::1');
    expect(one).toBe(ip('2001:DB8:0:0:0:0:0:1'));
    expect(one).toBe(ip('2001:0db8:0000:0000:0000:0000:0000:0001'));
    expect(ip('2001%3Adb8%3A%3A1')).toBe(one.replace(/:/g, '%3A'));
    expect(ip('[2001:db8::1]:443')).toBe(`[${one}]:443`);
    expect(one).toMatch(/^[0-9a-f:]+$/);
    expect(one).not.toMatch(/(^|:)0[0-9a-f]/); // no leading zeros
    expect(ip('010.001.002.003')).toBe(ip('10.1.2.3').split('.').map((o) => o.padStart(3, '0')).join('.'));
  });

  it('gives an IPv4-mapped IPv6 address the pseudonym of its IPv4 address, as the input wrote it', () => {
    const v4 = ip('192.0.2.1');
    expect(ip('::ffff:192.0.2.1')).toBe(`::ffff:${v4}`);
    const [p, q, r, s] = v4.split('.').map(Number);
    expect(ip('::FFFF:c000:201')).toBe(`::ffff:${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`);
  });

  it('hashes what is not one address (as the hash operator writes it), and the field-only types', () => {
    const h = createAnonymizer({ policy: { operator: 'hash' }, key: KEY });
    expect(ip('not an address')).toBe(h.replace('not an address', 'IP_ADDRESS'));
    expect(ip('192.0.2.300')).toMatch(/^IP_ADDRESS_[a-z2-7]{16}$/);
    expect(a.replace('Zhang San', 'PERSON_NAME')).toBe(h.replace('Zhang San', 'PERSON_NAME'));
  });

  it('is keyed: the same under the same key in another anonymizer, another map under another key', () => {
    const values = ['192.0.2.1', '8.8.8.8', '2001:db8::7', '2a00:1450::1', '10.20.30.40'];
    const again = anonymizer(Buffer.from(KEY));
    const other = anonymizer(Buffer.alloc(32, 10));
    for (const v of values) expect(again.replace(v, 'IP_ADDRESS')).toBe(ip(v));
    expect(values.map((v) => other.replace(v, 'IP_ADDRESS'))).not.toEqual(values.map(ip));
  });

  it('is a policy operator: for the default, a type, or a field rule', () => {
    const policy = {
      types: { IP_ADDRESS: { operator: 'pseudonym' as const } },
      fields: { rules: [{ match: 'peer', as: 'IP_ADDRESS' as const, operator: 'pseudonym' as const }] },
    };
    const b = createAnonymizer({ policy, key: KEY });
    expect(b.anonymize('from 198.51.100.7 to a.b@example.com')).toBe(`from ${ip('198.51.100.7')} to <EMAIL>`);
    const visitor = anonymizingVisitor(b);
    expect(visitLine(visitor, 'peer=203.0.113.5 mail=a.b@example.com', 0)).toBe(`peer=${ip('203.0.113.5')} mail=<EMAIL>`);
    expect(() => createAnonymizer({ policy: { operator: 'pseudonyms' as 'pseudonym' } })).toThrow(/"pseudonym"/);
  });

  it('gives an address the same pseudonym after thousands of others (what it remembers is bounded, not the result)', () => {
    const b = anonymizer(Buffer.alloc(32, 11));
    const first = ['198.51.100.1', '2001:db8::1', '8.8.8.8'].map((v) => b.replace(v, 'IP_ADDRESS'));
    for (let x = 0; x < 5000; x++) b.replace(`10.${x >> 8}.${x & 0xff}.1`, 'IP_ADDRESS');
    expect(['198.51.100.1', '2001:db8::1', '8.8.8.8'].map((v) => b.replace(v, 'IP_ADDRESS'))).toEqual(first);
    expect(first).toEqual(['198.51.100.1', '2001:db8::1', '8.8.8.8'].map((v) => anonymizer(Buffer.alloc(32, 11)).replace(v, 'IP_ADDRESS')));
  });

  it('replaces addresses found in a line, and what it writes is found again as an address', () => {
    const line = 'GET /x from 198.51.100.23 via [2001:db8:3::9]:8443 host ip-10-0-1-17.ec2.internal ok';
    const out = a.anonymize(line);
    expect(out).toMatch(/^GET \/x from 198\.51\.100\.\d+ via \[2001:db8:[0-9a-f:]+\]:8443 host ip-10-\d+-\d+-\d+\.ec2\.internal ok$/);
    expect(out).not.toContain('198.51.100.23');
    expect(out).not.toContain('2001:db8:3::9]');
    expect(out).not.toContain('ip-10-0-1-17.');
    const found = createAnonymizer().findings(out).map((f) => f.type);
    expect(found).toEqual(['IP_ADDRESS', 'IP_ADDRESS', 'IP_ADDRESS']);
    // Not idempotent the way tags are: a surrogate is a valid address, so a second pass changes it again.
    expect(a.anonymize(out)).not.toBe(out);
  });
});

it("README's examples are what pseudonym writes under the key they were made with", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((x) => x.startsWith('Operators'))!;
  const readmeKey = Buffer.from('6b1f0c4e9a2d7385f0e1c2b3a4958677a8b9cadbecfd0e1f2031425364758697', 'hex');
  const b = anonymizer(readmeKey);
  // Addresses: `before  →  after`.
  const pairs = [...section.matchAll(/^(\S+) +→ +(\S+)$/gm)].map((m) => [m[1], m[2]]);
  expect(pairs.length).toBeGreaterThanOrEqual(8);
  for (const [before, after] of pairs) expect(b.replace(before, 'IP_ADDRESS'), before).toBe(after);
  // Other types: `TYPE  before  →  after`.
  const typed = [...section.matchAll(/^([A-Z_]+) {2,}(.+?) +→ {2}(.+)$/gm)];
  expect(typed.length).toBeGreaterThanOrEqual(15);
  for (const [, type, before, after] of typed) expect(b.replace(before, type as PiiType), before).toBe(after);
  // The log lines before and after, as the text format (and `logveil anonymize`) writes them.
  const [lines, out] = section.split('(checked with `logveil anonymize`):')[1].split('```').filter((_, i) => i % 2 === 1);
  expect(lines.trim().split('\n').map((l) => b.line(l)).join('\n')).toBe(out.trim());
  expect(b.keyFingerprint).toBe(/`([0-9a-f]{8}) {2}my\.key`/.exec(section)![1]); // the fingerprint shown under Keys
});

describe('pseudonym: special blocks', () => {
  it('keeps an address in its block and a single-address block as itself', () => {
    expect(ip('10.1.2.3')).toMatch(/^10\./);
    expect(ip('172.20.0.5')).toMatch(/^172\.(1[6-9]|2\d|3[01])\./);
    expect(ip('192.168.1.20')).toMatch(/^192\.168\./);
    expect(ip('100.64.3.4')).toMatch(/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./);
    expect(ip('169.254.1.1')).toMatch(/^169\.254\./);
    expect(ip('127.0.0.2')).toMatch(/^127\./);
    expect(ip('239.1.2.3')).toMatch(/^(22[4-9]|23\d)\./);
    expect(ip('fd12:3456::1')).toMatch(/^f[cd][0-9a-f]{2}:/);
    expect(ip('fe80::abcd')).toMatch(/^fe80::/);
    expect(ip('fe90::abcd')).toMatch(/^fe[89ab][0-9a-f]:/);
    expect(ip('ff02::fb')).toMatch(/^ff[0-9a-f]{2}:/);
    expect(ip('::1')).toBe('::1');
  });

  it('maps a whole /24 onto itself, one to one, no address to itself (192.0.2.0/24, every key of a few)', () => {
    for (const fill of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const b = anonymizer(Buffer.alloc(32, fill));
      const outs = Array.from({ length: 256 }, (_, x) => b.replace(`192.0.2.${x}`, 'IP_ADDRESS'));
      outs.forEach((o, x) => {
        expect(o).toMatch(/^192\.0\.2\.\d{1,3}$/);
        expect(o).not.toBe(`192.0.2.${x}`);
      });
      expect(new Set(outs).size).toBe(256);
    }
  });

  it('keeps few leading bits of a public address: those it shares with the nearest block, and one more', () => {
    expect(keptBits(bytesV4('8.8.8.8'))).toBe(7); // 10.0.0.0/8 begins with the same 6 bits
    expect(keptBits(bytesV4('45.1.2.3'))).toBe(3);
    expect(keptBits(bytesV4('198.51.101.9'))).toBe(24); // next to 198.51.100.0/24
    expect(keptBits(bytesV4('10.1.2.3'))).toBe(8);
    expect(keptBits(bytesV6('2a00:1450::1'))).toBe(5);
    expect(keptBits(bytesV6('::1'))).toBe(128);
  });
});

/** An address of 4 or 16 bytes, often in or next to a special block. */
const address = (bytes: number) =>
  fc.oneof(
    fc.uint8Array({ minLength: bytes, maxLength: bytes }),
    fc
      .tuple(fc.constantFrom(...(bytes === 4 ? ['10.0.0.0', '192.0.2.0', '172.16.0.0', '224.0.0.0', '100.64.0.0'] : ['2001:db8::', 'fe80::', 'fc00::', '2002::', '::ffff:0:0'])), fc.uint8Array({ minLength: bytes, maxLength: bytes }), fc.integer({ min: 4, max: bytes * 8 }))
      .map(([block, noise, keep]) => {
        const b = bytesOf(block);
        for (let i = keep; i < bytes * 8; i++) {
          const bit = (noise[i >> 3] >> (7 - (i & 7))) & 1;
          b[i >> 3] = (b[i >> 3] & ~(1 << (7 - (i & 7)))) | (bit << (7 - (i & 7)));
        }
        return b;
      }),
  );

const runs = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 200);

describe.each([
  ['IPv4', 4],
  ['IPv6', 16],
])('pseudonym properties: %s', (_name, bytes) => {
  const pseudo = (b: Uint8Array) => bytesOf(ip(textOf(b)).replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, (_, v4: string) => {
    const o = v4.split('.').map(Number);
    return `::ffff:${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }));

  it('two addresses that share exactly n leading bits share exactly n after', () => {
    fc.assert(
      fc.property(address(bytes), address(bytes), (x, y) => {
        expect(sharedBits(pseudo(x), pseudo(y))).toBe(sharedBits(x, y));
      }),
      { numRuns: runs },
    );
  });

  it('keeps special blocks as sets, never writes the input back (but a whole-address block), and is one-to-one on a sample', () => {
    fc.assert(
      fc.property(fc.uniqueArray(address(bytes), { minLength: 20, maxLength: 60, selector: (b) => Buffer.from(b).toString('hex') }), (xs) => {
        const outs = xs.map(pseudo);
        xs.forEach((x, i) => {
          expect(isSpecialAddress(outs[i]), textOf(x)).toBe(isSpecialAddress(x));
          if (keptBits(x) < bytes * 8) expect(textOf(outs[i]), textOf(x)).not.toBe(textOf(x));
        });
        expect(new Set(outs.map(textOf)).size).toBe(xs.length);
      }),
      { numRuns: Math.ceil(runs / 5) },
    );
  });
});
