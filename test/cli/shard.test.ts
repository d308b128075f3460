import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusLines } from '../../bench/corpus.js';
import { LogveilError } from '../../src/index.js';
import type { InputFile } from '../../src/cli/inputs.js';
import { jobsOfShard, shardNumber, shardOf } from '../../src/cli/shard.js';
import { pastOneMachine } from './past-one-machine.js';
import { binEnv, installInto, root, runLogveil, runShell, sandbox } from './run.js';

const RUNS = Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 100);

const fileAt = (rel: string): { input: InputFile } => ({ input: { path: join('/mnt/logs', rel), display: rel, rel } });

/** The LV_USAGE error `f` throws, or a failure if it throws none or another. */
function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LogveilError);
    expect((e as LogveilError).code).toBe('LV_USAGE');
    return (e as LogveilError).message;
  }
  throw new Error('expected a usage error');
}

describe('the shard of a file', () => {
  // Checked with coreutils, not this code: `printf %s 'app.log' | sha256sum` begins eb032c5c5b6becb9,
  // 'sub/x.ndjson' 262c0f7c4e789411, '日志/应用.log' (UTF-8) 72700c4794e1afdf; the remainders of those
  // 64-bit numbers were taken by Python's int().
  it('is the first 8 bytes of the SHA-256 of its path under its input, big-endian, modulo the count', () => {
    expect([2, 3, 4, 7, 1000].map((n) => shardNumber('app.log', n))).toEqual([1, 0, 1, 5, 913]);
    expect([2, 3, 4, 7, 1000].map((n) => shardNumber('sub/x.ndjson', n))).toEqual([1, 2, 1, 4, 849]);
    expect([2, 3, 4, 7, 1000].map((n) => shardNumber('日志/应用.log', n))).toEqual([1, 0, 3, 3, 95]);
    expect(shardNumber('anything', 1)).toBe(0);
  });

  it('puts every file in exactly one shard, keeps their order, and moves no file when another is added', () => {
    const rels = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9.]{1,8}){0,2}$/), { maxLength: 40 });
    fc.assert(
      fc.property(rels, fc.integer({ min: 1, max: 9 }), fc.stringMatching(/^[a-z]{1,8}\.log$/), (names, count, added) => {
        const jobs = names.map(fileAt);
        const shards = Array.from({ length: count }, (_, index) => jobsOfShard(jobs, { index, count, from: '--shard' }));
        const seen = shards.flat().map((j) => j.input.rel);
        expect([...seen].sort()).toEqual([...names].sort());
        for (const s of shards) expect(s).toEqual(jobs.filter((j) => s.includes(j))); // input order
        if (names.includes(added)) return;
        const after = Array.from({ length: count }, (_, index) => jobsOfShard([...jobs, fileAt(added)], { index, count, from: '--shard' }));
        expect(after.map((s) => s.filter((j) => j.input.rel !== added))).toEqual(shards);
      }),
      { numRuns: RUNS },
    );
  });

  it('spreads files over the shards', () => {
    const jobs = Array.from({ length: 1000 }, (_, i) => fileAt(`2026/02/${i}.log`));
    for (const count of [2, 4, 8]) {
      const sizes = Array.from({ length: count }, (_, index) => jobsOfShard(jobs, { index, count, from: '--shard' }).length);
      // binomial(1000, 1/count): within 5 standard deviations of 1000/count
      const sd = Math.sqrt((1000 * (count - 1)) / count ** 2);
      for (const n of sizes) expect(Math.abs(n - 1000 / count)).toBeLessThan(5 * sd);
    }
  });

  it('is all files when no shard is given, and refuses stdin when one is', () => {
    const jobs = ['a.log', 'b.log'].map(fileAt);
    expect(jobsOfShard(jobs, undefined)).toBe(jobs);
    const stdin = { input: { path: '-', display: '-', rel: '-' } };
    expect(usageError(() => jobsOfShard([stdin], { index: 0, count: 1, from: '--shard' }))).toMatch(/stdin.*without --shard/);
    expect(usageError(() => jobsOfShard([stdin], { index: 0, count: 2, from: 'JOB_COMPLETION_INDEX/LOGVEIL_SHARDS' }))).toMatch(/--no-shard/);
  });
});

