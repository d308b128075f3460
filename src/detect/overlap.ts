import type { Finding } from './finding.js';

/**
 * Keep a deterministic, non-overlapping subset: the longer span wins; on equal spans the higher score
 * (checksum-validated detectors score higher than context-only ones by convention), then the earlier
 * detector in the list, then the earlier start. Returns findings sorted by start.
 */
export function resolveOverlaps(found: Finding[], order: (f: Finding) => number): Finding[] {
  if (found.length < 2) return found;
  const ranked = found
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        b.f.end - b.f.start - (a.f.end - a.f.start) ||
        b.f.score - a.f.score ||
        order(a.f) - order(b.f) ||
        a.f.start - b.f.start ||
        a.i - b.i,
    );
  const kept: Finding[] = [];
  for (const { f } of ranked) {
    let clash = false;
    for (const k of kept) {
      if (f.start < k.end && k.start < f.end) {
        clash = true;
        break;
      }
    }
    if (!clash) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}
