import { describe, expect, it } from 'vitest';
import { failureMarker, pinoLineAnonymizer } from '../../src/integrations/pino-lines.js';
import { createAnonymizer } from '../../src/index.js';
import failingDetectors, { FAILING_VALUE } from './fixtures/failing-detectors.js';

/** One pino line in, one JSON line out, in this thread (the worker-thread tests are in pino.test.ts). */
describe('pinoLineAnonymizer', () => {
  const failures: number[] = [];
  const line = pinoLineAnonymizer(createAnonymizer({ detectors: failingDetectors }), { messageKey: 'msg', onFailure: () => failures.push(1) });

  it('keeps pino’s bytes where nothing is replaced, and the same line when nothing is', () => {
    const input = '{"level":30,"time":1796300000000,"pid":1,"amount":1.50,"msg":"mail a.b@example.com"}';
    expect(line(input)).toBe('{"level":30,"time":1796300000000,"pid":1,"amount":1.50,"msg":"mail <EMAIL>"}');
    const clean = '{"level":30,"time":1796300000000,"msg":"ok","n":1e3}';
    expect(line(clean)).toBe(clean);
  });

  it('writes a line that is not JSON as a record with its text anonymized as the message; a blank line as nothing', () => {
    const out = line('{"level":30,"msg":"cut off a.b@example.com');
    expect(JSON.parse(out!)).toMatchObject({ msg: '{"level":30,"msg":"cut off <EMAIL>', logveil: 'not-json' });
    expect(line('   ')).toBeNull();
  });

  it('replaces a line whose anonymizing throws by the marker and counts it', () => {
    const before = failures.length;
    expect(line(`{"level":50,"time":1796300000000,"msg":"tag ${FAILING_VALUE} a.b@example.com"}`)).toBe('{"level":50,"time":1796300000000,"logveil":"redaction-failed"}');
    expect(failures.length).toBe(before + 1);
    // The line after it is read from its start, by a mapper made anew.
    expect(line('{"level":30,"msg":"mail a.b@example.com","n":1.50}')).toBe('{"level":30,"msg":"mail <EMAIL>","n":1.50}');
  });
});

describe('failureMarker', () => {
  it('keeps only a level and a time that can be nothing else', () => {
    expect(failureMarker('{"level":"warn","time":"2026-02-24T08:00:02.530Z","msg":"x"}')).toBe('{"level":"warn","time":"2026-02-24T08:00:02.530Z","logveil":"redaction-failed"}');
    const odd = JSON.parse(failureMarker('{"level":"a.b@example.com","time":"13800138000 here"}')) as Record<string, unknown>;
    expect(odd).not.toHaveProperty('level');
    expect(typeof odd.time).toBe('number');
    const notJson = JSON.parse(failureMarker('level=30 a.b@example.com')) as Record<string, unknown>;
    expect(Object.keys(notJson)).toEqual(['time', 'logveil']);
  });
});
