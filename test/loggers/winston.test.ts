import { Writable } from 'node:stream';
import { LEVEL, MESSAGE, SPLAT } from 'triple-beam';
import { describe, expect, it } from 'vitest';
import winston, { format } from 'winston';
import logveilFormat, { entryAnonymizer } from '../../src/integrations/winston.js';
import { createAnonymizer } from '../../src/index.js';
import failingDetectors, { FAILING_VALUE } from './fixtures/failing-detectors.js';
import { BENIGN, logValues, survivors } from './log-values.js';

/**
 * Real winston with splat(), errors({ stack: true }) and json(): two transports share each entry,
 * one with logveil's format and one without, so the second shows the entry was not modified and
 * gives what the first must equal but for the personal values.
 */
const CASES = [1, 2, 3].map(logValues);
const planted = CASES.flatMap((c) => c.planted);

/** A transport writing into an array, with its own format. */
function collecting(lines: string[], ...formats: winston.Logform.Format[]) {
  const stream = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk).trimEnd()), cb()) });
  return new winston.transports.Stream({ stream, format: format.combine(...formats, format.json()) });
}

function logEverything(logger: winston.Logger): void {
  for (const c of CASES) {
    logger.info(c.message, { ...BENIGN, user: c.fields });
    logger.warn('card %s of %s', c.fields.card_no, c.fields.email, { client: c.fields.client_ip, orderId: BENIGN.orderId });
    logger.error(new Error(`mail to ${c.fields.email} bounced`));
    logger.error('delivery failed', { cause: new Error(`phone ${c.fields.phone} unreachable`), requestId: BENIGN.requestId });
  }
}

describe('logveil/winston with real winston', () => {
  it('anonymizes message, metadata, splat arguments and errors; every other field as winston writes it; the shared entry untouched', () => {
    const anonymizer = createAnonymizer();
    const clean: string[] = [];
    const plain: string[] = [];
    const logger = winston.createLogger({
      format: format.combine(format.errors({ stack: true }), format.splat()),
      transports: [collecting(clean, logveilFormat({ anonymizer })), collecting(plain)],
    });
    logEverything(logger);

    expect(survivors(plain.join('\n'), planted)).toEqual(planted);
    expect(survivors(clean.join('\n'), planted)).toEqual([]);
    expect(clean).toHaveLength(plain.length);
    clean.forEach((line, i) => {
      const after = JSON.parse(line) as Record<string, unknown>;
      const before = JSON.parse(plain[i]) as Record<string, unknown>;
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect(after.level).toBe(before.level);
      expect(typeof after.message).toBe('string');
      for (const key of Object.keys(BENIGN)) expect(after[key], key).toEqual(before[key]);
    });
    const [info, splat, error, cause] = clean.slice(0, 4).map((l) => JSON.parse(l) as Record<string, unknown>);
    // json() writes keys sorted (safe-stable-stringify).
    expect(Object.keys(info.user as object)).toEqual(Object.keys(CASES[0].fields).sort());
    expect(splat).toMatchObject({ level: 'warn', message: 'card <PAYMENT_CARD> of <EMAIL>', client: '<IP_ADDRESS>', orderId: BENIGN.orderId });
    expect(error).toMatchObject({ level: 'error', message: 'mail to <EMAIL> bounced' });
    expect(error.stack).toMatch(/^Error: mail to <EMAIL> bounced\n {4}at /);
    expect(cause).toMatchObject({ message: 'delivery failed', requestId: BENIGN.requestId });
    expect(JSON.stringify(cause.cause)).not.toContain(CASES[0].fields.phone);
    expect(anonymizer.counters().replaced).toBeGreaterThanOrEqual(planted.length);
  });

  it('returns a new entry with winston’s symbols, splat arguments and a written line anonymized; the entry itself when nothing changes', () => {
    const anonymizer = createAnonymizer();
    const [c] = CASES;
    const info = { level: 'info', message: `mail ${c.fields.email}`, [LEVEL]: 'info', [SPLAT]: [c.fields.email, { ip: c.fields.client_ip }], [MESSAGE]: `info: mail ${c.fields.email}` };
    const out = entryAnonymizer(anonymizer)(info);
    expect(out).not.toBe(info);
    expect(Object.entries(out)).toEqual([['level', 'info'], ['message', 'mail <EMAIL>']]);
    expect(out[LEVEL]).toBe('info');
    expect(out[SPLAT]).toEqual(['<EMAIL>', { ip: '<IP_ADDRESS>' }]);
    expect(out[MESSAGE]).toBe('info: mail <EMAIL>');
    expect(info.message).toBe(`mail ${c.fields.email}`);
    expect(info[SPLAT][0]).toBe(c.fields.email);

    const nothing = { level: 'info', message: 'cache hit', [LEVEL]: 'info', [SPLAT]: [{ orderId: BENIGN.orderId }] };
    expect(entryAnonymizer(anonymizer)(nothing)).toBe(nothing);
  });

  it('placed after json(), reads the line it wrote as the text format reads a line: field rules apply to its fields', () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _e, cb) => (lines.push(String(chunk).trimEnd()), cb()) });
    const logger = winston.createLogger({ format: format.combine(format.json(), logveilFormat()), transports: [new winston.transports.Stream({ stream })] });
    logger.info('signed up', { real_name: 'Zhang San', contact: CASES[0].fields.email });
    expect(lines).toEqual(['{"contact":"<EMAIL>","level":"info","message":"signed up","real_name":"<PERSON_NAME>"}']);
  });

  it('an entry whose anonymizing throws is logged as the marker, with its level, and counted', () => {
    const anonymizer = createAnonymizer({ detectors: failingDetectors });
    const lines: string[] = [];
    const logger = winston.createLogger({ format: format.combine(format.errors({ stack: true }), format.splat()), transports: [collecting(lines, logveilFormat({ anonymizer }))] });
    const [c] = CASES;
    logger.warn(`asset ${FAILING_VALUE} of %s`, c.fields.email, { user: c.fields });
    logger.info('asset AT123456 checked');
    expect(lines[0]).toBe('{"level":"warn","logveil":"redaction-failed","message":"logveil: redaction failed"}');
    expect(JSON.parse(lines[1])).toEqual({ level: 'info', message: 'asset <DEVICE_ID> checked' });
    expect(anonymizer.counters().failures).toBe(1);
  });

  it('refuses an anonymizer and a policy together (LV_USAGE)', () => {
    expect(() => logveilFormat({ anonymizer: createAnonymizer(), policy: {} })).toThrow(expect.objectContaining({ code: 'LV_USAGE' }));
  });
});
