import { describe, expect, it } from 'vitest';
import { MAX_STATEMENTS, SqlMemory, sqlValues } from '../../../src/formats/inline/statements.js';

/** Read lines in order through one memory; for each, its paired values as [column, text]. */
function pairs(lines: readonly string[], first = 0, memory = new SqlMemory()): Array<Array<[string | number, string]>> {
  return lines.map((line, i) => (sqlValues(line, first + i, memory)?.spans ?? []).filter((s) => !s.whole).map((s) => [s.path[0], line.slice(s.start, s.end)]));
}

/** Read lines in order through one memory; for each, its bound strings whose column is not known, as [position, text]. */
function unnamed(lines: readonly string[], memory = new SqlMemory()): Array<Array<[string | number, string]>> {
  return lines.map((line, i) =>
    (sqlValues(line, i, memory)?.spans ?? []).filter((s) => s.whole === true && s.alone === true).map((s) => [s.path[0], line.slice(s.start, s.end)]),
  );
}

const SPRING = (thread: string, logger: string, level = 'DEBUG', ms = '123') => `2026-12-03 10:00:00.${ms} ${level} 4242 --- [${thread}] ${logger} : `;

describe('MyBatis: Parameters paired with the Preparing line of the same logger and thread', () => {
  const prep = `${SPRING('nio-8080-exec-1', 'c.e.m.CustomerMapper.insert')}==>  Preparing: INSERT INTO t_customer (id, mobile, id_no, real_name, created_at) VALUES (?, ?, ?, ?, ?)`;
  const params = `${SPRING('nio-8080-exec-1', 'c.e.m.CustomerMapper.insert', 'DEBUG', '131')}==> Parameters: 1001(Long), 13912345678(String), E55512345(String), 张三(String), 2026-12-03 10:00:00.0(Timestamp)`;

  it('each value with its ? column; the (Type) suffix is not part of it', () => {
    expect(pairs([prep, params])[1]).toEqual([
      ['id', '1001'],
      ['mobile', '13912345678'],
      ['id_no', 'E55512345'],
      ['real_name', '张三'],
      ['created_at', '2026-12-03 10:00:00.0'],
    ]);
  });

  it('values holding `, ` and `(` are cut at the type suffixes; null has none', () => {
    const p = `${SPRING('main', 'c.e.m.M.insert')}==>  Preparing: insert into t (real_name, note, mobile, email) values (?, ?, ?, ?)`;
    const v = `${SPRING('main', 'c.e.m.M.insert')}==> Parameters: Smith, John (Jr.)(String), null, 13912345678(String), a(b)@example.com(String)`;
    expect(pairs([p, v])[1]).toEqual([
      ['real_name', 'Smith, John (Jr.)'],
      ['mobile', '13912345678'],
      ['email', 'a(b)@example.com'],
    ]);
  });

  it('an enum or other class after a value: cut at any class name when the usual ones do not give the count', () => {
    const p = '==>  Preparing: update t set status=?, real_name=? where id=?';
    const v = '==> Parameters: ACTIVE(CustomerStatus), Li Lei(String), 7(Integer)';
    expect(pairs([p, v])[1]).toEqual([
      ['status', 'ACTIVE'],
      ['real_name', 'Li Lei'],
      ['id', '7'],
    ]);
  });

  it('interleaved threads: each Parameters line takes its own thread’s statement', () => {
    const lines = [
      `${SPRING('exec-1', 'c.e.m.UserMapper.insert')}==>  Preparing: INSERT INTO t_user (mobile, real_name) VALUES (?, ?)`,
      `${SPRING('exec-2', 'c.e.m.UserMapper.update')}==>  Preparing: UPDATE t_user SET real_name=?, status=? WHERE mobile=?`,
      `${SPRING('exec-1', 'c.e.m.UserMapper.insert')}==> Parameters: 13912345678(String), Zhang San(String)`,
      `${SPRING('exec-3', 'c.e.m.UserMapper.insert')}==> Parameters: 13911112222(String), Wang Wu(String)`,
      `${SPRING('exec-2', 'c.e.m.UserMapper.update')}==> Parameters: Li Lei(String), 2(Integer), 13987654321(String)`,
    ];
    expect(pairs(lines).slice(2)).toEqual([
      [
        ['mobile', '13912345678'],
        ['real_name', 'Zhang San'],
      ],
      [], // exec-3 has no statement: its values are scanned as text
      [
        ['real_name', 'Li Lei'],
        ['status', '2'],
        ['mobile', '13987654321'],
      ],
    ]);
  });

  it('a mapper method named like a keyword is no statement', () => {
    const lines = [
      `${SPRING('main', 'c.e.m.UserMapper.select  ')}==>  Preparing: select id from t_user where real_name = ? and mobile = ?`,
      `${SPRING('main', 'c.e.m.UserMapper.select  ')}==> Parameters: Zhang San(String), 13912345678(String)`,
    ];
    expect(sqlValues(lines[0], 0, null)).not.toBeNull();
    expect(pairs(lines)[1]).toEqual([
      ['real_name', 'Zhang San'],
      ['mobile', '13912345678'],
    ]);
  });

  it('a batch repeats Parameters lines for one Preparing line', () => {
    const p = '[batch-1] DEBUG c.e.M.insertAll - ==>  Preparing: insert into t (mobile) values (?)';
    const v = (n: string) => `[batch-1] DEBUG c.e.M.insertAll - ==> Parameters: ${n}(String)`;
    expect(pairs([p, v('13912345678'), v('13987654321')]).slice(1)).toEqual([[['mobile', '13912345678']], [['mobile', '13987654321']]]);
  });

  it('another count of values than of ?s pairs nothing', () => {
    const p = '==>  Preparing: insert into t (mobile, real_name) values (?, ?)';
    expect(pairs([p, '==> Parameters: 13912345678(String)'])[1]).toEqual([]);
    expect(pairs([p, '==> Parameters: 13912345678(String), Li(String), 3(Integer)'])[1]).toEqual([]);
    expect(pairs([p, '==> Parameters: 13912345678(String), Li Lei'])[1]).toEqual([]);
  });

  it('a Preparing line that cannot be read forgets the statement before it of that prefix', () => {
    const lines = [
      '==>  Preparing: insert into t (mobile, real_name) values (?, ?)',
      '==>  Preparing: with x as (select 1) select * from x where a = ?',
      '==> Parameters: 13912345678(String), Li Lei(String)',
    ];
    expect(pairs(lines)[2]).toEqual([]);
  });

  it('lines that do not follow each other (worker pool blocks) forget what came before', () => {
    const memory = new SqlMemory();
    expect(pairs(['==>  Preparing: insert into t (mobile) values (?)'], 0, memory)).toEqual([[]]);
    expect(pairs(['==> Parameters: 13912345678(String)'], 1, memory)).toEqual([[['mobile', '13912345678']]]);
    expect(pairs(['==>  Preparing: insert into t (mobile) values (?)'], 10, memory)).toEqual([[]]);
    expect(pairs(['==> Parameters: 13912345678(String)'], 50, memory)).toEqual([[]]);
  });

  it(`keeps at most ${MAX_STATEMENTS} statements, the latest`, () => {
    const lines: string[] = [];
    for (let t = 0; t <= MAX_STATEMENTS; t++) lines.push(`[exec-${t}] M.insert - ==>  Preparing: insert into t (mobile) values (?)`);
    lines.push('[exec-0] M.insert - ==> Parameters: 13912345678(String)');
    lines.push(`[exec-${MAX_STATEMENTS}] M.insert - ==> Parameters: 13912345678(String)`);
    const got = pairs(lines);
    expect(got[MAX_STATEMENTS + 1]).toEqual([]);
    expect(got[MAX_STATEMENTS + 2]).toEqual([['mobile', '13912345678']]);
  });
});

