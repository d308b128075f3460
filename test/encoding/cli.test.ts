import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bin, binEnv, sandbox } from '../cli/run.js';

// A log with a phone, an email and an ID planted, and the same log anonymized with the default policy
// (every type tagged), written by hand as README shows for these lines.
const LOG = '2026-02-24 08:00:03 INFO 用户注册成功 手机号:13800138000 邮箱:li.si@example.com\r\n身份证:110105199003071239 结束\nplain line, nothing here\n';
const LOG_OUT = '2026-02-24 08:00:03 INFO 用户注册成功 手机号:<PHONE> 邮箱:<EMAIL>\r\n身份证:<CN_RESIDENT_ID> 结束\nplain line, nothing here\n';
const NDJSON = '{"user":{"email":"li.si@example.com"},"msg":"用户 13800138000"}\n{"ok":true}\n';
const NDJSON_OUT = '{"user":{"email":"<EMAIL>"},"msg":"用户 <PHONE>"}\n{"ok":true}\n';
const FOUND = ['PHONE', 'EMAIL', 'CN_RESIDENT_ID'];

const BOM_LE = Buffer.from([0xff, 0xfe]);
const BOM_BE = Buffer.from([0xfe, 0xff]);
const enc = (text: string, encoding: string) => iconv.encode(text, encoding);
const types = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).type as string);

describe('UTF-16 is recognised with no option', { timeout: 60_000 }, () => {
  it.each([
    ['LE with a BOM', Buffer.concat([BOM_LE, enc(LOG, 'utf-16le')]), Buffer.concat([BOM_LE, enc(LOG_OUT, 'utf-16le')])],
    ['BE with a BOM', Buffer.concat([BOM_BE, enc(LOG, 'utf-16be')]), Buffer.concat([BOM_BE, enc(LOG_OUT, 'utf-16be')])],
    ['LE without a BOM', enc(LOG, 'utf-16le'), enc(LOG_OUT, 'utf-16le')],
    ['BE without a BOM', enc(LOG, 'utf-16be'), enc(LOG_OUT, 'utf-16be')],
  ])('%s: scanned, anonymized, written back in the same encoding and byte order', (_name, input, expected) => {
    const { logveil, write, path } = sandbox('utf16');
    write('app.log', input);
    const scan = logveil(['scan', 'app.log']);
    expect(scan.code).toBe(0);
    expect(types(scan.stdout)).toEqual(FOUND);
    const r = logveil(['anonymize', 'app.log', '-o', 'out.log']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path('out.log')).equals(expected)).toBe(true);
  });

  it('from stdin, from gzip (decoded after gunzip, encoded before gzip), and with worker threads', () => {
    const { logveil, write, path } = sandbox('utf16');
    const input = Buffer.concat([BOM_LE, enc(LOG, 'utf-16le')]);
    const expected = Buffer.concat([BOM_LE, enc(LOG_OUT, 'utf-16le')]);
    const stdin = logveil(['anonymize', '-'], input);
    expect(stdin.code).toBe(0);
    expect(stdin.raw.equals(expected)).toBe(true);
    write('in/app.log.gz', gzipSync(input));
    expect(logveil(['anonymize', 'in', '-o', 'out']).code).toBe(0);
    expect(gunzipSync(readFileSync(path('out/app.log.gz'))).equals(expected)).toBe(true);
    write('app.log', input);
    const pooled = logveil(['anonymize', '--threads', '2', 'app.log', '-o', 'pooled.log']);
    expect(pooled.stderr).toBe('');
    expect(readFileSync(path('pooled.log')).equals(expected)).toBe(true);
  });

  it('a slow stdin: the first line comes out before the input ends (detection waits for 4 bytes, not more)', async () => {
    const child = spawn(bin, ['anonymize', '-'], { env: binEnv, stdio: ['pipe', 'pipe', 'inherit'] });
    const out: Buffer[] = [];
    const firstLine = enc('login from <IP_ADDRESS>\n', 'utf-16le');
    const seen = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        out.push(d);
        if (Buffer.concat(out).includes(firstLine)) resolve();
      }),
    );
    // The BOM alone first, then one line, then nothing until the output has been seen.
    child.stdin.write(BOM_LE);
    await new Promise((r) => setTimeout(r, 200));
    child.stdin.write(enc('login from 192.0.2.10\n', 'utf-16le'));
    await seen;
    child.stdin.end(enc('no more\n', 'utf-16le'));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(Buffer.concat(out).equals(Buffer.concat([BOM_LE, firstLine, enc('no more\n', 'utf-16le')]))).toBe(true);
  });

  it('NDJSON in UTF-16 keeps its structure and byte order', () => {
    const { logveil, write } = sandbox('utf16');
    write('app.ndjson', Buffer.concat([BOM_BE, enc(NDJSON, 'utf-16be')]));
    const r = logveil(['anonymize', 'app.ndjson']);
    expect(r.code).toBe(0);
    expect(r.raw.equals(Buffer.concat([BOM_BE, enc(NDJSON_OUT, 'utf-16be')]))).toBe(true);
  });

  it('a UTF-8 BOM stays as it is', () => {
    const { logveil, write } = sandbox('utf16');
    write('app.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LOG)]));
    const r = logveil(['anonymize', 'app.log']);
    expect(r.stderr).toBe('');
    expect(r.raw.equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LOG_OUT)]))).toBe(true);
  });

  // Without a BOM, UTF-16 was recognised only when half of its first code units were ASCII: a log
  // whose first line is Chinese text passed unscanned, with a warning that named the wrong encoding.
  it.each([
    ['LE', 'utf-16le'],
    ['BE', 'utf-16be'],
  ])('%s without a BOM whose first line is long Chinese text: scanned and written back', (_name, encoding) => {
    const { logveil, write, path } = sandbox('utf16');
    const first = '用户注册成功，欢迎使用本系统，请妥善保管您的账户信息。'.repeat(10) + '\r\n';
    write('app.log', enc(first + LOG, encoding));
    const r = logveil(['anonymize', 'app.log', '-o', 'out.log']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path('out.log')).equals(enc(first + LOG_OUT, encoding))).toBe(true);
  });

  // UTF-32 LE's BOM (FF FE 00 00) starts with UTF-16 LE's: read as UTF-16, every ASCII char was followed
  // by a U+0000 and nothing was found, with exit 0 and no warning. UTF-32 BE's BOM went the same way.
  it.each([
    ['UTF-32 LE with a BOM', Buffer.from([0xff, 0xfe, 0, 0]), 'utf-32le'],
    ['UTF-32 BE with a BOM', Buffer.from([0, 0, 0xfe, 0xff]), 'utf-32be'],
  ])('%s is recognised too: scanned, anonymized, written back in the same encoding', (_name, bom, encoding) => {
    const { logveil, write, path } = sandbox('utf32');
    write('app.log', Buffer.concat([bom, enc(LOG, encoding)]));
    const scan = logveil(['scan', 'app.log']);
    expect(scan.code).toBe(0);
    expect(types(scan.stdout)).toEqual(FOUND);
    const r = logveil(['anonymize', 'app.log', '-o', 'out.log']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(path('out.log')).equals(Buffer.concat([bom, enc(LOG_OUT, encoding)]))).toBe(true);
  });
});

