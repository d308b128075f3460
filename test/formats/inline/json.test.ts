import { describe, expect, it } from 'vitest';
import { isJsonNumber, JsonKind, JsonReader, mayHoldData, type JsonLimits } from '../../../src/formats/inline/json.js';

const NDJSON: JsonLimits = { maxDepth: Infinity, stepsPerChar: 16, keys: true };
const IN_TEXT: JsonLimits = { maxDepth: 64, stepsPerChar: Infinity, keys: false };

/** What the reader recorded: [kind, the token's text, path, key start]. */
function values(r: JsonReader, text: string): [JsonKind, string, readonly (string | number)[], number][] {
  return Array.from({ length: r.count }, (_, i) => [r.kinds[i], text.slice(r.starts[i], r.ends[i]), r.paths[i], r.keyStarts[i]]);
}

describe('JsonReader', () => {
  it('records every string and number with its token offsets, path and member key', () => {
    const r = new JsonReader(NDJSON);
    const text = '{"a":"x","b":[1,"y"],"c":{"d":-2.5e3},"e":true,"f":null}';
    expect(r.readWhole(text)).toBe(true);
    expect(values(r, text)).toEqual([
      [JsonKind.String, '"x"', ['a'], 1],
      [JsonKind.Number, '1', ['b', 0], -1],
      [JsonKind.String, '"y"', ['b', 1], -1],
      [JsonKind.Number, '-2.5e3', ['c', 'd'], 26],
    ]);
  });

  it('a bare value is at the empty path; whitespace around it is allowed, a second value is not', () => {
    const r = new JsonReader(NDJSON);
    expect(r.readWhole(' \t"13800138000"\r ')).toBe(true);
    expect([r.starts[0], r.ends[0], r.paths[0]]).toEqual([2, 15, []]);
    expect(r.readWhole('1 2')).toBe(false);
    expect(r.count).toBe(0);
  });

  it('says which strings have escapes; keys are unescaped in paths', () => {
    const r = new JsonReader(NDJSON);
    const text = '{"k\\u0061":"a\\"b","kb":"plain"}';
    expect(r.readWhole(text)).toBe(true);
    expect(values(r, text).map((v) => v[2])).toEqual([['ka'], ['kb']]);
    expect([r.escaped[0], r.escaped[1]]).toEqual([true, false]);
  });

  it('records keys with a digit or @ when asked, at the empty path', () => {
    const text = '{"a@example.com":1,"name":"x"}';
    const r = new JsonReader(NDJSON);
    expect(r.readWhole(text)).toBe(true);
    expect(values(r, text)).toEqual([
      [JsonKind.Key, '"a@example.com"', [], -1],
      [JsonKind.Number, '1', ['a@example.com'], 1],
      [JsonKind.String, '"x"', ['name'], 19],
    ]);
    const inText = new JsonReader(IN_TEXT);
    expect(inText.readObject(text, 0)).toBe(text.length);
    expect(values(inText, text).map((v) => v[0])).toEqual([JsonKind.Number, JsonKind.String]);
  });

  it('reads an object inside a line and says where it ends', () => {
    const r = new JsonReader(IN_TEXT);
    const line = 'x={"k":1} tail';
    expect(r.readObject(line, 2)).toBe(9);
    expect(values(r, line)).toEqual([[JsonKind.Number, '1', ['k'], 3]]);
    expect(r.readObject(line, 0)).toBe(-1);
  });

  it.each([
    ['{"a":1,}', 'a trailing comma'],
    ['{"a":1 /* c */}', 'a comment'],
    ["{'a':1}", 'single quotes'],
    ['{"a":"x\ty"}', 'a control char in a string'],
    ['{"a":"\\q"}', 'an unknown escape'],
    ['{"a":"\\u00g0"}', 'a short \\u escape'],
    ['{"a":01}', 'a leading zero'],
    ['{"a":1.}', 'a bare decimal point'],
    ['{"a":tru}', 'a broken literal'],
    ['{"a":truex}', 'a literal run on'],
    ['{"a" 1}', 'no colon'],
    ['{"a":1', 'no closing brace'],
  ])('%s is not JSON (%s)', (text) => {
    expect(new JsonReader(NDJSON).readWhole(text)).toBe(false);
    expect(new JsonReader(IN_TEXT).readObject(text, 0)).toBe(-1);
  });

  it('reach: the furthest char a failed attempt looked at', () => {
    const r = new JsonReader(IN_TEXT);
    expect(r.readObject('{"a":tru}', 0)).toBe(-1);
    expect(r.reach).toBe(5); // the literal's start
    expect(r.readObject('{"a":"xy', 0)).toBe(-1);
    expect(r.reach).toBe(8); // the end of the unclosed string
    expect(r.readObject('{"a" 1}', 0)).toBe(-1);
    expect(r.reach).toBe(5); // where the colon should be
    expect(r.readObject('{"a":1;}', 0)).toBe(-1);
    expect(r.reach).toBe(7); // past the char that is no comma
  });

  it('maxDepth counts open containers, the outermost as 1, empty ones too', () => {
    const r = new JsonReader({ maxDepth: 2, stepsPerChar: Infinity, keys: false });
    expect(r.readObject('{"a":{"b":1}}', 0)).toBe(13);
    expect(r.readObject('{"a":{"b":{}}}', 0)).toBe(-1);
    expect(r.readObject('{"a":{"b":[]}}', 0)).toBe(-1);
  });

  it('any depth without recursion when only the path steps are bounded', () => {
    const r = new JsonReader(NDJSON);
    const deep = '['.repeat(200_000) + '"v"' + ']'.repeat(200_000);
    expect(r.readWhole(deep)).toBe(true);
    expect(r.paths[0].length).toBe(200_000);
  });

  it('fails a text whose values have more path steps than stepsPerChar allows, and says so', () => {
    // 1024 steps for free, then stepsPerChar per char: one value 1,100 deep is over, 1,000 is not.
    const r = new JsonReader({ maxDepth: Infinity, stepsPerChar: 0, keys: false });
    expect(r.readWhole('['.repeat(1_100) + '1' + ']'.repeat(1_100))).toBe(false);
    expect(r.tooDeep).toBe(true);
    expect(r.readWhole('['.repeat(1_000) + '1' + ']'.repeat(1_000))).toBe(true);
    expect(r.tooDeep).toBe(false);
  });
});

describe('isJsonNumber', () => {
  it.each([
    ['0', true], ['-0', true], ['1.50', true], ['1e3', true], ['1E+3', true], ['-2.5e-7', true],
    ['01', false], ['.5', false], ['+1', false], ['0x10', false], ['1.', false], ['', false], ['-', false], [' 1', false], ['1 ', false],
  ])('%j → %s', (text, expected) => {
    expect(isJsonNumber(text)).toBe(expected);
  });
});

describe('mayHoldData', () => {
  it.each([
    ['alice@example.com', true], ['13800138000', true], ['k1', true], ['name', false], ['姓名', false], ['', false],
  ])('%j → %s', (key, expected) => {
    expect(mayHoldData(key)).toBe(expected);
  });
});
