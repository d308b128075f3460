import { describe, expect, it } from 'vitest';
import email from '../../detectors/email.js';
import ipv4 from '../../detectors/ipv4-address.js';
import ipv6 from '../../detectors/ipv6-address.js';
import mac from '../../detectors/mac-address.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

// MAC values come from the IANA documentation block 00-00-5E-00-53-00..FF (RFC 7042 §2.1.1).
const NETWORK = [email, ipv4, ipv6, mac] as const;

const find = (text: string, key?: string) => findWith(mac, text, key ? { key } : undefined).map(([, v]) => v);

describe('MAC positives', () => {
  it.each([
    ['00:00:5e:00:53:af', '00:00:5e:00:53:af'],
    ['upper case 00:00:5E:00:53:AF', '00:00:5E:00:53:AF'],
    ['dashes 00-00-5E-00-53-01', '00-00-5E-00-53-01'],
    ['Cisco 0000.5e00.5302', '0000.5e00.5302'],
    ['key:value mac:00:00:5e:00:53:03', '00:00:5e:00:53:03'],
    ['key=value hwaddr=00:00:5e:00:53:04', '00:00:5e:00:53:04'],
    ['label-dash wlan-00-00-5e-00-53-05', '00-00-5e-00-53-05'],
    ['JSON {"bssid":"00:00:5e:00:53:06"}', '00:00:5e:00:53:06'],
    ['end of sentence: station 00:00:5e:00:53:07.', '00:00:5e:00:53:07'],
    ['in parentheses (00:00:5e:00:53:08)', '00:00:5e:00:53:08'],
    ['broadcast with context: mac ff:ff:ff:ff:ff:ff', 'ff:ff:ff:ff:ff:ff'],
    ['all-zero with context: HWaddr 00:00:00:00:00:00', '00:00:00:00:00:00'],
    ['all-decimal with context: ether 00:00:00:00:53:11', '00:00:00:00:53:11'],
    ['Chinese context: MAC地址：00-00-00-00-53-12', '00-00-00-00-53-12'],
    ['Chinese context: 物理地址 00-00-00-00-00-00', '00-00-00-00-00-00'],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual([expected]);
  });

  it('a field key is context', () => {
    expect(find('ff:ff:ff:ff:ff:ff', 'macAddress')).toEqual(['ff:ff:ff:ff:ff:ff']);
    expect(find('12:30:45:00:00:00', 'bssid')).toEqual(['12:30:45:00:00:00']);
  });
});

describe('all-decimal MACs', () => {
  // One random MAC in ~300 has no hex letter; six two-digit groups are no time or date format.
  it.each([['96:19:47:94:77:11'], ['06-24-12-18-51-45'], ['12:30:45:00:00:00'], ['7603.8008.8261']])('%s is found without context, scoring low', (value) => {
    expect(find(value)).toEqual([value]);
    expect(compileScanner([mac]).scan(value)[0].score).toBe(0.6);
  });
});

describe('compact MACs (twelve hex digits)', () => {
  it.each([
    ['mac 00005e0053af', '00005e0053af'],
    ['hwaddr=00005E0053B0', '00005E0053B0'],
    ['MAC地址：00005E0053B1', '00005E0053B1'],
    ['dhcp ack chaddr ok, mac address 00005e0053b2 lease 3600', '00005e0053b2'],
  ])('%s is found with a context word', (text, expected) => {
    expect(find(text)).toEqual([expected]);
    expect(compileScanner([mac]).scan(text)[0].score).toBe(0.8);
  });

  it('is found under a MAC field key', () => {
    expect(find('00005e0053b3', 'mac')).toEqual(['00005e0053b3']);
  });

  it.each([
    ['without context (a short container id)', 'container 4f2a9c1b7d3e started'],
    ['without context, digits first', 'image 00005e0053af pulled'],
    ['eleven hex digits', 'mac 00005e0053a'],
    ['thirteen hex digits', 'mac 00005e0053af0'],
    ['the prefix of a hash', 'mac d41d8cd98f00b204e9800998ecf8427e'],
    ['glued to a letter', 'mac 00005e0053afg'],
  ])('not %s', (_why, text) => {
    expect(find(text)).toEqual([]);
  });

  it('normalizes to colon groups', () => {
    expect(mac.normalize?.('00005E0053AF')).toBe('00:00:5e:00:53:af');
  });
});

