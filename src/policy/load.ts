import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
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

/**
 * A policy file's text: UTF-8, or UTF-16 by its BOM (what Windows Notepad saves as "Unicode"), which
 * read as UTF-8 would be refused with a message that says nothing of the encoding.
 */
function policyText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes, 'utf-16be');
  return bytes.toString('utf8');
}

/** Read a policy file (YAML or JSON; JSON is YAML) and validate it. */
export function loadPolicyFile(path: string): Policy {
  let text: string;
  try {
    text = policyText(readFileSync(path));
  } catch (e) {
    throw new LogveilError('LV_POLICY', `${path}: cannot read policy file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    const { linePos, code } = e as { linePos?: Array<{ line: number; col: number }>; code?: string };
    const where = linePos?.[0] ? `:${linePos[0].line}:${linePos[0].col}` : '';
    // The yaml package's error codes are fixed words (DUPLICATE_KEY, BAD_INDENT); its messages quote the file.
    const why = code ? ` (${code.toLowerCase().replaceAll('_', ' ')})` : '';
    throw new LogveilError('LV_POLICY', `${path}${where}: not valid YAML or JSON${why}`);
  }
  // A file that sets nothing is more likely a mistake (wrong file, lost content) than a wish for the
  // defaults, which running without --policy gives.
  if (doc === null || doc === undefined || (typeof doc === 'object' && !Array.isArray(doc) && Object.keys(doc).length === 0)) {
    throw new LogveilError('LV_POLICY', `${path}: the policy is empty (leave out --policy for the default policy)`);
  }
  return parsePolicy(doc, path);
}

export function resolvePolicy(input?: Policy | PolicyInput): Policy {
  return parsePolicy(input ?? DEFAULT_POLICY);
}
