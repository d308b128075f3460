import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { parseString } from 'fast-csv';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/anonymizer.js';
import { CsvTransform, csvFormat, detectDelimiter, tsvFormat } from '../../src/formats/csv.js';
import type { CsvOptions } from '../../src/formats/format.js';
import { formatForPath, formats } from '../../src/formats/index.js';
import { DROP, type Place, type ValueVisitor, type Visited } from '../../src/record/index.js';
import type { PolicyInput } from '../../src/policy/schema.js';
import { anonymizingVisitor } from '../../src/visitors.js';

interface Run {
  out: Buffer;
  warnings: string[];
}

/** Feed `input` in pieces of `chunk` bytes (a number, or a list cycled through) and collect the output. */
async function run(
  input: string | Buffer,
  visitor: ValueVisitor,
  opts: { csv?: CsvOptions; chunk?: number | number[]; tsv?: boolean; maxRowBytes?: number } = {},
): Promise<Run> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const sizes = opts.chunk === undefined ? [64 * 1024] : typeof opts.chunk === 'number' ? [opts.chunk] : opts.chunk;
  const chunks: Buffer[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length];
    chunks.push(bytes.subarray(i, i + n));
    i += n;
  }
  const warnings: string[] = [];
  const options = { visitor, source: 'in.csv', warn: (m: string) => warnings.push(m), csv: opts.csv };
  const transform =
    opts.maxRowBytes !== undefined
      ? new CsvTransform({ ...options, maxRowBytes: opts.maxRowBytes })
      : (opts.tsv ? tsvFormat : csvFormat).createTransform(options);
  const parts: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    transform,
    new Writable({
      write(c: Buffer, _e, cb) {
        parts.push(c);
        cb();
      },
    }),
  );
  return { out: Buffer.concat(parts), warnings };
}

const identity: ValueVisitor = { visit: (v) => v };

/** Records every visit as [value, path, record]. */
function recorder(): ValueVisitor & { seen: Array<[string, ReadonlyArray<string | number>, number]> } {
  const seen: Array<[string, ReadonlyArray<string | number>, number]> = [];
  return {
    seen,
    visit(value: string, place: Place): Visited {
      seen.push([value, [...place.path], place.record]);
      return value;
    },
  };
}

/** A visitor replacing whole values by a table. */
function replacing(table: Record<string, string | typeof DROP>): ValueVisitor {
  return { visit: (v) => (Object.hasOwn(table, v) ? table[v] : v) };
}

/** GB 11643 check character, computed here independently of detectors/lib/checksum.ts. */
function cnId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * w[i];
  return body17 + '10X98765432'[sum % 11];
}

const anon = (policy?: PolicyInput) => anonymizingVisitor(createAnonymizer({ policy }));