describe('the shard a run takes', () => {
  it('is --shard K/N, counted from 0; the environment is then not read', () => {
    expect(shardOf('0/1', {})).toEqual({ index: 0, count: 1, from: '--shard' });
    expect(shardOf('3/4', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 3, count: 4, from: '--shard' });
    expect(shardOf('007/10', {})).toMatchObject({ index: 7, count: 10 });
  });

  it('refuses a --shard that is not K/N with 0 <= K < N', () => {
    for (const bad of ['4/4', '5/4', '0/0', '1', '1/', '/2', '1/2/3', '-1/2', '1/-2', 'a/3', '1/2.0', '1.5/2', ' 1/2', '1 /2', '', '0x1/2', '1e1/20']) {
      expect(usageError(() => shardOf(bad, {}))).toMatch(/^--shard: /);
    }
    expect(usageError(() => shardOf('4/4', {}))).toContain('counted from 0: 0 to 3');
  });

  it('is JOB_COMPLETION_INDEX of LOGVEIL_SHARDS without --shard, as a Kubernetes Indexed Job gives them', () => {
    expect(shardOf(undefined, { JOB_COMPLETION_INDEX: '2', LOGVEIL_SHARDS: '3' })).toMatchObject({ index: 2, count: 3 });
    expect(shardOf(undefined, {})).toBeUndefined();
    expect(shardOf(undefined, { JOB_COMPLETION_INDEX: '', LOGVEIL_SHARDS: '' })).toBeUndefined(); // empty is unset
    expect(shardOf(false, { JOB_COMPLETION_INDEX: '2', LOGVEIL_SHARDS: '3' })).toBeUndefined(); // --no-shard
  });

  it('refuses an index without a count, a count without an index, and values that are no shard', () => {
    expect(usageError(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '1' }))).toBe(
      "JOB_COMPLETION_INDEX is set but LOGVEIL_SHARDS is not: set both (LOGVEIL_SHARDS to the Job's completions), pass --shard K/N, or --no-shard for every file",
    );
    expect(usageError(() => shardOf(undefined, { LOGVEIL_SHARDS: '4' }))).toMatch(/^LOGVEIL_SHARDS is set but JOB_COMPLETION_INDEX is not/);
    expect(usageError(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '4', LOGVEIL_SHARDS: '4' }))).toMatch(/shard 4 of 4 does not exist/);
    expect(usageError(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '0', LOGVEIL_SHARDS: '0' }))).toMatch(/at least 1/);
    expect(usageError(() => shardOf(undefined, { JOB_COMPLETION_INDEX: 'one', LOGVEIL_SHARDS: '2' }))).toMatch(/^JOB_COMPLETION_INDEX: /);
    expect(usageError(() => shardOf(undefined, { JOB_COMPLETION_INDEX: '0', LOGVEIL_SHARDS: '2x' }))).toMatch(/^LOGVEIL_SHARDS: /);
  });
});

/**
 * A tree of every format, gzip among them, in nested folders, plus a file named on the command line:
 * 22 files of generated logs (values from reserved ranges), anonymized with a keyed policy so that
 * the output depends on the key too.
 */
function logTree() {
  const box = sandbox('shard');
  const text = (seed: number, lines: number) => Array.from(corpusLines({ seed, lines }), (l) => l.text + '\n').join('');
  box.write('logs/app.log', text(1, 300));
  box.write('logs/api/a.ndjson', '{"user":{"email":"ann.lee@example.com","ip":"192.0.2.77"},"status":200}\n{"msg":"ok"}\n');
  box.write('logs/api/b.ndjson.gz', gzipSync('{"email":"bo.chen@example.com","phone":"13800138000"}\n'));
  box.write('logs/db/users.csv', 'id,email,note\n1,carl@example.com,"from 198.51.100.4, ok"\n2,,fine\n');
  box.write('logs/db/users.json', '[{"email":"dee@example.com","ip":"203.0.113.9"},{"ok":true}]\n');
  for (let i = 0; i < 16; i++) box.write(`logs/2026/02/${String(i).padStart(2, '0')}.log`, text(100 + i, 20));
  box.write('extra.log', 'mail eve@example.com from 192.0.2.200\n');
  box.write('policy.yaml', readFileSync(join(root, 'samples', 'policy.yaml')));
  expect(box.logveil(['keygen', 'my.key']).code).toBe(0);
  const args = ['--policy', 'policy.yaml', '--key-file', 'my.key', 'logs', 'extra.log'];
  const whole = box.logveil(['anonymize', ...args, '-o', 'out-all']);
  expect({ code: whole.code, stderr: whole.stderr }).toEqual({ code: 0, stderr: '' });
  const all = box.tree('out-all');
  expect(all).toHaveLength(22);
  return { ...box, args, all };
}

