import { describe, expect, it } from 'vitest';
import email from '../../detectors/email.js';
import ipv4, { maskIpAddress } from '../../detectors/ipv4-address.js';
import ipv6 from '../../detectors/ipv6-address.js';
import mac from '../../detectors/mac-address.js';
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
    ['host name that spells an IP', 'ip-10-0-1-17'],
    ['a network in CIDR notation (what generalize writes)', 'route 192.0.2.0/24 via gw'],
    ['a /16 network', 'allow 10.20.0.0/16;'],
    ['EC2 host name', 'ip-10-0-1-17.ec2.internal'],
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
      [['IP_ADDRESS', '192.0.2.200']],
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
    // 64 KB, not 1 MB: the context lookup scans all earlier word hits per candidate (O(n²) today).
    ['version 1.2.3.4 ', 'version 1.2.3.4 '.repeat(4096), 0],
    // Many findings in one string: 8192, not 1 MB worth (overlap resolution is O(findings²) today).
    ['addresses back to back', '192.0.2.1 '.repeat(8192), 8192],
  ])('%s', (_name, input, count) => {
    expect(findWith(ipv4, input)).toHaveLength(count);
  }, 60_000);
});

describe('mask', () => {
  it('keeps the first two octets, and a port after the address (a field value), never the address whole', () => {
    expect(maskIpAddress('198.51.100.5')).toBe('198.51.*.*');
    expect(maskIpAddress('198.51.100.5:43072')).toBe('198.51.*.*:43072');
    expect(maskIpAddress('2001:db8::5')).toBe('2001:db8:*');
  });
});
