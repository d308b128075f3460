import { describe, expect, it } from 'vitest';
import { decodeValue, droppedValue, encodeValue, isEncoded } from '../../../src/formats/inline/encoding.js';
import { findKeyValues } from '../../../src/formats/inline/pairs.js';
import type { KvEncoding } from '../../../src/formats/inline/span.js';

describe('writing values back', () => {
  it('isEncoded: escapes and %-encoding, JSON numbers always', () => {
    const line = 'a=x b="p\\"q" c="pq" ?d=%41&e=f+g&h=i {"j":"k","l":"m\\n","n":5}';
    expect(findKeyValues(line).map((s) => [s.path.join('.'), isEncoded(line, s)])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', true],
      ['e', true],
      ['h', false],
      ['j', false],
      ['l', true],
      ['n', true],
    ]);
  });

  it.each<[KvEncoding, string, string]>([
    ['plain', 'Zhang San', 'Zhang San'],
    ['logfmt', '<PERSON_NAME>', '<PERSON_NAME>'],
    ['logfmt', 'Zhang San', '"Zhang San"'], // a space would end the value: quoted
    ['logfmt', 'a"b', '"a\\"b"'],
    ['quoted', 'say "hi"\n\\', 'say \\"hi\\"\\n\\\\'],
    ['single', "it's", "it\\'s"],
    ['url', '<PERSON_NAME>', '<PERSON_NAME>'], // readable where the query syntax allows
    ['url', 'Zhang San & Co=1+1#x%', 'Zhang%20San%20%26%20Co%3D1%2B1%23x%25'],
    ['url', '张*', '%E5%BC%A0*'],
    ['json', 'say "hi"\t张', 'say \\"hi\\"\\t张'],
    ['number', '13800000000', '13800000000'],
    ['number', '<PHONE>', '"<PHONE>"'], // not a number: a JSON string
    ['number', '138****8000', '"138****8000"'],
  ])('%s: %j is written %j', (enc, value, written) => {
    expect(encodeValue(value, enc)).toBe(written);
  });

  it('a bare logfmt value the log wrote with spaces stays bare when its replacement has the spaces in the same places', () => {
    // A mask or a same-shape value of `card=4111 1111 1111 1111`: the log's own layout.
    expect(encodeValue('**** **** **** 1111', 'logfmt', '4111 1111 1111 1111')).toBe('**** **** **** 1111');
    expect(encodeValue('+86 177 3577 1920', 'logfmt', '+86 138 0013 8000')).toBe('+86 177 3577 1920');
    // Spaces elsewhere, another length, or a quote or `=` in the replacement: quoted, as logfmt wants.
    expect(encodeValue('Li Si', 'logfmt', 'Zhang San')).toBe('"Li Si"');
    expect(encodeValue('+86 1773 577 1920', 'logfmt', '+86 138 0013 8000')).toBe('"+86 1773 577 1920"');
    expect(encodeValue('a "b" c', 'logfmt', 'a xyz c')).toBe('"a \\"b\\" c"');
    expect(encodeValue('a=b c', 'logfmt', 'abc d')).toBe('"a=b c"');
  });

  it('a query that wrote its spaces as + gets them as + back (the line keeps its bytes outside the finding)', () => {
    expect(encodeValue('call me at <PHONE>', 'url', 'call+me+at+13800138000')).toBe('call+me+at+<PHONE>');
    expect(encodeValue('tel: <PHONE>', 'url', 'tel:+14155550123')).toBe('tel:+<PHONE>');
    expect(encodeValue('a b', 'url', 'a%20b')).toBe('a%20b');
    expect(encodeValue('1+1 = 2', 'url', '1%2B1+%3D+2')).toBe('1%2B1+%3D+2'); // a real plus stays %2B
    expect(decodeValue(encodeValue('x y+z', 'url', 'x+y%2Bz'), 'url')).toBe('x y+z');
  });

  it('encode after decode gives the value back', () => {
    for (const [enc, value] of [
      ['url', '张三 & a@example.com'],
      ['quoted', 'a "b" \\ c\n'],
      ['single', "it's \\"],
      ['json', '"\u0001张\\'],
    ] as Array<[KvEncoding, string]>) {
      expect(decodeValue(encodeValue(value, enc), enc)).toBe(value);
    }
  });

  it('a dropped value leaves nothing, or null for a JSON number', () => {
    expect(droppedValue('logfmt')).toBe('');
    expect(droppedValue('json')).toBe('');
    expect(droppedValue('url')).toBe('');
    expect(droppedValue('number')).toBe('null');
  });
});