describe('--encoding NAME', { timeout: 60_000 }, () => {
  it.each(['gb18030', 'gbk', 'GBK', 'big5', 'euc-kr'])('%s: read and written back, with bytes that do not decode kept exactly', (name) => {
    const { logveil, write, path } = sandbox('enc');
    // 0x81 followed by a space is no character in any of these: it must come back as it was.
    const bad = Buffer.from([0x81, 0x20]);
    const input = Buffer.concat([enc(LOG, name), bad, enc(LOG, name)]);
    write('app.log', input);
    const scan = logveil(['scan', '--encoding', name, 'app.log']);
    expect(scan.stderr).toBe('');
    expect(types(scan.stdout)).toEqual([...FOUND, ...FOUND]);
    expect(logveil(['anonymize', '--encoding', name, 'app.log', '-o', 'out.log']).code).toBe(0);
    const out = readFileSync(path('out.log'));
    expect(out.equals(Buffer.concat([enc(LOG_OUT, name), bad, enc(LOG_OUT, name)]))).toBe(true);
    // With threads: the same bytes.
    expect(logveil(['anonymize', '--encoding', name, '--threads', '2', 'app.log']).raw.equals(out)).toBe(true);
  });

  it('CSV in GBK: cells scanned under their column, written back in GBK', () => {
    const { logveil, write } = sandbox('enc');
    write('users.csv', enc('姓名,手机号,备注\r\n张三,13800138000,正常\r\n', 'gbk'));
    const r = logveil(['anonymize', '--encoding', 'gbk', 'users.csv']);
    expect(r.code).toBe(0);
    expect(r.raw.equals(enc('姓名,手机号,备注\r\n<PERSON_NAME>,<PHONE>,正常\r\n', 'gbk'))).toBe(true);
  });

  it('an unknown name is a usage error naming the option (anonymize and scan)', () => {
    const { logveil, write } = sandbox('enc');
    write('app.log', LOG);
    for (const cmd of ['anonymize', 'scan']) {
      const r = logveil([cmd, '--encoding', 'no-such-encoding', 'app.log']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--encoding: unknown encoding 'no-such-encoding'/);
      expect(r.stdout).toBe('');
    }
  });

  it('--encoding utf8 turns detection off: UTF-16 is then passed as bytes, as any invalid UTF-8', () => {
    const { logveil, write } = sandbox('enc');
    const input = enc(LOG, 'utf-16le');
    write('app.log', input);
    const r = logveil(['anonymize', '--encoding', 'utf-8', 'app.log']);
    expect(r.code).toBe(0);
    expect(r.raw.equals(input)).toBe(true);
  });
});