describe('logveil anonymize --shard', () => {
  const box = logTree();
  const { logveil, tree, path, args, all } = box;
  const same = (dir: string, files: readonly string[]) => {
    for (const f of files) expect(readFileSync(path(join(dir, f))), f).toEqual(readFileSync(path(join('out-all', f))));
  };

  /** The folder shard k of n was written to, by `--shard k/n` (run once, whichever test asks first). */
  const shardDir = (n: number, k: number): string => {
    const dir = `out-${n}-${k}`;
    if (!existsSync(path(dir))) {
      const r = logveil(['anonymize', '--shard', `${k}/${n}`, ...args, '-o', dir]);
      expect({ n, k, code: r.code, stderr: r.stderr }).toEqual({ n, k, code: 0, stderr: '' });
    }
    return dir;
  };

  it('writes, over N shards, every file of one unsharded run exactly once and byte for byte, for N = 1, 2, 3, 7', { timeout: 180_000 }, () => {
    for (const n of [1, 2, 3, 7]) {
      const shards: string[][] = [];
      for (let k = 0; k < n; k++) {
        shards.push(tree(shardDir(n, k)));
        same(shardDir(n, k), shards[k]);
      }
      expect(shards.flat().sort()).toEqual(all); // once each: no file missing, none twice
      if (n > 1) expect(shards.every((s) => s.length < all.length)).toBe(true); // really split
    }
  });

  it('takes the shard from JOB_COMPLETION_INDEX and LOGVEIL_SHARDS as --shard takes it; --no-shard takes every file', () => {
    for (let k = 0; k < 3; k++) {
      const env = { ...binEnv, JOB_COMPLETION_INDEX: String(k), LOGVEIL_SHARDS: '3' };
      const r = runLogveil(['anonymize', ...args, '-o', `env-${k}`], { cwd: box.dir, env });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(tree(`env-${k}`)).toEqual(tree(shardDir(3, k)));
      same(`env-${k}`, tree(`env-${k}`));
    }
    const env = { ...binEnv, JOB_COMPLETION_INDEX: '1', LOGVEIL_SHARDS: '3' };
    expect(runLogveil(['anonymize', '--no-shard', ...args, '-o', 'env-all'], { cwd: box.dir, env }).code).toBe(0);
    expect(tree('env-all')).toEqual(all);
    expect(runLogveil(['anonymize', '--shard', '0/2', ...args, '-o', 'env-flag'], { cwd: box.dir, env }).code).toBe(0);
    expect(tree('env-flag')).toEqual(tree(shardDir(2, 0)));
  });

  it('splits the same tree mounted elsewhere the same way, and a file added moves no other', () => {
    cpSync(path('logs'), path('mnt/data/logs'), { recursive: true });
    cpSync(path('extra.log'), path('mnt/data/extra.log'));
    box.write('mnt/data/logs/2026/03/new.log', 'login from 192.0.2.1\n');
    const moved = sandbox('shard-elsewhere'); // another working folder, absolute paths
    cpSync(path('policy.yaml'), moved.path('policy.yaml'));
    cpSync(path('my.key'), moved.path('my.key'));
    const data = path('mnt/data');
    let added = 0;
    for (let k = 0; k < 3; k++) {
      const r = moved.logveil(['anonymize', '--shard', `${k}/3`, '--policy', 'policy.yaml', '--key-file', 'my.key', join(data, 'logs'), join(data, 'extra.log'), '-o', `o${k}`]);
      expect(r.code).toBe(0);
      const files = moved.tree(`o${k}`);
      if (files.includes(join('2026', '03', 'new.log'))) added++;
      expect(files.filter((f) => f !== join('2026', '03', 'new.log'))).toEqual(tree(shardDir(3, k)));
    }
    expect(added).toBe(1);
  });

  it('refuses a bad shard, an index without a count, stdin, and keyed operators without a key (exit 2), writing nothing', () => {
    const refused = (argv: string[], env: NodeJS.ProcessEnv, message: RegExp, input?: string) => {
      const r = runLogveil(argv, { cwd: box.dir, env: { ...binEnv, ...env }, input });
      expect({ argv, env, code: r.code, stdout: r.stdout }).toEqual({ argv, env, code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/\[LV_USAGE\]\n$/);
    };
    const out = ['-o', 'refused'];
    refused(['anonymize', '--shard', '3/3', 'logs', ...out], {}, /--shard: shard 3 of 3 does not exist \(shards are counted from 0: 0 to 2\)/);
    refused(['anonymize', '--shard', '0/0', 'logs', ...out], {}, /the number of shards must be at least 1/);
    refused(['anonymize', '--shard=-1/2', 'logs', ...out], {}, /--shard: expected K\/N/);
    refused(['anonymize', '--shard', '1of2', 'logs', ...out], {}, /--shard: expected K\/N/);
    refused(['anonymize', 'logs', ...out], { JOB_COMPLETION_INDEX: '1' }, /JOB_COMPLETION_INDEX is set but LOGVEIL_SHARDS is not/);
    refused(['anonymize', 'logs', ...out], { LOGVEIL_SHARDS: '2' }, /LOGVEIL_SHARDS is set but JOB_COMPLETION_INDEX is not/);
    refused(['anonymize', 'logs', ...out], { JOB_COMPLETION_INDEX: '2', LOGVEIL_SHARDS: '2' }, /shard 2 of 2 does not exist/);
    refused(['anonymize', '--shard', '0/2', '-'], {}, /- \(stdin\) cannot be split into shards/, 'mail eve@example.com\n');
    refused(['scan', '--shard', '2/2', 'logs'], {}, /--shard: shard 2 of 2 does not exist/);
    refused(['scan', '-'], { JOB_COMPLETION_INDEX: '0', LOGVEIL_SHARDS: '2' }, /stdin.*--no-shard/, 'mail eve@example.com\n');
    expect(existsSync(path('refused'))).toBe(false);
    // samples/policy.yaml hashes emails: a key made per shard would give an email another hash in each
    const keyless = runLogveil(['anonymize', '--shard', '0/2', '--policy', 'policy.yaml', 'logs', ...out], { cwd: box.dir });
    expect({ code: keyless.code, stderr: keyless.stderr }).toEqual({
      code: 2,
      stderr:
        'logveil: a shard needs --key-file or LOGVEIL_KEY_FILE for the keyed operators (hash, pseudonym): a key made for each shard would give a value another pseudonym in each [LV_KEY]\n',
    });
    expect(existsSync(path('refused'))).toBe(false);
    // stdin in a pod of an Indexed Job: --no-shard reads it
    const r = runLogveil(['anonymize', '--no-shard', '-'], { cwd: box.dir, env: { ...binEnv, JOB_COMPLETION_INDEX: '0' }, input: 'mail eve@example.com\n' });
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: 'mail <EMAIL>\n' });
  });

  it('fails every shard on an input that is missing (none can tell whose files it held), each still writing its own', () => {
    for (let k = 0; k < 2; k++) {
      const r = logveil(['anonymize', '--shard', `${k}/2`, ...args, 'gone.log', '-o', `gone-${k}`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^logveil: gone\.log: no such file or directory \[LV_IO\]\n/);
      expect(tree(`gone-${k}`)).toEqual(tree(shardDir(2, k)));
    }
  });

  it('runs its shards as GNU parallel jobs writing into one folder, with the output of one run', () => {
    const found = spawnSync('sh', ['-c', 'command -v parallel']);
    if (found.status !== 0) throw new Error('GNU parallel is not installed: `apt-get install -y parallel` (.ci/run installs it)');
    const r = box.sh(`parallel logveil anonymize --shard {}/4 ${args.join(' ')} -o out-parallel ::: 0 1 2 3`);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(tree('out-parallel')).toEqual(all);
    same('out-parallel', all);
  });
});


