import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import email from '../../detectors/email.js';
import ipv4 from '../../detectors/ipv4-address.js';
import ipv6, { canonicalIPv6 } from '../../detectors/ipv6-address.js';
import mac from '../../detectors/mac-address.js';
import { findAll, findWith } from '../support/scan.js';

const NETWORK = [email, ipv4, ipv6, mac] as const;

const find = (text: string) => findWith(ipv6, text).map(([, v]) => v);

describe('IPv6 positives', () => {
  it.each([
    ['2001:db8::1', '2001:db8::1'],
    ['full 2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
    ['compressed middle 2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334'],
    ['compressed end 2001:db8::', '2001:db8::'],
    ['upper case 2001:DB8::ABCD', '2001:DB8::ABCD'],
    ['zone fe80::1%eth0', 'fe80::1%eth0'],
    ['zone fe80::200:5eff:fe00:5301%en0', 'fe80::200:5eff:fe00:5301%en0'],
    ['URL-encoded zone http://[fe80::1%25eth0]/', 'fe80::1%25eth0'],
    ['IPv4-mapped ::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['NAT64 64:ff9b::192.0.2.33', '64:ff9b::192.0.2.33'],
    ['bracketed with port [2001:db8::1]:443', '2001:db8::1'],
    ['URL http://[2001:db8::1]:8080/path', '2001:db8::1'],
    ['key:value src:fe80::1', 'fe80::1'],
    ['key:value ip:2001:db8::1', '2001:db8::1'],
    ['label with digit IPv6:2001:db8::2', '2001:db8::2'],
    ['JSON {"ip":"2001:db8::3"}', '2001:db8::3'],
    ['end of sentence: from 2001:db8::9.', '2001:db8::9'],
    ['comma after 2001:db8::a1, next', '2001:db8::a1'],
    ['full-width colon IP：2001:db8::8', '2001:db8::8'],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual([expected]);
  });
});

describe('IPv6 near misses', () => {
  it.each([
    ['unspecified alone', '::'],
    ['unspecified in a sentence', 'listen on :: port 80'],
    ['all-zero full', '0:0:0:0:0:0:0:0'],
    ['all-zero compressed', '::0'],
    ['time', '12:30:45'],
    ['time with ms', '12:30:45.123'],
    ['hh:mm', 'at 12:30'],
    ['MAC', 'aa:bb:cc:dd:ee:ff'],
    ['EUI-64 written like a MAC', '00:00:5e:ef:10:00:00:01'],
    ['C++ std::string', 'std::string'],
    ['C++ scope with hex name', 'dead::beef and cafe::babe'],
    ['Rust f64::EPSILON', 'f64::EPSILON'],
    ['Ruby Foo::Bar', 'Foo::Bar'],
    ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['MD5', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['ten groups', '1:2:3:4:5:6:7:8:9:10'],
    ['loopback ::1 (kept by default)', 'connect to ::1 port 5432'],
    ['two ::', '2001::db8::1'],
    ['five-digit group', '2001:db8::12345'],
    ['trailing .5', '2001:db8::1.5'],
    ['inside a longer run', 'abcd:2001:db8::1:2:3:4:5:6'],
    ['bad IPv4 tail', '::ffff:192.0.2.256'],
    ['short IPv4 tail', '::ffff:192.0.2'],
    ['glued to letters', 'abc2001:db8::1'],
    ['glued to a following letter', '2001:db8::1g'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('IPv6 normalize (RFC 5952)', () => {
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['2001:db8::', '2001:db8::'],
    ['::FFFF:192.0.2.1', '::ffff:192.0.2.1'],
    ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::192.0.2.33'],
    ['FE80::0001%ETH0', 'fe80::1%eth0'],
  ])('%s -> %s', (value, expected) => {
    expect(ipv6.normalize?.(value)).toBe(expected);
  });

  it('agrees with the WHATWG URL serializer on any address, however written', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.boolean(), fc.boolean(), (groups, pad, upper) => {
        let written = groups.map((g) => (pad ? g.toString(16).padStart(4, '0') : g.toString(16))).join(':');
        if (upper) written = written.toUpperCase();
        const expected = new URL(`http://[${written}]/`).hostname.slice(1, -1);
        expect(canonicalIPv6(written)).toBe(expected);
        expect(canonicalIPv6(expected)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('IPv6 in log lines, EN and ZH, beside other findings', () => {
  it.each<[string, Array<[string, string]>]>([
    [
      '2001:db8::1f - - [24/Feb/2026:12:26:41 +0800] "GET /static/img/icon@2x.png HTTP/2.0" 304 0 "-" "curl/8.5.0"',
      [['IP_ADDRESS', '2001:db8::1f']],
    ],
    [
      'Feb 24 12:26:43 web01 sshd[2830]: Failed password for invalid user admin from 2001:db8:85a3::8a2e:370:7334 port 40022 ssh2',
      [['IP_ADDRESS', '2001:db8:85a3::8a2e:370:7334']],
    ],
    [
      'kernel: eth0: link up, HWaddr 00:00:5E:00:53:9C, inet6 addr: fe80::200:5eff:fe00:539c%eth0 Scope:Link',
      [
        ['MAC_ADDRESS', '00:00:5E:00:53:9C'],
        ['IP_ADDRESS', 'fe80::200:5eff:fe00:539c%eth0'],
      ],
    ],
    [
      'ERROR std::vector<std::string> parse failed at 12:30:45 for [2001:db8::5]:8443 (peer 192.0.2.3)',
      [
        ['IP_ADDRESS', '2001:db8::5'],
        ['IP_ADDRESS', '192.0.2.3'],
      ],
    ],
    [
      'user=li.si@example.org src=::ffff:198.51.100.14 dst=2001:db8:0:0:0:0:0:2 uuid=123e4567-e89b-12d3-a456-426614174000',
      [
        ['EMAIL', 'li.si@example.org'],
        ['IP_ADDRESS', '::ffff:198.51.100.14'],
        ['IP_ADDRESS', '2001:db8:0:0:0:0:0:2'],
      ],
    ],
    [
      '用户登录 IP: 2001:db8::a1 邮箱 zhang.san@example.com',
      [
        ['IP_ADDRESS', '2001:db8::a1'],
        ['EMAIL', 'zhang.san@example.com'],
      ],
    ],
    [
      '【安全】来源 ::ffff:192.0.2.18 尝试登录，物理地址 00:00:5e:00:53:2b，耗时 00:00:03',
      [
        ['IP_ADDRESS', '::ffff:192.0.2.18'],
        ['MAC_ADDRESS', '00:00:5e:00:53:2b'],
      ],
    ],
  ])('%s', (line, expected) => {
    expect(findAll(line, NETWORK)).toEqual(expected);
  });
});

describe('IPv6 on adversarial 1 MB inputs (linear time; the timeout is the bound)', () => {
  const MB = 1 << 20;
  it.each<[string, string, number]>([
    ['::::', ':'.repeat(MB), 0],
    ['a:a:a:', 'a:'.repeat(MB / 2), 0],
    ['1:1:1:', '1:'.repeat(MB / 2), 0],
    ['ffff:', 'ffff:'.repeat(MB / 5), 0],
    ['ab:ab:ab', 'ab:'.repeat(MB / 3), 0],
    ['::1::1', '::1'.repeat(MB / 3), 0],
    ['1.1.1.1.', '1.'.repeat(MB / 2), 0],
    ['hex run', 'f'.repeat(MB), 0],
    ['mapped then dots', '::ffff:1.1.1.1' + '.1'.repeat(MB / 2), 0],
    ['zone run', 'fe80::1%' + 'e'.repeat(MB), 0],
    ['times', '12:30:45 '.repeat(MB / 9), 0],
    // Many findings in one string: 8192, not 1 MB worth (overlap resolution is O(findings²) today).
    ['addresses back to back', '2001:db8::1 '.repeat(8192), 8192],
  ])('%s', (_name, input, count) => {
    expect(findWith(ipv6, input)).toHaveLength(count);
  }, 60_000);
});