describe('CSV round trips: no change in, same bytes out', () => {
  const BOM = '\ufeff';
  const samples: Array<[string, string, { csv?: CsvOptions; tsv?: boolean }?]> = [
    ['plain', 'id,city,count\n1,Paris,3\n2,Lyon,4\n'],
    ['no final newline', 'id,city\n1,Paris\n2,Lyon'],
    ['CRLF', 'id,city\r\n1,Paris\r\n2,Lyon\r\n'],
    ['mixed CRLF and LF', 'id,city\r\n1,Paris\n2,Lyon\r\n'],
    ['quoted with , " and newlines', 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"line one\nline two\r\nthree"\n4,""\n'],
    ['quotes inside an unquoted field are data', 'id,note\n1,5" screen\n2,a"b"c\n'],
    ['BOM', `${BOM}id,city\r\n1,Paris\r\n`],
    ['BOM only', BOM],
    ['empty input', ''],
    ['header only, no newline', 'a,b,c'],
    ['TSV', 'id\tnote\n1\ta, b; c\n2\t"tab\tinside"\n', { tsv: true }],
    ['semicolon detected', 'id;note;n\n1;"a;b";2,5\n'],
    ['pipe detected', 'a|b\n1|2\n'],
    ['tab detected in .csv', 'a\tb\n1\t2\n'],
    ['no header', '1,2,3\n4,5,6\n', { csv: { header: false } }],
    ['empty fields', 'a,b,c\n,,\n1,,\n,,3\n'],
    ['empty lines kept', 'a,b\n\n1,2\r\n\r\n3,4\n\n'],
    ['Chinese', '姓名,城市\n"张三",北京\n李四,"上海,浦东"\n'],
    ['lone CR is data', 'a,b\n1\r2,3\n'],
    ['single column', 'word\nalpha\nbeta\n'],
  ];

  it.each(samples)('%s', async (_n, input, opts) => {
    for (const chunk of [1, 2, 3, 5, 7, 64 * 1024]) {
      const { out, warnings } = await run(input, identity, { ...opts, chunk });
      expect(out.toString('utf8')).toBe(input);
      expect(warnings).toEqual([]);
    }
  });

  it('keeps bytes that are not UTF-8 and still parses around them', async () => {
    const input = Buffer.concat([Buffer.from('a,b\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n"x\n'), Buffer.from([0xc3]), Buffer.from('",2\n')]);
    for (const chunk of [1, 3, 1024]) expect((await run(input, identity, { chunk })).out.equals(input)).toBe(true);
  });

  it('the real anonymizer on a file without personal data changes nothing', async () => {
    const input = 'ts,level,msg,amount\r\n2024-03-01T10:00:00Z,INFO,"request handled, cache hit",19.90\r\n2024-03-01T10:00:01Z,WARN,"retry ""upstream""",0\r\n';
    expect((await run(input, anon(), { chunk: [1, 4, 7] })).out.toString()).toBe(input);
  });
});

describe('what is visited, and where', () => {
  it('header cells as text (path []), then every cell under its column name; record counts rows from 0', async () => {
    const v = recorder();
    await run('name,note\r\n"Doe, J","said ""hi""\nbye"\r\n\r\nRoe,x\r\n', v);
    expect(v.seen).toEqual([
      ['name', [], 0],
      ['note', [], 0],
      ['Doe, J', ['name'], 1],
      ['said "hi"\nbye', ['note'], 1],
      // row 3 (record 2) is an empty line: nothing to visit
      ['Roe', ['name'], 3],
      ['x', ['note'], 3],
    ]);
  });

  it('the BOM is not part of the first column name', async () => {
    const v = recorder();
    await run('\ufeffemail,n\n1,2\n', v);
    expect(v.seen[2]).toEqual(['1', ['email'], 1]);
  });

  it('without a header: paths are column indexes and the first row is data', async () => {
    const v = recorder();
    await run('a,b\nc,d\n', v, { csv: { header: false } });
    expect(v.seen).toEqual([
      ['a', [0], 0],
      ['b', [1], 0],
      ['c', [0], 1],
      ['d', [1], 1],
    ]);
  });

  it('an empty column name is addressed by its index', async () => {
    const v = recorder();
    await run('id,\n1,2\n', v);
    expect(v.seen.slice(2)).toEqual([
      ['1', ['id'], 1],
      ['2', [1], 1],
    ]);
  });

  it('empty fields and a trailing delimiter are cells', async () => {
    const v = recorder();
    await run('a,b,c\n,x,\n', v);
    expect(v.seen.slice(3).map((s) => s[0])).toEqual(['', 'x', '']);
  });

  it('a header cell the visitor changes is written changed, rules still see the original name', async () => {
    const v = recorder();
    const changing: ValueVisitor = {
      visit: (value, place) => (v.visit(value, place), value === 'a@example.com' ? '<EMAIL>' : value),
    };
    const { out } = await run('a@example.com,b\n1,2\n', changing);
    expect(out.toString()).toBe('<EMAIL>,b\n1,2\n');
    expect(v.seen[2]).toEqual(['1', ['a@example.com'], 1]);
  });
});

describe('delimiter and quote', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['a|b|c', '|'],
    ['"x,y,z";b;c', ';'], // delimiters inside quotes do not count
    ['a,b;c', ','], // a tie goes to , then tab then ; then |
    ['a;b|c\tx', '\t'],
    ['single', ','],
  ])('detects %j as %j', (line, d) => {
    expect(detectDelimiter(line)).toBe(d);
  });

  it('uses a given delimiter and quote', async () => {
    const v = recorder();
    const input = "a;b\n'x;y';'it''s'\n";
    const { out } = await run(input, v, { csv: { delimiter: ';', quote: "'" } });
    expect(out.toString()).toBe(input);
    expect(v.seen.slice(2).map((s) => s[0])).toEqual(['x;y', "it's"]);
  });

  it('TSV uses a tab even when the first line has more commas', async () => {
    const v = recorder();
    await run('a,b\tc\n1,2\t3\n', v, { tsv: true });
    expect(v.seen.slice(2)).toEqual([
      ['1,2', ['a,b'], 1],
      ['3', ['c'], 1],
    ]);
  });

  it('rejects a delimiter that is not one ASCII character', () => {
    const make = (csv: CsvOptions) => () => csvFormat.createTransform({ visitor: identity, source: 'x', warn: () => {}, csv });
    expect(make({ delimiter: '::' })).toThrow(/csv\.delimiter/);
    expect(make({ delimiter: '，' })).toThrow(/csv\.delimiter/);
    expect(make({ delimiter: '"' })).toThrow(/must differ/);
  });

  it('is registered by name and by extension', () => {
    expect(formats.csv).toBe(csvFormat);
    expect(formats.tsv).toBe(tsvFormat);
    expect(formatForPath('out/export.CSV.gz')).toBe(csvFormat);
    expect(formatForPath('x.tsv')).toBe(tsvFormat);
  });
});

