/**
 * Phone numbers as whole values inside text lines (issue 10), through the text format with a real
 * anonymizer: a phone field's value taken whole across its inner spaces. Every number is drawn here
 * from a seeded generator and kept only when libphonenumber-js (full metadata) says it is valid: the
 * test's own check, independent of how logveil reads spans.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { drawMany, valid } from '../support/phones.js';
import { rng, type Rng } from '../../bench/random.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { textFormat } from '../../src/formats/text.js';
import type { PolicyInput } from '../../src/policy/schema.js';
import { anonymizingVisitor } from '../../src/visitors.js';



async function anonymizeLines(lines: readonly string[], policy?: PolicyInput): Promise<string[]> {
  const a = createAnonymizer({ policy });
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from([Buffer.from(lines.join('\n') + '\n', 'utf8')]),
    textFormat.createTransform({ visitor: anonymizingVisitor(a), source: 'app.log', warn: () => undefined }),
    new Writable({
      write(c: Buffer, _e, cb) {
        parts.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(parts).toString('utf8').split('\n').slice(0, lines.length);
}

/** Each of `digits`' runs of 4 or more digits, so that no part of a number may survive. */
const digitRuns = (written: string): string[] => written.split(/\D+/).filter((d) => d.length >= 4);

/** Lines of a field whose value is the number written as `written`, in English and Chinese logs. */
function fieldLines(written: string, r: Rng): string[] {
  const order = `2026120${r.int(1, 9)}${r.digits(11)}`;
  return [
    `<165>1 2026-12-03T10:21:09.739Z app01.example.com billing ${r.int(1000, 60000)} ID47 [meta@32473 seq="${r.int(1, 9999)}"] phone=${written} order=${order} took ${r.int(1, 9999)}ms`,
    `2026-12-03 07:50:55,025 INFO  [http-nio-8080-exec-64] c.e.shop.ProfileService [traceId=${r.hex(16)} spanId=${r.hex(16)}] - update tel=${written} build=1.${r.int(0, 20)}.${r.int(0, 20)}`,
    `2026-12-03 03:32:30,370 INFO [order-worker-3] 用户实名认证通过 手机号：${written} 订单号：${order}`,
    `{"log":"02:58:36.312 INFO contact saved mobile: ${written}\\n","stream":"stdout","time":"2026-11-12T07:29:36.908Z"}`,
  ];
}

/** What must come out unchanged in fieldLines: everything but the number. */
function expectOnlyNumberReplaced(line: string, out: string, written: string): void {
  expect(out, line).toBe(line.replace(written, '<PHONE>'));
}

describe('a phone field value is taken whole across its inner spaces', () => {
  // CN landlines with a four-digit area code: the area code and the subscriber number's first half
  // make a first token longer than the usual group (`0755-8888 1234`).
  const AREAS = ['755', '512', '571', '871', '731'];
  const landlines = AREAS.flatMap((area, k) => drawMany(300 + k, 2, '86', (r) => area + r.int(2, 8) + r.digits(7)).map((n) => [area, n.slice(3)] as const));

  it.each(landlines)('0%s %s with a dash, then a space inside the subscriber number', (area, local) => {
    return (async () => {
      const written = `0${area}-${local.slice(0, 4)} ${local.slice(4)}`;
      const lines = fieldLines(written, rng(Number(local)));
      const out = await anonymizeLines(lines);
      lines.forEach((line, i) => expectOnlyNumberReplaced(line, out[i], written));
    })();
  });

  // International numbers with one space after the country code, then the national number unbroken.
  const intl: ReadonlyArray<[string, string]> = [
    ...drawMany(310, 3, '34', (r) => r.pick(['6', '7', '9']) + r.digits(8)).map((n): [string, string] => ['34', n]),
    ...drawMany(311, 3, '33', (r) => r.pick(['1', '4', '6', '7']) + r.digits(8)).map((n): [string, string] => ['33', n]),
    ...drawMany(312, 2, '86', (r) => r.pick(['138', '150', '186']) + r.digits(8)).map((n): [string, string] => ['86', n]),
    ...drawMany(313, 2, '49', (r) => '15' + r.digits(9)).map((n): [string, string] => ['49', n]),
  ];

  it.each(intl)('+%s %s', (cc, nsn) => {
    return (async () => {
      const written = `+${cc} ${nsn}`;
      const lines = fieldLines(written, rng(Number(nsn.slice(-6))));
      const out = await anonymizeLines(lines);
      lines.forEach((line, i) => expectOnlyNumberReplaced(line, out[i], written));
    })();
  });

  it('near misses: a count, a longer run or a status after the number stay; a date is no part of it', async () => {
    const [area, local] = landlines[0];
    const [cc, nsn] = intl[0];
    const land = `0${area}-${local.slice(0, 4)} ${local.slice(4)}`;
    const lines = [
      `phone=${land} 200 ok`, // a status after the number
      `phone=${land.slice(0, 9)} 12345678 ok`, // a run too long for the subscriber number's other half
      `mobile=+${cc} ${nsn} 200 OK`,
      `phone: +${cc} ${nsn} 2026-12-03 ok`,
      `手机号：+${cc} ${nsn} 订单号：202612032304377094`,
    ];
    const out = await anonymizeLines(lines);
    expect(out).toEqual([
      'phone=<PHONE> 200 ok',
      'phone=<PHONE> 12345678 ok',
      'mobile=<PHONE> 200 OK',
      'phone: <PHONE> 2026-12-03 ok',
      '手机号：<PHONE> 订单号：202612032304377094',
    ]);
    for (const o of out) for (const run of [...digitRuns(land), ...digitRuns(nsn)]) expect(o).not.toContain(run);
  });

  it('look-alike values of other fields keep their extent: an order id, a version, a date and time', async () => {
    const lines = ['order=202612031689936787 took 9893ms', 'id=+1 1234567890123456 x', 'build=2026-12-03 10:14:28 ok', 'ref=0755-88 order=1'];
    expect(await anonymizeLines(lines)).toEqual(lines);
  });
});

