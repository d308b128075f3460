import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { defineDetector } from '../../detectors/lib/define.js';
import { compileDetectors } from '../../src/detect/compile.js';
import { endsAtRun, PLAIN_ASK, PLAIN_NO, PLAIN_YES, plainRunTable } from '../../src/detect/plain-run.js';
import { compileScanner } from '../../src/detect/scan.js';

const runs = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 300);
const digitsDetectors = compileDetectors(detectors).all.filter((c) => c.detector.candidate === 'digits');

/** Where the compiled shape's match at 0 ends, or -1. */
function shapeEnd(shape: RegExp, text: string): number {
  shape.lastIndex = 0;
  return shape.test(text) ? shape.lastIndex : -1;
}

describe('plainRunTable', () => {
  it('reads the lengths off a length-only shape', () => {
    const t = plainRunTable(/(?:\d{3}|\d{5,6})(?![0-9A-Za-z])/y, 8);
    expect([...t]).toEqual([0, 0, 0, 1, 0, 1, 1, 0, 0]);
  });

  it('asks the regex when the shape looks at the digits (a CN mobile prefix, a card IIN)', () => {
    const t = plainRunTable(/(?:1[3-9]\d{9}|62\d{14})(?![0-9A-Za-z])/y, 16);
    expect(t[11]).toBe(PLAIN_ASK);
    expect(t[16]).toBe(PLAIN_ASK);
    expect(t[10]).toBe(PLAIN_NO);
  });

  it('asks the regex when the answer depends on what follows the run', () => {
    const t = plainRunTable(/\d{8}(?!:)(?![0-9A-Za-z])/y, 8);
    expect(t[8]).toBe(PLAIN_ASK);
  });

  // The tables of the real detectors against their regexes on random digits, for every length.
  for (const d of digitsDetectors) {
    it(`${d.detector.name}: the table agrees with the shape on random digit runs`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: d.maxLen + 2 }),
          fc.array(fc.integer({ min: 0, max: 9 }), { minLength: d.maxLen + 2, maxLength: d.maxLen + 2 }),
          fc.constantFrom('', ',', ' ', ' x', '"', '}', '中', ':1'),
          (length, digits, ending) => {
            const run = digits.slice(0, length).join('');
            const plain = length <= d.maxLen ? d.plainRuns[length] : PLAIN_NO;
            if (plain === PLAIN_ASK) return;
            const matched = shapeEnd(d.shape, run + ending) === length;
            expect(matched).toBe(plain === PLAIN_YES);
          },
        ),
        { numRuns: runs * 10 },
      );
    });
  }
});

describe('endsAtRun', () => {
  it('ends at a quote, comma, end of text, CJK, or a separator before a word', () => {
    for (const tail of ['', ',', '"', '中', ' tweet', '-abc', ')a', '/s', ':80', '.Next']) expect(endsAtRun(`12345678${tail}`, 8)).toBe(true);
  });

  it('goes on into separators before digits and into the check char X', () => {
    for (const tail of [' 123', '-12', '.5', '/1', 'X', 'x', ' (0)', '  ', ' +1', '- 1']) {
      expect(endsAtRun(`12345678${tail}`, 8)).toBe(false);
    }
  });

  // Where endsAtRun says the run ends the token, no shape may match anywhere else than at its end.
  it('holds for every digits shape on random tokens of digits, separators, X and letters', () => {
    const piece = fc.constantFrom(...'0123456789 -./()+Xxab,:"中'.split(''));
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,22}$/), fc.array(piece, { maxLength: 12 }), (run, tail) => {
        const text = run + tail.join('');
        const q = /^[0-9]*/.exec(text)![0].length; // the tail may go on with digits
        if (!endsAtRun(text, q)) return;
        for (const d of digitsDetectors) {
          const end = shapeEnd(d.shape, text);
          if (end >= 0) expect(end).toBe(q);
        }
      }),
      { numRuns: runs * 20 },
    );
  });
});

describe('the scanner with plain runs', () => {
  const eleven = defineDetector({
    type: 'PHONE',
    name: 'cn_mobile_like',
    candidate: 'digits',
    minLen: 11,
    maxLen: 11,
    shape: /1[3-9]\d{9}/y,
    baseScore: 0.9,
    examples: { match: ['13800138000'], noMatch: ['12800138000'] },
  });
  const scanner = compileScanner([eleven]);

  it('still finds a value whose shape looks at its digits (the table asks the regex)', () => {
    expect(scanner.scan('call 13800138000, or not 12800138000').map((f) => [f.start, f.end])).toEqual([[5, 16]]);
  });

  it('finds nothing in a run glued to letters', () => {
    expect(scanner.scan('id 13800138000abc')).toEqual([]);
  });
});
