import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { FAILING_VALUE } from './fixtures/failing-detectors.js';
import { BENIGN, logValues, survivors } from './log-values.js';

/**
 * Real pino, the transport in pino's worker thread (the compiled module: `npm run build` first, as
 * `npm test` does): as a single target and as a pipeline step. What it writes is compared with what
 * plain pino writes for the same calls: every field but the personal values equal in value.
 */
const TRANSPORT = fileURLToPath(new URL('../../dist/src/integrations/pino.js', import.meta.url));
const FAILING_DETECTORS = fileURLToPath(new URL('../../dist/test/loggers/fixtures/failing-detectors.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'logveil-pino-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A fixed time and base, so that plain pino's lines can be compared with the transport's.
const OPTIONS = { base: { pid: 4242, hostname: 'web-1' }, timestamp: () => ',"time":1796300000000' };
const CASES = [1, 2, 3].map(logValues);

/** The calls every test makes: fields of every type, a message with every type, an error, a child's bindings. */
function logEverything(log: Logger): void {
  for (const c of CASES) {
    log.info({ ...BENIGN, user: c.fields }, c.message);
    log.error({ err: new Error(`mail to ${c.fields.email} bounced`), orderId: BENIGN.orderId }, 'delivery failed');
    log.child({ requestId: BENIGN.requestId, client: c.fields.client_ip }).warn('%s retried', c.fields.phone);
  }
}

/** What plain pino writes for the same calls. */
function plainText(): string {
  let text = '';
  const sink = new Writable({ write: (chunk, _e, cb) => ((text += chunk), cb()) });
  logEverything(pino(OPTIONS, sink));
  return text;
}

async function runThrough(transport: ReturnType<typeof pino.transport>, log: (l: Logger) => void, messageKey?: string): Promise<void> {
  log(pino({ ...OPTIONS, ...(messageKey ? { messageKey } : {}) }, transport));
  transport.end();
  await once(transport, 'close');
}

const planted = CASES.flatMap((c) => c.planted);

/** Every written line is JSON, keeps level, time and the rest of plain pino's fields, and holds no planted value. */
function expectAnonymized(file: string): void {
  const text = readFileSync(file, 'utf8');
  expect(survivors(text, planted)).toEqual([]);
  const written = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const plain = plainText().trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(written).toHaveLength(plain.length);
  written.forEach((line, i) => {
    const before = plain[i];
    expect(Object.keys(line)).toEqual(Object.keys(before));
    for (const key of ['level', 'time', 'pid', 'hostname', 'orderId', 'requestId', 'version', 'amount', 'durationMs', 'retried', 'parent', 'cache', 'note', 'at']) {
      expect(line[key], key).toEqual(before[key]);
    }
    expect(typeof line.msg).toBe('string');
  });
  // What changed is only the personal values: the error's type and the user's keys are still there.
  const error = written[1].err as Record<string, unknown>;
  expect(error.type).toBe('Error');
  expect(error.message).toMatch(/^mail to \S+ bounced$/);
  expect(error.stack).toMatch(/^Error: mail to \S+ bounced\n {4}at /);
  expect(Object.keys(written[0].user as object)).toEqual(Object.keys(CASES[0].fields));
  expect(written[2].msg).toMatch(/^\S+ retried$/);
}

describe('logveil/pino in pino’s worker thread', () => {
  it('plain pino writes every planted value (so that finding none after the transport means something)', () => {
    expect(survivors(plainText(), planted)).toEqual(planted);
  });

  it('gets ready before a logger is made of it (a caller may await ready first)', async () => {
    const transport = pino.transport({ target: TRANSPORT, options: { destination: join(dir, 'ready.log') } });
    await once(transport, 'ready');
    await runThrough(transport, (log) => log.info('ready'));
    expect(JSON.parse(readFileSync(join(dir, 'ready.log'), 'utf8'))).toMatchObject({ level: 30, msg: 'ready' });
  });

  it('as a single target writing a file: every line anonymized, every other field as plain pino writes it', async () => {
    const file = join(dir, 'single.log');
    await runThrough(pino.transport({ target: TRANSPORT, options: { destination: file } }), logEverything);
    expectAnonymized(file);
  });

  it("a named logger's name stays on every line; a person's name under user.name does not", async () => {
    const file = join(dir, 'named.log');
    const transport = pino.transport({ target: TRANSPORT, options: { destination: file } });
    pino({ ...OPTIONS, name: 'checkout' }, transport).info({ user: { name: 'Alice Example' } }, 'signed in');
    transport.end();
    await once(transport, 'close');
    const line = JSON.parse(readFileSync(file, 'utf8')) as { name: string; user: { name: string } };
    expect(line.name).toBe('checkout');
    expect(line.user.name).toBe('<PERSON_NAME>');
  });

  it('as a pipeline step in front of pino/file', async () => {
    const file = join(dir, 'pipeline.log');
    await runThrough(pino.transport({ pipeline: [{ target: TRANSPORT }, { target: 'pino/file', options: { destination: file } }] }), logEverything);
    expectAnonymized(file);
  });

  it('as a pipeline step in front of pino-pretty: the pretty lines hold no planted value', async () => {
    const file = join(dir, 'pretty.log');
    const pretty = { destination: file, colorize: false, sync: true };
    await runThrough(pino.transport({ pipeline: [{ target: TRANSPORT }, { target: 'pino-pretty', options: pretty }] }), logEverything);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('INFO (4242): checkout ');
    expect(text).toContain('ERROR (4242): delivery failed');
    expect(survivors(text, planted)).toEqual([]);
  });

  it('a line whose anonymizing throws is replaced by the marker, with its level and time; the next line goes on', async () => {
    const file = join(dir, 'failing.log');
    const options = { destination: file, detectors: { module: FAILING_DETECTORS } };
    const [c] = CASES;
    await runThrough(pino.transport({ target: TRANSPORT, options }), (log) => {
      log.warn({ user: c.fields }, `asset ${FAILING_VALUE} of ${c.fields.email}`);
      log.info({ user: c.fields }, 'asset AT123456 checked');
    });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('{"level":40,"time":1796300000000,"logveil":"redaction-failed"}');
    expect(JSON.parse(lines[1])).toMatchObject({ level: 30, time: 1796300000000, msg: 'asset <DEVICE_ID> checked' });
    expect(survivors(lines.join('\n'), c.planted)).toEqual([]);
    expect(lines).toHaveLength(2);
  });

  it('a policy file that cannot be read stops the transport before it writes anything (pino emits error)', async () => {
    const file = join(dir, 'never.log');
    const transport = pino.transport({ target: TRANSPORT, options: { policy: join(dir, 'missing.yaml'), destination: file } });
    const failed = once(transport, 'error');
    pino(OPTIONS, transport).info({ user: CASES[0].fields }, CASES[0].message);
    const [error] = (await failed) as [Error];
    expect(error.message).toMatch(/missing\.yaml: cannot read policy file \(ENOENT\)/);
    expect(existsSync(file)).toBe(false);
  });

  it('a destination that cannot be written is an error pino emits, not lines lost quietly', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const transport = pino.transport({ target: TRANSPORT, options: { destination: join(dir, 'a-file', 'under-a-file.log') } });
    const failed = once(transport, 'error');
    pino(OPTIONS, transport).info(CASES[0].message);
    const [error] = (await failed) as [Error];
    expect(error.message).toMatch(/^(EEXIST|ENOTDIR)/);
  });

  it('a line that is not JSON is anonymized as text and written as a record under the messageKey given', async () => {
    const file = join(dir, 'not-json.log');
    const [c] = CASES;
    const transport = pino.transport({ target: TRANSPORT, options: { destination: file, messageKey: 'message' } });
    await runThrough(transport, (log) => {
      log.info('before');
      transport.write(`plain text from ${c.fields.email}\n`);
    }, 'message');
    const [before, text] = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(before).toMatchObject({ level: 30, message: 'before' });
    expect(text).toMatchObject({ message: 'plain text from <EMAIL>', logveil: 'not-json' });
    expect(typeof text.time).toBe('number');
  });
});