/** The regions a service with Spanish, Italian, … customers configures (README: `phone.regions`). */
const REGIONS = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK', 'ES', 'IT', 'NL', 'KR', 'BR', 'RU', 'TW'] as const;
const POLICY: PolicyInput = { version: 1, phone: { regions: [...REGIONS] } };

/** Numbers drawn per region (calling code, a draw of the national number), each as its region writes it (libphonenumber's national format). */
const DRAWS: ReadonlyArray<[string, string, (r: Rng) => string]> = [
  ['ES', '34', (r) => r.pick(['6', '7', '9']) + r.digits(8)],
  ['IT', '39', (r) => r.pick(['3', '06', '02', '055']) + r.digits(r.int(6, 8))],
  ['FR', '33', (r) => r.pick(['1', '2', '3', '4', '5', '6', '7', '9']) + r.digits(8)],
  ['DE', '49', (r) => r.pick(['30', '89', '151', '176']) + r.digits(r.int(6, 8))],
  ['JP', '81', (r) => r.pick(['3', '6', '90', '80', '426', '1267']) + r.digits(r.int(5, 8))],
  ['NL', '31', (r) => r.pick(['6', '20', '10', '343']) + r.digits(r.int(6, 8))],
  ['KR', '82', (r) => r.pick(['2', '10', '31', '51']) + r.digits(r.int(7, 8))],
  ['BR', '55', (r) => r.pick(['11', '21', '31']) + r.pick(['9', '3']) + r.digits(r.int(7, 8))],
  ['GB', '44', (r) => r.pick(['20', '7', '161', '1268']) + r.digits(r.int(6, 9))],
  ['CN', '86', (r) => r.pick(['10', '21', '755', '571']) + r.int(2, 8) + r.digits(r.int(6, 7))],
];

/** `count` numbers of each region, written as libphonenumber formats them nationally. */
function nationalNumbers(count: number): Array<[string, string]> {
  return DRAWS.flatMap(([region, cc, draw], k) =>
    drawMany(400 + k, count, cc, draw).map((n): [string, string] => [region, parsePhoneNumberFromString(`+${cc}${n}`)!.formatNational()]),
  );
}

/** The lines MyBatis and Hibernate print for bound values when the statement's line is not in the log. */
function boundLines(written: string, r: Rng): string[] {
  const id = String(r.int(100_000_000, 999_999_999)) + r.digits(3);
  const ts = `2026-12-0${r.int(1, 9)} ${r.int(10, 23)}:${r.int(10, 59)}:${r.int(10, 59)}`;
  return [
    `2026-12-03 08:43:17,015 DEBUG [main] c.e.m.CustomerMapper.insert - ==> Parameters: ${id}(Long), ${written}(String), ${ts}(Timestamp)`,
    `2026-12-03 08:43:17,016 DEBUG [订单-worker-1] c.e.m.CustomerMapper.update - ==> Parameters: 张三(String), ${written}(String), ${id}(Long)`,
    `2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [${r.int(2, 9)}] as [VARCHAR] - [${written}]`,
    `2026-12-03 01:03:55,346 TRACE 4242 --- [exec-3] o.h.o.j.bind : binding parameter (${r.int(2, 9)}:NVARCHAR) <- [${written}]`,
  ];
}

