import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineDetector } from '../../detectors/lib/define.js';
import { insideOperatorToken } from '../../detectors/lib/operator-output.js';
import { CONTEXT_WINDOW, ContextWords } from '../../src/detect/context.js';
import { compileScanner } from '../../src/detect/scan.js';

// The scan loop finds context words as it reads a string (at token starts, humps, after digits, CJK
// chars, and in the stretches it jumps over); `ContextWords.hits` finds them with a loop of its own.
// These tests pin both to the same answers at the edges the scan loop handles apart.

const WORDS = ['card', 'card no', 'credit card', 'id', 'id card', 'no', 'cc', 'mac', 'macaddr', 'a/c', 'ss#', '手机', '手机号', '手机号码', '号码'];
const NEGATIVE = ['order', 'order no', 'ver', '订单'];

/** Every 8-digit run is a finding; its score says what the scanner answered: +0.4 context, +0.2 negative. */
const probe = defineDetector({
  type: 'BANK_ACCOUNT',
  name: 'context_probe',
  candidate: 'digits',
  minLen: 8,
  maxLen: 8,
  shape: /[0-9]{8}/y,
  context: { words: WORDS, negative: NEGATIVE },
  validate: (_t, _s, _e, ctx) => 0.1 + (ctx.context ? 0.4 : 0) + (ctx.negative ? 0.2 : 0),
  examples: { match: ['12345678'], noMatch: ['1234567'] },
});
const scanner = compileScanner([probe]);

/** For each finding: [value, context, negative]. */
const answers = (text: string): Array<[string, boolean, boolean]> =>
  scanner.scan(text).map((f) => {
    const extra = Math.round((f.score - 0.1) * 10);
    return [text.slice(f.start, f.end), extra >= 4, extra % 4 === 2];
  });

const contextWords = new ContextWords([...WORDS, ...NEGATIVE]);
/** The words `hits` finds in text, as written there. */
const hitWords = (text: string) => contextWords.hits(text).map((h) => text.slice(h.end - contextWords.words[h.word].length, h.end));

describe('ContextWords.hits', () => {
  it.each([
    ['card no 1', ['card no', 'no']], // the longest word at a start, not the shorter one too
    ['credit card no', ['credit card', 'card no', 'no']], // overlapping words: each start has its longest
    ['ID card', ['ID card', 'card']],
    ['CARD', ['CARD']],
    ['CaRd No', ['CaRd No', 'No']],
    ['cardNo', ['card', 'No']], // camelCase hump: two words
    ['myCard', ['Card']],
    ['xCard', []], // no hump after a token's one first letter (`iPhone`, `eBay`: names of things)
    ['a xCard', []],
    ['2xCard', ['Card']], // the token is `2xCard`: its hump follows two chars
    ['cardno', []], // not whole: `cardno` is no word here
    ['IDcard', []], // an upper-case run does not split before its last capital
    ['macAddress', ['mac']], // `macaddr` is not whole there; `mac` is, at the hump
    ['macAddr', ['macAddr']],
    ['2card', ['card']], // after a digit
    ['card2', ['card']], // before a digit
    ['_card_', ['card']],
    ['scard', []],
    ['cards', []],
    ['a/c', ['a/c']],
    ['ss#1', ['ss#']],
    ['手机号码13800138000', ['手机号码', '号码']], // CJK: no boundary, the longest at each start
    ['新手机13800138000', ['手机']],
    ['号码手机', ['号码', '手机']],
    ['order no.', ['order no', 'no']],
    ['reorder', []],
  ])('%j → %j', (text, expected) => {
    expect(hitWords(text)).toEqual(expected);
  });

  it('refuses a word that starts with neither a letter nor a non-ASCII char (the scan loop looks nowhere else)', () => {
    expect(() => new ContextWords(['#tag'])).toThrow(/must start with a letter/);
    expect(() => new ContextWords(['2fa'])).toThrow(/must start with a letter/);
  });
});

