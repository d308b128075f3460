import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoPan } from '../../src/crypto/cryptopan.js';

/**
 * Crypto-PAn against published vectors, then its properties over generated addresses.
 *
 * The key and pairs of the original Crypto-PAn distribution (`sample_trace_raw.dat` →
 * `sample_trace_sanitized.dat`, 100 packets, 71 distinct addresses), as the Go port of Yawning Angel
 * (`TestCryptopanIPv4`) and yacryptopan's test.py reproduce them; that Go test also lists five IPv6
 * pairs under the same key. The key `boojahyoo3vaeToong0Eijee7Ahz3yee` (its ASCII bytes) maps
 * 192.0.2.1 to 206.2.124.120 in pycryptopan's, CryptoPan.jl's and other ports' tests.
 */
const SAMPLE_KEY = Uint8Array.from([
  21, 34, 23, 141, 51, 164, 207, 128, 19, 10, 91, 22, 73, 144, 125, 16, 216, 152, 143, 131, 121, 121, 101, 39, 98, 87, 76, 45, 42, 132, 34, 2,
]);

const SAMPLE_TRACE: readonly (readonly [string, string])[] = [
  ['128.11.68.132', '135.242.180.132'], ['129.118.74.4', '134.136.186.123'], ['130.132.252.244', '133.68.164.234'],
  ['141.223.7.43', '141.167.8.160'], ['141.233.145.108', '141.129.237.235'], ['152.163.225.39', '151.140.114.167'],
  ['156.29.3.236', '147.225.12.42'], ['165.247.96.84', '162.9.99.234'], ['166.107.77.190', '160.132.178.185'],
  ['192.102.249.13', '252.138.62.131'], ['192.215.32.125', '252.43.47.189'], ['192.233.80.103', '252.25.108.8'],
  ['192.41.57.43', '252.222.221.184'], ['193.150.244.223', '253.169.52.216'], ['195.205.63.100', '255.186.223.5'],
  ['198.200.171.101', '249.199.68.213'], ['198.26.132.101', '249.36.123.202'], ['198.36.213.5', '249.7.21.132'],
  ['198.51.77.238', '249.18.186.254'], ['199.217.79.101', '248.38.184.213'], ['202.49.198.20', '245.206.7.234'],
  ['203.12.160.252', '244.248.163.4'], ['204.184.162.189', '243.192.77.90'], ['204.202.136.230', '243.178.4.198'],
  ['204.29.20.4', '243.33.20.123'], ['205.178.38.67', '242.108.198.51'], ['205.188.147.153', '242.96.16.101'],
  ['205.188.248.25', '242.96.88.27'], ['205.245.121.43', '242.21.121.163'], ['207.105.49.5', '241.118.205.138'],
  ['207.135.65.238', '241.202.129.222'], ['207.155.9.214', '241.220.250.22'], ['207.188.7.45', '241.255.249.220'],
  ['207.25.71.27', '241.33.119.156'], ['207.33.151.131', '241.1.233.131'], ['208.147.89.59', '227.237.98.191'],
  ['208.234.120.210', '227.154.67.17'], ['208.28.185.184', '227.39.94.90'], ['208.52.56.122', '227.8.63.165'],
  ['209.12.231.7', '226.243.167.8'], ['209.238.72.3', '226.6.119.243'], ['209.246.74.109', '226.22.124.76'],
  ['209.68.60.238', '226.184.220.233'], ['209.85.249.6', '226.170.70.6'], ['212.120.124.31', '228.135.163.231'],
  ['212.146.8.236', '228.19.4.234'], ['212.186.227.154', '228.59.98.98'], ['212.204.172.118', '228.71.195.169'],
  ['212.206.130.201', '228.69.242.193'], ['216.148.237.145', '235.84.194.111'], ['216.157.30.252', '235.89.31.26'],
  ['216.184.159.48', '235.96.225.78'], ['216.227.10.221', '235.28.253.36'], ['216.254.18.172', '235.7.16.162'],
  ['216.32.132.250', '235.192.139.38'], ['216.35.217.178', '235.195.157.81'], ['24.0.250.221', '100.15.198.226'],
  ['24.13.62.231', '100.2.192.247'], ['24.14.213.138', '100.1.42.141'], ['24.5.0.80', '100.9.15.210'],
  ['24.7.198.88', '100.10.6.25'], ['24.94.26.44', '100.88.228.35'], ['38.15.67.68', '64.3.66.187'],
  ['4.3.88.225', '124.60.155.63'], ['63.14.55.111', '95.9.215.7'], ['63.195.241.44', '95.179.238.44'],
  ['63.97.7.140', '95.97.9.123'], ['64.14.118.196', '0.255.183.58'], ['64.34.154.117', '0.221.154.117'],
  ['64.39.15.238', '0.219.7.41'], ['10.185.25.118', '117.161.29.118'],
];