describe('a bound string whose statement is not in the log is one whole value', () => {
  const numbers = nationalNumbers(3);

  it.each(numbers)('%s %s, as MyBatis and Hibernate 5 and 6 print it', (_region, written) => {
    return (async () => {
      const lines = boundLines(written, rng(written.length * 7919 + written.charCodeAt(written.length - 1)));
      const out = await anonymizeLines(lines, POLICY);
      lines.forEach((line, i) => expect(out[i], line).toBe(line.replace(written, '<PHONE>')));
    })();
  });

  it('its digits as one run when the region writes a leading 0 (a trunk prefix, Italy\'s area codes)', async () => {
    const runs = numbers.map(([, w]) => w.replace(/\D/g, '')).filter((d) => d.startsWith('0') && !d.startsWith('00'));
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) {
      const lines = boundLines(run, rng(Number(run.slice(-6))));
      const out = await anonymizeLines(lines, POLICY);
      lines.forEach((line, i) => expect(out[i], line).toBe(line.replace(run, '<PHONE>')));
    }
  });

  it('look-alikes bound beside it stay: ids, BIGINT and Long values, timestamps, amounts, epoch times, order numbers', async () => {
    const lines = [
      '2026-12-03 08:43:17,015 DEBUG [main] c.e.m.OrderMapper.insert - ==> Parameters: 160729680951(Long), 202612031832980268(String), 2026-12-02 19:46:25(Timestamp), 8444.13(BigDecimal)',
      '2026-12-03 08:43:17,015 DEBUG [main] c.e.m.OrderMapper.insert - ==> Parameters: 1794808282336(String), 1764748800(String), 27,240.52(String), 2026-12-03(String), 1.22.333(String)',
      // A numeric id of ten digits (it spells a valid US number) and Spain's mobile digits: as one run without a leading 0 they are ids.
      '2026-12-03 08:43:17,015 DEBUG [main] c.e.m.OrderMapper.insert - ==> Parameters: 2015550123(String), 612345678(String), 00123456789(String), 3f2a9c1e-7b4d-4c1a-9e2f-0a1b2c3d4e5f(String)',
      // Grouped as thousands, not as its region writes it: an amount as often as Spain's `612 345 678`.
      '2026-12-03 08:43:17,015 DEBUG [main] c.e.m.OrderMapper.insert - ==> Parameters: 612 345 678(String), 10 20 30(String), 2026-12-03 10:14:28(String)',
      '2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [3] as [BIGINT] - [681791506009]',
      '2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [4] as [VARCHAR] - [202612031832980268]',
      '2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [5] as [VARCHAR] - [1794808282336]',
      '2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [6] as [TIMESTAMP] - [2026-12-02 19:46:25.0]',
      '2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [7] as [VARCHAR] - [v2.14.3]',
      '2026-12-03 01:03:55,345 TRACE 4242 --- [exec-3] o.h.o.j.bind : binding parameter (2:VARCHAR) <- [0.0.10625.1189]',
    ];
    expect(await anonymizeLines(lines, POLICY)).toEqual(lines);
  });

  it('a national number of a region not configured stays, as in any text without a phone word (README)', async () => {
    // Spain's mobile in its own grouping, with the default regions (CN US GB DE FR JP IN HK).
    const [, es] = nationalNumbers(1)[0];
    const line = `2026-12-03 08:43:17,015 DEBUG [main] c.e.m.CustomerMapper.insert - ==> Parameters: 160729680951(Long), ${es}(String)`;
    expect(await anonymizeLines([line])).toEqual([line]);
  });

  it('a bound value of another type is scanned as text, as before: no whole-value reading', async () => {
    const [, fr] = nationalNumbers(1).find(([r]) => r === 'FR')!;
    const run = fr.replace(/\D/g, '');
    const lines = [
      `2026-12-03 01:03:55,345 TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [3] as [BIGINT] - [${run}]`,
      `2026-12-03 08:43:17,015 DEBUG [main] c.e.m.OrderMapper.insert - ==> Parameters: ${run}(Long)`,
    ];
    expect(await anonymizeLines(lines, POLICY)).toEqual(lines);
  });
});
