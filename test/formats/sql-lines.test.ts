/**
 * SQL statements and the MyBatis / Hibernate lines that print their bound values, through the text
 * format with a real anonymizer: values paired with their columns get the columns' field rules; the
 * rest of each line (ids, timestamps, amounts, status codes) is scanned as before.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { LineBlockMapper } from '../../src/formats/lines/blocks.js';
import { ndjsonFormat } from '../../src/formats/ndjson.js';
import { textFormat } from '../../src/formats/text.js';
import type { PolicyInput } from '../../src/policy/schema.js';
import { anonymizingVisitor, scanningVisitor, type FindingReport } from '../../src/visitors.js';

// ---- Values generated here, check characters computed here (not by logveil's detectors) ----------

/** GB 11643: weights 2^(17-i) mod 11, check char from the sum mod 11. */
function residentId(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return first17 + '10X98765432'[sum % 11];
}

/** Luhn: the check digit that makes the whole number's sum a multiple of 10. */
function luhn(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

const ID = residentId('11010519900307123'); // Beijing Chaoyang, born 1990-03-07
const ID2 = residentId('44030519851122456'); // Shenzhen Futian, born 1985-11-22
const CARD = luhn('453201511283036'); // a Visa number of 16 digits
const MOBILE = '13912345678';
const MOBILE2 = '18611112222';
const PASSPORT = 'E55512345';
const EMAIL = 'li.lei@example.com';

it('the generated values are what they should be', () => {
  expect(ID).toMatch(/^\d{17}[\dX]$/);
  expect(ID.slice(6, 14)).toBe('19900307');
  expect(CARD).toHaveLength(16);
});

const POLICY: PolicyInput = { fields: { names: { id_no: 'CN_PASSPORT' } } };

async function anonymizeLines(input: string, policy: PolicyInput = POLICY): Promise<string> {
  const a = createAnonymizer({ policy });
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from([Buffer.from(input, 'utf8')]),
    textFormat.createTransform({ visitor: anonymizingVisitor(a), source: 'app.log', warn: () => undefined }),
    new Writable({
      write(c: Buffer, _e, cb) {
        parts.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(parts).toString('utf8');
}

const lines = (...ls: string[]) => ls.join('\n') + '\n';

describe('SQL in a line: values with their columns', () => {
  it.each([
    [
      `2026-12-03 10:00:00.123 INFO [main] c.e.UserDao - exec: insert into t_user (id, mobile, id_no, email, real_name, amount, status, created_at) values (1001, '${MOBILE}', '${PASSPORT}', '${EMAIL}', 'Li Lei', 12.50, 1, '2026-12-03 10:00:00')`,
      `2026-12-03 10:00:00.123 INFO [main] c.e.UserDao - exec: insert into t_user (id, mobile, id_no, email, real_name, amount, status, created_at) values (1001, '<PHONE>', '<CN_PASSPORT>', '<EMAIL>', '<PERSON_NAME>', 12.50, 1, '2026-12-03 10:00:00')`,
    ],
    [
      `INSERT INTO \`t_user\` (\`id\`, \`mobile\`, \`real_name\`, \`order_no\`) VALUES (1, '+33 6 12 34 56 78', 'O''Brien', '202612030001234567'), (2, '(555) 010-4477', 'Zhang San', '202612030001234568');`,
      `INSERT INTO \`t_user\` (\`id\`, \`mobile\`, \`real_name\`, \`order_no\`) VALUES (1, '<PHONE>', '<PERSON_NAME>', '202612030001234567'), (2, '<PHONE>', '<PERSON_NAME>', '202612030001234568');`,
    ],
    [
      `update t_customer set real_name='王五', id_card='${ID}', card_no='${CARD}', version=version+1 where id=1001 and updated_at < 1764756000123`,
      `update t_customer set real_name='<PERSON_NAME>', id_card='<CN_RESIDENT_ID>', card_no='<PAYMENT_CARD>', version=version+1 where id=1001 and updated_at < 1764756000123`,
    ],
    [
      `select id, status from t_user u where u.mobile = '${MOBILE}' and u.id_no in ('${PASSPORT}', 'G55512346') and amount > 99.90 limit 20`,
      `select id, status from t_user u where u.mobile = '<PHONE>' and u.id_no in ('<CN_PASSPORT>', '<CN_PASSPORT>') and amount > 99.90 limit 20`,
    ],
    [
      `用户注册 执行SQL：INSERT INTO 客户 (编号, 手机号, 身份证号, 姓名, 地址) VALUES (88, '${MOBILE2}', '${ID2}', '张三', '北京市朝阳区建国路88号') 耗时 12ms`,
      `用户注册 执行SQL：INSERT INTO 客户 (编号, 手机号, 身份证号, 姓名, 地址) VALUES (88, '<PHONE>', '<CN_RESIDENT_ID>', '<PERSON_NAME>', '<ADDRESS>') 耗时 12ms`,
    ],
  ])('%s', async (line, expected) => {
    expect(await anonymizeLines(`${line}\n`)).toBe(`${expected}\n`);
  });

  it('statements with only look-alikes come back byte for byte', async () => {
    const clean = lines(
      "insert into t_order (id, order_no, amount, status, created_at, trace_id) values (1001, '202612030001234567', 12.50, 'PAID', '2026-12-03 10:00:00', '4bf92f3577b34da6a3ce929d0e0e4736')",
      "update t_order set status=2, version=7, updated_at=1764756000123 where order_no='202612030001234567' and id in (1, 2, 3)",
      'select count(*) from t_order where created_at between ? and ? and status = ?',
    );
    expect(await anonymizeLines(clean)).toBe(clean);
  });

  it('a number written in groups after `=` is read whole, as in a pair', async () => {
    expect(await anonymizeLines(`update t set card_no=${CARD.replace(/(\d{4})(?=\d)/g, '$1 ')}, real_name='Li Lei' where id=5\n`)).toBe(
      "update t set card_no=<PAYMENT_CARD>, real_name='<PERSON_NAME>' where id=5\n",
    );
  });

  it('pairs inside a statement: a placeholder is no value, an unquoted name is one word, quotes are the statement’s', async () => {
    expect(await anonymizeLines(lines('update t_user set mobile=?, real_name=? WHERE id=? AND status=?', 'update t_user set name=Bob WHERE id=5', "update t_user set name='Bob' where id=5"))).toBe(
      lines('update t_user set mobile=?, real_name=? WHERE id=? AND status=?', 'update t_user set name=<PERSON_NAME> WHERE id=5', "update t_user set name='<PERSON_NAME>' where id=5"),
    );
  });

  it("a field rule's drop empties the value and keeps the quotes", async () => {
    const policy: PolicyInput = { fields: { rules: [{ match: 'id_no', action: 'drop' }] } };
    expect(await anonymizeLines(`update t set id_no='${PASSPORT}' where id=7\n`, policy)).toBe(`update t set id_no='' where id=7\n`);
  });

  it('malformed or truncated SQL: what pairs is paired, the rest is scanned as text', async () => {
    expect(await anonymizeLines(`insert into t (id, mobile, real_name) values (7, '${MOBILE}', 'Li Lei', '${ID}')\n`)).toBe(
      "insert into t (id, mobile, real_name) values (7, '<PHONE>', 'Li Lei', '<CN_RESIDENT_ID>')\n",
    );
    expect(await anonymizeLines(`insert into t (id, mobile) values (7, '${MOBILE}'), (8, '${MOBILE2}\n`)).toBe(
      "insert into t (id, mobile) values (7, '<PHONE>'), (8, '<PHONE>\n",
    );
    expect(await anonymizeLines(`insert into t (id, email values (7, '${EMAIL}')\n`)).toBe("insert into t (id, email values (7, '<EMAIL>')\n");
  });

  it('an insert inside a JSON string (Docker, NDJSON) is read as a line too', () => {
    const a = createAnonymizer({ policy: POLICY });
    const map = ndjsonFormat.lines!({ visitor: anonymizingVisitor(a), source: 'app.ndjson', warn: () => undefined });
    const line = `{"log":"insert into t_user (id, real_name, mobile) values (1001, 'Li Lei', '${MOBILE}')\\n","stream":"stdout"}`;
    expect(map(line, 0)).toBe(`{"log":"insert into t_user (id, real_name, mobile) values (1001, '<PERSON_NAME>', '<PHONE>')\\n","stream":"stdout"}`);
  });

  it('anonymizing the output again changes nothing', async () => {
    const once = await anonymizeLines(
      lines(
        `insert into t_user (id, mobile, id_no, real_name) values (1001, '${MOBILE}', '${PASSPORT}', 'O''Brien')`,
        `[main] M.insert - ==>  Preparing: insert into t (mobile, real_name) values (?, ?)`,
        `[main] M.insert - ==> Parameters: ${MOBILE}(String), Li Lei(String)`,
      ),
    );
    expect(await anonymizeLines(once)).toBe(once);
  });
});

describe('MyBatis: Parameters lines paired with their Preparing line', () => {
  const prefix = (thread: string, ms: string) => `2026-12-03 10:00:00.${ms} DEBUG 4242 --- [${thread}] c.e.m.CustomerMapper.insert : `;

  it('interleaved threads, values with `, ` and `(`, look-alikes kept', async () => {
    const input = lines(
      `${prefix('exec-1', '101')}==>  Preparing: INSERT INTO t_customer (id, mobile, id_no, real_name, amount, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      `${prefix('exec-2', '102')}==>  Preparing: INSERT INTO t_customer (id, real_name, id_card, status) VALUES (?, ?, ?, ?)`,
      `${prefix('exec-1', '103')}==> Parameters: 1001(Long), ${MOBILE}(String), ${PASSPORT}(String), Smith, John (Jr.)(String), 12.50(BigDecimal), 2026-12-03 10:00:00.0(Timestamp)`,
      `${prefix('exec-2', '104')}==> Parameters: 1002(Long), 张三(String), ${ID}(String), 1(Integer)`,
      `${prefix('exec-1', '105')}<==    Updates: 1`,
    );
    expect(await anonymizeLines(input)).toBe(
      lines(
        `${prefix('exec-1', '101')}==>  Preparing: INSERT INTO t_customer (id, mobile, id_no, real_name, amount, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        `${prefix('exec-2', '102')}==>  Preparing: INSERT INTO t_customer (id, real_name, id_card, status) VALUES (?, ?, ?, ?)`,
        `${prefix('exec-1', '103')}==> Parameters: 1001(Long), <PHONE>(String), <CN_PASSPORT>(String), <PERSON_NAME>(String), 12.50(BigDecimal), 2026-12-03 10:00:00.0(Timestamp)`,
        `${prefix('exec-2', '104')}==> Parameters: 1002(Long), <PERSON_NAME>(String), <CN_RESIDENT_ID>(String), 1(Integer)`,
        `${prefix('exec-1', '105')}<==    Updates: 1`,
      ),
    );
  });

  it('update and select: the columns of set and where, in ? order', async () => {
    const input = lines(
      '2026-12-03 10:00:01,001 [http-nio-8080-exec-7] DEBUG c.e.m.UserMapper.updateContact - ==>  Preparing: UPDATE t_user SET mobile=?, email=?, real_name=? WHERE id=? AND status=?',
      `2026-12-03 10:00:01,002 [http-nio-8080-exec-7] DEBUG c.e.m.UserMapper.updateContact - ==> Parameters: +55 11 91234-5678(String), ${EMAIL}(String), Maria Silva(String), 1001(Long), 1(Integer)`,
      '2026-12-03 10:00:01,003 [http-nio-8080-exec-8] DEBUG c.e.m.UserMapper.findByMobile - ==>  Preparing: select id, real_name from t_user where mobile = ? and deleted = ?',
      `2026-12-03 10:00:01,004 [http-nio-8080-exec-8] DEBUG c.e.m.UserMapper.findByMobile - ==> Parameters: ${MOBILE2}(String), 0(Integer)`,
    );
    const out = (await anonymizeLines(input)).split('\n');
    // `mobile=?` and `real_name=? WHERE` are no pairs: a placeholder is no value, WHERE no name.
    expect(out[0]).toBe(input.split('\n')[0]);
    expect(out[2]).toBe(input.split('\n')[2]);
    expect(out[1]).toBe('2026-12-03 10:00:01,002 [http-nio-8080-exec-7] DEBUG c.e.m.UserMapper.updateContact - ==> Parameters: <PHONE>(String), <EMAIL>(String), <PERSON_NAME>(String), 1001(Long), 1(Integer)');
    expect(out[3]).toBe('2026-12-03 10:00:01,004 [http-nio-8080-exec-8] DEBUG c.e.m.UserMapper.findByMobile - ==> Parameters: <PHONE>(String), 0(Integer)');
  });

  it('result rows: values with the columns the Columns line names, look-alikes kept', async () => {
    const at = (rest: string) => `2026-12-03 10:00:01,005 [http-nio-8080-exec-8] TRACE c.e.m.UserMapper.findByMobile - ${rest}`;
    const input = lines(at('<==    Columns: id, real_name, mobile, id_card, balance, created_at'), at(`<==        Row: 1001, Li Lei, ${MOBILE2}, ${ID}, 1024.00, 2026-12-03 10:00:00.0`), at('<==      Total: 1'));
    expect((await anonymizeLines(input)).split('\n')[1]).toBe(at('<==        Row: 1001, <PERSON_NAME>, <PHONE>, <CN_RESIDENT_ID>, 1024.00, 2026-12-03 10:00:00.0'));
  });

  it('without its statement a Parameters line is scanned as text, as before', async () => {
    const line = `[exec-9] c.e.M.insert - ==> Parameters: 1001(Long), ${MOBILE}(String), ${ID}(String), 20261203(Long)\n`;
    expect(await anonymizeLines(line)).toBe('[exec-9] c.e.M.insert - ==> Parameters: 1001(Long), <PHONE>(String), <CN_RESIDENT_ID>(String), 20261203(Long)\n');
  });

  it('worker-pool blocks: a block that does not follow the last one mapped starts with no statement (the scan still runs)', () => {
    const a = createAnonymizer({ policy: POLICY });
    const mapper = textFormat.lines!({ visitor: anonymizingVisitor(a), source: 'app.log', warn: () => undefined });
    const prep = Buffer.from('[exec-1] M.insert - ==>  Preparing: insert into t (real_name, mobile, id_card) values (?, ?, ?)\n');
    const params = Buffer.from(`[exec-1] M.insert - ==> Parameters: Li Lei(String), ${MOBILE}(String), ${ID}(String)\n`);
    // The next block: paired.
    expect(new LineBlockMapper(mapper, 0).map(prep).toString()).toBe(prep.toString());
    expect(new LineBlockMapper(mapper, 1).map(params).toString()).toBe('[exec-1] M.insert - ==> Parameters: <PERSON_NAME>(String), <PHONE>(String), <CN_RESIDENT_ID>(String)\n');
    // A block from further on, in the same worker: its values are scanned as text.
    expect(new LineBlockMapper(mapper, 2).map(prep).toString()).toBe(prep.toString());
    expect(new LineBlockMapper(mapper, 40).map(params).toString()).toMatch(/^\[exec-1\] M\.insert - ==> Parameters: .*\(String\), <PHONE>\(String\), <CN_RESIDENT_ID>\(String\)\n$/);
  });
});

describe('Hibernate: binding lines paired with the statement', () => {
  it('org.hibernate.SQL and BasicBinder lines of one thread', async () => {
    const p = (level: string, logger: string) => `2026-12-03 10:00:02.500 ${level} 4242 --- [nio-8080-exec-3] ${logger} : `;
    const input = lines(
      `${p('DEBUG', 'org.hibernate.SQL                       ')}insert into t_patient (birthday, id, mobile, name, visit_count) values (?, ?, ?, ?, ?)`,
      `${p('TRACE', 'o.h.type.descriptor.sql.BasicBinder     ')}binding parameter [1] as [DATE] - [1990-03-07]`,
      `${p('TRACE', 'o.h.type.descriptor.sql.BasicBinder     ')}binding parameter [2] as [BIGINT] - [1001]`,
      `${p('TRACE', 'o.h.type.descriptor.sql.BasicBinder     ')}binding parameter [3] as [VARCHAR] - [${MOBILE}]`,
      `${p('TRACE', 'o.h.type.descriptor.sql.BasicBinder     ')}binding parameter [4] as [VARCHAR] - [Wang Fang]`,
      `${p('TRACE', 'o.h.type.descriptor.sql.BasicBinder     ')}binding parameter [5] as [INTEGER] - [3]`,
    );
    const out = (await anonymizeLines(input)).split('\n');
    expect(out.slice(1, 6).map((l) => l.slice(l.indexOf('binding')))).toEqual([
      'binding parameter [1] as [DATE] - [<DATE_OF_BIRTH>]',
      'binding parameter [2] as [BIGINT] - [1001]',
      'binding parameter [3] as [VARCHAR] - [<PHONE>]',
      'binding parameter [4] as [VARCHAR] - [<PERSON_NAME>]',
      'binding parameter [5] as [INTEGER] - [3]',
    ]);
  });

  it('`Hibernate:` on stdout, then Hibernate 6 bindings', async () => {
    const input = lines(
      'Hibernate: update t_user set email=?, real_name=? where id=?',
      `2026-12-03T10:00:03.001+08:00 TRACE 4242 --- [main] org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [${EMAIL}]`,
      '2026-12-03T10:00:03.001+08:00 TRACE 4242 --- [main] org.hibernate.orm.jdbc.bind : binding parameter (2:VARCHAR) <- [李雷]',
      '2026-12-03T10:00:03.001+08:00 TRACE 4242 --- [main] org.hibernate.orm.jdbc.bind : binding parameter (3:BIGINT) <- [1001]',
    );
    const out = (await anonymizeLines(input)).split('\n');
    expect(out.slice(1, 4).map((l) => l.slice(l.indexOf('binding')))).toEqual([
      'binding parameter (1:VARCHAR) <- [<EMAIL>]',
      'binding parameter (2:VARCHAR) <- [<PERSON_NAME>]',
      'binding parameter (3:BIGINT) <- [1001]',
    ]);
  });
});

describe('scan reports name the column', () => {
  it('field is the column of the value', async () => {
    const a = createAnonymizer({ policy: POLICY });
    const reports: FindingReport[] = [];
    const map = textFormat.lines!({ visitor: scanningVisitor(a, (r) => reports.push(r)), source: 'app.log', warn: () => undefined });
    map(`insert into t_user (id, real_name, mobile) values (1001, 'Li Lei', '${MOBILE}')`, 0);
    map('[main] M.q - ==>  Preparing: select * from t where id_no = ?', 1);
    map(`[main] M.q - ==> Parameters: ${PASSPORT}(String)`, 2);
    expect(reports.map((r) => [r.record, r.field, r.finding.type])).toEqual([
      [0, 'real_name', 'PERSON_NAME'],
      [0, 'mobile', 'PHONE'],
      [2, 'id_no', 'CN_PASSPORT'],
    ]);
  });
});
