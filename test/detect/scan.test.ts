import { describe, expect, it } from 'vitest';
import { defineDetector } from '../../detectors/lib/define.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll } from '../support/scan.js';

// Small fake detectors that isolate the scanner's own rules from any real detector.
const eightDigits = defineDetector({
  type: 'BANK_ACCOUNT',
  name: 'eight_digits',
  candidate: 'digits',
  minLen: 8,
  maxLen: 8,
  shape: /[0-9]{8}/y,
  baseScore: 0.9,
  examples: { match: ['12345678'], noMatch: ['1234567'] },
});
const needsWord = defineDetector({
  type: 'CN_PASSPORT',
  name: 'needs_word',
  candidate: 'alnum',
  minLen: 9,
  maxLen: 9,
  shape: /E[0-9]{8}/y,
  context: { words: ['passport', 'lic', '护照'], required: true, negative: ['order'] },
  validate: (_t, _s, _e, ctx) => (ctx.negative ? 0 : ctx.context || ctx.field ? 0.8 : 0),
  examples: { match: ['passport E12345678'], noMatch: ['E12345678'] },
});
const grouped = defineDetector({
  type: 'PAYMENT_CARD',
  name: 'grouped',
  candidate: 'digits',
  minLen: 19,
  maxLen: 19,
  shape: /[0-9]{4}(?: [0-9]{4}){3}/y,
  baseScore: 0.95,
  examples: { match: ['1234 5678 9012 3456'], noMatch: ['1234'] },
});

const spans = (list: Parameters<typeof compileScanner>[0], text: string, place?: Parameters<ReturnType<typeof compileScanner>['scan']>[1]) =>
  compileScanner(list)
    .scan(text, place)
    .map((f) => text.slice(f.start, f.end));

describe('token boundaries', () => {
  it.each([
    ['x 12345678 y', ['12345678']],
    ['12345678', ['12345678']],
    ['id=12345678,', ['12345678']],
    ['手机12345678号', ['12345678']],
    ['ID12345678', []], // glued to letters on the left
    ['12345678X', []], // glued on the right
    ['123456789', []], // inside a longer digit run
    ['1.12345678', []], // continues a dotted number
    ['a1234567812345678', []],
  ])('%j → %j', (text, expected) => {
    expect(spans([eightDigits], text)).toEqual(expected);
  });
});

describe('context words', () => {
  it.each([
    ['passport E12345678', ['E12345678']],
    ['PASSPORT: E12345678', ['E12345678']],
    ['passportNo=E12345678', ['E12345678']],
    ['my_passport_no E12345678', ['E12345678']],
    ['护照号码E12345678', ['E12345678']],
    ['E12345678', []],
    ['passports E12345678', []], // not the whole word
    ['public E12345678', []], // `lic` inside `public` is not the word `lic`
    ['passport ' + 'x'.repeat(40) + ' E12345678', []], // too far before the value
    ['E12345678 passport', []], // after the value does not count
    ['passport order E12345678', []], // a negative word rejects
    ['passport: E12345678, E87654321', ['E12345678', 'E87654321']], // a list after the word
    ['passport E12345678 verified, ticket E87654321', ['E12345678']], // claimed by the first value
  ])('%j → %j', (text, expected) => {
    expect(spans([needsWord], text)).toEqual(expected);
  });

  it('tries a shorter word where the longest one is not whole', () => {
    const mac = defineDetector({ ...needsWord, name: 'mac_words', context: { words: ['mac', 'macaddr'], required: true } });
    expect(spans([mac], 'macAddress E12345678')).toEqual(['E12345678']);
  });

  it('counts the key a value sits under', () => {
    expect(spans([needsWord], 'E12345678', { key: 'passportNo' })).toEqual(['E12345678']);
    expect(spans([needsWord], 'E12345678', { key: 'publicKey' })).toEqual([]);
  });

  it('lets a field rule stand in for context', () => {
    expect(spans([needsWord], 'E12345678', { fieldType: 'CN_PASSPORT' })).toEqual(['E12345678']);
  });
});

