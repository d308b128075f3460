import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sandbox, spawnLogveil } from './run.js';

// Inputs and their anonymized forms, checked by hand: default policy = every type tagged; `name` and
// `email` are dictionary fields (the whole value is that type), other values are scanned.
const LOG = 'login from 192.0.2.10 ok\n2026-02-24T12:26:41Z nothing here\n';
const LOG_OUT = 'login from <IP_ADDRESS> ok\n2026-02-24T12:26:41Z nothing here\n';
const NDJSON = '{"user":{"name":"Alice Example","email":"alice@example.com"},"status":200}\n{"msg":"no pii","n":1.50}\n';
const NDJSON_OUT = '{"user":{"name":"<PERSON_NAME>","email":"<EMAIL>"},"status":200}\n{"msg":"no pii","n":1.50}\n';
const CSV = 'id,email,note\r\n1,bob@example.com,"from 192.0.2.99, ok"\r\n2,,fine\r\n';
const CSV_OUT = 'id,email,note\r\n1,<EMAIL>,"from <IP_ADDRESS>, ok"\r\n2,,fine\r\n';

const JSON_DOC = '[\n  {"user": {"email": "dave@example.com"}, "n": 1e3},\n  {"ok": true}\n]\n';
const JSON_OUT = [{ user: { email: '<EMAIL>' }, n: 1000 }, { ok: true }];

const isGzip = (b: Buffer) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

