import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSql } from '../../../src/formats/inline/sql.js';
import { decodeValue, encodeValue, isEncoded } from '../../../src/formats/inline/encoding.js';

/** The statement's values as [column, text as written, encoding], and its placeholders' columns. */
function read(line: string): { values: Array<[string | number, string, string]>; placeholders: readonly (string | null)[] } | null {
  const s = readSql(line);
  if (s === null) return null;
  return { values: s.values.map((v) => [v.path[0], line.slice(v.start, v.end), v.encoding]), placeholders: s.placeholders };
}

describe('readSql: literal values with their columns', () => {
  it('insert: each value of a row has its column, strings without their quotes', () => {
    expect(read("insert into t_user (id, mobile, id_no, email, real_name) values (1001, '13912345678', 'E55512345', 'a@example.com', '张三')")).toEqual({
      values: [
        ['id', '1001', 'bare'],
        ['mobile', '13912345678', 'sql'],
        ['id_no', 'E55512345', 'sql'],
        ['email', 'a@example.com', 'sql'],
        ['real_name', '张三', 'sql'],
      ],
      placeholders: [],
    });
  });

  it('insert: several rows, quoted names (backticks, double quotes, brackets), upper case', () => {
    expect(read("INSERT INTO `t_user` (`id`, \"mobile\", [real_name]) VALUES (1, '13912345678', 'Li Lei'), (2, '13987654321', 'O''Brien');")?.values).toEqual([
      ['id', '1', 'bare'],
      ['mobile', '13912345678', 'sql'],
      ['real_name', 'Li Lei', 'sql'],
      ['id', '2', 'bare'],
      ['mobile', '13987654321', 'sql'],
      ['real_name', "O''Brien", 'sql'],
    ]);
  });

  it('insert: a row with another count of values pairs nothing, the other rows still pair', () => {
    expect(read("insert into t (a, real_name) values (1, 'x', 'Zhang San'), (2, 'Li Lei')")?.values).toEqual([
      ['a', '2', 'bare'],
      ['real_name', 'Li Lei', 'sql'],
    ]);
  });

  it('insert: function calls and expressions give their ? the column, not their literals', () => {
    expect(read("insert into t (id, mobile, created_at, note) values (?, aes_encrypt(?, 'k1'), now(), concat('a', ?))")).toEqual({
      values: [],
      placeholders: ['id', 'mobile', 'note'],
    });
  });

  it('insert without a column list, and insert … select: no columns', () => {
    expect(read("insert into t values (1, '13912345678')")).toEqual({ values: [], placeholders: [] });
    expect(read('insert into t (a, b) select a, b from u where id = ?')).toEqual({ values: [], placeholders: ['id'] });
  });

  it('update: set and where, qualified names, comparison operators', () => {
    expect(read("update t_user u set u.mobile='13912345678', real_name = '王五', status=1 where u.id=1001 and amount >= 12.50 and version<>3")?.values).toEqual([
      ['mobile', '13912345678', 'sql'],
      ['real_name', '王五', 'sql'],
      ['status', '1', 'bare'],
      ['id', '1001', 'bare'],
      ['amount', '12.50', 'bare'],
      ['version', '3', 'bare'],
    ]);
  });

  it('where: in, not in, like, between, typed literals, negative numbers', () => {
    expect(read("select id from t where id_no in ('E55512345', 'G55512346') and real_name not like '张%' and birthday between date '1990-01-01' and '1999-12-31' and delta = -5")?.values).toEqual([
      ['id_no', 'E55512345', 'sql'],
      ['id_no', 'G55512346', 'sql'],
      ['real_name', '张%', 'sql'],
      ['birthday', '1990-01-01', 'sql'],
      ['birthday', '1999-12-31', 'sql'],
      ['delta', '-5', 'bare'],
    ]);
  });

  it('MySQL double-quoted strings are values where a value stands', () => {
    expect(read('select * from t where real_name = "Zhang San"')?.values).toEqual([['real_name', 'Zhang San', 'quoted']]);
  });

  it('placeholders in order, with the column where one is known', () => {
    expect(read('select * from t_user where mobile = ? and status in (?, ?) and lower(email) = ? limit ?')?.placeholders).toEqual(['mobile', 'status', 'status', null, null]);
    expect(read('UPDATE t_customer SET mobile=?, real_name=? WHERE id=?')?.placeholders).toEqual(['mobile', 'real_name', 'id']);
    expect(read('delete from t where mobile = ?')?.placeholders).toEqual(['mobile']);
  });

  it('a ? inside a string is no placeholder', () => {
    expect(read("select * from t where note = 'why?' and mobile = ?")?.placeholders).toEqual(['mobile']);
  });

  it('in a log line: the statement after its prefix, up to the first ;', () => {
    const line = "2026-12-03 10:00:00.123 DEBUG [main] c.e.Dao - SQL: update t set real_name='Li Lei' where id=7; took 3 ms mobile='13912345678'";
    const s = readSql(line);
    expect(s && line.slice(s.start, s.keywordEnd)).toBe('update');
    expect(read(line)?.values).toEqual([
      ['real_name', 'Li Lei', 'sql'],
      ['id', '7', 'bare'],
    ]);
  });

  it('a truncated statement: values before the open string pair, the rest is left to the text', () => {
    expect(read("insert into t (id, mobile) values (1, '13912345678'), (2, '1398765")?.values).toEqual([
      ['id', '1', 'bare'],
      ['mobile', '13912345678', 'sql'],
    ]);
    expect(read("update t set real_name='Li Lei', mobile='1391234")?.values).toEqual([['real_name', 'Li Lei', 'sql']]);
    expect(read("insert into t (id, mobile) values (1, '13912345678'")?.values).toEqual([]);
  });

  it('prose with the same words is no statement', () => {
    for (const line of [
      'please update your profile before 2026-12-03',
      'user selected option 3 and 4',
      'insert coin to continue',
      'delete request queued id=42',
      'update failed: status=500',
      'select one of the items',
    ]) {
      expect(read(line)).toBeNull();
    }
  });

  it('words that end in a keyword are no keyword', () => {
    expect(read("preselect from t where real_name = 'x'")).toBeNull();
    expect(read("t_update set real_name = 'x'")).toBeNull();
  });
});

