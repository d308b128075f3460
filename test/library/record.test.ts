import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/random.js';
import { nestedRecord } from '../../bench/records.js';
import { createAnonymizer, type Anonymizer } from '../../src/anonymizer.js';
import { LogveilError } from '../../src/errors.js';
import { NdjsonLines } from '../../src/formats/ndjson.js';
import { parsePolicy } from '../../src/policy/load.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { planted } from '../support/planted-json.js';
import '../support/fast-check-seed.js';

/**
 * Anonymizer.record: a copy of a JavaScript value with what the policy asks for replaced, exactly as
 * the NDJSON format replaces it in the value's JSON text. Every value below is generated from
 * reserved ranges (example.com, 192.0.2.0/24, 138 0013 8000, the 4111… test card).
 */

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 200);
const TIMEOUT = Math.max(20_000, RUNS * 30);
const KEY = Buffer.alloc(32, 0).map((_, i) => (i * 37 + 11) & 0xff);

const samplePolicy = readFileSync(fileURLToPath(new URL('../../samples/policy.yaml', import.meta.url)), 'utf8');
/** The sample policy (hash, mask, generalize, keep, drop) and a rule that drops array elements. */
const policy = parsePolicy(
  {
    ...(JSON.parse(JSON.stringify((await import('yaml')).parse(samplePolicy))) as object),
    fields: {
      dictionary: true,
      rules: [
        { match: 'service', action: 'keep' },
        { match: '**.password', action: 'drop' },
        { match: 'secrets[*]', action: 'drop' },
        { match: 'birthday', as: 'DATE_OF_BIRTH', operator: 'generalize' },
        { match: 'nick', as: 'PERSON_NAME' },
      ],
    },
  },
  'test policy',
);

/** What the NDJSON format writes for the value's JSON text, parsed back (as a JSON reader sees it). */
function viaNdjson(a: Anonymizer, value: unknown): unknown {
  const line = new NdjsonLines({ visitor: anonymizingVisitor(a), source: 'test', warn: () => {} }).map(JSON.stringify(value), 0);
  return JSON.parse(line);
}

/** record(v) and NDJSON agree: the same JSON, key order included. */
function expectSameAsNdjson(a: Anonymizer, value: unknown): void {
  expect(JSON.stringify(a.record(value))).toBe(JSON.stringify(viaNdjson(a, value)));
}

// Keys that field rules, the dictionary, detectors and key scanning act on, and some that nothing does.
const KEYS = ['email', 'phone', 'mobile', 'password', 'service', 'birthday', 'nick', 'secrets', 'user', 'msg', 'note', 'data', '姓名', '手机号', 'ip', 'card', 'u7@example.com', '13800138000', '__proto__', 'a'];
const LEAF = fc.oneof(
  fc.constantFrom(
    'zhang.san@example.com',
    '13800138000',
    '+86 138 0013 8000',
    '4111 1111 1111 1111',
    '192.0.2.10',
    '1990-03-07',
    '张三',
    'login ok user=alice phone=13800138000',
    '{"email":"u3@example.com","n":1}',
    'insert into t_user (id, mobile) values (1, \'13800138000\')',
    '-',
    '',
    'request handled',
    '<PHONE>',
  ),
  fc.constantFrom(13800138000, 4111111111111111, 0, -1.5, 1e21, 12.5),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
);
const tree = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    LEAF,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 5 }).map((members) => {
      const o: Record<string, unknown> = {};
      for (const [k, v] of members) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    }),
  ),
})).node;

