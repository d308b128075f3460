import { findingOver, type Finding } from './finding.js';

/**
 * Keep a deterministic, non-overlapping subset: the longer span wins; on equal spans the higher score
 * (checksum-validated detectors score higher than context-only ones by convention), then the earlier
 * detector in the list, then the earlier start. A loser that overlaps a winner only in part is not
 * left half in clear: the winner's span grows to cover it. Returns findings sorted by start.
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

/** A chain of more overlapping findings than this is hostile input (`4002 4002 4002 …`). */
const CLUSTER_MAX = 64;

function resolveCluster(cluster: Finding[], order: (f: Finding) => number, out: Finding[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]);
    return;
  }
  if (cluster.length > CLUSTER_MAX) {
    // Ranking is quadratic in the cluster; its outcome is the union anyway (fail closed), so say so
    // directly, typed by the best-ranked finding.
    let best = cluster[0];
    let end = best.end;
    for (const f of cluster) {
      if (f.end > end) end = f.end;
      if (f.end - f.start > best.end - best.start || (f.end - f.start === best.end - best.start && f.score > best.score)) best = f;
    }
    out.push(findingOver(best, cluster[0].start, end));
    return;
  }
  const ranked = cluster.slice().sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || b.score - a.score || order(a) - order(b) || a.start - b.start,
  );
  let kept: Finding[] = [];
  const dropped: Finding[] = [];
  for (const f of ranked) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) dropped.push(f);
    else kept.push(f);
  }
  // Fail closed: a losing span that sticks out of the winners (an IBAN whose tail a longer account
  // number took) would leave part of a value in clear. The winners it touches grow to cover it, keeping
  // the type of the best-ranked one.
  for (const d of dropped) {
    const touched = kept.filter((k) => d.start < k.end && k.start < d.end);
    if (touched.length === 1 && touched[0].start <= d.start && d.end <= touched[0].end) continue;
    const best = touched[0]; // `kept` is in rank order
    const start = Math.min(d.start, ...touched.map((k) => k.start));
    const end = Math.max(d.end, ...touched.map((k) => k.end));
    kept = kept.filter((k) => !touched.includes(k));
    kept.push(findingOver(best, start, end));
  }
  kept.sort((a, b) => a.start - b.start);
  for (const k of kept) out.push(k);
}