describe("the 'sql' encoding: '' and backslash escapes", () => {
  it('decodes and writes back a quote as two', () => {
    expect(decodeValue("O''Brien", 'sql')).toBe("O'Brien");
    expect(decodeValue("O\\'Brien", 'sql')).toBe("O'Brien");
    expect(encodeValue("O'Brien", 'sql')).toBe("O''Brien");
    const line = "x 'O''Brien' y";
    expect(isEncoded(line, { start: 3, end: 11, path: ['a'], encoding: 'sql' })).toBe(true);
    expect(isEncoded("x 'Brien' y", { start: 3, end: 8, path: ['a'], encoding: 'sql' })).toBe(false);
  });
});

describe('hostile lines', () => {
  it('1 MB lines are read in linear time, and read right', () => {
    const n = 1 << 20;
    expect(read(`select * from t where ${'a = f('.repeat(n / 6)}`)).toEqual({ values: [], placeholders: [] }); // calls never close
    expect(read(`update t set a = '${"''".repeat(n / 2)}`)).toEqual({ values: [], placeholders: [] }); // a string never closes
    expect(read('select '.repeat(n / 7))).toBeNull();
    const cols = read(`insert into t (${'u.a, '.repeat(n / 5)}b) values (${'1, '.repeat(n / 5)}2)`);
    expect(cols?.values.length).toBe(0); // past the token cap no row closes
    const rows = read(`insert into t (a) values ${"('x'), ".repeat(20_000)}('y')`);
    expect(rows?.values.length).toBe(20_001);
    expect(new Set(rows?.values.map((v) => v.join(' ')))).toEqual(new Set(['a x sql', 'a y sql']));
    const list = read(`select * from t where a in (${'?, '.repeat(50_000)}?)`);
    expect(list?.placeholders.length).toBe(50_001);
    expect(new Set(list?.placeholders)).toEqual(new Set(['a']));
  }, 60_000);

  it('values are sorted, apart, inside the line and never hold the quotes around them, whatever the input', () => {
    const alphabet = fc.constantFrom('insert ', 'into ', 'update ', 'set ', 'select ', 'from ', 'where ', 'values ', 'a', 'b', ' ', '(', ')', ',', '=', "'", "''", '"', '`', '?', '1', '-', '.', 'in ', '张', '\\', ';');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (line) => {
        const s = readSql(line);
        if (s === null) return;
        let at = s.start;
        for (const v of s.values) {
          expect(v.start).toBeGreaterThanOrEqual(at);
          expect(v.end).toBeGreaterThan(v.start);
          expect(v.end).toBeLessThanOrEqual(line.length);
          at = v.end;
        }
      }),
      { numRuns: 2000, seed: 10 },
    );
  });
});
