import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generators, type PatternType } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';
import { createAnonymizer } from '../../src/index.js';

/**
 * A note between the context word and the value (a unit, a slot, a qualifier) never costs the value:
 * every generated value of a type that needs its word, written `<word> <note><sep><value>` in a line,
 * is replaced. The values come from the detectors' generators (check digits computed there).
 */
const WORDS: Readonly<Partial<Record<PatternType, readonly string[]>>> = {
  IMEI: ['IMEI', 'imei', 'tracker', 'terminal', 'handset', '设备IMEI', '终端'],
  BANK_ACCOUNT: ['account', 'acct', '账号', '收款账户'],
  CN_PASSPORT: ['passport', '护照号', '证件号码'],
  US_SSN: ['SSN', 'ssn'],
  PHONE: ['phone', 'mobile', 'callback', 'caller', '手机号', '来电', '联系电话'],
};
const NOTES = ['(15位)', '[slot 1]', '（主）', '(primary)', '【卡2】', '(line 2)', '[old]', '(mobile)', '（备用）', '(no. 2)'];
const SEPS = [' ', ': ', ' = ', '：', '=', ' '];
const AROUND = ['2026-02-24T08:00:02.530Z INFO', '用户资料已更新', 'level=info msg="saved"', '[worker-3]', ''];

describe('a note between word and value never costs the value', () => {
  const a = createAnonymizer();
  it.each(Object.keys(WORDS).map((t) => [t as PatternType]))('%s', (type) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const r = rng(seed);
        const { value } = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
        const word = r.pick(WORDS[type]!);
        const note = r.pick(NOTES);
        const text = `${r.pick(AROUND)} ${word} ${note}${r.pick(SEPS)}${value} ${r.pick(AROUND)}`.trim();
        expect(a.anonymize(text), `seed ${seed}: ${text}`).not.toContain(value);
      }),
      { numRuns: Number(process.env.LOGVEIL_PROPERTY_RUNS ?? 150) },
    );
  });
});
