import fc from 'fast-check';

/**
 * Random JSON records with personal values planted at random depths, for the structured formats'
 * property tests. Planted values (reserved ranges only) are strings or JSON numbers, alone or inside
 * a sentence; `planted` lists each as it would appear in the JSON text.
 */
export interface PlantedRecord {
  readonly value: unknown;
  readonly planted: readonly string[];
}

// Keys and words with no context meaning for any detector and not in the field dictionary.
const KEYS = ['a', 'b', 'k', 'data', 'items', 'meta', 'payload', 'extra', '详情', '记录', 'x_1'];
const WORDS = ['request handled', 'ok', '用户登录成功', '缓存命中', '', 'a"b\\c', 'tab\there', 'line\nbreak', 'é ü', '😀', '\u0000\u001f\u007f'];

// 13800138000: a reserved-looking CN mobile used across the tests; 4111111111111111: the Visa test card
// (Luhn sum 30); 192.0.2.0/24: TEST-NET-1; example.com: reserved.
const PLANTED_VALUE: fc.Arbitrary<string | number> = fc.oneof(
  fc.constant('13800138000'),
  fc.constant(13800138000),
  fc.constant('4111111111111111'),
  fc.constant(4111111111111111),
  fc.integer({ min: 1, max: 9999 }).map((n) => `u${n}@example.com`),
  fc.integer({ min: 1, max: 254 }).map((n) => `192.0.2.${n}`),
);

const PLANTED_LEAF = fc.oneof(
  PLANTED_VALUE,
  fc.tuple(fc.constantFrom('contact', '请联系', 'from', 'sent to'), PLANTED_VALUE).map(([w, v]) => `${w} ${v} now`),
);

const BENIGN_LEAF = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: -9999, max: 9999 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

const LEAF = fc.oneof({ weight: 1, arbitrary: PLANTED_LEAF }, { weight: 3, arbitrary: BENIGN_LEAF });

const tree = fc.letrec<{ node: unknown; arr: unknown[]; obj: Record<string, unknown> }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, LEAF, tie('arr'), tie('obj')),
  arr: fc.array(tie('node'), { maxLength: 4 }),
  obj: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 4 }),
}));

const PATTERNS = [/13800138000/g, /4111111111111111/g, /u\d+@example\.com/g, /192\.0\.2\.\d+/g];

function collect(v: unknown, out: string[]): void {
  if (typeof v === 'string' || typeof v === 'number') {
    const s = String(v);
    for (const p of PATTERNS) for (const m of s.matchAll(p)) out.push(m[0]);
  } else if (Array.isArray(v)) for (const x of v) collect(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x, out);
}

/** A record (an object at the root) with what was planted in it. */
export function planted(): fc.Arbitrary<PlantedRecord> {
  return fc.dictionary(fc.constantFrom(...KEYS), tree.node, { minKeys: 1, maxKeys: 5 }).map((value) => {
    const found: string[] = [];
    collect(value, found);
    return { value, planted: found };
  });
}

/** The structure of a JSON value: containers, keys in order, nulls and booleans; any string or number is 'value'. */
export function shape(v: unknown): unknown {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'string' || typeof v === 'number') return 'value';
  if (Array.isArray(v)) return v.map(shape);
  return Object.entries(v as object).map(([k, x]) => [k, shape(x)]);
}
