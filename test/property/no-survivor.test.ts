import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generators, lookalikes, PATTERN_TYPES, type PatternType } from '../../bench/generate.js';
import { rng, type Rng } from '../../bench/random.js';
import { createAnonymizer } from '../../src/index.js';

/**
 * No survivor: a valid value of any pattern type, written as logs write it (with its label where the
 * type needs one), inside random log-like text, never comes out of `anonymize`. Types whose detector
 * is not in detectors/index.ts yet fail here until it is.
 */

// Words without context or negative meaning for any detector (no order/version/account/phone…).
const WORDS = ['request', 'handled', 'status', 'ok', 'retry', 'queue', 'worker', 'done', 'cache', 'hit', 'miss', 'session', 'INFO', 'WARN', 'ERROR', 'sync', 'job', 'started', 'finished', 'upstream'];
const ZH = ['处理完成', '请求成功', '状态正常', '重试', '队列', '任务开始', '同步结束', '用户', '缓存命中'];
const WRAP: ReadonlyArray<[string, string]> = [['', ''], ['', ''], ['(', ')'], ['"', '"'], ['[', ']'], ['', ','], ['', '.'], ['', ';'], ['「', '」'], ['：', '，'], ["'", "'"]];

function filler(r: Rng): string {
  const parts: string[] = [];
  for (let i = r.int(0, 4); i > 0; i--) {
    const k = r.int(0, 9);
    parts.push(k < 5 ? r.pick(WORDS) : k < 8 ? r.pick(ZH) : k === 8 ? lookalikes.iso_timestamp(r).value : `${r.pick(WORDS)}=${r.pick(WORDS)}`);
  }
  return parts.join(r.pick([' ', ' ', ' | ', '']));
}

/** A line with the value somewhere in it, from one seed. */
function caseFor(type: PatternType, seed: number): { text: string; value: string } {
  const r = rng(seed);
  const s = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
  const [open, close] = r.pick(WRAP);
  const text = [filler(r), `${open}${s.before}${s.value}${s.after}${close}`, filler(r)].filter(Boolean).join(r.pick([' ', ' ', '\t']));
  return { text, value: s.value };
}

/**
 * A number written grouped must not leave its run without the separators either (an operator could
 * echo the normalized value). Not for addresses (`@`, `:` or `.` in them): their run means nothing.
 */
const groupedNumberRun = (value: string): string | undefined => {
  const run = value.replace(/[\s\-().+]/g, '');
  return run !== value && !/[@:.]/.test(value) ? run : undefined;
};

describe('no personal value survives anonymize', () => {
  const a = createAnonymizer();

  it.each(PATTERN_TYPES.map((t) => [t]))('%s', (type) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const { text, value } = caseFor(type, seed);
        const out = a.anonymize(text);
        expect(out, `seed ${seed}: ${text}`).not.toContain(value);
        const run = groupedNumberRun(value);
        if (run !== undefined) expect(out, `seed ${seed}: ${text}`).not.toContain(run);
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150) },
    );
  });
});