/** Expanded IPv6 (`::` filled in) as 16 bytes; enough for the vectors and the tests here. */
function v6(text: string): Uint8Array {
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return Uint8Array.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}
const v4 = (text: string) => Uint8Array.from(text.split('.').map(Number));
const dotted = (bytes: Uint8Array) => [...bytes].join('.');

describe('Crypto-PAn: published vectors', () => {
  const cp = new CryptoPan(SAMPLE_KEY);

  it('maps the 71 addresses of the original sample trace to their sanitized forms', () => {
    expect(SAMPLE_TRACE.length).toBe(71);
    for (const [raw, sanitized] of SAMPLE_TRACE) expect(dotted(cp.anonymize(v4(raw))), raw).toBe(sanitized);
  });

  it('maps IPv6 over all 128 bits as the Go port does under the same key', () => {
    const pairs = [
      ['::1', '78ff:f001:9fc0:20df:8380:b1f1:704:ed'],
      ['::2', '78ff:f001:9fc0:20df:8380:b1f1:704:ef'],
      ['::ffff', '78ff:f001:9fc0:20df:8380:b1f1:704:f838'],
      ['2001:db8::1', '4401:2bc:603f:d91d:27f:ff8e:e6f1:dc1e'],
      ['2001:db8::2', '4401:2bc:603f:d91d:27f:ff8e:e6f1:dc1c'],
    ];
    for (const [raw, out] of pairs) expect(Buffer.from(cp.anonymize(v6(raw))).equals(Buffer.from(v6(out))), raw).toBe(true);
  });

  it('maps 192.0.2.1 to 206.2.124.120 under the ASCII key boojahyoo3vaeToong0Eijee7Ahz3yee', () => {
    const ascii = new CryptoPan(Buffer.from('boojahyoo3vaeToong0Eijee7Ahz3yee', 'ascii'));
    expect(dotted(ascii.anonymize(v4('192.0.2.1')))).toBe('206.2.124.120');
  });

  it('refuses a key that is not 32 bytes and an address that is not 4 or 16', () => {
    expect(() => new CryptoPan(new Uint8Array(16))).toThrow(RangeError);
    expect(() => cp.anonymize(new Uint8Array(6))).toThrow(RangeError);
  });

  it('keepBits leaves a prefix and flips the rest exactly as the full algorithm does', () => {
    const full = cp.anonymize(v4('141.223.7.43'));
    const kept = cp.anonymize(v4('141.223.7.43'), 8);
    expect(kept[0]).toBe(141);
    expect([...kept.subarray(1)]).toEqual([...full.subarray(1)]);
    expect(dotted(cp.anonymize(v4('141.223.7.43'), 32))).toBe('141.223.7.43');
  });
});

/** How many leading bits two equal-length byte strings share. */
function sharedBits(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ^ b[i];
    if (x !== 0) return i * 8 + Math.clz32(x) - 24;
  }
  return a.length * 8;
}

