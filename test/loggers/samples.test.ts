import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../src/index.js';
import { survivors } from './log-values.js';

/**
 * The sample services (samples/service/) run as README says, one process each, as a user runs them:
 * they import `logveil/pino` and `logveil/winston` by name, which the package resolves to its own
 * build through package.json `exports` (`npm run build` first, as `npm test` does). Every line they
 * write is valid for its logger, holds none of the customers' personal values, and no marker.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'logveil-samples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SampleData {
  readonly customers: readonly Record<string, string | number>[];
  readonly order: Readonly<Record<string, string | number>>;
  readonly gatewayIp: string;
}
// A plain .mjs module without types: imported by a URL, so it is what the services import.
const data = (await import(new URL('../../samples/service/customers.mjs', import.meta.url).href)) as SampleData;
/** Every personal value the services log: the customers' strings (their numeric ids are not personal) and an address. */
const planted = [...data.customers.flatMap((c) => Object.values(c).filter((v): v is string => typeof v === 'string')), data.gatewayIp];

/** README's commands that run a sample service (`node samples/service/<file> <args>`), by file. */
function readmeCommands(): Map<string, string[]> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const commands = new Map<string, string[]>();
  for (const m of readme.matchAll(/^node samples\/service\/(\S+\.mjs)((?: [^\s#]+)*)/gm)) commands.set(m[1], m[2].split(' ').filter(Boolean));
  return commands;
}
const commands = readmeCommands();

const run = promisify(execFile);
/** A service run as README writes its command, in a folder of its own (where `clean.log` lands). */
function service(file: string) {
  const args = commands.get(file);
  if (!args) throw new Error(`README.md names no command for samples/service/${file}`);
  return run(process.execPath, [join(root, 'samples', 'service', file), ...args], { cwd: dir, timeout: 20_000 });
}

// Started together: each waits mostly for its logger's worker thread.
const outputs = Promise.all([service('pino-service.mjs'), service('pino-pipeline-service.mjs'), service('winston-service.mjs')]);
// A failure is reported by the tests that await it, not as an unhandled rejection before they run.
outputs.catch(() => {});

/** The lines a service wrote, each parsed: any line that is not JSON fails here. */
function parsed(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** No personal value, no marker (redaction-failed or not-json), the fields with nothing personal as logged. */
function expectClean(text: string, lines: Record<string, unknown>[]): void {
  expect(survivors(text, planted)).toEqual([]);
  expect(text).not.toContain('redaction-failed');
  for (const line of lines) expect(line.logveil).toBeUndefined();
  const paid = lines.filter((l) => typeof l.orderId === 'number');
  expect(paid).toHaveLength(data.customers.length);
  for (const line of paid) for (const [key, value] of Object.entries(data.order)) expect(line[key], key).toEqual(value);
}

function expectPinoLines(text: string): void {
  const lines = parsed(text);
  // One start line, three per customer, the identity checks and the error.
  expect(lines).toHaveLength(1 + 3 * data.customers.length + 2);
  for (const line of lines) {
    expect([30, 40, 50]).toContain(line.level);
    expect(typeof line.time).toBe('number');
    expect(typeof line.msg).toBe('string');
    expect(line.service).toBe('shop');
  }
  expect(lines[0].msg).toBe('shop service started');
  expect(lines.at(-1)).toMatchObject({ level: 50, msg: 'notification failed', err: { type: 'Error' } });
  expect((lines.at(-1)!.err as { stack: string }).stack).toMatch(/^Error: mail to \S+ bounced: no route to \S+\n {4}at /);
  expectClean(text, lines);
}

describe('the sample services (samples/service/)', () => {
  it('are each named by a command in README', () => {
    expect([...commands.keys()].sort()).toEqual(['pino-pipeline-service.mjs', 'pino-service.mjs', 'winston-service.mjs']);
    expect(commands.get('pino-pipeline-service.mjs')).toEqual(['clean.log']);
  });

  it('log values that are personal data: each one is found under its key (check digits right), so finding none in the output means something', () => {
    const anonymizer = createAnonymizer();
    for (const customer of data.customers) {
      for (const [key, value] of Object.entries(customer)) if (typeof value === 'string') expect(anonymizer.record({ [key]: value }), `${key}: ${value}`).not.toEqual({ [key]: value });
    }
    expect(anonymizer.anonymize(data.gatewayIp)).not.toBe(data.gatewayIp);
  });

  it('pino, logveil/pino as the single target: every line on stdout is pino JSON with level, time and msg, anonymized', async () => {
    const [single] = await outputs;
    expectPinoLines(single.stdout);
  });

  it('pino, logveil/pino as a pipeline step before pino/file: the same lines in the file', async () => {
    const [, pipelined] = await outputs;
    expect(pipelined.stdout).toBe('');
    expectPinoLines(readFileSync(join(dir, 'clean.log'), 'utf8'));
  });

  it('winston, the logveil/winston format in combine() with errors, splat, timestamp and json: every line anonymized, the counters on stderr', async () => {
    const [, , winston] = await outputs;
    const lines = parsed(winston.stdout);
    expect(lines).toHaveLength(1 + 3 * data.customers.length + 2);
    for (const line of lines) {
      expect(['info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.message).toBe('string');
      expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(line.service).toBe('shop');
    }
    expect(lines.at(-1)).toMatchObject({ level: 'error' });
    expect(lines.at(-1)!.stack).toMatch(/^Error: mail to \S+ bounced: no route to \S+\n {4}at /);
    // The splat argument was replaced in the message winston formatted from it.
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual(data.customers.map(() => expect.stringMatching(/^sms to \+1 \d{3}-\*{3}-\d{4} failed, will retry$/)));
    expectClean(winston.stdout, lines);
    const counters = JSON.parse(winston.stderr.replace(/^logveil: /, '')) as { replaced: number; failures: number };
    expect(counters.replaced).toBeGreaterThan(0);
    expect(counters.failures).toBe(0);
  });
});
