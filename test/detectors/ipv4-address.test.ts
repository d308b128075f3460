import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import email from '../../detectors/email.js';
import ipv4, { maskIpAddress, normalizeIpAddress } from '../../detectors/ipv4-address.js';
import ipv6 from '../../detectors/ipv6-address.js';
import mac from '../../detectors/mac-address.js';
import { createAnonymizer } from '../../src/index.js';
import { findAll, findWith } from '../support/scan.js';

const NETWORK = [email, ipv4, ipv6, mac] as const;

const find = (text: string, key?: string) => findWith(ipv4, text, key ? { key } : undefined).map(([, v]) => v);

describe('IPv4 positives', () => {
  it.each([
    ['192.0.2.10', '192.0.2.10'],
    ['lowest 192.0.2.0', '192.0.2.0'],
    ['highest octets 203.0.113.255', '203.0.113.255'],
    ['two-digit octets 198.51.100.99', '198.51.100.99'],
    ['host:port 192.0.2.1:8080', '192.0.2.1'],
    ['bracketed [203.0.113.5]', '203.0.113.5'],
    ['URL http://198.51.100.23:8443/health', '198.51.100.23'],
    ['end of sentence: from 192.0.2.44.', '192.0.2.44'],
    ['key=value client_ip=192.0.2.7', '192.0.2.7'],
    ['an interface address with its prefix: inet 192.0.2.7/24', '192.0.2.7'],
    ['after a dash ip-192.0.2.17', '192.0.2.17'],
    ['X-Forwarded-For: 203.0.113.195,', '203.0.113.195'],
    ['a version far before: app version 1.4.2 connected from 192.0.2.7', '192.0.2.7'],
    ['a version word after: 192.0.2.8 version 2', '192.0.2.8'],
    ['server is not ver: server 192.0.2.9', '192.0.2.9'],
    ['full-width colon IP：192.0.2.12', '192.0.2.12'],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual([expected]);
  });

  it('finds a list', () => {
    expect(find('upstreams 192.0.2.1, 198.51.100.2 and 203.0.113.3')).toEqual([
      '192.0.2.1',
      '198.51.100.2',
      '203.0.113.3',
    ]);
  });
});

