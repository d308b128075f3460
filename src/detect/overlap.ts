import type { Finding } from './finding.js';

/**
 * Keep a deterministic, non-overlapping subset: the longer span wins; on equal spans the higher score
 * (checksum-validated detectors score higher than context-only ones by convention), then the earlier
 * detector in the list, then the earlier start. Returns findings sorted by start.
 *
 * Findings are few and short, so overlaps form small clusters: sort by start once, and rank only
 * within each cluster of mutually chained spans (linear for 100k findings in one string).
 */
export function resolveOverlaps(found: Finding[], order: (f: Finding) => number): Finding[] {
  if (found.length < 2) return found;
  const byStart = found.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  let cluster: Finding[] = [byStart[0]];
  let clusterEnd = byStart[0].end;
  for (let i = 1; i < byStart.length; i++) {
    const f = byStart[i];
    if (f.start < clusterEnd) {
      cluster.push(f);
      if (f.end > clusterEnd) clusterEnd = f.end;
      continue;
    }
    resolveCluster(cluster, order, out);
    cluster = [f];
    clusterEnd = f.end;
  }
  resolveCluster(cluster, order, out);
  return out;
}

function resolveCluster(cluster: Finding[], order: (f: Finding) => number, out: Finding[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]);
    return;
  }
  const ranked = cluster.slice().sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || b.score - a.score || order(a) - order(b) || a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  kept.sort((a, b) => a.start - b.start);
  for (const k of kept) out.push(k);
}