describe('changed cells', () => {
  it('only the changed cell changes; it is quoted when it must be', async () => {
    const input = 'a,b,c\r\nkeep,x,"q"\r\nkeep,y,z\r\n';
    const visitor = replacing({ x: 'has,comma', y: 'say "no"', z: 'two\nlines', q: 'plain' });
    const { out } = await run(input, visitor);
    expect(out.toString()).toBe('a,b,c\r\nkeep,"has,comma","plain"\r\nkeep,"say ""no""","two\nlines"\r\n');
  });

  it('a cell with CR in its new value is quoted', async () => {
    const { out } = await run('a,b\n1,x\n', replacing({ x: 'a\rb' }));
    expect(out.toString()).toBe('a,b\n1,"a\rb"\n');
  });

  it('DROP empties the value and keeps the column ("" when it was quoted)', async () => {
    const { out } = await run('a,b,c\n1,x,"x"\n', replacing({ x: DROP }));
    expect(out.toString()).toBe('a,b,c\n1,,""\n');
  });

  it('keeps invalid bytes of unchanged cells when another cell of the row changes', async () => {
    const input = Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xff]), Buffer.from(',secret\n')]);
    const { out } = await run(input, replacing({ secret: '张*' }), { chunk: 2 });
    expect(out.equals(Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xff]), Buffer.from(',张*\n')]))).toBe(true);
  });
});