describe('IPv4 near misses', () => {
  it.each([
    ['Windows build', '10.0.10625.1189'],
    ['Windows version', '6.1.7601.23505'],
    ['SNMP OID', '1.3.6.1.4.1'],
    ['five components', '1.2.3.4.5'],
    ['fifth decimal part', 'load 192.0.2.1.5'],
    ['v-prefixed version', 'v1.2.3.4'],
    ['version word', 'version 1.2.3.4'],
    ['version key', 'version=1.2.3.4'],
    ['camelCase version key', 'appVersion: 1.2.3.4'],
    ['JSON version', '{"version":"1.2.3.4"}'],
    ['build word', 'build 10.0.0.1'],
    ['ver.', 'ver. 1.2.3.4'],
    ['firmware', 'firmware 4.2.0.16'],
    ['Chinese version', '版本 1.2.3.4'],
    ['Chinese version number', '版本号：10.2.3.4'],
    ['a network in CIDR notation (what generalize writes)', 'route 192.0.2.0/24 via gw'],
    ['a /16 network', 'allow 10.20.0.0/16;'],
    ['octet over 255', '192.0.2.256'],
    ['leading zero', '192.0.02.1'],
    ['three parts', '192.0.2'],
    ['glued to letters', 'abc192.0.2.1'],
    ['glued to a following letter', '192.0.2.1x'],
    ['date', '2026.02.24'],
    ['European thousands', '1.234.567.890'],
    ['timestamp', '12:30:45.123'],
    ['semver', '1.2.3'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });

  it('a version key (JSON key, CSV header) rejects the whole value', () => {
    expect(find('1.2.3.4', 'version')).toEqual([]);
    expect(find('1.2.3.4', 'buildVersion')).toEqual([]);
    expect(find('192.0.2.4', 'client_ip')).toEqual(['192.0.2.4']);
  });
});

describe('IPv4 normalize', () => {
  it('keeps the canonical dotted quad', () => {
    expect(ipv4.normalize?.('192.0.2.10')).toBe('192.0.2.10');
  });
});

describe('IPv4 in log lines, EN and ZH, beside other findings', () => {
  it.each<[string, Array<[string, string]>]>([
    [
      '192.0.2.10 - - [24/Feb/2026:12:26:41 +0800] "GET /index.html HTTP/1.1" 200 612 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/121.0.6167.85 Safari/537.36"',
      [['IP_ADDRESS', '192.0.2.10']],
    ],
    [
      'Feb 24 12:26:41 web01 sshd[2817]: Accepted publickey for deploy from 198.51.100.23 port 52144 ssh2: ED25519 SHA256:Yd8Ksd3dQKc',
      [['IP_ADDRESS', '198.51.100.23']],
    ],
    [
      'Feb 24 12:26:43 web01 sshd[2830]: Failed password for invalid user admin from 203.0.113.77 port 40022 ssh2',
      [['IP_ADDRESS', '203.0.113.77']],
    ],
    [
      'Feb 24 12:27:00 gw dhcpd[911]: DHCPACK on 192.0.2.55 to 00:00:5e:00:53:01 (laptop-42) via eth0',
      [
        ['IP_ADDRESS', '192.0.2.55'],
        ['MAC_ADDRESS', '00:00:5e:00:53:01'],
      ],
    ],
    [
      'INFO agent started version=10.0.10625.1189 os=6.1.7601.23505 oid=1.3.6.1.4.1 host=ip-10-0-1-17 peer=192.0.2.200:7946',
      [
        ['IP_ADDRESS', '10-0-1-17'],
        ['IP_ADDRESS', '192.0.2.200'],
      ],
    ],
    [
      '{"ts":"2026-02-24T12:26:41Z","client_ip":"203.0.113.9","version":"1.2.3.4","email":"John.Doe@Example.com"}',
      [
        ['IP_ADDRESS', '203.0.113.9'],
        ['EMAIL', 'John.Doe@Example.com'],
      ],
    ],
    [
      '用户登录 IP: 192.0.2.10 邮箱 zhang.san@example.com',
      [
        ['IP_ADDRESS', '192.0.2.10'],
        ['EMAIL', 'zhang.san@example.com'],
      ],
    ],
    [
      '2026-02-24 12:26:41 [INFO] 客户端 203.0.113.7（MAC地址 00-00-5E-00-53-1A）版本 10.2.3.4 登录成功',
      [
        ['IP_ADDRESS', '203.0.113.7'],
        ['MAC_ADDRESS', '00-00-5E-00-53-1A'],
      ],
    ],
    [
      '登录失败：来源地址 198.51.100.61，固件 4.2.0.16，时间 12:30:45',
      [['IP_ADDRESS', '198.51.100.61']],
    ],
  ])('%s', (line, expected) => {
    expect(findAll(line, NETWORK)).toEqual(expected);
  });
});

describe('IPv4 on adversarial 1 MB inputs (linear time; the timeout is the bound)', () => {
  const MB = 1 << 20;
  it.each<[string, string, number]>([
    ['1.1.1.1.', '1.'.repeat(MB / 2), 0],
    ['255.255.255.255.', '255.'.repeat(MB / 4), 0],
    ['digits', '9'.repeat(MB), 0],
    ['256.256.256.256 ', '256.256.256.256 '.repeat(MB / 16), 0],
    ['1.1.1.1.1 ', '1.1.1.1.1 '.repeat(Math.floor(MB / 10)), 0],
    ['1-1-1-1-', '1-'.repeat(MB / 2), 0],
    ['x-1-1-1-1-1 ', 'x-1-1-1-1-1 '.repeat(Math.floor(MB / 12)), 0],
    ['glued a1.1a1.1', 'a1.1'.repeat(MB / 4), 0],
    ['glued host1.1.1.1.1.x ', 'host1.1.1.1.1.x '.repeat(MB / 16), 0],
    ['~~1.1.1.1 ', '~~1.1.1.1 '.repeat(Math.floor(MB / 10)), 0],
    // 64 KB, not 1 MB: the context lookup scans all earlier word hits per candidate (O(n²) today).
    ['version 1.2.3.4 ', 'version 1.2.3.4 '.repeat(4096), 0],
    // Many findings in one string: 8192, not 1 MB worth (overlap resolution is O(findings²) today).
    ['addresses back to back', '192.0.2.1 '.repeat(8192), 8192],
    ['host-name addresses back to back', 'ip-10-0-1-17 host192.0.2.1.example.com '.repeat(4096), 8192],
  ])('%s', (_name, input, count) => {
    expect(findWith(ipv4, input)).toHaveLength(count);
  }, 60_000);
});

/** Reserved documentation addresses (RFC 5737) and private 10/8 ones (EC2, Kubernetes), drawn by fast-check. */
const docAddress = fc
  .tuple(fc.constantFrom([192, 0, 2], [198, 51, 100], [203, 0, 113]), fc.integer({ min: 1, max: 254 }))
  .map(([net, host]) => [...net, host]);
const privateAddress = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([b, c, d]) => [10, b, c, d]);

