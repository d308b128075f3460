import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { PII_TYPES, type DetectorOptions, type PiiType } from '../../detectors/index.js';
import { OPERATOR_NAMES, type OperatorName } from '../operators/index.js';
import { normalizeFieldName } from './dictionary.js';
import { patternProblem } from './fields.js';

const operatorName = z.enum(OPERATOR_NAMES as [OperatorName, ...OperatorName[]]);
const score = z.number().min(0).max(1);

/** What happens to one type: which operator, from which score on, or not at all. */
const typeRule = z.strictObject({
  operator: operatorName.optional(),
  threshold: score.optional(),
  enabled: z.boolean().optional(),
});

/** Two-letter region codes as libphonenumber-js knows them. */
const region = z
  .string()
  .regex(/^[A-Z]{2}$/, 'a two-letter region code such as CN or US')
  .refine((r) => isSupportedCountry(r), 'not a region libphonenumber-js knows');

/** A field rule: what `match` names, and either an `action` or `as: TYPE` (with an optional operator). */
const fieldRule = z
  .strictObject({
    /** Compiled here, so that a pattern that cannot match is an error at load time naming its rule. */
    match: z
      .string()
      .min(1)
      .superRefine((match, ctx) => {
        const problem = patternProblem(match);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    action: z.enum(['scan', 'keep', 'drop']).optional(),
    as: z.enum(PII_TYPES).optional(),
    operator: operatorName.optional(),
  })
  .refine((r) => !(r.as && r.action), { message: 'give either action or as, not both' })
  .refine((r) => !(r.operator && !r.as), { message: 'operator needs as: TYPE' });

/**
 * `fields.names` keys are key names, compared normalized (case, `_`, `-`, spaces and camelCase
 * ignored): a path or glob there would silently match nothing, and two spellings of one name would
 * silently keep only the last.
 */
function checkNames(names: Record<string, string>, ctx: z.core.$RefinementCtx): void {
  const seen = new Map<string, string>();
  for (const name of Object.keys(names)) {
    const normalized = normalizeFieldName(name);
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
    if (/[.[\]*]/.test(name)) issue('a key name, not a path or glob (paths and globs go in fields.rules: { match: …, as: TYPE })');
    else if (normalized === '') issue('a key name needs a letter or digit');
    else if (seen.has(normalized)) issue(`the same name as ${seen.get(normalized)} (case, _, - and camelCase are ignored)`);
    else seen.set(normalized, name);
  }
}

export const policySchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Findings scoring below this are left alone (per type override below). */
  threshold: score.default(0.5),
  /** Operator for every type without its own. */
  operator: operatorName.default('tag'),
  types: z.partialRecord(z.enum(PII_TYPES), typeRule).default({}),
  phone: z
    .strictObject({
      regions: z
        .array(region)
        .min(1)
        .superRefine((regions, ctx) => {
          regions.forEach((r, i) => {
            if (regions.indexOf(r) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `${r} is already given` });
          });
        }),
    })
    .optional(),
  /** Both IP detectors (ipv4_address, ipv6_address): `keep_loopback: false` also replaces 127.0.0.1, ::1, 0.0.0.0. */
  ip_address: z
    .strictObject({
      keep_loopback: z.boolean(),
    })
    .optional(),
  /** `ignore_local_case: false`: keyed operators read an address's local part in its own case (default: in lower case, as providers compare it). */
  email: z
    .strictObject({
      ignore_local_case: z.boolean(),
    })
    .optional(),
  /** The pseudonym operator's choices: an email's domain kept or pseudonymized, a resident ID's birth year kept. */
  pseudonym: z
    .strictObject({
      email_domain: z.enum(['keep', 'pseudonym']).default('keep'),
      keep_birth_year: z.boolean().default(false),
    })
    .optional(),
  fields: z
    .strictObject({
      /** The built-in dictionary of personal field names (name, address, 姓名, 地址, …). */
      dictionary: z.boolean().default(true),
      /** More field names, with the type their whole value is. */
      names: z.record(z.string().min(1), z.enum(PII_TYPES)).superRefine(checkNames).default({}),
      /** Explicit rules, first match wins, before the dictionary. */
      rules: z.array(fieldRule).default([]),
    })
    .default({ dictionary: true, names: {}, rules: [] }),
});

/** A policy as written (YAML, JSON or an object): every key optional, defaults filled in by parsePolicy. */
export type PolicyInput = z.input<typeof policySchema>;
/** A validated policy, defaults filled in (what parsePolicy and loadPolicyFile return). */
export type Policy = z.output<typeof policySchema>;
export type OperatorChoice = Policy['operator'];

/** The effective rule for a type, defaults applied. */
export function ruleFor(policy: Policy, type: PiiType): { operator: OperatorChoice; threshold: number; enabled: boolean } {
  const r = policy.types[type];
  return {
    operator: r?.operator ?? policy.operator,
    threshold: r?.threshold ?? policy.threshold,
    enabled: r?.enabled ?? true,
  };
}

/** Whether the policy names any of `operators`: as the default, for a type, or in a field rule. */
export function namesOperator(policy: Policy, operators: readonly OperatorChoice[]): boolean {
  const named = (op: OperatorChoice | undefined) => op !== undefined && operators.includes(op);
  return named(policy.operator) || Object.values(policy.types).some((t) => named(t?.operator)) || policy.fields.rules.some((r) => named(r.operator));
}

/**
 * Each detector's options from the policy, by detector name: the sections named after a detector
 * (`phone: { regions: [...] }`; `ip_address` is the section of both IP detectors), validated above.
 * The anonymizer hands them to the detector's `configure` hook, so no part of the core knows any one
 * detector.
 */
export function detectorOptions(policy: Policy): Readonly<Record<string, DetectorOptions>> {
  const options: Record<string, DetectorOptions> = {};
  if (policy.phone) options.phone = policy.phone;
  if (policy.ip_address) options.ipv4_address = options.ipv6_address = policy.ip_address;
  if (policy.email) options.email = policy.email;
  return options;
}