describe('MyBatis result rows: Row lines paired with the Columns line before them', () => {
  const at = (rest: string) => `2026-12-03 10:00:00.200 TRACE [exec-1] c.e.m.UserMapper.findByMobile - ${rest}`;

  it('each value with its column; null is no value; a row that does not cut into as many values pairs nothing', () => {
    const lines = [
      at('<==    Columns: id, mobile, real_name, status'),
      at('<==        Row: 1001, 13912345678, Zhang San, 1'),
      at('<==        Row: 1002, null, 王五, 2'),
      at('<==        Row: 1003, 13987654321, Smith, John, 1'),
      at('<==        Row: 1004, 13987654321, Li'),
      at('<==      Total: 4'),
    ];
    expect(pairs(lines).slice(1)).toEqual([
      [
        ['id', '1001'],
        ['mobile', '13912345678'],
        ['real_name', 'Zhang San'],
        ['status', '1'],
      ],
      [
        ['id', '1002'],
        ['real_name', '王五'],
        ['status', '2'],
      ],
      [],
      [],
      [],
    ]);
  });

  it('another thread’s rows do not take these columns', () => {
    expect(pairs([at('<==    Columns: mobile'), '2026-12-03 10:00:00.200 TRACE [exec-2] c.e.m.UserMapper.findByMobile - <==        Row: 13912345678'])[1]).toEqual([]);
  });
});