describe('the words the scan loop finds as it reads', () => {
  it.each([
    // [text, [value, context, negative]]
    ['card 12345678', [['12345678', true, false]]],
    ['CARD:12345678', [['12345678', true, false]]],
    ['CardNo=12345678', [['12345678', true, false]]], // hump inside a token
    ['userCard=12345678', [['12345678', true, false]]],
    ['xCard=12345678', [['12345678', false, false]]], // after a token's one first letter: no hump
    ['é xCard=12345678', [['12345678', false, false]]],
    ['x2card 12345678', [['12345678', true, false]]], // after a digit inside a token
    ['cards 12345678', [['12345678', false, false]]],
    ['手机号12345678', [['12345678', true, false]]], // a CJK word right before the digits
    ['手机号码12345678 订单', [['12345678', true, false]]], // a word after the value does not count
    ['订单12345678', [['12345678', false, true]]],
    ['order 12345678', [['12345678', false, true]]],
    ['order no 12345678', [['12345678', true, true]]], // `no` is a word of its own inside `order no`
    ['Order No card 12345678', [['12345678', true, true]]],
    ['card' + ' '.repeat(CONTEXT_WINDOW) + '12345678', [['12345678', true, false]]], // window edge: in
    ['card' + ' '.repeat(CONTEXT_WINDOW + 1) + '12345678', [['12345678', false, false]]], // just out
    ['12345678 card', [['12345678', false, false]]],
    // A word inside a token the loop jumps over whole (a UUID, a Message-ID) still counts.
    ['0f3c4a2e-cc12-4d3e-9a1b-1234567890ab 12345678', [['12345678', true, false]]],
    ['msgid=<a.card@example.com> 12345678', [['12345678', true, false]]],
    ['msgid=<a.cards@example.com> 12345678', [['12345678', false, false]]],
    // Two values: the word names the first; the second has the first between (claimed).
    ['card 12345678 x 87654321', [['12345678', true, false], ['87654321', true, false]]],
    ['card 12345678 other words 87654321', [['12345678', true, false], ['87654321', false, false]]],
  ])('%j', (text, expected) => {
    expect(answers(text)).toEqual(expected);
  });

  it('a word made of a time\'s letter (T, Z) still counts inside a timestamp the loop jumps over', () => {
    // ContextWords.inTimes: with such a word the loop looks inside dates and times; with none it need not.
    const zulu = defineDetector({ ...probe, name: 'zulu_probe', context: { words: ['z', 'tel'] } });
    expect(new ContextWords(['z', 'tel']).inTimes).toBe(true);
    expect(new ContextWords(['t1', 'tel']).inTimes).toBe(true);
    expect(new ContextWords(['tel', 'zip', 'ts']).inTimes).toBe(false);
    expect(new ContextWords(['tel', 'zip', 'ts']).hits('2026-12-04T10:11:12Z 10:11:12.5')).toEqual([]);
    const hit = compileScanner([zulu]).scan('at 2026-12-04T10:11:12Z 12345678');
    expect(hit.map((f) => f.score)).toEqual([0.5]);
    expect(new ContextWords(['z']).hits('at 2026-12-04T10:11:12Z x')).toEqual([{ end: 23, word: 0 }]);
  });

  it('counts a word at the very start and one ending the string (a key)', () => {
    expect(answers('id 12345678')).toEqual([['12345678', true, false]]);
    const keyed = scanner.scan('12345678', { key: 'userCard' });
    expect(keyed.map((f) => f.score)).toEqual([0.5]);
  });
});

describe('the scan loop and ContextWords.hits agree', () => {
  // A string of words (any case), letters, CJK and separators without digits, then one 8-digit value:
  // with no other value in between, a word counts exactly when `hits` finds one of the probe's within
  // the window before the value (and not inside an operator's token).
  const piece = fc.oneof(
    fc.constantFrom(...WORDS, ...NEGATIVE).chain((w) =>
      fc.constantFrom(w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1), w.replace(/[a-z]$/, (c) => c.toUpperCase())),
    ),
    fc.constantFrom('x', 'ab', 'public', 'Re', 'S', 'IDs', '中', '的', '号', '订', ' ', ' ', '_', '-', ':', '=', '"', '(', ')', '[', ']', '/', '.', '#'),
  );
  const text = fc.tuple(fc.array(piece, { maxLength: 16 }), fc.constantFrom(' ', ':', '=', '中', '号', '(', '[')).map(([ps, sep]) => ps.join('') + sep);

  it('on generated strings', () => {
    fc.assert(
      fc.property(text, (prefix) => {
        const line = prefix + '12345678';
        const start = prefix.length;
        const hits = contextWords.hits(line);
        const near = (list: string[]) => {
          const ids = new Set(list.map((w) => contextWords.id(w)));
          for (const h of hits) {
            if (h.end > start) break;
            if (h.end >= start - CONTEXT_WINDOW && ids.has(h.word) && !insideOperatorToken(line, h.end - 1)) return true;
          }
          return false;
        };
        expect(answers(line)).toEqual([['12345678', near(WORDS), near(NEGATIVE)]]);
      }),
      { numRuns: 3000 },
    );
  });
});