describe('README "Past one machine"', () => {
  it('its GNU parallel line, run as written after `npm install`, writes what one run writes', { timeout: 180_000 }, () => {
    const line = pastOneMachine().find((l) => l.startsWith('parallel '));
    if (!line) throw new Error('README\'s "Past one machine" has no line that starts with `parallel `');
    expect(line).toContain('--shard {}/');
    const { dir, tree, path, logveil } = logTree();
    installInto(dir); // npx logveil finds this checkout, as after `npm install` in a clone
    const whole = logveil(['anonymize', '--key-file', 'my.key', 'logs/', '-o', 'whole/']);
    expect(whole.code).toBe(0);
    const script = line.replaceAll('npx logveil', 'npx --no-install logveil');
    const r = runShell(script, { cwd: dir, binOnPath: false, env: { npm_config_offline: 'true', npm_config_update_notifier: 'false' } });
    expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: '' });
    const out = /-o (\S+)/.exec(line)![1];
    expect(tree(out)).toEqual(tree('whole'));
    for (const f of tree('whole')) expect(readFileSync(path(join(out, f))), f).toEqual(readFileSync(path(join('whole', f))));
  });

  it('names the manifest and the Dockerfile that samples/k8s holds', () => {
    const lines = pastOneMachine();
    expect(lines).toContain('kubectl apply -f samples/k8s/anonymize-job.yaml');
    expect(existsSync(join(root, 'samples', 'k8s', 'anonymize-job.yaml'))).toBe(true);
    expect(lines.some((l) => l.includes('docker build') && l.includes(' samples/k8s'))).toBe(true);
    expect(existsSync(join(root, 'samples', 'k8s', 'Dockerfile'))).toBe(true);
  });
});

