/**
 * Where a tagged output replaced the input: the independent evaluation runs lines through the text
 * format as the CLI does (field rules, pairs, SQL and MyBatis lines included), and a finding inside a
 * pair's value has no offset in the line. With the tag operator the output is the input with some
 * stretches replaced by `<TYPE>`, so those stretches are found again by matching the output, its tags
 * as wildcards, against the input.
 */

/** One replaced stretch of the input: [start, end) and the type its tag names. */
export interface Replaced {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The input stretches the output's tags stand for, or null when the output is not the input with
 * stretches replaced by tags of `types` (a dropped value, a JSON number written as a string, text the
 * operator did not write). The stretches are the shortest that fit, left to right; the tags are
 * matched only when they name a type, so `<div>` in a line is text.
 */
export function replacedStretches(input: string, output: string, types: readonly string[]): Replaced[] | null {
  if (input === output) return [];
  const tag = new RegExp(`<(${types.map(escape).join('|')})>`, 'g');
  const found: string[] = [];
  let pattern = '^';
  let at = 0;
  for (const m of output.matchAll(tag)) {
    pattern += escape(output.slice(at, m.index)) + '([\\s\\S]+?)';
    found.push(m[1]);
    at = m.index + m[0].length;
  }
  pattern += escape(output.slice(at)) + '$';
  if (found.length === 0) return null;
  const m = new RegExp(pattern, 'd').exec(input);
  if (!m?.indices) return null;
  return found.map((type, i) => {
    const [start, end] = m.indices![i + 1]!;
    return { start, end, type };
  });
}
