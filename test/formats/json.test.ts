import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { LogveilError } from '../../src/errors.js';
import { formatForPath } from '../../src/formats/index.js';
import { jsonFormat } from '../../src/formats/json.js';
import { DROP, type ValueVisitor } from '../../src/record/index.js';
import type { PolicyInput } from '../../src/policy/schema.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { sandbox } from '../cli/run.js';
import { identity, recording, runFormat } from '../support/format-run.js';
import { planted, shape } from '../support/planted-json.js';

const run = (input: Buffer | string, visitor: ValueVisitor, chunk?: number) =>
  runFormat(jsonFormat, input, visitor, { chunk, source: 'users.json' });

const anonymize = (policy?: PolicyInput) => anonymizingVisitor(createAnonymizer({ policy }));

const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

const dropSecret: ValueVisitor = {
  visit: (v, { path }) => (path[path.length - 1] === 'secret' ? DROP : v),
};

async function failure(input: string, visitor: ValueVisitor = identity, chunk?: number): Promise<LogveilError> {
  const err = await run(input, visitor, chunk).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LogveilError);
  return err as LogveilError;
}

describe('json: layout', () => {
  const doc = [{ id: 1, name: 'x', tags: ['a', 'b'], nested: { ok: true, none: null, ratio: 0.5 } }, 'bare', 7, [], {}];
  const samples: Array<[string, string]> = [
    ['compact array', JSON.stringify(doc)],
    ['pretty-printed (2 spaces)', JSON.stringify(doc, null, 2) + '\n'],
    ['pretty-printed (tabs, CRLF)', JSON.stringify(doc, null, '\t').replace(/\n/g, '\r\n')],
    ['one object', '{"a":{"b":[1,2,{"c":"d"}]}}'],
    ['numbers as written', '[1.50, 1e3, -0.0E+2, 0, -12, 1E-7, 123456789012345678901234567890]'],
    ['whitespace between tokens', ' [ 1 , "a" ,{ "k":[ ] } ] \n'],
    ['several top-level values (NDJSON saved as .json)', '{"a":1}\n{"b":[2]}\n"c"\n3\n'],
    ['Chinese keys and values', '{"用户":"登录成功","列表":["一","二"],"表情":"😀"}'],
    ['empty input', ''],
    ['only whitespace', ' \n\t'],
    ['a byte-order mark', '\ufeff{"a":"b"}'],
  ];

  it.each(samples)('%s: with nothing replaced the output is the input, byte for byte', async (_n, input) => {
    for (const chunk of [1, 7, 64 * 1024]) {
      expect((await run(input, identity, chunk)).text).toBe(input);
    }
  });

  it('re-escapes strings minimally (structure and values unchanged)', async () => {
    const input = '{"s":"a\\/b\\u00e9\\u0041","t":"q\\"\\\\\\n\\u0001","u":"\\ud83d\\ude00","lone":"\\ud800"}';
    const { text } = await run(input, identity);
    expect(text).toBe('{"s":"a/béA","t":"q\\"\\\\\\n\\u0001","u":"😀","lone":"\\ud800"}');
    expect(JSON.parse(text)).toEqual(JSON.parse(input));
  });

  it('moves whitespace before a colon after it', async () => {
    expect((await run('{"a" : 1}', identity)).text).toBe('{"a":  1}');
  });

  it('with the real anonymizer and no personal data, the output is the input', async () => {
    const input = JSON.stringify(
      [
        { ts: '2024-05-01T12:00:00.123Z', level: 'info', msg: 'request handled', latency_ms: 12.5, status: 200, ok: true },
        { ts: '2024-05-01T12:00:01.000Z', level: 'warn', msg: '缓存未命中', retry: 3, user: { role: 'member', plan: null } },
      ],
      null,
      2,
    );
    expect((await run(input, anonymize())).text).toBe(input);
  });
});

