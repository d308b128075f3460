import { FIELD_NAMES, generators, PATTERN_TYPES } from '../../bench/generate.js';
import { rng } from '../../bench/random.js';

/**
 * What the logger tests log: generated personal values (check digits computed, reserved ranges) of
 * every pattern type, once as a field under the type's own key and once written into the message
 * with the label a reader would need, and fields with nothing personal that must come out as they went in.
 */
export interface LogValues {
  /** One field per type, under its key (`email`, `id_card` …). */
  readonly fields: Readonly<Record<string, string>>;
  /** A message with a value of every type, each as logs write it. */
  readonly message: string;
  /** Every personal value planted, in fields or the message. */
  readonly planted: readonly string[];
}

export function logValues(seed: number): LogValues {
  const r = rng(seed);
  const fields: Record<string, string> = {};
  const parts: string[] = [];
  const planted: string[] = [];
  for (const type of PATTERN_TYPES) {
    const field = generators[type](r, 'en');
    // A value found only as written (`Emmas` in `Emmas-iPhone`) goes into its field with its device word.
    fields[FIELD_NAMES[type]] = field.inWriting ? field.before + field.value + field.after : field.value;
    const inText = generators[type](r, r.chance(0.5) ? 'zh' : 'en');
    parts.push(inText.before + inText.value + inText.after);
    planted.push(field.value, inText.value);
  }
  return { fields, message: `checkout ${parts.join(' | ')} done`, planted };
}

/** Fields with nothing personal: ids, versions, amounts, times, nesting, escapes. They must stay equal in value. */
export const BENIGN = {
  orderId: 8812030045671234,
  requestId: '7f3a9c2e-1b4d-4e8f-9a6b-2c1d0e9f8a7b',
  version: '10.0.10625.1189',
  amount: 1.5,
  durationMs: 12,
  retried: false,
  parent: null,
  cache: { hit: true, keys: [1, 2, 3], region: 'eu-west-1' },
  note: 'a "quoted" \\ back\tslash 用户登录成功 😀',
  at: '2026-02-24T08:00:02.530Z',
} as const;

/** The planted values still present in a written line (none expected). */
export function survivors(line: string, planted: readonly string[]): string[] {
  return planted.filter((v) => line.includes(v) || line.includes(JSON.stringify(v).slice(1, -1)));
}