describe('Hibernate: binding lines paired with the statement before them', () => {
  it('Spring Boot lines: org.hibernate.SQL then BasicBinder, same thread', () => {
    const lines = [
      `${SPRING('main', 'org.hibernate.SQL')}insert into t_user (mobile, real_name, id) values (?, ?, ?)`,
      `${SPRING('main', 'o.h.type.descriptor.sql.BasicBinder', 'TRACE')}binding parameter [1] as [VARCHAR] - [13912345678]`,
      `${SPRING('main', 'o.h.type.descriptor.sql.BasicBinder', 'TRACE')}binding parameter [2] as [VARCHAR] - [Zhang [San]]`,
      `${SPRING('main', 'o.h.type.descriptor.sql.BasicBinder', 'TRACE')}binding parameter [3] as [BIGINT] - [1001]`,
    ];
    expect(pairs(lines).slice(1)).toEqual([[['mobile', '13912345678']], [['real_name', 'Zhang [San]']], [['id', '1001']]]);
  });

  it('Hibernate 6 notation, and `Hibernate:` on stdout before the bindings of a logger', () => {
    const lines = [
      'Hibernate: update t_user set real_name=?, mobile=? where id=?',
      '2026-12-03T10:00:00.125+08:00 TRACE 4242 --- [           main] org.hibernate.orm.jdbc.bind : binding parameter (1:VARCHAR) <- [Li Lei]',
      '2026-12-03T10:00:00.125+08:00 TRACE 4242 --- [           main] org.hibernate.orm.jdbc.bind : binding parameter (2:VARCHAR) <- [null]',
      '2026-12-03T10:00:00.125+08:00 TRACE 4242 --- [           main] org.hibernate.orm.jdbc.bind : binding parameter (3:BIGINT) <- [7]',
    ];
    expect(pairs(lines).slice(1)).toEqual([[['real_name', 'Li Lei']], [], [['id', '7']]]);
  });

  it('a statement written on the lines after its Hibernate line (format_sql) forgets the one before', () => {
    const lines = [
      '2026-12-03 10:00:00.1 DEBUG [main] org.hibernate.SQL - insert into t (mobile, real_name) values (?, ?)',
      '2026-12-03 10:00:00.2 TRACE [main] o.h.t.d.s.BasicBinder - binding parameter [1] as [VARCHAR] - [13912345678]',
      '2026-12-03 10:00:00.3 DEBUG [main] org.hibernate.SQL - ',
      '    update',
      '        t',
      '    set',
      '        status=?',
      '2026-12-03 10:00:00.4 TRACE [main] o.h.t.d.s.BasicBinder - binding parameter [1] as [INTEGER] - [2]',
      'Hibernate: insert into t (mobile) values (?)',
      'Hibernate: ',
      '    select',
      '2026-12-03 10:00:00.5 TRACE [main] o.h.t.d.s.BasicBinder - binding parameter [1] as [VARCHAR] - [13912345678]',
    ];
    const got = pairs(lines);
    expect(got[1]).toEqual([['mobile', '13912345678']]);
    expect(got[7]).toEqual([]);
    expect(got[11]).toEqual([]);
  });

  it('bindings out of order, or past the last ?, pair nothing', () => {
    const lines = [
      '[main] org.hibernate.SQL - insert into t (mobile) values (?)',
      '[main] o.h.t.d.s.BasicBinder - binding parameter [2] as [VARCHAR] - [13912345678]',
      '[main] o.h.t.d.s.BasicBinder - binding parameter [1] as [VARCHAR] - [13912345678]',
      '[main] o.h.t.d.s.BasicBinder - binding parameter [2] as [VARCHAR] - [13987654321]',
    ];
    expect(pairs(lines).slice(1)).toEqual([[], [['mobile', '13912345678']], []]);
  });

  it('another thread’s bindings do not take this thread’s statement', () => {
    const lines = [
      '[exec-1] org.hibernate.SQL - insert into t (mobile) values (?)',
      '[exec-2] o.h.t.d.s.BasicBinder - binding parameter [1] as [VARCHAR] - [13912345678]',
    ];
    expect(pairs(lines)[1]).toEqual([]);
  });
});

