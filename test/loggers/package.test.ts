import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a user gets it: `npm pack` (of the build: `npm run build` first, as `npm test` does),
 * the tarball installed into a new project with pino and winston (from npm's cache when it has them),
 * `logveil`, `logveil/pino` and `logveil/winston` imported by name, and a TypeScript user file
 * compiled against the declarations the package ships.
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
  const peers = ['pino', 'winston', '@types/node'].map((name) => `${name}@${manifest.devDependencies[name]}`);
  npm(['install', '--prefer-offline', '--ignore-scripts', join(dir, filename), ...peers], app);
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER_JS = `
import { Writable } from 'node:stream';
import { createAnonymizer } from 'logveil';
import logveilFormat from 'logveil/winston';
import pino from 'pino';
import winston from 'winston';

const a = createAnonymizer();
console.log(a.anonymize('login 192.0.2.10 mail a.b@example.com'));

const lines = [];
const stream = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk).trim()); cb(); } });
const logger = winston.createLogger({
  format: winston.format.combine(winston.format.errors({ stack: true }), winston.format.splat(), logveilFormat({ anonymizer: a }), winston.format.json()),
  transports: [new winston.transports.Stream({ stream })],
});
logger.info('mail %s', 'e.f@example.com', { ip: '192.0.2.12' });
console.log(lines.join('\\n'));

// pino's transport thread writes the file; pino flushes and ends it when the process exits.
const transport = pino.transport({ target: 'logveil/pino', options: { destination: 'pino.log' } });
pino(transport).info({ user: { email: 'c.d@example.com' } }, 'from 192.0.2.11');
`;

const USER_TS = `
import type { Transform } from 'node:stream';
import { createAnonymizer, type Anonymizer } from 'logveil';
import logveilTransport, { type PinoTransportOptions } from 'logveil/pino';
import logveilFormat, { type WinstonFormatOptions } from 'logveil/winston';
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

// @ts-expect-error a destination is a path, 1 or 2
logveilTransport({ destination: { fd: 1 } });
// @ts-expect-error the winston format takes an anonymizer, not a key
logveilFormat({ anonymizer: 'key' });
export { step, text };
`;

describe('the packed package, installed into a new project', () => {
  it('imports logveil, logveil/pino (by name, in pino’s worker) and logveil/winston as a user would', () => {
    writeFileSync(join(app, 'user.mjs'), USER_JS);
    const out = execFileSync(process.execPath, ['user.mjs'], { cwd: app, encoding: 'utf8', timeout: 60_000 }).trim().split('\n');
    expect(out[0]).toBe('login <IP_ADDRESS> mail <EMAIL>');
    expect(JSON.parse(out[1])).toEqual({ level: 'info', message: 'mail <EMAIL>', ip: '<IP_ADDRESS>' });
    expect(out).toHaveLength(2);
    const written = readFileSync(join(app, 'pino.log'), 'utf8');
    expect(JSON.parse(written)).toMatchObject({ level: 30, msg: 'from <IP_ADDRESS>', user: { email: '<EMAIL>' } });
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
