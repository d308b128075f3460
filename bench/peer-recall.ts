/**
 * Recall of any line redactor (logveil's modes and the npm peers alike) on the labelled bench corpus,
 * judged on its output text alone, since the peers report no spans: a planted value counts as removed
 * when its exact text no longer occurs in the output line, a look-alike as altered when its text no
 * longer occurs, a clean line (nothing planted) as changed when the output differs from it at all.
 *
 * This is kinder than `npm run eval` (which wants a finding of the right type over the whole span):
 * a value cut in two, or with only some of its digits replaced, counts as removed here, and a
 * look-alike whose text happens to recur elsewhere in the line counts as kept.
 */
import type { CorpusLine } from './corpus.js';
import { CORPUS_TYPES, type PatternType } from './generate.js';

export interface LineRedactor {
  readonly name: string;
  readonly redact: (line: string) => string;
}

export interface RecallTally {
  readonly name: string;
  /** Per type: values planted, values no longer in the output. */
  readonly byType: Map<PatternType, { planted: number; removed: number }>;
  lookalikes: number;
  lookalikesAltered: number;
  cleanLines: number;
  cleanLinesChanged: number;
}

/** Each tool over every line once, tallied by what the corpus planted there. */
export function measureRecall(lines: Iterable<CorpusLine>, tools: readonly LineRedactor[]): RecallTally[] {
  const tallies: RecallTally[] = tools.map((t) => ({
    name: t.name,
    byType: new Map(CORPUS_TYPES.map((type) => [type, { planted: 0, removed: 0 }])),
    lookalikes: 0,
    lookalikesAltered: 0,
    cleanLines: 0,
    cleanLinesChanged: 0,
  }));
  for (const line of lines) {
    const planted = line.planted.map((p) => ({ type: p.type, value: line.text.slice(p.start, p.end) }));
    const lookalikes = line.lookalikes.map((l) => line.text.slice(l.start, l.end));
    tools.forEach((tool, k) => {
      const out = tool.redact(line.text);
      const t = tallies[k];
      for (const p of planted) {
        const cell = t.byType.get(p.type)!;
        cell.planted++;
        if (!out.includes(p.value)) cell.removed++;
      }
      t.lookalikes += lookalikes.length;
      for (const value of lookalikes) if (!out.includes(value)) t.lookalikesAltered++;
      if (planted.length === 0) {
        t.cleanLines++;
        if (out !== line.text) t.cleanLinesChanged++;
      }
    });
  }
  return tallies;
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** One column per tool: recall per type, over all planted values, then look-alikes and clean lines touched. */
export function recallTable(tallies: readonly RecallTally[]): string {
  const widths = tallies.map((t) => Math.max(9, t.name.length + 2));
  const row = (label: string, cells: string[]) => label.padEnd(30) + cells.map((c, k) => c.padStart(widths[k])).join('');
  const out = [row('planted value removed', tallies.map((t) => t.name))];
  const types = [...tallies[0].byType.keys()].filter((type) => tallies[0].byType.get(type)!.planted > 0);
  for (const type of types) {
    const planted = tallies[0].byType.get(type)!.planted;
    out.push(row(`  ${type} (${planted})`, tallies.map((t) => pct(t.byType.get(type)!.removed, planted))));
  }
  const sum = (t: RecallTally, key: 'planted' | 'removed') => [...t.byType.values()].reduce((s, c) => s + c[key], 0);
  out.push(row(`  all (${sum(tallies[0], 'planted')})`, tallies.map((t) => pct(sum(t, 'removed'), sum(t, 'planted')))));
  out.push(row(`look-alikes altered (${tallies[0].lookalikes})`, tallies.map((t) => pct(t.lookalikesAltered, t.lookalikes))));
  out.push(row(`clean lines changed (${tallies[0].cleanLines})`, tallies.map((t) => pct(t.cleanLinesChanged, t.cleanLines))));
  return out.join('\n');
}