describe('json: records and paths', () => {
  it('an element of a top-level array is a record; paths start inside it; keys, nulls and booleans are not visited', async () => {
    const { visitor, seen } = recording();
    await run('[{"a":{"b":[1,"x",{"c":"y"}]},"d":2.50,"e":null,"f":true},"bare",[["z"]],{"g":"w"}]', visitor, 3);
    expect(seen).toEqual([
      ['1', 0, ['a', 'b', 0]],
      ['x', 0, ['a', 'b', 1]],
      ['y', 0, ['a', 'b', 2, 'c']],
      ['2.50', 0, ['d']],
      ['bare', 1, []],
      ['z', 2, [0, 0]],
      ['w', 3, ['g']],
    ]);
  });

  it('a top-level object is record 0 and paths start at its root', async () => {
    const { visitor, seen } = recording();
    await run('{"users":[{"email":"e"}],"n":1}', visitor);
    expect(seen).toEqual([
      ['e', 0, ['users', 0, 'email']],
      ['1', 0, ['n']],
    ]);
  });

  it('top-level values one after another are records in turn, arrays by their elements', async () => {
    const { visitor, seen } = recording();
    await run('{"a":"x"}\n["y","z"]\n"w"\n', visitor);
    expect(seen).toEqual([
      ['x', 0, ['a']],
      ['y', 1, []],
      ['z', 2, []],
      ['w', 3, []],
    ]);
  });

  it('unescapes strings before visiting', async () => {
    const { visitor, seen } = recording();
    await run('{"s":"a\\u0040b\\/c\\"d\\\\e\\u5f20"}', visitor, 2);
    expect(seen).toEqual([['a@b/c"d\\e张', 0, ['s']]]);
  });

  it('writes a changed number bare when it is still a JSON number, else as a string', async () => {
    const v: ValueVisitor = { visit: (s) => ({ '7': '42', '8': '<N>', '9': '0x10', '10': '1.5e3', '11': '01' })[s] ?? s };
    const { text } = await run('{"a":7,"b":8,"c":[9,10,11],"d":1.50}', v);
    expect(text).toBe('{"a":42,"b":"<N>","c":["0x10",1.5e3,"01"],"d":1.50}');
  });

  it('writes a changed string with JSON escaping', async () => {
    const v: ValueVisitor = { visit: (s) => (s === 'a' ? 'say "hi"\n\\' : s) };
    const { text } = await run('["a","b"]', v);
    expect(text).toBe('["say \\"hi\\"\\n\\\\","b"]');
  });
});