describe('IPv4 after a host name and / (Java InetAddress.toString)', () => {
  it.each([
    ['java.net.ConnectException: Call From host.example.com/10.1.2.3 to namenode.example.com:8020 failed on connection exception', '10.1.2.3'],
    ['Caused by: java.net.SocketTimeoutException: connect timed out: db-primary.example.com/198.51.100.14:5432', '198.51.100.14'],
    ['INFO  Connected to node db01/192.0.2.44:9042 (Cassandra)', '192.0.2.44'],
    ['io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: api.example.com/203.0.113.80:443', '203.0.113.80'],
    ['连接失败 host.example.com/198.51.100.7:3306 超时', '198.51.100.7'],
  ])('%s', (line, expected) => {
    expect(find(line)).toEqual([expected]);
  });

  it('finds any generated address after a host name and /', () => {
    fc.assert(
      fc.property(docAddress, fc.constantFrom('host.example.com', 'db-primary', 'node7'), fc.integer({ min: 1, max: 65535 }), (o, host, port) => {
        const addr = o.join('.');
        expect(find(`Call From ${host}/${addr}:${port} to nn:8020 failed`)).toEqual([addr]);
      }),
    );
  });

  it.each([
    ['Chrome reduced version', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36'],
    ['Opera', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0'],
    ['Yandex', 'Mozilla/5.0 YaBrowser/24.1.0.0 Safari/537.36'],
  ])('a product token version is not an address: %s', (_name, line) => {
    expect(find(line)).toEqual([]);
  });
});

describe('IPv4 with zero-padded octets', () => {
  it.each([
    ['10.001.002.003', '10.001.002.003', '10.1.2.3'],
    ['client=192.000.002.010 port 22', '192.000.002.010', '192.0.2.10'],
    ['ACL permit 198.051.100.007 any', '198.051.100.007', '198.51.100.7'],
    ['来源 203.000.113.009 拒绝', '203.000.113.009', '203.0.113.9'],
  ])('%s', (line, value, normalized) => {
    expect(find(line)).toEqual([value]);
    expect(ipv4.normalize?.(value)).toBe(normalized);
  });

  it('finds any generated address padded to three digits', () => {
    fc.assert(
      fc.property(docAddress, (o) => {
        const padded = o.map((x) => String(x).padStart(3, '0')).join('.');
        expect(find(`deny from ${padded} (firewall)`)).toEqual([padded]);
      }),
    );
  });

  it.each([
    ['OID', 'oid 1.2.840.113549 rsaEncryption'],
    ['OID bare', 'alg=1.2.840.113549.1.1.11'],
    ['Windows build', 'os 10.0.10625.1189'],
    ['clock with milliseconds, dots', 'at 10.01.02.003'],
    ['two-digit padded octet', '192.0.02.1'],
    ['date with dots', '2026.12.03'],
    ['three octets', 'subnet 10.20.30 reserved'],
    ['three padded octets', 'code 010.020.030'],
  ])('not an address: %s', (_name, line) => {
    expect(find(line)).toEqual([]);
  });
});

describe('IPv4 embedded in host names (only the address part is the finding)', () => {
  it.each([
    ['ip-10-0-1-17.ec2.internal', '10-0-1-17'],
    ['Dec  3 10:11:12 ip-10-0-1-17 systemd[1]: Started Session 42 of user ec2-user.', '10-0-1-17'],
    ['host203.0.113.9.example.com', '203.0.113.9'],
    ['adsl-198-51-100-7.dsl.example.net', '198-51-100-7'],
    ['198-51-100-7.static.example.net', '198-51-100-7'],
    ['10-0-1-17.default.pod.cluster.local', '10-0-1-17'],
    ['ec2-203-0-113-9.compute-1.example.com', '203-0-113-9'],
    ['postfix/smtpd[4242]: connect from adsl-198-51-100-7.dsl.example.net[198.51.100.7]', '198-51-100-7'],
    ['解析主机 ip-10-0-1-17.ec2.internal 成功', '10-0-1-17'],
  ])('%s', (line, expected) => {
    expect(find(line).slice(0, 1)).toEqual([expected]);
  });

  it('finds generated addresses in every host-name form, and the rest of the name stays byte for byte', () => {
    const a = createAnonymizer();
    const forms: Array<(o: number[]) => [string, string]> = [
      (o) => [`ip-${o.join('-')}.ec2.internal`, 'ip-<IP_ADDRESS>.ec2.internal'],
      (o) => [`ip-${o.join('-')}`, 'ip-<IP_ADDRESS>'],
      (o) => [`host${o.join('.')}.example.com`, 'host<IP_ADDRESS>.example.com'],
      (o) => [`adsl-${o.join('-')}.dsl.example.net`, 'adsl-<IP_ADDRESS>.dsl.example.net'],
      (o) => [`${o.join('-')}.static.example.net`, '<IP_ADDRESS>.static.example.net'],
      (o) => [`${o.join('-')}.default.pod.cluster.local`, '<IP_ADDRESS>.default.pod.cluster.local'],
    ];
    fc.assert(
      fc.property(fc.oneof(docAddress, privateAddress), fc.constantFrom(...forms), (o, form) => {
        const [host, expected] = form(o);
        expect(a.anonymize(`resolved ${host} ok`)).toBe(`resolved ${expected} ok`);
      }),
    );
  });

  it('normalizes and masks the dashed form as the dotted one', () => {
    expect(ipv4.normalize?.('198-51-100-7')).toBe('198.51.100.7');
    expect(createAnonymizer({ policy: { operator: 'mask' } }).anonymize('ip-10-0-1-17.ec2.internal')).toBe('ip-10-0-*-*.ec2.internal');
  });

  it.each([
    ['ISO date', 'backup 2026-12-03 done'],
    ['date and time with dashes', 'file-2026-12-03-10-11-12.log'],
    ['version string v1-2-3-4', 'tag v1-2-3-4 pushed'],
    ['dashed numbers alone', 'range 10-20-30-40 ok'],
    ['build label', 'build-1-2-3-4 passed'],
    ['release archive', 'release-1-2-3-4.tar.gz'],
    ['file name glued to letters', 'app-v1.2.3.4.tar.gz'],
    ['glued without a domain', 'abc192.0.2.1'],
    ['five dashed numbers', 'ip-10-0-1-17-5'],
    ['octet over 255', 'ip-10-0-1-256.ec2.internal'],
    ['phone-like dashes', 'call 555-010-0123'],
  ])('not an address: %s', (_name, line) => {
    expect(find(line)).toEqual([]);
  });
});

describe('IPv4 loopback and unspecified', () => {
  const keepNone = ipv4.configure!({ keep_loopback: false });
  it.each([
    ['Connection refused: localhost/127.0.0.1:5432', '127.0.0.1'],
    ['listen 0.0.0.0:8080', '0.0.0.0'],
    ['bind 127.1.2.3', '127.1.2.3'],
    ['ip-127-0-0-1', '127-0-0-1'],
    ['padded 127.000.000.001', '127.000.000.001'],
  ])('kept by default, found with keep_loopback: false: %s', (line, value) => {
    expect(find(line)).toEqual([]);
    expect(findWith(keepNone, line).map(([, v]) => v)).toEqual([value]);
  });

  it('through the policy, and beside an address that is always found', () => {
    const line = 'upstream 127.0.0.1:9000 client 192.0.2.7 bind 0.0.0.0';
    expect(createAnonymizer().anonymize(line)).toBe('upstream 127.0.0.1:9000 client <IP_ADDRESS> bind 0.0.0.0');
    expect(createAnonymizer({ policy: { ip_address: { keep_loopback: false } } }).anonymize(line)).toBe(
      'upstream <IP_ADDRESS>:9000 client <IP_ADDRESS> bind <IP_ADDRESS>',
    );
  });

  it('other addresses near loopback are found', () => {
    expect(find('126.255.255.255 128.0.0.1 0.0.0.1')).toEqual(['126.255.255.255', '128.0.0.1', '0.0.0.1']);
  });
});

describe('IPv4: Windows component versions are not addresses', () => {
  it.each([
    'Package_for_KB5031356~31bf3856ad364e35~amd64~~10.0.1.2',
    '2026-12-03 10:11:12, Info                  CBS    Appl: detect Parent, Package: Package_for_KB5031356~31bf3856ad364e35~amd64~~10.0.1.2, Parent: Microsoft-Windows-Foo-Package~31bf3856ad364e35~amd64~~10.0.19041.3570, Disposition = Detect',
    '2026-12-03 10:11:12, Info                  CSI    00000012 Component: amd64_microsoft-windows-foo_31bf3856ad364e35_10.0.1.2_none_5a1b2c3d4e5f6a7b',
    '2026-12-03 10:11:12, Info  CBS    Exec: Processing package Microsoft-Windows-Foo-Package~31bf3856ad364e35~amd64~zh-CN~10.0.1.2 完成',
  ])('%s', (line) => {
    expect(find(line)).toEqual([]);
  });

  it('an address in the same CBS line is still found', () => {
    expect(find('2026-12-03 10:11:12, Info  CBS    WU: Downloading from 192.0.2.80 Package_for_KB5031356~31bf3856ad364e35~amd64~~10.0.1.2')).toEqual(['192.0.2.80']);
  });
});

describe('IP_ADDRESS normalize: one canonical form per address for keyed operators (hash)', () => {
  const a = createAnonymizer({ policy: { operator: 'hash' }, key: Buffer.alloc(32, 7) });
  const hashOf = (v: string) => a.anonymize(v);

  it('every notation of one address hashes alike', () => {
    expect(new Set(['10.1.2.3', '010.001.002.003', 'ip-10-1-2-3'].map(hashOf).map((h) => h.replace('ip-', ''))).size).toBe(1);
    expect(new Set(['2001:db8::7', '2001:DB8:0:0:0:0:0:7', '2001:0db8:0000:0000:0000:0000:0000:0007'].map(hashOf)).size).toBe(1);
    expect(normalizeIpAddress('::FFFF:192.0.2.1')).toBe('::ffff:192.0.2.1');
  });

  it('different addresses hash differently, IPv6 included', () => {
    const values = ['192.0.2.1', '192.0.2.2', '2001:db8::7', '2001:db8::8', '2001:db8:0:0:1:0:0:1', '::ffff:192.0.2.1'];
    expect(new Set(values.map(hashOf)).size).toBe(values.length);
  });
});

describe('IPv4 right after a URL escape (%2C, %20, %3D)', () => {
  it.each([
    ['GET /geo?xff=198.51.100.2%2C203.0.113.9&x=1 HTTP/1.1', ['198.51.100.2', '203.0.113.9']],
    ['GET /search?q=from%20192.0.2.1%20ok HTTP/1.1', ['192.0.2.1']],
    ['GET /r?filter=ip%3D203.0.113.77 HTTP/1.1', ['203.0.113.77']],
    ['GET /r?q=%2010.001.002.003', ['10.001.002.003']],
    ['查询 /r?ips=192.0.2.8%2C192.0.2.9 完成', ['192.0.2.8', '192.0.2.9']],
  ])('%s', (line, expected) => {
    expect(find(line)).toEqual(expected);
  });

  it.each([
    ['a version after an escape', 'q=%2Cv1.2.3.4'],
    ['an OID after escapes', 'x=%2F%2F1.2.840.113549'],
    ['a Windows build after an escape', 'q=%3D10.0.10625.1189'],
    ['a longer number after an escape', 'q=%2012345.1.2.3.4'],
    ['glued to letters after an escape', 'q=%20abc192.0.2.1'],
    ['loopback after an escape (kept by default)', 'q=%20127.0.0.1'],
  ])('not an address: %s', (_name, line) => {
    expect(find(line)).toEqual([]);
  });
});

describe('mask', () => {
  it('keeps the first two octets, and a port after the address (a field value), never the address whole', () => {
    expect(maskIpAddress('198.51.100.5')).toBe('198.51.*.*');
    expect(maskIpAddress('198.51.100.5:43072')).toBe('198.51.*.*:43072');
    expect(maskIpAddress('2001:db8::5')).toBe('2001:db8:*');
  });
});
