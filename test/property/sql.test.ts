import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { generators, lookalikes, PATTERN_TYPES, type PatternType } from '../../bench/generate.js';
import { rng, type Rng } from '../../bench/random.js';
import { detectors } from '../../detectors/index.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { textFormat } from '../../src/formats/text.js';
import { anonymizingVisitor } from '../../src/visitors.js';

/**
 * SQL and the MyBatis / Hibernate lines that print bound values: a valid value of any pattern type
 * (check digits computed by its generator), in a column named by its type's field names and with no
 * label, never comes out; the look-alikes in the other columns (ids, timestamps, order ids, amounts)
 * come out unchanged; and anonymizing the output again changes nothing.
 */

/** A column name for each type: the first field name one of its detectors gives. */
const COLUMN = Object.fromEntries(
  PATTERN_TYPES.map((t) => [t, detectors.find((d) => d.type === t && d.fieldNames?.length)?.fieldNames?.[0]]),
) as Record<PatternType, string | undefined>;
const TYPES = PATTERN_TYPES.filter((t) => COLUMN[t] !== undefined);

const LOOKS = ['order_id', 'iso_timestamp', 'epoch_millis', 'amount', 'uuid', 'snowflake_id'] as const;

interface Case {
  readonly lines: string[];
  readonly value: string;
  readonly looks: string[];
}

const q = (v: string) => v.replace(/'/g, "''");

function caseFor(type: PatternType, seed: number): Case {
  const r: Rng = rng(seed);
  const value = generators[type](r, r.chance(0.5) ? 'zh' : 'en').value;
  const col = COLUMN[type]!;
  const looks = LOOKS.map((k) => lookalikes[k](r).value);
  const [order, ts, ms, amount, uuid, snow] = looks;
  const thread = `[exec-${r.int(1, 40)}]`;
  const shapes: Array<() => string[]> = [
    () => [`insert into t_profile (order_no, ${col}, created_at, amount) values ('${order}', '${q(value)}', '${ts}', '${amount}')`],
    () => [`UPDATE \`t_profile\` SET \`${col}\` = '${q(value)}', updated_at = ${ms} WHERE trace_id = '${uuid}' AND id IN (${snow})`],
    () => [
      `2026-12-03 10:00:00.101 ${thread} DEBUG c.e.m.ProfileMapper.insert - ==>  Preparing: INSERT INTO t_profile (order_no, ${col}, created_at, amount) VALUES (?, ?, ?, ?)`,
      `2026-12-03 10:00:00.102 [exec-99] INFO c.e.Other - 用户 处理完成 ${uuid}`,
      `2026-12-03 10:00:00.103 ${thread} DEBUG c.e.m.ProfileMapper.insert - ==> Parameters: ${order}(String), ${value}(String), ${ts}(Timestamp), ${amount}(BigDecimal)`,
    ],
    () => [
      `2026-12-03 10:00:00.201 DEBUG 4242 --- ${thread} org.hibernate.SQL : select id from t_profile where ${col}=? and order_no=?`,
      `2026-12-03 10:00:00.202 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [1] as [VARCHAR] - [${value}]`,
      `2026-12-03 10:00:00.203 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [2] as [VARCHAR] - [${order}]`,
    ],
    () => [
      `${thread} TRACE c.e.m.ProfileMapper.find - <==    Columns: order_no, ${col}, created_at`,
      `${thread} TRACE c.e.m.ProfileMapper.find - <==        Row: ${order}, ${value}, ${ts}`,
    ],
  ];
  return { lines: r.pick(shapes)(), value, looks };
}

function anonymizeLines(lines: readonly string[], a = createAnonymizer()): string[] {
  const map = textFormat.lines!({ visitor: anonymizingVisitor(a), source: 'app.log', warn: () => undefined });
  return lines.map((l, i) => map(l, i));
}

describe('SQL values: no personal value survives, look-alikes do, twice is once', () => {
  it.each(TYPES.map((t) => [t]))('%s', (type) => {
    const a = createAnonymizer();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const { lines, value, looks } = caseFor(type, seed);
        const out = anonymizeLines(lines, a);
        const text = out.join('\n');
        expect(text, `seed ${seed}: ${lines.join(' | ')}`).not.toContain(value);
        for (const look of looks) if (lines.join('\n').includes(look)) expect(text, `seed ${seed}: ${look}`).toContain(look);
        expect(anonymizeLines(out, a)).toEqual(out);
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 60) },
    );
  });
});