describe('gzip', () => {
  it('reads .gz by its content and mirrors it gzipped under the same name (app.ndjson.gz -o out/)', () => {
    const { logveil, write, path, tree } = sandbox('gz');
    write('app.ndjson.gz', gzipSync(NDJSON));
    const r = logveil(['anonymize', 'app.ndjson.gz', '-o', 'out/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(tree('out')).toEqual(['app.ndjson.gz']);
    const out = readFileSync(path('out/app.ndjson.gz'));
    expect(isGzip(out)).toBe(true);
    expect(gunzipSync(out).toString()).toBe(NDJSON_OUT);
  });

  it('round-trips byte for byte through gzip when nothing is found', () => {
    const { logveil, write, path } = sandbox('gz');
    const text = 'plain line\r\nno newline at the end';
    write('in.log.gz', gzipSync(text));
    expect(logveil(['anonymize', 'in.log.gz', '-o', 'out.log.gz']).code).toBe(0);
    expect(gunzipSync(readFileSync(path('out.log.gz'))).toString()).toBe(text);
  });

  it('detects gzip by magic bytes whatever the name, and gzips output by the output name', () => {
    const { logveil, write, path } = sandbox('gz');
    write('disguised.log', gzipSync(LOG)); // gzip without .gz
    write('plain.log.gz', LOG); // .gz that is not gzip
    // -o naming a file: gzip only if that name ends in .gz
    expect(logveil(['anonymize', 'disguised.log', '-o', 'a.log']).code).toBe(0);
    expect(readFileSync(path('a.log'), 'utf8')).toBe(LOG_OUT);
    expect(logveil(['anonymize', 'plain.log.gz', '-o', 'b.log']).code).toBe(0);
    expect(readFileSync(path('b.log'), 'utf8')).toBe(LOG_OUT);
    expect(logveil(['anonymize', 'plain.log.gz', '-o', 'c.txt.gz']).code).toBe(0);
    expect(gunzipSync(readFileSync(path('c.txt.gz'))).toString()).toBe(LOG_OUT);
    // into a directory: the same name, gzipped if the input was gzip or the name ends in .gz
    expect(logveil(['anonymize', 'disguised.log', 'plain.log.gz', '-o', 'dir']).code).toBe(0);
    expect(gunzipSync(readFileSync(path('dir/disguised.log'))).toString()).toBe(LOG_OUT);
    expect(gunzipSync(readFileSync(path('dir/plain.log.gz'))).toString()).toBe(LOG_OUT);
  });

  it('chooses the format by the name without .gz, or by --format', () => {
    const { logveil, write } = sandbox('gz');
    const csv = 'id,name\n1,Alice Example\n';
    write('x.csv.gz', gzipSync(csv));
    write('x.data', gzipSync(csv));
    expect(logveil(['anonymize', 'x.csv.gz']).stdout).toBe('id,name\n1,<PERSON_NAME>\n');
    // an unknown name is text: no columns, so the name (found only by a field rule) stays
    expect(logveil(['anonymize', 'x.data']).stdout).toBe(csv);
    expect(logveil(['anonymize', '--format', 'csv', 'x.data']).stdout).toBe('id,name\n1,<PERSON_NAME>\n');
  });

  it('reads gzip from stdin and writes plain text to stdout', () => {
    const { logveil } = sandbox('gz');
    const r = logveil(['anonymize', '-'], gzipSync(LOG));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(LOG_OUT);
  });

  it('handles inputs shorter than the gzip magic', () => {
    const { logveil } = sandbox('gz');
    expect(logveil(['anonymize', '-'], '').raw.length).toBe(0);
    expect(logveil(['anonymize', '-'], 'x').stdout).toBe('x');
    expect(logveil(['anonymize', '-'], Buffer.from([0x1f])).raw).toEqual(Buffer.from([0x1f]));
  });

  it('a truncated gzip fails naming the file, leaves nothing under its name, and the others are written', () => {
    const { logveil, write, tree } = sandbox('gz');
    write('in/a.log', LOG);
    write('in/b.log.gz', gzipSync(LOG.repeat(2000)).subarray(0, 200));
    write('in/c.log', LOG);
    const r = logveil(['anonymize', 'in', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\/b\.log\.gz: not valid gzip data/);
    expect(r.stderr).toMatch(/1 of 3 input files failed/);
    expect(r.stderr).not.toMatch(/192\.0\.2/);
    expect(tree('out')).toEqual(['a.log', 'c.log']); // no b.log.gz, no temporary
  });
});

describe('several inputs and directories', () => {
  function fixture() {
    const s = sandbox('dirs');
    s.write('logs/a.log', LOG);
    s.write('logs/sub/b.ndjson', NDJSON);
    s.write('logs/sub/deep/c.csv', CSV);
    s.write('logs/sub/deep/d.ndjson.gz', gzipSync(NDJSON));
    s.write('logs/sub/e.json', JSON_DOC);
    s.write('logs/.hidden.log', LOG);
    s.write('one.log', LOG);
    return s;
  }

  it('mirrors a tree with nested folders and mixed formats, creating -o', () => {
    const { logveil, path, tree } = fixture();
    const r = logveil(['anonymize', 'logs', '-o', 'clean/x']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(tree('clean/x')).toEqual(['.hidden.log', 'a.log', 'sub/b.ndjson', 'sub/deep/c.csv', 'sub/deep/d.ndjson.gz', 'sub/e.json']);
    expect(readFileSync(path('clean/x/a.log'), 'utf8')).toBe(LOG_OUT);
    expect(readFileSync(path('clean/x/.hidden.log'), 'utf8')).toBe(LOG_OUT);
    expect(readFileSync(path('clean/x/sub/b.ndjson'), 'utf8')).toBe(NDJSON_OUT);
    expect(readFileSync(path('clean/x/sub/deep/c.csv'), 'utf8')).toBe(CSV_OUT);
    expect(gunzipSync(readFileSync(path('clean/x/sub/deep/d.ndjson.gz'))).toString()).toBe(NDJSON_OUT);
    expect(JSON.parse(readFileSync(path('clean/x/sub/e.json'), 'utf8'))).toEqual(JSON_OUT);
    // inputs untouched
    expect(readFileSync(path('logs/a.log'), 'utf8')).toBe(LOG);
  });

  it('takes files and directories together: files by base name, directories by their content', () => {
    const { logveil, tree } = fixture();
    const r = logveil(['anonymize', 'one.log', 'logs/sub', '-o', 'clean']);
    expect(r.code).toBe(0);
    expect(tree('clean')).toEqual(['b.ndjson', 'deep/c.csv', 'deep/d.ndjson.gz', 'e.json', 'one.log']);
  });

  it('writes a single file into an existing directory or one named with a trailing /', () => {
    const { logveil, path } = fixture();
    mkdirSync(path('exists'));
    const e = logveil(['anonymize', 'one.log', '-o', 'exists']);
    expect(e.stderr).toBe('');
    expect(e.code).toBe(0);
    expect(readFileSync(path('exists/one.log'), 'utf8')).toBe(LOG_OUT);
    const n = logveil(['anonymize', 'one.log', '-o', 'new/']);
    expect(n.stderr).toBe('');
    expect(n.code).toBe(0);
    expect(readFileSync(path('new/one.log'), 'utf8')).toBe(LOG_OUT);
  });

  it('skips symbolic links and special files inside directories with a warning; a named symlink is read', () => {
    const { logveil, write, path, tree } = fixture();
    write('elsewhere/secret.log', 'mail x@example.com\n');
    symlinkSync(path('elsewhere/secret.log'), path('logs/link.log'));
    symlinkSync(path('elsewhere'), path('logs/linkdir'));
    const r = logveil(['anonymize', 'logs', '-o', 'clean']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/logs\/link\.log: symbolic link skipped/);
    expect(r.stderr).toMatch(/logs\/linkdir: symbolic link skipped/);
    expect(tree('clean')).not.toContain('link.log');
    expect(tree('clean').some((f) => f.startsWith('linkdir'))).toBe(false);
    expect(logveil(['anonymize', 'logs/link.log']).stdout).toBe('mail <EMAIL>\n');
  });

  it('refuses several inputs or a directory without -o <directory>', () => {
    const { logveil, tree, dir } = fixture();
    const before = readdirSync(dir).sort();
    expect(logveil(['anonymize', 'logs']).code).toBe(2);
    expect(logveil(['anonymize', 'one.log', 'logs/a.log']).code).toBe(2);
    expect(logveil(['anonymize', 'one.log', 'logs/a.log', '-o', '-']).code).toBe(2);
    const r = logveil(['anonymize', 'logs', '-o', 'one.log']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o one\.log: not a directory/);
    expect(logveil(['anonymize', '-', 'one.log', '-o', 'clean'], LOG).code).toBe(2);
    expect(logveil(['anonymize', '-', '-', '-o', 'x'], LOG).code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(tree('logs')).toHaveLength(6);
  });

  it('refuses two inputs that would write the same output, before writing anything', () => {
    const { logveil, write, dir } = fixture();
    write('other/a.log', LOG);
    const r = logveil(['anonymize', 'other/a.log', 'logs', '-o', 'clean']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/other\/a\.log and logs\/a\.log would both be written to clean\/a\.log/);
    expect(existsSync(join(dir, 'clean'))).toBe(false);
  });

  it('writes a file named twice (directly and inside a directory) once', () => {
    const { logveil, tree } = fixture();
    const r = logveil(['anonymize', 'logs', 'logs/a.log', '-o', 'clean']);
    expect(r.code).toBe(0);
    expect(tree('clean').filter((f) => f === 'a.log')).toHaveLength(1);
  });

  it('a missing input among several fails at the end; the others are written', () => {
    const { logveil, tree } = fixture();
    const r = logveil(['anonymize', 'one.log', 'missing.log', 'logs/sub', '-o', 'clean']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.log: no such file or directory/);
    expect(r.stderr).toMatch(/1 of 6 input files failed/);
    expect(tree('clean')).toEqual(['b.ndjson', 'deep/c.csv', 'deep/d.ndjson.gz', 'e.json', 'one.log']);
  });

  it('a failing file among good ones leaves no output under its name and exit 1 names it', () => {
    const { logveil, write, tree } = fixture();
    // valid at first, so the failures come after output has started
    write('logs/sub/z-broken.log.gz', Buffer.concat([gzipSync(LOG.repeat(5000)).subarray(0, 4000), Buffer.from('junk')]));
    write('logs/sub/broken.json', '[{"email": "eve@example.com"}, {"note": eve@example.com}]\n');
    const r = logveil(['anonymize', 'logs', '-o', 'clean']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/logs\/sub\/z-broken\.log\.gz: not valid gzip data/);
    expect(r.stderr).toMatch(/logs\/sub\/broken\.json: not valid JSON/);
    expect(r.stderr).toMatch(/2 of 8 input files failed/);
    expect(r.stderr).not.toContain('eve@');
    expect(tree('clean')).toEqual(['.hidden.log', 'a.log', 'sub/b.ndjson', 'sub/deep/c.csv', 'sub/deep/d.ndjson.gz', 'sub/e.json']);
  });
});

describe('an input is never overwritten', () => {
  function fixture() {
    const s = sandbox('refuse');
    s.write('logs/a.log', LOG);
    s.write('logs/sub/b.log', LOG);
    return s;
  }
  const untouched = (s: ReturnType<typeof fixture>) => {
    expect(s.tree('logs')).toEqual(['a.log', 'sub/b.log']);
    expect(readFileSync(s.path('logs/a.log'), 'utf8')).toBe(LOG);
    expect(readFileSync(s.path('logs/sub/b.log'), 'utf8')).toBe(LOG);
  };

  it('refuses an output directory that is an input directory', () => {
    const s = fixture();
    const r = s.logveil(['anonymize', 'logs', '-o', 'logs/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write inside input directory logs/);
    untouched(s);
  });

  it('refuses an output directory inside an input directory (also reached through a symlink)', () => {
    const s = fixture();
    expect(s.logveil(['anonymize', 'logs', '-o', 'logs/sub/clean']).code).toBe(2);
    symlinkSync(s.path('logs/sub'), s.path('alias'));
    expect(s.logveil(['anonymize', 'logs', '-o', 'alias/clean']).code).toBe(2);
    untouched(s);
  });

  it('refuses a file written into its own folder, onto itself, or onto another input', () => {
    const s = fixture();
    expect(s.logveil(['anonymize', 'logs/a.log', '-o', 'logs/']).code).toBe(2);
    expect(s.logveil(['anonymize', 'logs/a.log', '-o', 'logs/./a.log']).code).toBe(2);
    // src/x/f.log would be written to out/x/f.log, which is itself an input (of the directory out/x)
    s.write('src/x/f.log', LOG);
    s.write('out/x/f.log', LOG);
    const r = s.logveil(['anonymize', 'src', 'out/x', '-o', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out\/x\/f\.log: refusing to overwrite the input file out\/x\/f\.log/);
    expect(s.tree('out')).toEqual(['x/f.log']);
    expect(readFileSync(s.path('out/x/f.log'), 'utf8')).toBe(LOG);
    untouched(s);
  });

  it('refuses an output that is a symlink or a hard link to the input', () => {
    const s = fixture();
    symlinkSync(s.path('logs/a.log'), s.path('sym.log'));
    linkSync(s.path('logs/a.log'), s.path('hard.log'));
    const a = s.logveil(['anonymize', 'logs/a.log', '-o', 'sym.log']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/sym\.log: refusing to overwrite the input file logs\/a\.log/);
    expect(s.logveil(['anonymize', 'logs/a.log', '-o', 'hard.log']).code).toBe(2);
    expect(lstatSync(s.path('sym.log')).isSymbolicLink()).toBe(true);
    expect(readFileSync(s.path('hard.log'), 'utf8')).toBe(LOG);
    untouched(s);
  });
});

describe('stdin and stdout', () => {
  it('- reads stdin; -o - and no -o write stdout; -o writes a file', () => {
    const { logveil, path } = sandbox('std');
    expect(logveil(['anonymize', '-'], LOG).stdout).toBe(LOG_OUT);
    expect(logveil(['anonymize', '-', '-o', '-'], LOG).stdout).toBe(LOG_OUT);
    const r = logveil(['anonymize', '-', '-o', 'o.log'], LOG);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(path('o.log'), 'utf8')).toBe(LOG_OUT);
  });

  it('stdin is text unless --format says otherwise', () => {
    const { logveil } = sandbox('std');
    expect(logveil(['anonymize', '--format', 'ndjson', '-'], NDJSON).stdout).toBe(NDJSON_OUT);
    expect(logveil(['anonymize', '--format', 'csv', '-'], CSV).stdout).toBe(CSV_OUT);
  });
});

describe('output files', () => {
  it('get their input\'s permission bits', () => {
    const { logveil, write, path } = sandbox('mode');
    chmodSync(write('private.log', LOG), 0o600);
    expect(logveil(['anonymize', 'private.log', '-o', 'out.log']).code).toBe(0);
    expect(statSync(path('out.log')).mode & 0o777).toBe(0o600);
  });

  // It read `in.log: no such file or directory (open nowhere/out.log)`: the input, which exists, seemed missing.
  it('a folder that does not exist is an error naming the output, not its temporary, as what is missing', () => {
    const { logveil, write } = sandbox('mode');
    write('in.log', LOG);
    const r = logveil(['anonymize', 'in.log', '-o', 'nowhere/out.log']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('logveil: in.log: nowhere/out.log: no such file or directory [LV_IO]\n');
  });
});

describe('interrupted runs', () => {
  it('SIGTERM while writing removes the temporary file and leaves no output', async () => {
    const { dir, tree } = sandbox('sig');
    const child = spawnLogveil(['anonymize', '-', '-o', 'out.log'], dir);
    child.stdin.write(LOG.repeat(1000));
    // wait until the temporary file exists
    for (let i = 0; i < 200 && !tree('.').some((f) => f.endsWith('.tmp')); i++) await new Promise((r) => setTimeout(r, 20));
    expect(tree('.').some((f) => f.endsWith('.tmp'))).toBe(true);
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((res) => child.on('exit', (c, s) => res([c, s])));
    child.kill('SIGTERM');
    const [, signal] = await exited;
    expect(signal).toBe('SIGTERM');
    expect(tree('.')).toEqual([]);
  });
});
