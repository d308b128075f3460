/**
 * Accuracy on a labelled corpus (`npm run eval`): recall per type, where the findings fall, how many
 * look-alikes get broken, and how many clean lines come back byte-identical. Always exits 0: it is a
 * report; it says at the end whether the targets are met.
 *
 *   node dist/bench/eval.js [--seed 20260224] [--lines 20000] [--examples 3]
 */
import { createAnonymizer, detectors, type Finding } from '../src/index.js';
import { generateCorpus, type CorpusLine } from './corpus.js';
import { header, numberArg } from './env.js';
import { LOOKALIKE_KINDS, PATTERN_TYPES, type LookalikeKind, type PatternType } from './generate.js';

const RECALL_TARGET = 0.99;
const BROKEN_TARGET = 0.005;

const seed = numberArg('seed', 20260224);
const lines = numberArg('lines', 20000);
const exampleCount = numberArg('examples', 3);

interface TypeStats {
  planted: number;
  found: number;
  findings: number;
  /** Findings of this type on a value planted as this type. */
  onPlanted: number;
  /** Findings of this type on a value planted as another type. */
  wrongType: number;
  onLookalike: number;
  elsewhere: number;
  misses: string[];
  falses: string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const show = (line: CorpusLine, s: { start: number; end: number }) =>
  `${line.text.slice(Math.max(0, s.start - 30), s.start)}⟦${line.text.slice(s.start, s.end)}⟧${line.text.slice(s.end, s.end + 20)}`;
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(2).padStart(6)}%`);

function main(): void {
  const t0 = performance.now();
  const corpus = generateCorpus({ seed, lines });
  const genMs = performance.now() - t0;
  const a = createAnonymizer();

  const types = new Map<PatternType, TypeStats>(
    PATTERN_TYPES.map((t) => [t, { planted: 0, found: 0, findings: 0, onPlanted: 0, wrongType: 0, onLookalike: 0, elsewhere: 0, misses: [], falses: [] }]),
  );
  const kinds = new Map<LookalikeKind, { count: number; broken: number; examples: string[] }>(
    LOOKALIKE_KINDS.map((k) => [k, { count: 0, broken: 0, examples: [] }]),
  );
  let clean = 0;
  let cleanIdentical = 0;
  let otherFindings = 0; // findings of a type outside PATTERN_TYPES (none expected)

  const t1 = performance.now();
  for (const line of corpus) {
    const fs: readonly Finding[] = a.findings(line.text);
    for (const p of line.planted) {
      const st = types.get(p.type)!;
      st.planted++;
      if (fs.some((f) => f.type === p.type && f.start <= p.start && f.end >= p.end)) st.found++;
      else if (st.misses.length < exampleCount) {
        const near = fs.filter((f) => overlaps(f, p)).map((f) => `${f.type} ${JSON.stringify(line.text.slice(f.start, f.end))}`);
        st.misses.push(`${show(line, p)}${near.length ? `   (found: ${near.join(', ')})` : ''}`);
      }
    }
    for (const f of fs) {
      const st = types.get(f.type as PatternType);
      if (!st) {
        otherFindings++;
        continue;
      }
      st.findings++;
      const hit = line.planted.find((p) => overlaps(f, p));
      if (hit && hit.type === f.type) st.onPlanted++;
      else {
        if (hit) st.wrongType++;
        else if (line.lookalikes.some((l) => overlaps(f, l))) st.onLookalike++;
        else st.elsewhere++;
        if (st.falses.length < exampleCount) st.falses.push(`${show(line, f)}${hit ? `   (planted ${hit.type})` : ''}`);
      }
    }
    for (const l of line.lookalikes) {
      const k = kinds.get(l.kind)!;
      k.count++;
      if (fs.some((f) => overlaps(f, l))) {
        k.broken++;
        if (k.examples.length < exampleCount) k.examples.push(`${show(line, l)}   → ${fs.filter((f) => overlaps(f, l)).map((f) => f.type).join(', ')}`);
      }
    }
    if (line.planted.length === 0) {
      clean++;
      if (a.anonymize(line.text) === line.text) cleanIdentical++;
    }
  }
  const scanMs = performance.now() - t1;

  const out: string[] = [header('logveil accuracy evaluation'), ''];
  out.push(`corpus   seed ${seed}, ${lines} lines (${clean} without personal data), generated in ${(genMs / 1000).toFixed(1)} s; evaluated in ${(scanMs / 1000).toFixed(1)} s`);
  out.push(`policy   default; ${detectors.length} detectors: ${detectors.map((d) => d.name).join(', ') || '(none)'}`);
  out.push('');
  out.push('Recall: a planted value counts as found when a finding of its type covers its whole span.');
  out.push('Precision: share of the type\'s findings that sit on a value planted as that type; the rest');
  out.push('fall on a value of another type, on a look-alike, or elsewhere in the line.');
  out.push('');
  out.push(`${'type'.padEnd(16)}${'planted'.padStart(8)}${'found'.padStart(8)}${'recall'.padStart(9)}  ${'findings'.padStart(8)}${'precision'.padStart(10)}${'wrongtype'.padStart(10)}${'lookalike'.padStart(10)}${'elsewhere'.padStart(10)}`);
  const recallFails: string[] = [];
  for (const [t, s] of types) {
    const recall = s.planted ? s.found / s.planted : 1;
    if (recall < RECALL_TARGET) recallFails.push(`${t} ${(100 * recall).toFixed(1)}%`);
    out.push(
      `${t.padEnd(16)}${String(s.planted).padStart(8)}${String(s.found).padStart(8)}${pct(s.found, s.planted).padStart(9)}  ${String(s.findings).padStart(8)}${pct(s.onPlanted, s.findings).padStart(10)}${String(s.wrongType).padStart(10)}${String(s.onLookalike).padStart(10)}${String(s.elsewhere).padStart(10)}`,
    );
  }
  if (otherFindings) out.push(`(${otherFindings} findings of types outside the pattern types)`);

  out.push('');
  out.push('Look-alikes: broken when any finding overlaps them.');
  out.push(`${'kind'.padEnd(22)}${'count'.padStart(8)}${'broken'.padStart(8)}${'share'.padStart(9)}`);
  let lookTotal = 0;
  let lookBroken = 0;
  for (const [k, s] of kinds) {
    lookTotal += s.count;
    lookBroken += s.broken;
    out.push(`${k.padEnd(22)}${String(s.count).padStart(8)}${String(s.broken).padStart(8)}${pct(s.broken, s.count).padStart(9)}${s.count && s.broken / s.count > BROKEN_TARGET ? '  !' : ''}`);
  }
  out.push(`${'all'.padEnd(22)}${String(lookTotal).padStart(8)}${String(lookBroken).padStart(8)}${pct(lookBroken, lookTotal).padStart(9)}`);
  out.push('');
  out.push(`Clean lines left byte-identical by anonymize: ${cleanIdentical} / ${clean} (${pct(cleanIdentical, clean).trim()})`);

  if (exampleCount > 0) {
    const ex: string[] = [];
    for (const [t, s] of types) {
      for (const m of s.misses) ex.push(`  missed ${t}: ${m}`);
      for (const m of s.falses) ex.push(`  false ${t}: ${m}`);
    }
    for (const [k, s] of kinds) for (const m of s.examples) ex.push(`  broken ${k}: ${m}`);
    if (ex.length) out.push('', `Examples (up to ${exampleCount} each; --examples N):`, ...ex);
  }

  const brokenShare = lookTotal ? lookBroken / lookTotal : 0;
  out.push('');
  out.push('Targets');
  out.push(`  recall >= ${RECALL_TARGET * 100}% for every type: ${recallFails.length ? `NOT MET (${recallFails.join(', ')})` : 'met'}`);
  out.push(`  look-alikes broken <= ${BROKEN_TARGET * 100}%: ${brokenShare <= BROKEN_TARGET ? 'met' : 'NOT MET'} (${(100 * brokenShare).toFixed(2)}%)`);
  console.log(out.join('\n'));
}

main();