// Found by test/fuzz/csv.test.ts: a changed cell, header cell or row scanned as text was decoded with
// its bytes that are not UTF-8 replaced by U+FFFD and written back so (the bytes lost).
describe('bytes that are not UTF-8 in a changed value are kept', () => {
  const phone: ValueVisitor = { visit: (v) => v.replaceAll('13800138000', '<PHONE>') };
  const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('in a cell (quoted with "" inside, or bare)', async () => {
    const input = bytes('a,b\n', 'x', [0x80], ' 13800138000,"q""', [0xff, 0xfe], '13800138000"\n');
    const { out } = await run(input, phone, { chunk: 3 });
    expect(out.toString('latin1')).toBe(bytes('a,b\n', 'x', [0x80], ' <PHONE>,"q""', [0xff, 0xfe], '<PHONE>"\n').toString('latin1'));
  });

  it('in a header cell', async () => {
    const { out } = await run(bytes(' 13800138000 ', [0x80], ',b\n1,2\n'), phone);
    expect(out.toString('latin1')).toBe(bytes(' <PHONE> ', [0x80], ',b\n1,2\n').toString('latin1'));
  });

  it('in a bad row and in the lines of an unclosed quote, scanned as text', async () => {
    const input = bytes('a,b\n', [0xc3], ' 13800138000,2,3\n', '1,"open ', [0xe4, 0xbd], ' 13800138000\n');
    const { out } = await run(input, phone, { csv: { onBadRow: 'text' }, chunk: 5 });
    expect(out.toString('latin1')).toBe(bytes('a,b\n', [0xc3], ' <PHONE>,2,3\n', '1,"open ', [0xe4, 0xbd], ' <PHONE>\n').toString('latin1'));
  });

  it('a dropped cell that held them is emptied (the rule drops the whole value)', async () => {
    const { out } = await run(bytes('a,b\n1,x', [0x80], 'y\n'), { visit: (v, p) => (p.path[0] === 'b' ? DROP : v) });
    expect(out.toString('latin1')).toBe('a,b\n1,\n');
  });
});

describe('findings with the real anonymizer', () => {
  const id1 = cnId('11010519491231002'); // sum 167, 167 mod 11 = 2 → X
  const id2 = cnId('44030819900307123'); // sum 260, 260 mod 11 = 7 → 5

  it('check digits computed here', () => {
    expect(id1).toBe('11010519491231002X');
    expect(id2).toBe('440308199003071235');
  });

  it('replaces emails, phones and resident ids inside cells and leaves the rest byte for byte', async () => {
    const input =
      'ts,msg,ref\r\n' +
      `2024-03-01T10:00:00Z,"user ops.lead@example.com logged in, phone 13800138000",A-17\r\n` +
      `2024-03-01T10:00:01Z,"身份证 ${id1}\n已核验",A-18\r\n` +
      `2024-03-01T10:00:02Z,nothing here,${id2}\r\n`;
    const { out } = await run(input, anon(), { chunk: [3, 1, 7] });
    expect(out.toString()).toBe(
      'ts,msg,ref\r\n' +
        '2024-03-01T10:00:00Z,"user <EMAIL> logged in, phone <PHONE>",A-17\r\n' +
        '2024-03-01T10:00:01Z,"身份证 <CN_RESIDENT_ID>\n已核验",A-18\r\n' +
        '2024-03-01T10:00:02Z,nothing here,<CN_RESIDENT_ID>\r\n',
    );
  });

  it('field rules by column name: keep, drop, as PERSON_NAME', async () => {
    const policy: PolicyInput = {
      fields: {
        rules: [
          { match: 'email', action: 'keep' },
          { match: 'secret_note', action: 'drop' },
          { match: 'customer', as: 'PERSON_NAME' },
        ],
      },
    };
    const input = 'Email,secret_note,customer,msg\nzoe@example.com,"call me, 13800138000",Zoe Smith,mail zoe@example.com\n';
    const { out } = await run(input, anon(policy));
    expect(out.toString()).toBe('Email,secret_note,customer,msg\nzoe@example.com,"",<PERSON_NAME>,mail <EMAIL>\n');
  });

  it('the dictionary replaces name and 姓名 columns whole; the header is not a name', async () => {
    const input = 'name,姓名,first-name,city_code\nAlice Example,张伟,Bob,"A, 12"\n';
    const { out } = await run(input, anon());
    expect(out.toString()).toBe('name,姓名,first-name,city_code\n<PERSON_NAME>,<PERSON_NAME>,<PERSON_NAME>,"A, 12"\n');
  });

  it('an empty cell of a name column stays empty', async () => {
    const input = 'name,n\n,1\n"",2\n';
    expect((await run(input, anon())).out.toString()).toBe(input);
  });

  it('without a header, cells are scanned (no names to match)', async () => {
    const input = 'Alice,ops@example.com\n';
    expect((await run(input, anon(), { csv: { header: false } })).out.toString()).toBe('Alice,<EMAIL>\n');
  });
});

