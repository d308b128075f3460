import type { PiiType } from '../../detectors/types.js';
import type { OperatorName } from '../operators/index.js';
import { FIELD_DICTIONARY, normalizeFieldName } from './dictionary.js';
import type { Policy } from './schema.js';

/** What happens to the value of a field. */
export type FieldAction =
  | { readonly kind: 'scan' }
  | { readonly kind: 'keep' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'as'; readonly type: PiiType; readonly operator?: OperatorName };

/** A place in a record: JSON keys and array indexes from the root, or a CSV column, or a text key. */
export type FieldPath = readonly (string | number)[];

const SCAN: FieldAction = Object.freeze({ kind: 'scan' });

/**
 * One compiled `match` pattern. Without `.` or `[`, it names a key at any depth (`email`, `姓名`);
 * otherwise a path from the root, segments separated by `.`, where `*` is any one key, `**` any number
 * of segments, and `[*]`/`[n]` an array index (`user.email`, `*.address`, `items[*].card`).
 */
interface Pattern {
  readonly anyDepth: boolean;
  readonly segments: readonly string[]; // normalized names, '*', '**', '[*]' or '[n]'
}

function compilePattern(match: string): Pattern {
  const anyDepth = !/[.[]/.test(match);
  const segments: string[] = [];
  for (const part of match.split('.')) {
    const m = /^([^[\]]*)((?:\[(?:\*|\d+)\])*)$/.exec(part);
    const name = m ? m[1] : part;
    if (name) segments.push(name === '*' || name === '**' ? name : normalizeFieldName(name));
    for (const idx of (m?.[2] ?? '').match(/\[(?:\*|\d+)\]/g) ?? []) segments.push(idx);
  }
  return { anyDepth, segments };
}

function segmentMatches(pattern: string, seg: string | number): boolean {
  if (typeof seg === 'number') return pattern === '[*]' || pattern === `[${seg}]`;
  return pattern === '*' || pattern === normalizeFieldName(seg);
}

function pathMatches(p: readonly string[], path: FieldPath, i = 0, j = 0): boolean {
  if (i === p.length) return j === path.length;
  if (p[i] === '**') {
    for (let k = j; k <= path.length; k++) if (pathMatches(p, path, i + 1, k)) return true;
    return false;
  }
  return j < path.length && segmentMatches(p[i], path[j]) && pathMatches(p, path, i + 1, j + 1);
}

/**
 * The policy's field rules, compiled: explicit rules first (in order), then the built-in dictionary
 * of personal field names, then `scan`. Results are cached per path, since a log repeats its keys.
 */
export class FieldRules {
  private readonly rules: ReadonlyArray<{ pattern: Pattern; action: FieldAction }>;
  private readonly names: ReadonlyMap<string, PiiType>;
  private readonly cache = new Map<string, FieldAction>();
  /** Every rule names a key at any depth (the usual case): the action depends on the nearest key only. */
  private readonly keyOnly: boolean;

  constructor(policy: Policy) {
    const f = policy.fields;
    this.rules = f.rules.map((r) => ({
      pattern: compilePattern(r.match),
      action:
        r.as !== undefined
          ? { kind: 'as' as const, type: r.as, operator: r.operator }
          : r.action === 'keep' || r.action === 'drop'
            ? { kind: r.action }
            : SCAN,
    }));
    const names = new Map<string, PiiType>();
    if (f.dictionary) for (const [n, t] of Object.entries(FIELD_DICTIONARY)) names.set(normalizeFieldName(n), t);
    for (const [n, t] of Object.entries(f.names)) names.set(normalizeFieldName(n), t);
    this.names = names;
    this.keyOnly = this.rules.every((r) => r.pattern.anyDepth);
  }

  /** The action for the value at `path` (the last element is its key or index). */
  resolve(path: FieldPath): FieldAction {
    if (path.length === 0) return SCAN;
    // Without path rules only the nearest key matters: cache by it and skip building a path id.
    const id = this.keyOnly ? (lastKey(path) ?? '') : path.map((seg) => (typeof seg === 'number' ? `[${seg}]` : `.${seg}`)).join('');
    let action = this.cache.get(id);
    if (action === undefined) {
      action = this.compute(path);
      if (this.cache.size < 10_000) this.cache.set(id, action);
    }
    return action;
  }

  private compute(path: FieldPath): FieldAction {
    const key = lastKey(path);
    for (const { pattern, action } of this.rules) {
      const hit = pattern.anyDepth
        ? key !== undefined && pattern.segments.length === 1 && segmentMatches(pattern.segments[0], key)
        : pathMatches(pattern.segments, path);
      if (hit) return action;
    }
    if (key !== undefined) {
      const type = this.names.get(normalizeFieldName(key));
      if (type) return { kind: 'as', type };
    }
    return SCAN;
  }
}

/** The nearest key in a path (`items[3].card` → `card`; `tags[0]` → `tags`). */
export function lastKey(path: FieldPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

/** The path as a report shows it: `user.email`, `items[0].card`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