describe('MAC near misses', () => {
  it.each([
    ['broadcast without context', 'dst ff:ff:ff:ff:ff:ff'],
    ['all-zero without context', 'src 00:00:00:00:00:00'],
    ['upper-case broadcast', 'FF-FF-FF-FF-FF-FF'],
    ['Cisco all-zero', '0000.0000.0000'],
    ['mixed separators', '00:00-5e:00:53:af'],
    ['mixed separators, Cisco-ish', '0000.5e00:53af'],
    ['five groups', '00:00:5e:00:53'],
    ['seven groups', '00:00:5e:00:53:af:01'],
    ['EUI-64', '00:00:5e:ef:10:00:00:01'],
    ['inside a longer dash run', '01-00-00-5e-00-53-af'],
    ['IPv6 with two-digit groups', 'fe80::aa:bb:cc:dd:ee:ff'],
    ['IPv6 compressed after it', '00:00:5e:00:53:af::1'],
    ['three-digit group', '00:00:5e:00:53:aff'],
    ['glued to a letter', 'x00:00:5e:00:53:af'],
    ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['hash', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['time', '12:30:45'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('MAC normalize', () => {
  it.each([
    ['00:00:5E:00:53:AF', '00:00:5e:00:53:af'],
    ['00-00-5e-00-53-af', '00:00:5e:00:53:af'],
    ['0000.5E00.53AF', '00:00:5e:00:53:af'],
  ])('%s -> %s', (value, expected) => {
    expect(mac.normalize?.(value)).toBe(expected);
  });
});

describe('MAC in log lines, EN and ZH, beside other findings', () => {
  it.each<[string, Array<[string, string]>]>([
    [
      'Feb 24 12:27:00 gw dhcpd[911]: DHCPACK on 192.0.2.55 to 00:00:5e:00:53:01 (laptop-42) via eth0',
      [
        ['IP_ADDRESS', '192.0.2.55'],
        ['MAC_ADDRESS', '00:00:5e:00:53:01'],
      ],
    ],
    [
      'hostapd: wlan0: STA 00:00:5e:00:53:2c IEEE 802.11: associated (aid 3) bssid=00:00:5e:00:53:ff',
      [
        ['MAC_ADDRESS', '00:00:5e:00:53:2c'],
        ['MAC_ADDRESS', '00:00:5e:00:53:ff'],
      ],
    ],
    [
      'arp: who-has 192.0.2.1 tell 192.0.2.66 dst ff:ff:ff:ff:ff:ff src 00:00:5e:00:53:42',
      [
        ['IP_ADDRESS', '192.0.2.1'],
        ['IP_ADDRESS', '192.0.2.66'],
        ['MAC_ADDRESS', '00:00:5e:00:53:42'],
      ],
    ],
    [
      '%SW_MATM-4-MACFLAP_NOTIF: Host 0000.5e00.5310 in vlan 10 is flapping between port Gi1/0/1 and port Gi1/0/2 at 12:30:45',
      [['MAC_ADDRESS', '0000.5e00.5310']],
    ],
    [
      'kernel: eth0: link up, HWaddr 00:00:5E:00:53:9C, inet6 addr: fe80::200:5eff:fe00:539c%eth0 Scope:Link',
      [
        ['MAC_ADDRESS', '00:00:5E:00:53:9C'],
        ['IP_ADDRESS', 'fe80::200:5eff:fe00:539c%eth0'],
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
      '设备上线：物理地址 00:00:5e:00:53:77，用户 zhang.san@example.com，网关 2001:db8::1，耗时 00:00:03',
      [
        ['MAC_ADDRESS', '00:00:5e:00:53:77'],
        ['EMAIL', 'zhang.san@example.com'],
        ['IP_ADDRESS', '2001:db8::1'],
      ],
    ],
  ])('%s', (line, expected) => {
    expect(findAll(line, NETWORK)).toEqual(expected);
  });
});

describe('MAC on adversarial 1 MB inputs (linear time; the timeout is the bound)', () => {
  const MB = 1 << 20;
  it.each<[string, string, number]>([
    ['aa:aa:aa:', 'aa:'.repeat(MB / 3), 0],
    ['aa-aa-aa-', 'aa-'.repeat(MB / 3), 0],
    ['aabb.aabb.', 'aabb.'.repeat(MB / 5), 0],
    ['::::', ':'.repeat(MB), 0],
    ['hex run', 'a'.repeat(MB), 0],
    ['mac mac mac', 'mac '.repeat(MB / 4), 0],
    // Many findings in one string: 8192, not 1 MB worth (overlap resolution is O(findings²) today).
    ['addresses back to back', '00:00:5e:00:53:af '.repeat(8192), 8192],
  ])('%s', (_name, input, count) => {
    expect(findWith(mac, input)).toHaveLength(count);
  }, 60_000);
});

describe('five hex groups are neither a MAC nor an IPv6 address', () => {
  it.each([
    'a4:5e:60:12:9f',
    'mac a4:5e:60:12:9f',
    'hwaddr=A4-5E-60-12-9F',
    'BSSID 00:00:5e:00:53 (truncated)',
    '设备 MAC地址：a4:5e:60:12:9f 不完整',
    'aabb.ccdd',
  ])('%s', (line) => {
    expect(findAll(line, NETWORK)).toEqual([]);
  });

  it('the six-group address beside it is found', () => {
    expect(findAll('prefix a4:5e:60:12:9f of 00:00:5e:00:53:9f', NETWORK)).toEqual([['MAC_ADDRESS', '00:00:5e:00:53:9f']]);
  });
});
