import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { LogveilError } from '../errors.js';
import { DEFAULT_POLICY } from './defaults.js';
import { policySchema, type Policy, type PolicyInput } from './schema.js';

/** Validate a policy object; errors name the key and why, and the file when there is one. */
export function parsePolicy(input: unknown, source = 'policy'): Policy {
  const result = policySchema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new LogveilError('LV_POLICY', `${source}: ${describeIssues(result.error.issues)}`);
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const key = i.path.length ? i.path.map(String).join('.') : '(top level)';
      return `${key}: ${i.message}`;
    })
    .join('; ');
}

/** Read a policy file (YAML or JSON; JSON is YAML) and validate it. */
export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new LogveilError('LV_POLICY', `${path}: cannot read policy file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const pos = (e as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
    const where = pos ? `:${pos.line}:${pos.col}` : '';
    throw new LogveilError('LV_POLICY', `${path}${where}: not valid YAML or JSON`);
  }
  return parsePolicy(doc, path);
}

export function resolvePolicy(input?: Policy | PolicyInput): Policy {
  return parsePolicy(input ?? DEFAULT_POLICY);
}