describe('overlaps and sub-runs', () => {
  it('offers every group start of a grouped run, so a card after a number is found', () => {
    // Both `5123 4111 1111 1111` and `4111 1111 1111 1111` match; the earlier wins and the later one's
    // last group is covered too (fail closed).
    expect(spans([grouped], 'bytes=5123 4111 1111 1111 1111')).toEqual(['5123 4111 1111 1111 1111']);
  });
  it('cuts a grouped span back to an earlier separator when validation rejects it', () => {
    const lastGroupNot200 = defineDetector({
      ...grouped,
      name: 'grouped_not_200',
      minLen: 4,
      shape: /[0-9]{4}(?: [0-9]{3,4}){0,4}/y,
      baseScore: undefined,
      validate: (t, s, e) => (t.slice(e - 3, e) === '200' ? 0 : 0.9),
    });
    expect(spans([lastGroupNot200], 'n 1234 5678 200 end')).toEqual(['1234 5678']);
  });

  it('covers a partly overlapping loser too, so no part of it stays in clear', () => {
    // Two grouped candidates: the first 19 chars win, the later one sticks out by a group and is merged in.
    expect(spans([grouped], 'x 1111 2222 3333 4444 5555 y')).toEqual(['1111 2222 3333 4444 5555']);
  });

  it('prefers the longer span over shorter ones inside it', () => {
    expect(spans([eightDigits, grouped], 'n 1234 5678 9012 3456 end')).toEqual(['1234 5678 9012 3456']);
  });
  it('returns the same empty array when there is nothing, without allocating per call', () => {
    const s = compileScanner([eightDigits]);
    expect(s.scan('no digits here')).toBe(s.scan('still none'));
  });
});

describe('review fixes', () => {
  it('finds IPv6 and MAC addresses after a Chinese label and an ASCII colon', () => {
    expect(findAll('IPv6地址:2001:db8::1 MAC地址:00-1A-2B-3C-4D-5E')).toEqual([
      ['IP_ADDRESS', '2001:db8::1'],
      ['MAC_ADDRESS', '00-1A-2B-3C-4D-5E'],
    ]);
  });
  it('cuts a grouped phone back past several trailing numbers', () => {
    expect(findAll('sms 138 0013 8000 200 1532 12')).toEqual([['PHONE', '138 0013 8000']]);
  });
  it('stays linear on a chain of overlapping candidates (the union is replaced)', () => {
    const text = '4002 '.repeat(100_000);
    const found = compileScanner([grouped]).scan(text);
    expect(found.length).toBeGreaterThan(0);
  }, 30_000);
});

/** A dotted three-digit shape that asks to be offered digit runs glued to letters. */
const dotted = defineDetector({
  type: 'IP_ADDRESS',
  name: 'dotted_glued',
  candidate: 'digits',
  gluedToLetters: true,
  minLen: 5,
  maxLen: 5,
  shape: /[0-9]\.[0-9]\.[0-9]/y,
  baseScore: 0.9,
  examples: { match: ['1.2.3'], noMatch: ['1.2'] },
});

describe('digit runs glued to letters (gluedToLetters)', () => {
  const dottedNotGlued = defineDetector({ ...dotted, name: 'dotted_plain', gluedToLetters: false });

  it.each([
    ['host1.2.3.example', ['1.2.3']],
    ['ab12cd1.2.3 x', ['1.2.3']], // the digit run right before the dot
    ['x 1.2.3', ['1.2.3']], // an ordinary start is offered once
    ['1a1.2.3', []], // a token starting with a digit is not looked into
    ['host1.2', []],
    ['host1.x', []],
  ])('%j → %j', (text, expected) => {
    expect(spans([dotted], text)).toEqual(expected);
  });

  it('is offered only to the detectors that ask for it', () => {
    expect(spans([dottedNotGlued], 'host1.2.3.example')).toEqual([]);
    expect(spans([eightDigits], 'TPL12345678.1')).toEqual([]);
    expect(spans([dottedNotGlued, dotted], 'host1.2.3.example x 4.5.6')).toEqual(['1.2.3', '4.5.6']);
  });
});

describe('digit runs after a URL escape (gluedToLetters)', () => {
  it.each([
    ['a%2C1.2.3', ['1.2.3']], // escape ending in a letter
    ['a%201.2.3', ['1.2.3']], // escape ending in a digit: the run starts after it
    ['a%2', []],
    ['a%20', []],
    ['a%2C1.2', []],
  ])('%j → %j', (text, expected) => {
    expect(spans([dotted], text)).toEqual(expected);
  });
});