describe('a file that is not UTF-8, read without --encoding', { timeout: 60_000 }, () => {
  const GBK_LOG = enc(LOG.repeat(4), 'gbk');

  it('gets one warning naming the file, its likely encoding and the option, never its bytes; processed as before', () => {
    const { logveil, write, path } = sandbox('notutf8');
    write('app.log', GBK_LOG);
    const r = logveil(['anonymize', 'app.log', '-o', 'out.log']);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter(Boolean);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^logveil: warning: app\.log: not UTF-8 .*probably gb18030: pass --encoding gb18030 to read it/);
    expect(r.stderr).not.toMatch(/13800138000|example\.com|[^\x20-\x7e\n]/);
    // As before: the ASCII stretches are scanned, the bytes that are not UTF-8 kept.
    expect(readFileSync(path('out.log')).includes(enc('用户注册成功 手机号:<PHONE>', 'gbk'))).toBe(true);
    const scan = logveil(['scan', 'app.log']);
    expect(scan.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  // Only the first chunk was judged: a GBK log whose first 64 KiB are ASCII (start-up lines) passed its
  // GBK lines unread with no warning, and with --strict-encoding too, exit 0.
  it('is found where it stops being UTF-8, past the first bytes: one warning, or with --strict-encoding exit 1', () => {
    const { logveil, write, path, tree } = sandbox('notutf8-late');
    const startup = Buffer.from('2026-02-24 08:00:00 INFO [main] bean initialised\n'.repeat(4_000)); // 200 KB of ASCII
    write('app.log', Buffer.concat([startup, GBK_LOG]));
    const r = logveil(['anonymize', 'app.log', '-o', 'out.log']);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter(Boolean);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^logveil: warning: app\.log: not UTF-8 \(\d+ invalid sequences in \d+ bytes from byte [\d,]+\).*--encoding gb18030/);
    expect(r.stderr).not.toMatch(/13800138000|example\.com|[^\x20-\x7e\n]/);
    expect(readFileSync(path('out.log')).subarray(0, startup.length).equals(startup)).toBe(true);
    const strict = logveil(['anonymize', '--strict-encoding', 'app.log', '-o', 'strict.log']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/app\.log: not UTF-8 .*--strict-encoding/);
    expect(tree('.')).toEqual(['app.log', 'out.log']);
    for (const args of [['scan', '--strict-encoding', 'app.log'], ['anonymize', '--strict-encoding', '--threads', '2', 'app.log', '-o', 'pooled.log']]) {
      expect(logveil(args).code).toBe(1);
    }
    expect(tree('.')).toEqual(['app.log', 'out.log']);
  });

  it('a stray bad byte in a UTF-8 log gets no warning', () => {
    const { logveil, write } = sandbox('notutf8');
    write('app.log', Buffer.concat([Buffer.from(LOG.repeat(3)), Buffer.from([0xff]), Buffer.from(LOG)]));
    const r = logveil(['anonymize', 'app.log']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('--strict-encoding fails that file: exit 1, nothing under its output name, the other files still done', () => {
    const { logveil, write, path, tree } = sandbox('notutf8');
    write('in/a.log', GBK_LOG);
    write('in/b.log', LOG);
    const one = logveil(['anonymize', '--strict-encoding', 'in/a.log', '-o', 'a.out']);
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/in\/a\.log: not UTF-8 .*--encoding gb18030.*--strict-encoding/);
    expect(existsSync(path('a.out'))).toBe(false);
    const many = logveil(['anonymize', '--strict-encoding', 'in', '-o', 'out']);
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/in\/a\.log: not UTF-8/);
    expect(tree('out')).toEqual(['b.log']);
    expect(readFileSync(path('out/b.log'), 'utf8')).toBe(LOG_OUT);
    const scan = logveil(['scan', '--strict-encoding', 'in/a.log']);
    expect(scan.code).toBe(1);
    expect(scan.stdout).toBe('');
    // With the encoding given, strict has nothing to object to.
    expect(logveil(['anonymize', '--strict-encoding', '--encoding', 'gbk', 'in/a.log']).raw.equals(enc(LOG_OUT.repeat(4), 'gbk'))).toBe(true);
  });
});
