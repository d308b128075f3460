// Is a national number valid under a calling code, and of what type: libphonenumber-js's own answer
// (PhoneNumber#isValid() and #getType() for a number built from E.164), with the metadata's patterns
// compiled once. The library builds a RegExp from each pattern's text on every check
// (helpers/matchesEntirely.js), up to eleven per number: ~12 µs a number in a run over a log, where
// these compiled ones take well under one. The rules below are the library's isValidNumber() and
// getNumberType(), read through the same Metadata accessors; test/detectors/phone-validity.test.ts
// holds them to the library's answers.
import { Metadata } from 'libphonenumber-js/max';

export type NumberType =
  | 'FIXED_LINE'
  | 'MOBILE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'PREMIUM_RATE'
  | 'TOLL_FREE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL';

/** The types getNumberType() tries after FIXED_LINE, in its order. */
const OTHER_TYPES = ['MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

/** One number type of a plan: its pattern, anchored, and the lengths it allows (none: any). */
interface TypeRule {
  readonly name: NumberType;
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}

/** The rules of the numbering plan a calling code selects (its main country's, or a non-geographic one). */
interface PlanRules {
  readonly national: RegExp;
  readonly typed: boolean;
  readonly fixed: TypeRule | null;
  /**
   * A fixed-line number is FIXED_LINE_OR_MOBILE when the plan lists no MOBILE type or one without a
   * pattern (`''`), or when it is also of the MOBILE type.
   */
  readonly mobileOrEither: TypeRule | 'either';
  /** MOBILE, then the other types, in getNumberType()'s order. */
  readonly others: readonly TypeRule[];
}

interface TypeInternals {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}

/** As matchesEntirely() writes it: the whole input, one alternative of the pattern. */
function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** The Metadata accessors the library's own isValidNumber() and getNumberType() read. */
interface PlanInternals {
  hasCallingCode(callingCode: string): boolean;
  selectNumberingPlan(callingCode: string): void;
  nationalNumberPattern(): string;
  hasTypes(): boolean;
  type(name: string): TypeInternals | undefined;
}

const metadata = new Metadata() as unknown as PlanInternals;
const plans = new Map<string, PlanRules | null>();

function compile(callingCode: string): PlanRules | null {
  if (!metadata.hasCallingCode(callingCode)) return null;
  metadata.selectNumberingPlan(callingCode);
  const plan = metadata;
  const rule = (name: NumberType): TypeRule | null => {
    const t = plan.type(name);
    if (!t || !t.pattern()) return null; // isNumberTypeEqualTo(): no type, or no pattern, is never equal
    return { name, pattern: anchored(t.pattern()), lengths: t.possibleLengths() };
  };
  const mobile = rule('MOBILE');
  return {
    national: anchored(plan.nationalNumberPattern()),
    typed: plan.hasTypes(),
    fixed: rule('FIXED_LINE'),
    mobileOrEither: mobile ?? 'either',
    others: OTHER_TYPES.map(rule).filter((r): r is TypeRule => r !== null),
  };
}

function rulesOf(callingCode: string): PlanRules | null {
  let rules = plans.get(callingCode);
  if (rules === undefined) {
    rules = compile(callingCode);
    plans.set(callingCode, rules);
  }
  return rules;
}

function isOfType(rule: TypeRule, nsn: string): boolean {
  return (rule.lengths === undefined || rule.lengths.includes(nsn.length)) && rule.pattern.test(nsn);
}

function typeUnder(rules: PlanRules, nsn: string): NumberType | undefined {
  if (!rules.national.test(nsn)) return undefined;
  if (rules.fixed !== null && isOfType(rules.fixed, nsn)) {
    const mobile = rules.mobileOrEither;
    return mobile === 'either' || isOfType(mobile, nsn) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const rule of rules.others) if (isOfType(rule, nsn)) return rule.name;
  return undefined;
}

/**
 * The type of `+callingCode nsn` as PhoneNumber#getType() gives it for a number built from E.164 (the
 * plan of the calling code's main country: a number of a country that shares the code is not
 * recognized here, as it is not by the library's isValid() on such a number); undefined if invalid.
 */
export function numberType(callingCode: string, nsn: string): NumberType | undefined {
  const rules = rulesOf(callingCode);
  return rules === null ? undefined : typeUnder(rules, nsn);
}

/** PhoneNumber#isValid() of `+callingCode nsn` built from E.164. */
export function isValidUnder(callingCode: string, nsn: string): boolean {
  const rules = rulesOf(callingCode);
  if (rules === null) return false;
  return rules.typed ? typeUnder(rules, nsn) !== undefined : rules.national.test(nsn);
}