describe('a line with a statement and no memory (a value read as a line)', () => {
  it('pairs its own literals only', () => {
    const line = "insert into t (mobile) values ('13912345678')";
    expect(sqlValues(line, 0, null)?.spans.map((s) => line.slice(s.start, s.end))).toEqual(['13912345678']);
    expect(sqlValues('==> Parameters: 13912345678(String)', 1, null)).toBeNull();
  });
});

describe('bound strings whose column is not known: whole values at their position', () => {
  it('MyBatis Parameters without a Preparing line: each String, not the other types', () => {
    const v = `${SPRING('main', 'c.e.m.M.insert')}==> Parameters: 160729680951(Long), 612 34 56 78(String), Smith, John (Jr.)(String), null, 2026-12-02 19:46:25(Timestamp), 7(Integer)`;
    expect(unnamed([v])).toEqual([
      [
        [2, '612 34 56 78'],
        [3, 'Smith, John (Jr.)'],
      ],
    ]);
    // None at all: nothing to pair, the line is scanned as text.
    expect(sqlValues(`${SPRING('main', 'c.e.m.M.insert')}==> Parameters: 1(Long), 2(Integer)`, 0, new SqlMemory())).toBeNull();
  });

  it('Hibernate bindings without a statement: VARCHAR, CHAR, NVARCHAR… in both notations; BIGINT, TIMESTAMP and null are not', () => {
    const b = (n: number, type: string, v: string) => `${SPRING('exec-7', 'o.h.t.d.s.BasicBinder', 'TRACE')}binding parameter [${n}] as [${type}] - [${v}]`;
    const b6 = (n: number, type: string, v: string) => `${SPRING('exec-7', 'o.h.o.j.bind', 'TRACE')}binding parameter (${n}:${type}) <- [${v}]`;
    expect(
      unnamed([b(4, 'VARCHAR', '612 34 56 78'), b(5, 'NVARCHAR', '张三'), b6(2, 'CHAR', '0612345678'), b(3, 'BIGINT', '681791506009'), b(6, 'TIMESTAMP', '2026-12-02 19:46:25.0'), b(7, 'VARCHAR', 'null')]),
    ).toEqual([[[4, '612 34 56 78']], [[5, '张三']], [[2, '0612345678']], [], [], []]);
  });

  it('a ? the statement gives no column, and bindings out of order: whole values too', () => {
    const sql = `${SPRING('exec-1', 'org.hibernate.SQL')}select id from t where lower(name) = lower(?) and mobile = ?`;
    const b = (n: number, v: string) => `${SPRING('exec-1', 'o.h.t.d.s.BasicBinder', 'TRACE')}binding parameter [${n}] as [VARCHAR] - [${v}]`;
    const memory = new SqlMemory();
    expect(pairs([sql, b(1, 'x'), b(2, '13912345678'), b(5, '0612345678')], 0, memory)).toEqual([[], [], [['mobile', '13912345678']], []]);
    const again = new SqlMemory();
    expect(unnamed([sql, b(1, 'x'), b(2, '13912345678'), b(5, '0612345678')], again)).toEqual([[], [[1, 'x']], [], [[5, '0612345678']]]);
  });
});
