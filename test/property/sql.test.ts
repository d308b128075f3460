import fc from 'fast-check';
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