describe('record() applies what the NDJSON format applies to JSON.stringify(value)', () => {
  const plain = createAnonymizer({ key: KEY });
  const sample = createAnonymizer({ key: KEY, policy });

  it(
    'on values under rule, dictionary and data-holding keys, with the default and the sample policy',
    () => {
      fc.assert(
        fc.property(tree, (v) => {
          expectSameAsNdjson(plain, v);
          expectSameAsNdjson(sample, v);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'on records with values planted at random depths',
    () => {
      fc.assert(
        fc.property(planted(), ({ value }) => {
          expectSameAsNdjson(plain, value);
          expectSameAsNdjson(sample, value);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'on seeded log events full of look-alikes (bench/records.ts)',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
          const { value } = nestedRecord(rng(seed), { piiShare: 0.8 });
          expectSameAsNdjson(plain, value);
          expectSameAsNdjson(sample, value);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'on any JSON value',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (v) => {
          expectSameAsNdjson(plain, v);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it('on a bare string, a number and a value inside a value', () => {
    for (const v of ['mail zhang.san@example.com', 13800138000, 'x', 5, true, null, [], {}, { msg: 'phone=13800138000 ok' }]) {
      expectSameAsNdjson(plain, v);
      expectSameAsNdjson(sample, v);
    }
  });
});

describe('record(): copies', () => {
  const a = createAnonymizer({ key: KEY, policy });

  it('returns the very same value when nothing changes', () => {
    const when = new Date(Date.UTC(2026, 1, 24, 8));
    const values: unknown[] = [
      { level: 30, time: 1771920000000, msg: 'request handled', req: { method: 'GET', url: '/api/v1/orders/8812030045671234' }, tags: ['api'] },
      [1, 'two', null, true, { nested: [{}] }],
      { when, err: new Error('timeout after 30000 ms'), none: undefined, f: () => 1 },
      'plain text',
      42,
    ];
    for (const v of values) expect(a.record(v)).toBe(v);
  });

  it('copies what changes, shares what does not, and never modifies the original', () => {
    const req = { method: 'POST', headers: { accept: 'json' } };
    const v = { msg: 'login', user: { email: 'zhang.san@example.com', id: 1001 }, req, list: ['ok', '192.0.2.10'] };
    const before = structuredClone(v);
    const r = a.record(v) as typeof v;
    expect(v).toEqual(before);
    expect(r).not.toBe(v);
    expect(r.req).toBe(req);
    expect(r.user).not.toBe(v.user);
    expect(r.user.email).toMatch(/^EMAIL_[a-z0-9]{16}$/);
    expect(r.user.id).toBe(1001);
    expect(r.list).toEqual(['ok', '192.0.*.*']);
    expect(Object.keys(r)).toEqual(Object.keys(v));
  });

  it('drops a member a rule drops, and an array element as null', () => {
    const v = { password: 'hunter2', user: { password: 'x', name: 'ok' }, secrets: ['a', 'b'], n: 1 };
    expect(a.record(v)).toEqual({ user: { name: '<PERSON_NAME>' }, secrets: [null, null], n: 1 });
  });

  it('reads a number as its JSON text: a phone stored as a number becomes a string; a bigint too', () => {
    expect(a.record({ phone: 13800138000, count: 3 })).toEqual({ phone: '138****8000', count: 3 });
    expect(createAnonymizer().record({ n: 13800138000n, m: 7n })).toEqual({ n: '<PHONE>', m: 7n });
  });

  it('replaces personal data in a key', () => {
    expect(createAnonymizer().record({ 'u7@example.com': { seen: 1 } })).toEqual({ '<EMAIL>': { seen: 1 } });
  });

  it('keeps a __proto__ key an own member, as JSON.parse makes it', () => {
    const v = JSON.parse('{"__proto__":{"email":"zhang.san@example.com"},"a":1}') as object;
    const r = createAnonymizer().record(v) as Record<string, unknown>;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(r, '__proto__')?.value).toEqual({ email: '<EMAIL>' });
  });

  it('reads a Date as its ISO text: kept as the same Date, or replaced by the new text under a rule', () => {
    const when = new Date(Date.UTC(2026, 1, 24));
    const born = new Date(Date.UTC(1990, 2, 7));
    const r = a.record({ when, birthday: born }) as Record<string, unknown>;
    expect(r.when).toBe(when);
    expect(r.birthday).toBe('1990');
  });

  it('keeps symbol-keyed properties (winston level, message, splat) as they are', () => {
    const LEVEL = Symbol.for('level');
    const MESSAGE = Symbol.for('message');
    const SPLAT = Symbol.for('splat');
    const splat = [{ extra: 1 }];
    const info = { level: 'info', message: 'mail zhang.san@example.com', [LEVEL]: 'info', [MESSAGE]: 'kept as set', [SPLAT]: splat };
    const r = createAnonymizer().record(info);
    expect(r.message).toBe('mail <EMAIL>');
    expect(r[LEVEL]).toBe('info');
    expect(r[MESSAGE]).toBe('kept as set');
    expect(r[SPLAT]).toBe(splat);
  });

  it('leaves what JSON does not write as it is: undefined, functions, NaN, Map and Set', () => {
    const f = () => 1;
    const map = new Map([['k', 'v']]);
    const r = createAnonymizer().record({ u: undefined, f, nan: NaN, inf: -Infinity, map, set: new Set([1]), mail: 'zhang.san@example.com' }) as Record<string, unknown>;
    expect(r).toEqual({ u: undefined, f, nan: NaN, inf: -Infinity, map, set: new Set([1]), mail: '<EMAIL>' });
    expect(r.map).toBe(map);
  });
});

describe('record(): Errors', () => {
  const a = createAnonymizer();
  class PaymentError extends Error {
    constructor(
      message: string,
      readonly card: string,
    ) {
      super(message);
    }
  }
  // On the prototype, as classes usually name themselves: an own `name` is a field like any other
  // (the dictionary's PERSON_NAME, as in an NDJSON line).
  PaymentError.prototype.name = 'PaymentError';

  it('reads message and stack, and gives an Error of the same class with them non-enumerable', () => {
    const e = new TypeError('cannot reach zhang.san@example.com');
    const r = a.record(e);
    expect(r).not.toBe(e);
    expect(r).toBeInstanceOf(TypeError);
    expect(r.name).toBe('TypeError');
    expect(r.message).toBe('cannot reach <EMAIL>');
    expect(r.stack?.split('\n')[0]).toBe('TypeError: cannot reach <EMAIL>');
    expect(r.stack).not.toContain('zhang.san');
    expect(Object.keys(r)).toEqual([]);
    expect(e.message).toBe('cannot reach zhang.san@example.com');
  });

  it('reads own enumerable fields and the cause, and keeps a subclass', () => {
    const cause = new Error('declined for 4111 1111 1111 1111');
    const e = new PaymentError('charge failed', '4111111111111111');
    Object.defineProperty(e, 'cause', { value: cause, enumerable: false, writable: true, configurable: true });
    const r = a.record({ err: e }).err;
    expect(r).toBeInstanceOf(PaymentError);
    expect(r.name).toBe('PaymentError');
    expect(r.card).toBe('<PAYMENT_CARD>');
    expect((r.cause as Error).message).toBe('declined for <PAYMENT_CARD>');
    expect(r.cause).toBeInstanceOf(Error);
    expect(Object.keys(r)).toEqual(Object.keys(e));
  });

  it('returns an Error with nothing to replace as the same Error', () => {
    const e = new RangeError('index 12 out of range');
    expect(a.record({ e }).e).toBe(e);
  });
});

describe('record(): cycles and limits', () => {
  const a = createAnonymizer();

  it('writes a cycle as "[Circular]" and follows it no further', () => {
    const v: Record<string, unknown> = { mail: 'zhang.san@example.com', list: [] as unknown[] };
    v.self = v;
    (v.list as unknown[]).push(v, 'ok');
    const r = a.record(v) as Record<string, unknown>;
    expect(r).toEqual({ mail: '<EMAIL>', list: ['[Circular]', 'ok'], self: '[Circular]' });
  });

  it('replaces a cycle even where nothing else changes (the reference would reach the original)', () => {
    const v: Record<string, unknown> = { ok: 1 };
    v.me = v;
    expect(a.record(v)).toEqual({ ok: 1, me: '[Circular]' });
  });

  it('reads an object met twice, not in a cycle, at each of its places', () => {
    const shared = { phone: '13800138000' };
    expect(a.record({ a: shared, b: [shared] })).toEqual({ a: { phone: '<PHONE>' }, b: [{ phone: '<PHONE>' }] });
  });

  it('refuses values nested more than 1000 deep with LV_REDACT, and reads 1000', () => {
    const deep = (n: number) => {
      let v: unknown = 'zhang.san@example.com';
      for (let i = 0; i < n; i++) v = [v];
      return v;
    };
    expect(JSON.stringify(a.record(deep(1000)))).toContain('<EMAIL>');
    expect(() => a.record(deep(1001))).toThrow(expect.objectContaining({ code: 'LV_REDACT' }) as Error);
  });

  it('a getter or toJSON that throws becomes LV_REDACT, without its message', () => {
    const secret = 'zhang.san@example.com';
    const getter = {
      get mail(): string {
        throw new Error(`bad ${secret}`);
      },
    };
    const toJSON = { toJSON: () => { throw new TypeError(`bad ${secret}`); } };
    for (const v of [getter, { x: toJSON }]) {
      let caught: unknown;
      try {
        a.record(v);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(LogveilError);
      expect((caught as LogveilError).code).toBe('LV_REDACT');
      expect((caught as LogveilError).message).not.toContain(secret);
      expect((caught as LogveilError).cause).toBeUndefined();
    }
  });
});
