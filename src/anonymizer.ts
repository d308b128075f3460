import { createHmac } from 'node:crypto';
import { detectors as defaultDetectors } from '../detectors/index.js';
import { isOperatorOutput } from '../detectors/lib/operator-output.js';
import type { Detector, MaskRule, PiiType } from '../detectors/index.js';
import { compileScanner, type ScanPlace, type Scanner } from './detect/scan.js';
import { NO_FINDINGS, type Finding } from './detect/finding.js';
import { deriveKey, randomKey } from './keys/key.js';
import { operators, type Operator, type OperatorContext, type OperatorName } from './operators/index.js';
import { FieldRules } from './policy/fields.js';
import { resolvePolicy } from './policy/load.js';
import { detectorOptions, ruleFor, type Policy, type PolicyInput } from './policy/schema.js';

export interface AnonymizerOptions {
  /** A validated policy or its plain form (the default policy when absent). */
  readonly policy?: Policy | PolicyInput;
  /** Master key for keyed operators; a random one is made for the run when absent. */
  readonly key?: Uint8Array;
  /** Override the detector list (tests, embedding); the policy still decides what is replaced. */
  readonly detectors?: readonly Detector[];
}

interface TypePlan {
  readonly threshold: number;
  readonly operator: Operator;
  readonly normalize: (value: string) => string;
  /** The mask rule of the type's first detector. */
  readonly mask: MaskRule | undefined;
}

const identity = (v: string) => v;

/**
 * What an operator is told about one value. A class, not an object literal with a getter (one is made
 * per replaced value, and a literal's accessor costs a runtime call each time); `normalized` is still
 * worked out only when an operator reads it: tagging a phone never pays for E.164.
 */
class ValueContext implements OperatorContext {
  private normalizedValue: string | undefined = undefined;
  readonly mask: MaskRule | undefined;

  constructor(
    readonly type: PiiType,
    private readonly value: string,
    private readonly plan: TypePlan,
    readonly hmac: (data: string) => Buffer,
  ) {
    this.mask = plan.mask;
  }

  get normalized(): string {
    return (this.normalizedValue ??= this.plan.normalize(this.value));
  }
}

/**
 * Scanner + policy + operators: finds what the policy asks for in a string and replaces it in one
 * concatenation pass. A string with nothing to replace is returned as the same string.
 */
export class Anonymizer {
  readonly policy: Policy;
  /** True when no key was given and a random one was made: hashes are consistent only within this run. */
  readonly keyIsEphemeral: boolean;
  /** The policy's field rules (and the built-in dictionary of personal field names). */
  readonly fields: FieldRules;
  private readonly scanner: Scanner;
  private readonly plans: Map<PiiType, TypePlan>;
  /** HMAC-SHA256 under the run's hash key, for keyed operators. */
  private readonly hmac: (data: string) => Buffer;
  /** Each type's mask rule, from the first detector of the type (enabled or not: field rules may name it). */
  private readonly masks: Map<PiiType, MaskRule | undefined>;

  constructor(options: AnonymizerOptions = {}) {
    this.policy = resolvePolicy(options.policy);
    this.keyIsEphemeral = options.key === undefined;
    const hashKey = deriveKey(options.key ?? randomKey(), 'hash');
    this.hmac = (data) => createHmac('sha256', hashKey).update(data).digest();
    // A detector with options in the policy (`phone: { regions: … }`) is replaced by its configured self.
    const configured = detectorOptions(this.policy);
    const list = (options.detectors ?? defaultDetectors).map((d) => {
      const own = configured[d.name];
      return own && d.configure ? d.configure(own) : d;
    });
    this.fields = new FieldRules(this.policy, list);
    this.masks = new Map();
    for (const d of list) if (!this.masks.has(d.type)) this.masks.set(d.type, d.mask);
    const enabled = list.filter((d) => ruleFor(this.policy, d.type).enabled);
    this.scanner = compileScanner(enabled);
    this.plans = new Map();
    for (const d of enabled) {
      if (this.plans.has(d.type)) continue;
      const rule = ruleFor(this.policy, d.type);
      const normalize = d.normalize ? d.normalize.bind(d) : identity;
      this.plans.set(d.type, { threshold: rule.threshold, operator: operators[rule.operator], normalize, mask: this.masks.get(d.type) });
    }
  }

  /** Findings the policy acts on (enabled type, score at or above its threshold). */
  findings(text: string, place?: ScanPlace): readonly Finding[] {
    const all = this.scanner.scan(text, place);
    if (all.length === 0) return all;
    let kept: Finding[] | null = null;
    for (let i = 0; i < all.length; i++) {
      const f = all[i];
      const plan = this.plans.get(f.type);
      const ok = plan !== undefined && f.score >= plan.threshold;
      if (!ok && kept === null) kept = all.slice(0, i);
      else if (ok && kept !== null) kept.push(f);
    }
    if (kept === null) return all;
    return kept.length ? kept : NO_FINDINGS;
  }

  /** The text with every finding replaced; the same string when there is none. */
  anonymize(text: string, place?: ScanPlace): string {
    const found = this.findings(text, place);
    if (found.length === 0) return text;
    let out = '';
    let at = 0;
    for (const f of found) {
      out += text.slice(at, f.start) + this.replace(text.slice(f.start, f.end), f.type);
      at = f.end;
    }
    return out + text.slice(at);
  }

  /**
   * Replace one value known to be of `type` (field rules use this for whole values), with the
   * policy's operator for the type or the one given.
   */
  replace(value: string, type: PiiType, operator?: OperatorName): string {
    // What an operator wrote stays as it is: a field rule reading `mobile=138****8000` again does not mask the mask.
    if (isOperatorOutput(value)) return value;
    const plan = this.plans.get(type) ?? this.fallbackPlan(type);
    return (operator ? operators[operator] : plan.operator)(value, new ValueContext(type, value, plan, this.hmac));
  }

  private fallbackPlan(type: PiiType): TypePlan {
    const rule = ruleFor(this.policy, type);
    const plan = { threshold: rule.threshold, operator: operators[rule.operator], normalize: identity, mask: this.masks.get(type) };
    this.plans.set(type, plan);
    return plan;
  }
}

export function createAnonymizer(options?: AnonymizerOptions): Anonymizer {
  return new Anonymizer(options);
}
