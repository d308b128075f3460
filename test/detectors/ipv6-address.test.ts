import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import email from '../../detectors/email.js';
import ipv4 from '../../detectors/ipv4-address.js';
import ipv6, { canonicalIPv6 } from '../../detectors/ipv6-address.js';
import mac from '../../detectors/mac-address.js';
import { anonymizingVisitor, createAnonymizer } from '../../src/index.js';
import { visitLine } from '../../src/formats/text.js';
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
    ['1%3A1%3A', '1%3A'.repeat(MB / 4), 0],
    ['ffff%3A', 'ffff%3A'.repeat(MB / 7), 0],
    ['%3A%3A', '%3A'.repeat(MB / 3), 0],
    ['encoded :: runs', '1%3A%3A'.repeat(MB / 7), 0],
    // Many findings in one string: 8192, not 1 MB worth (overlap resolution is O(findings²) today).
    ['addresses back to back', '2001:db8::1 '.repeat(8192), 8192],
  ])('%s', (_name, input, count) => {
    expect(findWith(ipv6, input)).toHaveLength(count);
  }, 60_000);
});

/** A documentation address (RFC 3849) as 8 groups, drawn by fast-check. */
const docGroups = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), { minLength: 6, maxLength: 6 })
  .map((rest) => [0x2001, 0xdb8, ...rest]);