/** Two addresses of `bytes` bytes sharing exactly a generated prefix length (or equal). */
function pairSharing(bytes: number) {
  return fc
    .tuple(fc.uint8Array({ minLength: bytes, maxLength: bytes }), fc.integer({ min: 0, max: bytes * 8 }), fc.uint8Array({ minLength: bytes, maxLength: bytes }))
    .map(([a, n, noise]) => {
      const b = Uint8Array.from(a);
      // Bits after n come from the noise, bit n (if any) differs: they share exactly n bits.
      for (let i = n; i < bytes * 8; i++) {
        const bit = i === n ? ((a[i >> 3] >> (7 - (i & 7))) & 1) ^ 1 : (noise[i >> 3] >> (7 - (i & 7))) & 1;
        b[i >> 3] = (b[i >> 3] & ~(1 << (7 - (i & 7)))) | (bit << (7 - (i & 7)));
      }
      return { a, b, n };
    });
}

const runs = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 200);
const key = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe.each([
  ['IPv4', 4],
  ['IPv6', 16],
])('Crypto-PAn properties: %s', (_name, bytes) => {
  it('two addresses sharing exactly n leading bits share exactly n after', () => {
    fc.assert(
      fc.property(key, pairSharing(bytes), fc.integer({ min: 0, max: bytes * 8 }), (k, { a, b, n }, keep) => {
        const cp = new CryptoPan(k);
        const keepBits = Math.min(keep, n); // a kept prefix changes nothing in the property
        expect(sharedBits(cp.anonymize(a, keepBits), cp.anonymize(b, keepBits))).toBe(n);
      }),
      { numRuns: runs },
    );
  });

  it('is deterministic under a key, and another key gives another map', () => {
    fc.assert(
      fc.property(key, key, fc.uint8Array({ minLength: bytes, maxLength: bytes }), (k1, k2, a) => {
        const once = new CryptoPan(k1).anonymize(a);
        expect([...new CryptoPan(Uint8Array.from(k1)).anonymize(a)]).toEqual([...once]);
        expect([...new CryptoPan(k1).anonymize(a)]).toEqual([...once]); // the same instance twice too
        if (Buffer.from(k1).equals(Buffer.from(k2))) return;
        // Different keys may agree on one address by chance (2^-32 for IPv4); on four they do not.
        const others = [0, 1, 2, 3].map((x) => Buffer.from(new CryptoPan(k2).anonymize(a.map((v, i) => (i === bytes - 1 ? v ^ x : v)))));
        const mine = [0, 1, 2, 3].map((x) => Buffer.from(new CryptoPan(k1).anonymize(a.map((v, i) => (i === bytes - 1 ? v ^ x : v)))));
        expect(others.every((o, i) => o.equals(mine[i]))).toBe(false);
      }),
      { numRuns: runs },
    );
  });

  it('is a bijection on a sample: distinct addresses stay distinct', () => {
    fc.assert(
      fc.property(key, fc.uniqueArray(fc.uint8Array({ minLength: bytes, maxLength: bytes }), { minLength: 50, maxLength: 300, selector: (a) => Buffer.from(a).toString('hex') }), (k, addresses) => {
        const cp = new CryptoPan(k);
        const out = new Set(addresses.map((a) => Buffer.from(cp.anonymize(a)).toString('hex')));
        expect(out.size).toBe(addresses.length);
      }),
      { numRuns: Math.ceil(runs / 10) },
    );
  });
});

it('Crypto-PAn: a bijection on a whole network (every address of 198.51.96.0/20, its first 20 bits kept)', () => {
  const cp = new CryptoPan(SAMPLE_KEY);
  const seen = new Set<number>();
  for (let x = 0; x < 4096; x++) {
    const out = cp.anonymize(Uint8Array.from([198, 51, 96 | (x >> 8), x & 0xff]), 20);
    expect(out[0] === 198 && out[1] === 51 && out[2] >> 4 === 6).toBe(true);
    seen.add(((out[2] & 15) << 8) | out[3]);
  }
  expect(seen.size).toBe(4096);
});