/**
 * Bound strings printed without their statement (its line is elsewhere, or rotated away): a national
 * phone number of a configured region (a person's: mobile, fixed line, personal, VoIP), drawn here and kept only when libphonenumber-js says it is
 * valid, written as its region writes it (libphonenumber's national format) or, with its leading 0,
 * as one run, never comes out; the look-alikes bound beside it (ids, BIGINT, timestamps, order ids,
 * amounts, epoch millis, UUIDs) do; and anonymizing the output again changes nothing.
 */
const REGIONS: ReadonlyArray<[CountryCode, (r: Rng) => string]> = [
  ['ES', (r) => r.pick(['6', '7', '9']) + r.digits(8)],
  ['IT', (r) => r.pick(['3', '06', '02', '055']) + r.digits(r.int(6, 8))],
  ['FR', (r) => String(r.int(1, 7)) + r.digits(8)],
  ['DE', (r) => r.pick(['30', '89', '151', '176']) + r.digits(r.int(6, 8))],
  ['JP', (r) => r.pick(['3', '6', '90', '80', '426']) + r.digits(r.int(5, 8))],
  ['NL', (r) => r.pick(['6', '20', '10', '343']) + r.digits(r.int(6, 8))],
  ['KR', (r) => r.pick(['2', '10', '31']) + r.digits(r.int(7, 8))],
  ['BR', (r) => r.pick(['11', '21', '31']) + r.pick(['9', '3']) + r.digits(r.int(7, 8))],
  ['GB', (r) => r.pick(['20', '7', '161']) + r.digits(r.int(6, 9))],
  ['CN', (r) => r.pick(['10', '21', '755', '138']) + r.digits(8)],
  ['US', (r) => String(r.int(2, 9)) + r.digits(9)],
];
const PHONE_POLICY = { version: 1 as const, phone: { regions: REGIONS.map(([c]) => c) } };

const PERSONAL = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER', 'VOIP']);

function nationalPhone(r: Rng): string | null {
  const [region, draw] = r.pick(REGIONS);
  for (let tries = 0; tries < 200; tries++) {
    const p = parsePhoneNumberFromString(draw(r), region);
    // A person's number: not a business's shared-cost, toll-free or premium one (IT `847 291`, 6 digits).
    if (p?.isValid() && p.country === region && PERSONAL.has(p.getType() ?? '')) {
      const national = p.formatNational();
      return national.startsWith('0') && r.chance(0.3) ? national.replace(/\D/g, '') : national;
    }
  }
  return null;
}

describe('bound strings without their statement: no national phone of a configured region survives, look-alikes do', () => {
  it('MyBatis and Hibernate 5/6 lines', () => {
    const a = createAnonymizer({ policy: PHONE_POLICY });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const r = rng(seed);
        const value = nationalPhone(r);
        if (value === null) return;
        const looks = LOOKS.map((k) => lookalikes[k](r).value);
        const [order, ts, ms, amount, uuid, snow] = looks;
        const thread = `[exec-${r.int(1, 40)}]`;
        const lines = r.pick([
          () => [`2026-12-03 10:00:00.103 ${thread} DEBUG c.e.m.ProfileMapper.insert - ==> Parameters: ${snow}(Long), ${value}(String), ${order}(String), ${ts}(Timestamp), ${amount}(BigDecimal), ${ms}(String)`],
          () => [
            `2026-12-03 10:00:00.202 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [1] as [BIGINT] - [${snow}]`,
            `2026-12-03 10:00:00.203 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [2] as [VARCHAR] - [${value}]`,
            `2026-12-03 10:00:00.204 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [3] as [VARCHAR] - [${order}]`,
            `2026-12-03 10:00:00.205 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [4] as [VARCHAR] - [${uuid}]`,
            `2026-12-03 10:00:00.206 TRACE 4242 --- ${thread} o.h.t.d.s.BasicBinder : binding parameter [5] as [VARCHAR] - [${ms}]`,
          ],
          () => [`2026-12-03 10:00:00.301 TRACE 4242 --- ${thread} o.h.o.j.bind : binding parameter (${r.int(1, 9)}:NVARCHAR) <- [${value}]`, `用户 处理完成 ${uuid} 金额 ${amount}`],
        ])();
        const out = anonymizeLines(lines, a);
        const text = out.join('\n');
        expect(text, `seed ${seed}: ${lines.join(' | ')}`).not.toContain(value);
        for (const look of looks) if (lines.join('\n').includes(look)) expect(text, `seed ${seed}: ${look}`).toContain(look);
        expect(anonymizeLines(out, a)).toEqual(out);
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150) },
    );
  });
});