describe('logveil scan --shard', () => {
  it('reports, over the shards, the lines of one unsharded scan, each once', () => {
    const { logveil } = logTree();
    const args = ['--policy', 'policy.yaml', 'logs', 'extra.log']; // scan replaces nothing: no key
    const lines = (s: string) => s.split('\n').filter((l) => l !== '');
    const whole = logveil(['scan', ...args]);
    expect(whole.code).toBe(0);
    expect(lines(whole.stdout).length).toBeGreaterThan(50);
    const parts = [0, 1, 2].map((k) => logveil(['scan', '--shard', `${k}/3`, ...args]));
    for (const p of parts) expect({ code: p.code, stderr: p.stderr }).toEqual({ code: 0, stderr: '' });
    expect(parts.flatMap((p) => lines(p.stdout)).sort()).toEqual(lines(whole.stdout).sort());
    // each file's findings are in one shard only
    const filesOf = (s: string) => new Set(lines(s).map((l) => (JSON.parse(l) as { file: string }).file));
    const sets = parts.map((p) => filesOf(p.stdout));
    expect(sets.reduce((n, s) => n + s.size, 0)).toBe(filesOf(whole.stdout).size);
  });
});

describe('a shard\'s summary and report', () => {
  it('say which shard they count, and over the shards add up to the whole run\'s', () => {
    const { logveil, write, path } = sandbox('shard-summary');
    // File i holds i + 1 lines, one planted email each: the counts tell the shards apart.
    const files = 6;
    for (let i = 0; i < files; i++) write(`logs/f${i}.log`, Array.from({ length: i + 1 }, (_, k) => `mail u${i}x${k}@example.com\n`).join(''));
    const count = 3;
    const mine = (k: number) => Array.from({ length: files }, (_, i) => i).filter((i) => shardNumber(`f${i}.log`, count) === k);
    const emails = (k: number) => mine(k).reduce((n, i) => n + i + 1, 0);
    const said = (k: number) => `shard ${k}/${count}: the counts of this shard's files only`;
    for (let k = 0; k < count; k++) {
      expect(mine(k).length).toBeGreaterThan(0); // every shard has files to count
      const table = logveil(['scan', '--shard', `${k}/${count}`, '--summary', 'logs']);
      expect(table.code).toBe(0);
      expect(table.stdout.split('\n')[0]).toBe(said(k));
      expect(table.stdout).toMatch(new RegExp(`^total\\s+${emails(k)}$`, 'm'));
      const json = JSON.parse(logveil(['scan', '--shard', `${k}/${count}`, '--summary-json', 'logs']).stdout) as { shard: unknown; total: number };
      expect([json.shard, json.total]).toEqual([{ index: k, count }, emails(k)]);

      const run = logveil(['anonymize', '--shard', `${k}/${count}`, '--summary', '--report', `r${k}.json`, 'logs', '-o', 'out/']);
      expect(run.code).toBe(0);
      const [first, second] = run.stderr.split('\n');
      expect(first).toBe(said(k));
      expect(second).toMatch(new RegExp(`^${mine(k).length} files, ${emails(k)} lines, `));
      const report = JSON.parse(readFileSync(path(`r${k}.json`), 'utf8')) as { shard: unknown; run: { files: number }; total: number };
      expect([report.shard, report.run.files, report.total]).toEqual([{ index: k, count }, mine(k).length, emails(k)]);
    }
    expect(Array.from({ length: count }, (_, k) => emails(k)).reduce((a, b) => a + b)).toBe(21); // 1 + 2 + … + 6
    // Not sharded: no shard said, the whole run counted.
    const whole = logveil(['scan', '--summary-json', 'logs']);
    expect(JSON.parse(whole.stdout)).not.toHaveProperty('shard');
    expect(JSON.parse(whole.stdout)).toMatchObject({ total: 21 });
    const all = logveil(['anonymize', '--summary', 'logs', '-o', 'all/']);
    expect(all.stderr.split('\n')[0]).toMatch(/^6 files, 21 lines, /);
  });
});