describe('IPv6 followed by :port without brackets: the longest valid address', () => {
  it.each([
    ['HAProxy full', 'Dec  3 19:33:28 lb1 haproxy[982]: 2001:db8:0:0:1:0:0:1:43631 [03/Dec/2026:15:15:46.112] www~ app/web02 0/0/1/210/189 200 631', '2001:db8:0:0:1:0:0:1'],
    ['HAProxy compressed, five-digit port', 'haproxy[6460]: 2001:db8::aa99:999a:a9aa:61964 [03/Dec/2026:20:21:58.001] www~ app/web02', '2001:db8::aa99:999a:a9aa'],
    ['HAProxy compressed, four-digit port: valid as a whole, taken whole', 'haproxy[6460]: 2001:db8::1:8443 [03/Dec/2026:20:21:58.001] www~', '2001:db8::1:8443'],
    ['Apache client', "[Thu Dec 03 16:08:04.294800 2026] [proxy_fcgi:error] [pid 24074:tid 140] [client 2001:db8::7:51234] AH01071: Got error 'Primary script unknown'", '2001:db8::7'],
    ['Apache client, zone', '[Thu Dec 03 16:08:04.294800 2026] [core:error] [pid 24074] [client fe80::200:5eff:fe00:5301%eth0] AH00037', 'fe80::200:5eff:fe00:5301%eth0'],
    ['upper case', '[client 2001:DB8::ABCD:5EFF:51234] AH01071', '2001:DB8::ABCD:5EFF'],
    ['IPv4-mapped with port', 'peer ::ffff:192.0.2.1:443 closed', '::ffff:192.0.2.1'],
    ['ends with :: then port', 'from 2001:db8:::443 reset', '2001:db8::'],
    ['a colon after it', 'connect 2001:db8::1: connection refused', '2001:db8::1'],
    ['trailing comma', 'peers 2001:db8::1, 2001:db8::2', '2001:db8::1'],
    ['nine groups: eight and a port', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8'],
    ['中文', '客户端 2001:db8::aa99:999a:a9aa:61964 已断开', '2001:db8::aa99:999a:a9aa'],
  ])('%s', (_name, line, expected) => {
    expect(find(line).slice(0, 1)).toEqual([expected]);
  });

  it('nothing of any generated address followed by a port survives', () => {
    const a = createAnonymizer();
    fc.assert(
      fc.property(docGroups, fc.integer({ min: 1, max: 65535 }), fc.boolean(), fc.boolean(), (groups, port, compress, upper) => {
        let addr = groups.map((g) => g.toString(16)).join(':');
        if (compress) addr = new URL(`http://[${addr}]/`).hostname.slice(1, -1);
        if (upper) addr = addr.toUpperCase();
        const out = a.anonymize(`[client ${addr}:${port}] AH01071`);
        expect(out).toMatch(/^\[client <IP_ADDRESS>(:\d+)?\] AH01071$/);
        // The port stays when it cannot be part of the address (five digits, or after eight groups).
        if (String(port).length === 5 || !addr.includes('::')) {
          expect(out).toBe(`[client <IP_ADDRESS>:${port}] AH01071`);
        }
      }),
    );
  });

  it.each([
    ['ten groups', 'x 1:2:3:4:5:6:7:8:9:10'],
    ['five-digit group, no port colon', '2001:db8::12345'],
    ['five hex groups', 'a4:5e:60:12:9f'],
    ['five hex groups, labelled', 'mac:a4:5e:60:12:9f'],
    ['times with milliseconds', '12:30:45:123'],
    ['a port after a MAC', 'aa:bb:cc:dd:ee:ff:8080'],
  ])('not an address: %s', (_name, line) => {
    expect(find(line)).toEqual([]);
  });
});

describe('IPv6 loopback', () => {
  const keepNone = ipv6.configure!({ keep_loopback: false });
  it.each([
    ['connect to ::1 port 5432', '::1'],
    ['[::1]:8080', '::1'],
    ['0:0:0:0:0:0:0:1', '0:0:0:0:0:0:0:1'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
    ['Call From localhost/::1:8020 failed', '::1:8020'],
  ])('kept by default, found with keep_loopback: false: %s', (line, value) => {
    expect(find(line)).toEqual([]);
    expect(findWith(keepNone, line).map(([, v]) => v)).toEqual([value]);
  });

  it('the unspecified :: is never an address', () => {
    expect(findWith(keepNone, 'listen on :: port 80')).toEqual([]);
  });
});

describe('IP addresses of every new notation in realistic lines, beside other findings', () => {
  it.each<[string, Array<[string, string]>]>([
    [
      '2026/12/03 10:11:12 [error] 3121#3121: *42 connect() failed (111: Connection refused) while connecting to upstream, client: 2001:db8::7, server: example.com, request: "GET /api HTTP/1.1", upstream: "http://[2001:db8::10]:8080/api", host: "ip-10-0-1-17.ec2.internal"',
      [
        ['IP_ADDRESS', '2001:db8::7'],
        ['IP_ADDRESS', '2001:db8::10'],
        ['IP_ADDRESS', '10-0-1-17'],
      ],
    ],
    [
      '2001:DB8::1F - - [03/Dec/2026:10:11:12 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29" upstream=127.0.0.1:8080',
      [['IP_ADDRESS', '2001:DB8::1F']],
    ],
    [
      'Dec  3 10:11:12 lb1 haproxy[982]: 2001:db8:0:0:1:0:0:1:43631 [03/Dec/2026:10:11:12.112] fe be/adsl-198-51-100-7.dsl.example.net 0/0/1/210/189 200 631',
      [
        ['IP_ADDRESS', '2001:db8:0:0:1:0:0:1'],
        ['IP_ADDRESS', '198-51-100-7'],
      ],
    ],
    [
      'Dec  3 10:11:12 mx1 postfix/smtpd[4242]: connect from host203.0.113.9.example.com[203.0.113.9] Message-ID: <20261203101112.ABCD@mail.example.com> from=<jane.roe@example.org>',
      [
        ['IP_ADDRESS', '203.0.113.9'],
        ['IP_ADDRESS', '203.0.113.9'],
        ['EMAIL', 'jane.roe@example.org'],
      ],
    ],
    [
      '2026-12-03 10:11:12,345 ERROR [main] o.a.h.ipc.Client - Call From host.example.com/192.0.2.31 to ::1:8020 failed; MAC a4:5e:60:12:9f incomplete, device 00:00:5e:00:53:2b',
      [
        ['IP_ADDRESS', '192.0.2.31'],
        ['MAC_ADDRESS', '00:00:5e:00:53:2b'],
      ],
    ],
    [
      '2026-12-03 10:11:12 [警告] 客户端 2001:db8::aa99:999a:a9aa:61964 经 10-0-1-17.default.pod.cluster.local 转发，本机 ::1 与 0.0.0.0 忽略',
      [
        ['IP_ADDRESS', '2001:db8::aa99:999a:a9aa'],
        ['IP_ADDRESS', '10-0-1-17'],
      ],
    ],
  ])('%s', (line, expected) => {
    expect(findAll(line, NETWORK)).toEqual(expected);
  });
});

describe('IPv6 URL-encoded in a query string (each colon %3A)', () => {
  it.each([
    ['GET /geo?ip=2001%3Adb8%3A%3A1&lang=en HTTP/1.1', '2001%3Adb8%3A%3A1', '2001:db8::1'],
    ['GET /geo?ip=2001%3adb8%3a85a3%3a%3a8a2e%3a370%3a7334%2C198.51.100.2 HTTP/1.1', '2001%3adb8%3a85a3%3a%3a8a2e%3a370%3a7334', '2001:db8:85a3::8a2e:370:7334'],
    ['GET /r?peer=FE80%3A%3A1%25eth0&x=1', 'FE80%3A%3A1%25eth0', 'fe80::1%eth0'],
    ['GET /r?peer=2001%3Adb8%3A0%3A0%3A1%3A0%3A0%3A1%3A8443 (port after)', '2001%3Adb8%3A0%3A0%3A1%3A0%3A0%3A1', '2001:db8::1:0:0:1'],
    ['回调 /cb?client=2001%3ADB8%3A%3AA1 失败', '2001%3ADB8%3A%3AA1', '2001:db8::a1'],
  ])('%s', (line, value, normalized) => {
    expect(find(line)).toEqual([value]);
    expect(ipv6.normalize?.(value)).toBe(normalized);
  });

  it('finds generated addresses, encoded, and nothing of them survives', () => {
    const a = createAnonymizer();
    fc.assert(
      fc.property(docGroups, fc.boolean(), fc.constantFrom('%3A', '%3a'), (groups, compress, colon) => {
        let addr = groups.map((g) => g.toString(16)).join(':');
        if (compress) addr = new URL(`http://[${addr}]/`).hostname.slice(1, -1);
        const encoded = addr.replaceAll(':', colon);
        expect(a.anonymize(`GET /geo?ip=${encoded}&lang=en HTTP/1.1`)).toBe('GET /geo?ip=<IP_ADDRESS>&lang=en HTTP/1.1');
      }),
    );
  });

  it.each([
    ['a percentage', 'cpu=50% mem=3A%3A1'],
    ['escapes inside a word', 'q=x%3A%3A1'],
    ['an encoded MAC', 'q=aa%3Abb%3Acc%3Add%3Aee%3Aff'],
    ['an encoded time', 't=12%3A30%3A45'],
  ])('not an address: %s', (_name, line) => {
    expect(find(line)).toEqual([]);
  });
});

describe('IPv6 ending in :: under an IP field, in text lines (issue 10 §2)', () => {
  // Generated in 2001:db8::/32; the key is the field dictionary's (remote_addr) or a word-built one.
  const hex = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
  const compressed = fc.array(hex, { minLength: 1, maxLength: 5 }).map((gs) => `2001:db8:${gs.join(':')}::`);
  it('is replaced whole, and masking twice changes nothing', () => {
    const tag = createAnonymizer();
    const mask = createAnonymizer({ policy: { version: 1, operator: 'mask' } });
    const tagLine = (l: string) => visitLine(anonymizingVisitor(tag), l, 0);
    const maskLine = (l: string) => visitLine(anonymizingVisitor(mask), l, 0);
    fc.assert(
      fc.property(compressed, (ip) => {
        for (const [line, out] of [
          [`2026-12-03 00:39:44,111 INFO  [exec-170] c.e.shop.ProfileService - update remote_addr=${ip} build=2.15.2`, 'update remote_addr=<IP_ADDRESS> build=2.15.2'],
          [`2026-12-03 00:39:44 INFO 用户登录 src_ip=${ip} 订单号：202612031832980268`, '用户登录 src_ip=<IP_ADDRESS> 订单号'],
          [`{"remote_addr":"${ip}","status":200}`, '{"remote_addr":"<IP_ADDRESS>","status":200}'],
        ]) {
          expect(tagLine(line)).toContain(out);
          const once = maskLine(line);
          expect(once).toContain('2001:db8:*');
          expect(maskLine(once)).toBe(once);
        }
      }),
      { numRuns: 40 },
    );
    expect(tagLine('peer fe80:: up; peer_ip=fe80:: up')).toBe('peer <IP_ADDRESS> up; peer_ip=<IP_ADDRESS> up');
    expect(maskLine('peer_ip=fe80:: up')).toBe('peer_ip=fe80::* up');
    expect(maskLine('peer_ip=fe80::* up')).toBe('peer_ip=fe80::* up');
  });
  it('near misses stay', () => {
    const tagLine = (l: string) => visitLine(anonymizingVisitor(createAnonymizer()), l, 0);
    for (const l of ['using std:: string', 'ns=std:: next=1', 'route 2001:db8:1::/48 via', 'listen on :: port 80']) expect(tagLine(l)).toBe(l);
  });
});
