import { describe, expect, it } from 'vitest';
import type { PiiType } from '../../detectors/index.js';
import { generalize } from '../../src/operators/generalize.js';
import type { OperatorContext } from '../../src/operators/operator.js';

const ctx = (type: PiiType): OperatorContext => ({
  type,
  normalized: '',
  hmac: () => {
    throw new Error('generalize is not keyed');
  },
  subKey: () => {
    throw new Error('generalize is not keyed');
  },
});
const g = (type: PiiType, value: string) => generalize(value, ctx(type));

describe('generalize: date of birth → year', () => {
  it.each([
    ['1990-05-17', '1990'],
    ['1990/05/17', '1990'],
    ['17/05/1990', '1990'],
    ['05-17-2001', '2001'],
    ['1990-05-17T00:00:00Z', '1990'],
    ['1990年5月17日', '1990'],
    ['生于2003年', '2003'],
    ['19900517', '1990'], // compact YYYYMMDD, as in CN records
    [' 20011231 ', '2001'],
  ])('%s → %s', (value, expected) => expect(g('DATE_OF_BIRTH', value)).toBe(expected));

  it.each([
    ['17/05/90'], // two-digit year: no year to keep
    ['unknown'],
    ['19901317'], // month 13: not a compact date
    ['119900517'], // nine digits
    ['1890-01-01'], // only 19xx and 20xx are read as years
  ])('%s → the tag, never the value', (value) => expect(g('DATE_OF_BIRTH', value)).toBe('<DATE_OF_BIRTH>'));
});

describe('generalize: coordinates → two decimals (about 1 km)', () => {
  it.each([
    ['39.904211,116.407395', '39.90,116.41'],
    ['-33.8688, 151.2093', '-33.87, 151.21'],
    ['39.9042° N, 116.4074° E', '39.90° N, 116.41° E'],
    ['POINT(116.407395 39.904211)', 'POINT(116.41 39.90)'],
    ['39.9', '39.90'],
    ['-0.1276', '-0.13'],
  ])('%s → %s', (value, expected) => expect(g('GEO', value)).toBe(expected));

  it.each([['北京市朝阳区'], ['116,39'], ['']])('%j has no decimal coordinate → the tag', (value) => {
    expect(g('GEO', value)).toBe('<GEO>');
  });
});

describe('generalize: IP addresses → network', () => {
  it.each([
    ['192.0.2.17', '192.0.2.0/24'],
    ['198.51.100.255', '198.51.100.0/24'],
    ['192.0.2.17:8080', '192.0.2.0/24'], // a port is not kept
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::/48'],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:db8:85a3::/48'],
    ['2001:DB8:85A3:0:0:8A2E:370:7334', '2001:db8:85a3::/48'],
    ['2001:db8::1', '2001:db8::/48'],
    ['2001:db8:0:1::1', '2001:db8::/48'], // the fourth group is past /48
    ['2001::1', '2001::/48'], // `::` expanded: the 1 is interface bits, not the third group
    ['2001:db8:5::', '2001:db8:5::/48'],
    ['fe80::1%eth0', 'fe80::/48'],
    ['[2001:db8:7::1]:443', '2001:db8:7::/48'],
    ['::1', '::/48'],
    ['::ffff:192.0.2.1', '192.0.2.0/24'], // IPv4-mapped: its IPv4 network
    ['64:ff9b:1::192.0.2.1', '64:ff9b:1::/48'],
  ])('%s → %s', (value, expected) => expect(g('IP_ADDRESS', value)).toBe(expected));

  it.each([['192.0.2.256'], ['192.0.2'], ['2001:db8::1::2'], ['2001:db8:1:2:3:4:5:6:7'], ['12345::'], ['host.example.com'], ['']])(
    '%j is no address → the tag, never the value',
    (value) => expect(g('IP_ADDRESS', value)).toBe('<IP_ADDRESS>'),
  );
});

describe('generalize: postal codes and the rest', () => {
  it.each([
    ['100020', '100***'],
    ['SW1A 1AA', 'SW1*****'],
    ['94103-1234', '941*******'],
    ['123', '<POSTAL_CODE>'], // nothing left to hide behind
  ])('postal code %s → %s', (value, expected) => expect(g('POSTAL_CODE', value)).toBe(expected));

  it.each<[PiiType, string]>([
    ['PERSON_NAME', '张三'],
    ['ADDRESS', '北京市朝阳区建国路88号'],
    ['EMAIL', 'a@example.com'],
    ['PHONE', '13800138000'],
  ])('%s has no coarse form → the tag', (type, value) => expect(g(type, value)).toBe(`<${type}>`));
});