describe('json: DROP', () => {
  const cases: Array<[string, string]> = [
    ['{"secret":"s","a":1}', '{"a":1}'],
    ['{"a":1,"secret":"s"}', '{"a":1}'],
    ['{"a":1,"secret":"s","b":2}', '{"a":1,"b":2}'],
    ['{"secret":"s"}', '{}'],
    ['{"a": 1, "secret": "s", "b": 2}', '{"a": 1, "b": 2}'],
    ['{"a": 1, "secret": "s"}', '{"a": 1}'],
    // Whitespace on both sides of the dropped member stays (valid, if not tidy).
    ['{ "a" : 1 , "secret" : "s" , "b" : 2 }', '{ "a":  1  , "b":  2 }'],
    ['{"a":1,"secret":"s","secret":"t"}', '{"a":1}'],
    ['{"secret":"s","secret":"t","a":1}', '{"a":1}'],
    ['{"secret":"s","secret":7}', '{}'],
    ['[{"a":{"secret":"s"},"secret":"t","b":{"c":1,"secret":"u"}}]', '[{"a":{},"b":{"c":1}}]'],
    ['{"secret":{"x":"kept: only values are dropped"}}', '{"secret":{"x":"kept: only values are dropped"}}'],
    ['{\n  "secret": "s",\n  "a": 1\n}', '{\n  "a": 1\n}'],
    ['{\n  "a": 1,\n  "secret": "s",\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 2\n}'],
    ['{\n  "a": 1,\n  "secret": "s"\n}', '{\n  "a": 1\n}'],
    ['{\n  "secret": "s"\n}', '{\n  \n}'],
  ];

  it.each(cases)('%j → %j', async (input, expected) => {
    for (const chunk of [1, 4, 1024]) {
      const { text } = await run(input, dropSecret, chunk);
      expect(text).toBe(expected);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('an array element or a top-level value becomes null', async () => {
    const all: ValueVisitor = { visit: () => DROP };
    expect((await run('["a",1,[true,"b"],{"k":["d"]}]', all)).text).toBe('[null,null,[true,null],{"k":[null]}]');
    expect((await run('"c" 2', all)).text).toBe('null null');
  });
});

describe('json: not JSON stops with LV_FORMAT, naming the input but not the data', () => {
  const bad: Array<[string, string, RegExp]> = [
    ['trailing comma in an array', '[{"phone":"13800138000"},]', /not valid JSON .*: a trailing comma$/],
    ['trailing comma in an object', '{"phone":"13800138000",}', /a trailing comma$/],
    ['line comment', '{"phone":"13800138000"} // 13800138000', /a comment$/],
    ['block comment', '[1, /* 13800138000 */ 2]', /a comment$/],
    ['truncated', '[{"phone":"13800138000"}', /not valid JSON at its end \(byte 24\)/],
    ['truncated string', '{"phone":"13800138000', /not valid JSON at its end/],
    ['garbage after a value', '{"phone":"13800138000"} x13800138000', /not valid JSON/],
    ['single quotes', "{'phone':'13800138000'}", /not valid JSON in bytes 0–23: expected an object key/],
    ['NaN', '{"n":NaN}', /not valid JSON/],
    ['leading zero', '{"phone":013800138000}', /not valid JSON/],
    ['comma between top-level values', '{"a":1},{"b":2}', /not valid JSON/],
  ];

  it.each(bad)('%s', async (_n, input, message) => {
    const e = await failure(input);
    expect(e.code).toBe('LV_FORMAT');
    expect(e.message).toMatch(/^users\.json: not valid JSON /);
    expect(e.message).toMatch(message);
    expect(e.message).not.toContain('13800138000');
  });

  // Found by test/fuzz/json.test.ts: such bytes were decoded as U+FFFD and the document written
  // with them replaced (the bytes lost, the output passed for the input).
  it('bytes that are not UTF-8 inside a string stop it too, naming the bytes, not the data', async () => {
    const input = Buffer.concat([Buffer.from('[{"phone":"13800138000 '), Buffer.from([0xf0, 0x20]), Buffer.from('x"}]')]);
    const err = await run(input, anonymize(), 8).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(LogveilError);
    expect((err as LogveilError).code).toBe('LV_FORMAT');
    // 0xf0 is byte 23, the last of the chunk 16–24; the space after it (byte 24) shows it starts no
    // character, in the chunk 24–29.
    expect((err as LogveilError).message).toBe('users.json: not valid JSON in bytes 24–29: bytes that are not UTF-8');
  });

  it('a UTF-8 sequence cut short at the end of the input is an error at its end; one split between chunks is not', async () => {
    const e = await run(Buffer.from([0x22, 0x61, 0x22, 0x20, 0xe4, 0xbd]), identity, 1).then(() => undefined, (x: unknown) => x);
    expect((e as LogveilError).message).toBe('users.json: not valid JSON at its end (byte 6): bytes that are not UTF-8');
    expect((await run('["用户"]', identity, 1)).text).toBe('["用户"]');
  });

  it('names the byte range of the chunk where parsing failed', async () => {
    const input = '[' + '"ok",'.repeat(20) + '}]'; // the } is byte 101
    const e = await failure(input, identity, 16);
    expect(e.message).toBe("users.json: not valid JSON in bytes 96–103: expected a value");
  });

  it('everything written before the error was visited', async () => {
    const a = anonymize();
    const parts: Buffer[] = [];
    const input = JSON.stringify([{ phone: '13800138000' }, { email: 'a@example.com' }]).slice(0, -1) + ',]';
    await expect(
      pipeline(
        Readable.from([Buffer.from(input)]),
        jsonFormat.createTransform({ visitor: a, source: 'x.json', warn: () => {} }),
        new Writable({ write: (c: Buffer, _e, cb) => (parts.push(c), cb()) }),
      ),
    ).rejects.toThrow(LogveilError);
    const written = Buffer.concat(parts).toString();
    expect(written).not.toContain('13800138000');
    expect(written).not.toContain('a@example.com');
  });

  it('the CLI leaves no output and no temporary file behind', () => {
    const { dir, logveil, write } = sandbox('json');
    const input = write('bad.json', '[' + '{"phone":"13800138000"},'.repeat(5_000) + ']');
    const r = logveil(['anonymize', input, '-o', join(dir, 'out.json')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.json: not valid JSON .*a trailing comma/);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });
});

describe('json: the default policy and field rules', () => {
  it('replaces dictionary fields whole (EN and ZH keys), scans the rest, numbers as PII become strings', async () => {
    // 4111111111111111: Luhn sum 8 (the doubled 4) + 7×2 (doubled 1s) + 8×1 = 30.
    const input = JSON.stringify(
      [
        { 姓名: '张三', 手机号: '13800138000', 备注: '请联系 u1@example.com', 金额: 12.5 },
        { user: { name: 'Alice Example', phone: 13800138000 }, ref: 4111111111111111, msg: 'login from 192.0.2.10', status: 200 },
      ],
      null,
      2,
    );
    const expected = JSON.stringify(
      [
        { 姓名: '<PERSON_NAME>', 手机号: '<PHONE>', 备注: '请联系 <EMAIL>', 金额: 12.5 },
        { user: { name: '<PERSON_NAME>', phone: '<PHONE>' }, ref: '<PAYMENT_CARD>', msg: 'login from <IP_ADDRESS>', status: 200 },
      ],
      null,
      2,
    );
    expect((await run(input, anonymize())).text).toBe(expected);
  });

  it('keep, drop and as: TYPE by path, glob and key, from each record root', async () => {
    const policy: PolicyInput = {
      fields: {
        rules: [
          { match: 'user.email', action: 'keep' },
          { match: '*.address', action: 'drop' },
          { match: 'items[*].card', as: 'PAYMENT_CARD', operator: 'mask' },
          { match: 'memo', as: 'PERSON_NAME' },
          { match: 'lat', as: 'GEO', operator: 'generalize' },
        ],
      },
    };
    const input =
      '[{"user":{"email":"a@example.com","address":"1 Example Rd"},"items":[{"card":"4111111111111111","sku":"A1"},{"card":4111111111111111}],"memo":"Bob","lat":31.2304},\n' +
      ' {"user":{"email":"b@example.com"},"address":"kept: not *.address"}]';
    const { text } = await run(input, anonymize(policy));
    // mask keeps a card's last four digits; generalize rounds coordinates to two decimals.
    expect(text).toBe(
      '[{"user":{"email":"a@example.com"},"items":[{"card":"************1111","sku":"A1"},{"card":"************1111"}],"memo":"<PERSON_NAME>","lat":31.23},\n' +
        ' {"user":{"email":"b@example.com"},"address":"<ADDRESS>"}]',
    );
  });
});

describe('json: streaming', () => {
  it('writes output before the input has ended', async () => {
    let written = 0;
    let writtenBeforeLast = -1;
    const total = 2000;
    async function* source() {
      yield Buffer.from('[');
      for (let i = 0; i < total; i++) {
        if (i === total - 1) writtenBeforeLast = written;
        yield Buffer.from(`${i ? ',' : ''}{"i":${i},"msg":"${'x'.repeat(100)}"}`);
        await new Promise((r) => setImmediate(r));
      }
      yield Buffer.from(']');
    }
    await pipeline(
      Readable.from(source()),
      jsonFormat.createTransform({ visitor: identity, source: 'x.json', warn: () => {} }),
      new Writable({ write: (c: Buffer, _e, cb) => ((written += c.length), cb()) }),
    );
    expect(writtenBeforeLast).toBeGreaterThan(100_000);
  });
});

describe('json: depth', () => {
  it('deep nesting is no problem (no recursion)', async () => {
    const input = '{"a":'.repeat(100_000) + '"13800138000"' + '}'.repeat(100_000);
    const { text } = await run(input, anonymize(), 64 * 1024);
    expect(text).toBe('{"a":'.repeat(100_000) + '"<PHONE>"' + '}'.repeat(100_000));
  });
});

// Found by reading after test/fuzz: every value is visited with its whole path, so values at every
// depth cost time quadratic in the document (160 KB took 10 s).
describe('json: values nested too deep for the size of the document', () => {
  it('stop it with LV_FORMAT naming the bytes, not the data', async () => {
    const input = '[1,'.repeat(20_000) + '"13800138000"' + ']'.repeat(20_000);
    const err = await run(input, anonymize(), 64 * 1024).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(LogveilError);
    expect((err as LogveilError).code).toBe('LV_FORMAT');
    expect((err as LogveilError).message).toBe('users.json: JSON values nested too deep for its size in bytes 0–65536, not read');
  });
});

describe('json: registry', () => {
  it('is chosen by .json (also gzipped), not by .ndjson', () => {
    expect(formatForPath('users.json')).toBe(jsonFormat);
    expect(formatForPath('x/USERS.JSON.gz')).toBe(jsonFormat);
    expect(formatForPath('app.ndjson')).not.toBe(jsonFormat);
  });
});

describe('json: property', () => {
  it('whatever JSON.parse accepts comes out as the same value (with nothing replaced)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), fc.constantFrom(undefined, 1, '\t'), fc.integer({ min: 1, max: 64 }), async (json, indent, chunk) => {
        const input = indent === undefined ? json : JSON.stringify(JSON.parse(json), null, indent);
        const { text } = await run(input, identity, chunk);
        expect(JSON.parse(text)).toEqual(JSON.parse(input));
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150) * 3 },
    );
  });

  it('no planted value survives and the structure does (compact and pretty-printed arrays)', async () => {
    const a = anonymize();
    await fc.assert(
      fc.asyncProperty(fc.array(planted(), { maxLength: 5 }), fc.constantFrom(undefined, 2, '\t'), fc.integer({ min: 1, max: 200 }), async (records, indent, chunk) => {
        const input = JSON.stringify(
          records.map((r) => r.value),
          null,
          indent,
        );
        const { text } = await run(input, a, chunk);
        for (const r of records) for (const p of r.planted) expect(text).not.toContain(p);
        expect(shape(JSON.parse(text))).toEqual(shape(records.map((r) => r.value)));
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150) },
    );
  });
});

describe('the shipped sample', () => {
  it('anonymizes samples/users.json with the default policy to the reviewed golden file, byte for byte', async () => {
    const input = SAMPLES + 'users.json';
    const { out, warnings } = await runFormat(jsonFormat, readFileSync(input), anonymize(), { source: input });
    expect(out.equals(readFileSync(SAMPLES + 'users.expected.json'))).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe('json: keys that hold personal data', () => {
  it('are scanned as text and replaced, while field rules still match the key as written', async () => {
    const visitor = anonymize({ fields: { rules: [{ match: 'password', action: 'drop' }] } });
    const { text } = await run('{"users":{"alice@example.com":{"phone":"13800138000"},"13800138000":1,"password":"x"}}', visitor);
    expect(JSON.parse(text)).toEqual({ users: { '<EMAIL>': { phone: '<PHONE>' }, '<PHONE>': 1 } });
  });
});