describe('bad rows', () => {
  it('a row with the wrong number of fields is an error naming the row as a spreadsheet counts it', async () => {
    const input = 'a,b,c\n1,2,3\n\n"x\ny",2\n';
    await expect(run(input, identity)).rejects.toMatchObject({ code: 'LV_FORMAT', message: 'in.csv: row 4 has 2 fields, expected 3' });
  });

  it('the error does not contain the data', async () => {
    const err = await run('a,b\nzoe@example.com\n', identity).catch((e: Error) => e);
    expect(String((err as Error).message)).not.toContain('zoe');
  });

  it('with onBadRow text: the row is scanned whole as text, written back, and warned about', async () => {
    const input = 'a,b\r\n1,2\r\nmail zoe@example.com,3,4\r\n5,6\r\n';
    const { out, warnings } = await run(input, anon(), { csv: { onBadRow: 'text' }, chunk: 5 });
    expect(out.toString()).toBe('a,b\r\n1,2\r\nmail <EMAIL>,3,4\r\n5,6\r\n');
    expect(warnings).toEqual(['in.csv: row 3 has 3 fields, expected 2; scanned as text']);
  });

  it('text after a closing quote is a bad row', async () => {
    await expect(run('a,b\n"x"y,2\n', identity)).rejects.toThrow('in.csv: row 2 is not valid CSV (text after a closing quote)');
    const v = recorder();
    const { out, warnings } = await run('a,b\n"x"y,2\n', v, { csv: { onBadRow: 'text' } });
    expect(out.toString()).toBe('a,b\n"x"y,2\n');
    expect(v.seen.at(-1)).toEqual(['"x"y,2', [], 1]);
    expect(warnings).toHaveLength(1);
  });

  it('an unclosed quote at the end: error, or its lines scanned as text', async () => {
    const input = 'a,b\n1,"open\nzoe@example.com,2\n';
    await expect(run(input, identity)).rejects.toThrow('in.csv: row 2 has an unclosed quote');
    const { out, warnings } = await run(input, anon(), { csv: { onBadRow: 'text' }, chunk: 3 });
    expect(out.toString()).toBe('a,b\n1,"open\n<EMAIL>,2\n');
    expect(warnings).toEqual(['in.csv: row 2 has an unclosed quote; its lines scanned as text']);
  });

  it('a row longer than maxRowBytes is an error (memory stays bounded)', async () => {
    const input = 'a,b\n1,"' + 'x'.repeat(5000) + '\n';
    await expect(run(input, identity, { maxRowBytes: 1000, chunk: 256 })).rejects.toThrow('in.csv: row 2 is longer than 1000 bytes');
  });

  it('an unclosed quote over maxRowBytes with onBadRow text: its lines as text, then CSV again', async () => {
    const long = 'y'.repeat(300);
    const input = `a,b\n1,"open ${long}\n${long}\n${long}\n${long}\n2,mail zoe@example.com\n`;
    const v = recorder();
    const { out, warnings } = await run(input, v, { csv: { onBadRow: 'text' }, maxRowBytes: 1000, chunk: 100 });
    expect(out.toString()).toBe(input);
    // After 1000 bytes in the open quote, the complete lines so far (rows 2-4) are text; row 5, read
    // afresh, has one field (text again); row 6 is CSV again.
    expect(warnings).toEqual([
      'in.csv: row 2 has an unclosed quote; its lines scanned as text',
      'in.csv: row 5 has 1 fields, expected 2; scanned as text',
    ]);
    expect(v.seen.slice(2)).toEqual([
      [`1,"open ${long}`, [], 1],
      [long, [], 2],
      [long, [], 3],
      [long, [], 4],
      ['2', ['a'], 5],
      ['mail zoe@example.com', ['b'], 5],
    ]);
  });

  it('warns once per bad row, naming it (the CLI caps warnings per file)', async () => {
    let input = 'a,b\n';
    for (let i = 0; i < 25; i++) input += '1,2,3\n';
    const { warnings } = await run(input, identity, { csv: { onBadRow: 'text' } });
    expect(warnings).toHaveLength(25);
    expect(warnings[0]).toBe('in.csv: row 2 has 3 fields, expected 2; scanned as text');
    expect(warnings[24]).toBe('in.csv: row 26 has 3 fields, expected 2; scanned as text');
  });
});

