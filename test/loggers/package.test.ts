import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack` (of the build: `npm run build` first, as `npm test` does),
 * the tarball installed into a new project with pino, pino-pretty and winston (from npm's cache when
 * it has them), README's logger examples run there as written (they import `logveil`, `logveil/pino`
 * and `logveil/winston` by name), and a TypeScript user file compiled against the declarations the
 * package ships.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const dir = mkdtempSync(join(tmpdir(), 'logveil-package-'));
const app = join(dir, 'app');
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 120_000 });

beforeAll(() => {
  const [{ filename }] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root)) as [{ filename: string }];
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'user-app', private: true, type: 'module' }));
  const peers = ['pino', 'pino-pretty', 'winston', '@types/node'].map((name) => `${name}@${manifest.devDependencies[name]}`);
  npm(['install', '--prefer-offline', '--ignore-scripts', join(dir, filename), ...peers], app);
  // README's examples read the sample policy and a key file, as `logveil keygen` writes it.
  mkdirSync(join(app, 'samples'));
  copyFileSync(join(root, 'samples', 'policy.yaml'), join(app, 'samples', 'policy.yaml'));
  writeFileSync(join(app, 'my.key'), randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  chmodSync(join(app, 'my.key'), 0o600);
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ```ts blocks of README's "In a logger" section, in order. */
function loggerBlocks(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('In a logger'));
  if (!section) throw new Error('README.md has no "## In a logger" section');
  return [...section.matchAll(/^```ts\n([^]*?)^```/gm)].map((m) => m[1]);
}

/**
 * What a block says it gives, in its comments: `// clean.log: …` (with `//` lines under it that go
 * on at its column) is that file's content; any other comment on a line of its own, or after a
 * `console.log(…);`, is the next line of standard output. `…` stands for any text.
 */
function saidIn(block: string): { files: Map<string, string>; stdout: string[] } {
  const files = new Map<string, string>();
  const stdout: string[] = [];
  let file: { name: string; column: number } | undefined;
  for (const line of block.split('\n')) {
    const named = /^\/\/ ([\w.-]+\.log): (.*)$/.exec(line);
    if (named) {
      file = { name: named[1], column: line.length - named[2].length };
      files.set(file.name, named[2]);
    } else if (file && line.startsWith('//') && /^ *$/.test(line.slice(2, file.column))) {
      files.set(file.name, `${files.get(file.name)}\n${line.slice(file.column)}`);
    } else {
      file = undefined;
      const said = /^\/\/ (.*)$/.exec(line) ?? /^console\.log\(.*\); \/\/ (.*)$/.exec(line);
      if (said) stdout.push(said[1]);
    }
  }
  return { files, stdout };
}

/** Whether a text is what README says, `…` standing for any text. */
function matches(text: string, said: string): boolean {
  return new RegExp(`^${said.split('…').map((p) => p.replace(/[\^$.*+?()[\]{}|\\]/g, '\\$&')).join('[^]*')}$`).test(text);
}

const USER_TS = `
import type { Transform } from 'node:stream';
import { createAnonymizer, type Anonymizer } from 'logveil';
import logveilTransport, { REDACTION_FAILED, type PinoTransportOptions } from 'logveil/pino';
import logveilFormat, { REDACTION_FAILED as WINSTON_MARKER, type WinstonFormatOptions } from 'logveil/winston';
import pino from 'pino';
import winston from 'winston';

const options: PinoTransportOptions = { policy: { types: { EMAIL: { operator: 'redact' } } }, keyFile: '/etc/logveil.key', destination: 1 };
const transport = pino.transport<PinoTransportOptions>({ target: 'logveil/pino', options });
pino(transport).info('typed');
const step: Promise<Transform> = logveilTransport({ policy: 'policy.yaml' });

const anonymizer: Anonymizer = createAnonymizer();
const formatOptions: WinstonFormatOptions = { anonymizer };
const logger = winston.createLogger({ format: winston.format.combine(logveilFormat(formatOptions), winston.format.json()) });
logger.info('typed');
const text: string = anonymizer.anonymize('x');
const markers: ['redaction-failed', 'redaction-failed'] = [REDACTION_FAILED, WINSTON_MARKER];

// @ts-expect-error a destination is a path, 1 or 2
logveilTransport({ destination: { fd: 1 } });
// @ts-expect-error the winston format takes an anonymizer, not a key
logveilFormat({ anonymizer: 'key' });
export { markers, step, text };
`;

describe('the packed package, installed into a new project', () => {
  it('runs README’s logger examples as written, importing logveil, logveil/pino and logveil/winston by name, and they give what README says', () => {
    const blocks = loggerBlocks();
    // What this test checks of them: a file each from the pino examples, three lines from the winston one.
    expect(blocks.map(saidIn).map(({ files, stdout }) => [[...files.keys()], stdout.length])).toEqual([[['clean.log'], 0], [['pretty.log'], 0], [[], 3]]);
    for (const [i, block] of blocks.entries()) {
      writeFileSync(join(app, `example-${i}.mjs`), block);
      const r = spawnSync(process.execPath, [`example-${i}.mjs`], { cwd: app, encoding: 'utf8', timeout: 60_000 });
      expect({ block: i, code: r.status, stderr: r.stderr }).toEqual({ block: i, code: 0, stderr: '' });
      const { files, stdout } = saidIn(block);
      const lines = r.stdout.trimEnd().split('\n').filter(Boolean);
      expect(lines.length, `example ${i}: ${r.stdout}`).toBe(stdout.length);
      lines.forEach((line, k) => expect(matches(line, stdout[k]), `example ${i}: ${line}`).toBe(true));
      for (const [name, said] of files) {
        const text = readFileSync(join(app, name), 'utf8').trimEnd();
        expect(matches(text, said), `${name}: ${text}`).toBe(true);
      }
    }
  });

  it('compiles a TypeScript user file against the declarations it ships', () => {
    writeFileSync(join(app, 'user.ts'), USER_TS);
    const tsconfig = { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2023', strict: true, noEmit: true, types: ['node'] }, files: ['user.ts'] };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    // tsc prints its errors on stdout: the assertion shows them.
    let errors = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', app], { cwd: app, encoding: 'utf8', timeout: 60_000 });
    } catch (e) {
      errors = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(errors).toBe('');
  });
});