describe('chunk boundaries', () => {
  const input =
    '\ufeff姓名,email,note\r\n' +
    '张伟,zhang.wei@example.com,"多行\r\n备注 13800138000, ""引号"""\r\n' +
    '"Smith, John",john@example.com,plain\r\n' +
    ',,\r\n' +
    'Li,li@example.com,"ends with CR\r"';

  it('gives the same output whatever the chunk sizes (1 to 7 bytes)', async () => {
    const whole = (await run(input, anon())).out.toString();
    expect(whole).toBe(
      '\ufeff姓名,email,note\r\n' +
        '<PERSON_NAME>,<EMAIL>,"多行\r\n备注 <PHONE>, ""引号"""\r\n' +
        '"<PERSON_NAME>",<EMAIL>,plain\r\n' +
        ',,\r\n' +
        '<PERSON_NAME>,<EMAIL>,"ends with CR\r"',
    );
    for (let size = 1; size <= 7; size++) {
      expect((await run(input, anon(), { chunk: size })).out.toString(), `chunk ${size}`).toBe(whole);
    }
    expect((await run(input, anon(), { chunk: [1, 6, 2, 7, 3] })).out.toString()).toBe(whole);
  });

  // No clock here: a quadratic path would take minutes on these inputs and fail by the test's timeout.
  it('stays linear: one column without delimiters, and a 1 MB quoted field in 1 KB chunks', async () => {
    const oneColumn = 'word\n' + 'alpha\n'.repeat(200_000);
    const quoted = 'a,b\n1,"' + 'line, with "" quotes\n'.repeat(50_000) + '"\n';
    expect((await run(oneColumn, identity)).out.toString()).toBe(oneColumn);
    const v = recorder();
    expect((await run(quoted, v, { chunk: 1024 })).out.toString()).toBe(quoted);
    expect(v.seen.at(-1)?.[0].length).toBe(50_000 * 'line, with " quotes\n'.length);
  }, 60_000);

  it('waits for the first line without copying it per chunk (30 KB header, 1 byte at a time)', async () => {
    const input = Array.from({ length: 3000 }, (_, i) => `column${i}`).join(';').slice(0, 30_000) + '\n';
    expect((await run(input, identity, { chunk: 1 })).out.toString()).toBe(input);
  }, 60_000);

  // Found by test/fuzz/csv.test.ts: the delimiter was detected in as much of a long first line as the
  // first chunks held, so a `;` past 64 KiB counted in one big chunk and not in small ones.
  it('detects the delimiter in the same bytes of a first line longer than 64 KiB, whatever the chunks', async () => {
    const input = 'x'.repeat(70_000) + ';b\n1;2\n';
    const big = recorder();
    const small = recorder();
    const a = await run(input, big, { chunk: 1 << 20 }).catch((e: Error) => e.message);
    const b = await run(input, small, { chunk: 1024 }).catch((e: Error) => e.message);
    expect(big.seen).toEqual(small.seen);
    // `,` (no candidate in the first 64 KiB): one column, named by the whole first line.
    expect(big.seen.at(-1)).toEqual(['1;2', ['x'.repeat(70_000) + ';b'], 1]);
    expect(a).toEqual(b);
  });

  it('a quote split from its escape across chunks', async () => {
    const v = recorder();
    const text = 'a\n"x""y"\n';
    for (let size = 1; size <= 7; size++) {
      v.seen.length = 0;
      await run(text, v, { chunk: size });
      expect(v.seen[1][0]).toBe('x"y');
    }
  });
});

describe('property: planted values do not survive, the table does', () => {
  const WORDS = ['alpha', 'beta', 'ok', 'retry', '处理完成', '队列', 'x y', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ''];
  const local = fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/);
  const planted = fc.oneof(
    local.map((l) => `${l}@example.com`),
    fc.integer({ min: 0, max: 99 }).map((n) => `1380013${String(n).padStart(2, '0')}00`),
    fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 100, max: 999 })).map(
      ([d, s]) => cnId(`110105199003${String(d).padStart(2, '0')}${s}`),
    ),
  );
  const cell = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...WORDS).map((w) => ({ text: w, pii: null as string | null })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(planted, fc.constantFrom('', 'contact ', '联系 ', 'x,'), fc.constantFrom('', ' ok', '\n下一行'))
        .map(([p, a, b]) => ({ text: a + p + b, pii: p as string | null })),
    },
  );
  const table = fc.integer({ min: 2, max: 6 }).chain((cols) =>
    fc.record({
      cols: fc.constant(cols),
      rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 12 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
      quoteAll: fc.boolean(),
      delimiter: fc.constantFrom(',', ';', '\t'),
      chunk: fc.integer({ min: 1, max: 64 }),
    }),
  );

  /** An independent writer: quote when needed (or always). */
  const field = (s: string, d: string, all: boolean) =>
    all || s.includes(d) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;

  it('holds for random tables', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const nl = t.crlf ? '\r\n' : '\n';
        const header = Array.from({ length: t.cols }, (_, i) => `col${i}`);
        const lines = [header, ...t.rows.map((r) => r.map((c) => c.text))].map((r) => r.map((c) => field(c, t.delimiter, t.quoteAll)).join(t.delimiter));
        const input = (t.bom ? '\ufeff' : '') + lines.join(nl) + (t.finalNewline ? nl : '');
        const { out } = await run(input, anon(), { csv: { delimiter: t.delimiter }, chunk: t.chunk });
        const text = out.toString('utf8');
        for (const r of t.rows) for (const c of r) if (c.pii) expect(text).not.toContain(c.pii);
        expect(text.startsWith('\ufeff')).toBe(t.bom);
        // Read back with fast-csv (an independent parser): same rows, same columns, other cells unchanged.
        const back = await new Promise<string[][]>((resolve, reject) => {
          const rows: string[][] = [];
          parseString(text, { delimiter: t.delimiter })
            .on('data', (r: string[]) => rows.push(r))
            .on('error', reject)
            .on('end', () => resolve(rows));
        });
        expect(back.length).toBe(t.rows.length + 1);
        expect(back[0]).toEqual(header);
        back.slice(1).forEach((r, i) => {
          expect(r.length).toBe(t.cols);
          r.forEach((v, j) => {
            if (!t.rows[i][j].pii) expect(v).toBe(t.rows[i][j].text);
          });
        });
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 200) },
    );
  }, 600_000);
});

describe('samples/customers.csv', () => {
  it('anonymizes to samples/customers.expected.csv', async () => {
    const input = readFileSync(new URL('../../samples/customers.csv', import.meta.url));
    const expected = readFileSync(new URL('../../samples/customers.expected.csv', import.meta.url));
    for (const chunk of [3, 64 * 1024]) {
      const { out, warnings } = await run(input, anon(), { chunk });
      expect(out.toString('utf8')).toBe(expected.toString('utf8'));
      expect(warnings).toEqual([]);
    }
  });
});
