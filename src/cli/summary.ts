import type { CountersSnapshot } from '../index.js';
import type { Shard } from './shard.js';

/** What a run of `anonymize` did, for its summary and report: numbers only. */
export interface RunFigures {
  /** Input files, and how many of them failed. */
  readonly files: number;
  readonly failed: number;
  /** Lines of text read (after gunzip and decoding), a last line without a newline included. */
  readonly lines: number;
  /** Bytes read from the inputs as stored (gzip: compressed), and bytes of text they held. */
  readonly bytes: number;
  readonly textBytes: number;
  readonly seconds: number;
  /** The fingerprint of the key given for keyed operators (`--key-file`), never the key; absent without one. */
  readonly key?: string;
}

/**
 * Counts of findings per type and per field, across files: what a reviewer reads before sharing data.
 * It holds names and numbers only, never a found value. `scan` adds findings one by one, each with
 * its field (a table of types, fields under each); `anonymize` adds the anonymizer's counters, which
 * count per type and per field apart (a table of types, then one of fields), and its run's figures.
 */
export class Summary {
  private readonly byType = new Map<string, Map<string | null, number>>();
  /** From counters: per type and per field, not crossed. */
  private readonly typeCounts = new Map<string, number>();
  private readonly fieldCounts = new Map<string, number>();
  private run: RunFigures | null = null;
  private readonly files: Array<{ file: string; findings: number; failed: boolean }> = [];
  private current: { file: string; findings: number; failed: boolean } | null = null;

  /** `shard`: the run read one shard of the input files, and its counts are of those files only. */
  constructor(private readonly shard?: Pick<Shard, 'index' | 'count'>) {}

  /** Start counting a file's findings. */
  startFile(file: string): void {
    this.current = { file, findings: 0, failed: false };
    this.files.push(this.current);
  }

  /** The current file failed (what it reported before failing still counts). */
  failFile(file: string): void {
    if (this.current?.file === file) this.current.failed = true;
    else this.files.push({ file, findings: 0, failed: true });
  }

  /**
   * Every file failed (a missing input, say): there is nothing to summarize, and a table of zeros
   * would read as "nothing found". With some files read, the summary is printed and marks the others.
   */
  allFailed(): boolean {
    return this.files.length > 0 && this.files.every((f) => f.failed);
  }

  add(type: string, field: string | null): void {
    let fields = this.byType.get(type);
    if (!fields) this.byType.set(type, (fields = new Map()));
    fields.set(field, (fields.get(field) ?? 0) + 1);
    if (this.current) this.current.findings++;
  }

  /** Counts of replaced values (an anonymizer's counters, or a pool's). */
  addCounts(counts: CountersSnapshot): void {
    for (const [type, n] of Object.entries(counts.byType)) this.typeCounts.set(type, (this.typeCounts.get(type) ?? 0) + n);
    for (const [field, n] of Object.entries(counts.byField)) this.fieldCounts.set(field, (this.fieldCounts.get(field) ?? 0) + n);
  }

  /** The run's figures, shown above the counts. */
  setRun(run: RunFigures): void {
    this.run = run;
  }

  /** Types by count (descending, then name); within a type, fields by count, then name, free text last. */
  private rows(): Array<{ type: string; count: number; fields: Array<{ field: string | null; count: number }> }> {
    if (this.typeCounts.size > 0) return byCount([...this.typeCounts].map(([type, count]) => ({ type, count, fields: [] })), (r) => r.type);
    const rows = [...this.byType].map(([type, fields]) => ({
      type,
      count: [...fields.values()].reduce((a, b) => a + b, 0),
      fields: [...fields]
        .map(([field, count]) => ({ field, count }))
        .sort((a, b) => b.count - a.count || compareField(a.field, b.field)),
    }));
    return rows.sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  }

  /**
   * The table: one line per type with its count, under it one line per field (`(text)` for free text),
   * then the total and, for several files, how many had findings or failed.
   */
  toTable(): string {
    // A shard's counts are not the whole run's: said first, so no one reads them as the total.
    const shard = this.shard ? `shard ${this.shard.index}/${this.shard.count}: the counts of this shard's files only\n` : '';
    return shard + (this.run !== null ? this.countsTable(this.run) : this.findingsTable());
  }

  private findingsTable(): string {
    const rows = this.rows();
    const total = rows.reduce((a, r) => a + r.count, 0);
    const typeW = Math.max(4, 'total'.length, ...rows.map((r) => r.type.length));
    const fieldW = Math.max(5, ...rows.flatMap((r) => r.fields.map((f) => fieldLabel(f.field).length)));
    const countW = Math.max(5, String(total).length);
    const line = (type: string, field: string, count: string) =>
      `${type.padEnd(typeW)}  ${field.padEnd(fieldW)}  ${count.padStart(countW)}`.trimEnd() + '\n';
    let out = line('TYPE', 'FIELD', 'COUNT');
    for (const r of rows) {
      out += line(r.type, '', String(r.count));
      for (const f of r.fields) out += line('', fieldLabel(f.field), String(f.count));
    }
    out += line('total', '', String(total));
    if (this.files.length > 1) {
      const withFindings = this.files.filter((f) => f.findings > 0).length;
      const failed = this.files.filter((f) => f.failed).length;
      out += `files: ${this.files.length} (${withFindings} with findings${failed ? `, ${failed} failed` : ''})\n`;
    }
    return out;
  }

  /**
   * anonymize's summary: the run in one line, then a line per type and its count, the total, and (when
   * any value was in a named field) a line per field.
   */
  private countsTable(run: RunFigures): string {
    const types = this.rows();
    const total = types.reduce((a, r) => a + r.count, 0);
    const fields = this.fieldRows();
    const named = fields.some((f) => f.field !== FREE_TEXT);
    const nameW = Math.max('total'.length, ...types.map((r) => r.type.length), ...(named ? fields.slice(0, MAX_FIELD_LINES).map((f) => f.field.length) : []));
    const countW = Math.max(5, String(total).length);
    const line = (name: string, count: string) => `${name.padEnd(nameW)}  ${count.padStart(countW)}\n`;
    let out = runLine(run);
    out += line('TYPE', 'COUNT');
    for (const r of types) out += line(r.type, String(r.count));
    out += line('total', String(total));
    if (named) {
      out += line('FIELD', 'COUNT');
      for (const f of fields.slice(0, MAX_FIELD_LINES)) out += line(f.field, String(f.count));
      const more = fields.length - MAX_FIELD_LINES;
      if (more > 0) out += `(${more} more field${more === 1 ? '' : 's'}: all are in --report)\n`;
    }
    return out;
  }

  private fieldRows(): Array<{ field: string; count: number }> {
    return byCount([...this.fieldCounts].map(([field, count]) => ({ field, count })), (f) => f.field);
  }

  /**
   * The same for machines: `{ total, types: [{type, count, fields: [{field, count}]}], files: [{file, findings, failed?}] }`;
   * from counters (anonymize) `{ run: {…}, total, types: [{type, count}], fields: [{field, count}] }`;
   * a shard's begins with `shard: {index, count}`.
   */
  toJSON(): object {
    const types = this.rows();
    const total = types.reduce((a, r) => a + r.count, 0);
    const shard = this.shard ? { shard: { index: this.shard.index, count: this.shard.count } } : {};
    if (this.run !== null) {
      const { run } = this;
      const mbPerSecond = round(run.bytes / 1e6 / Math.max(run.seconds, 1e-3), 2);
      return { ...shard, run: { ...run, seconds: round(run.seconds, 3), mbPerSecond }, total, types: types.map(({ type, count }) => ({ type, count })), fields: this.fieldRows() };
    }
    return {
      ...shard,
      total,
      types,
      files: this.files.map((f) => (f.failed ? f : { file: f.file, findings: f.findings })),
    };
  }
}

/** Fields listed in anonymize's table, the most counted first: a log may have hundreds. */
const MAX_FIELD_LINES = 20;

/** How tables name free text, as counters.ts's FREE_TEXT does. */
const FREE_TEXT = '(text)';

/** By count, descending, then by name. */
function byCount<T extends { count: number }>(rows: T[], name: (row: T) => string): T[] {
  return rows.sort((a, b) => b.count - a.count || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** `3 files (1 failed), 12,000 lines, 4.2 MB read (16.8 MB of text) in 1.3 s: 3.2 MB/s` (kB below 1 MB) */
function runLine(run: RunFigures): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
  const files = `${n(run.files)} file${run.files === 1 ? '' : 's'}${run.failed ? ` (${n(run.failed)} failed)` : ''}`;
  const text = run.textBytes !== run.bytes ? ` (${mb(run.textBytes)} of text)` : '';
  const rate = (run.bytes / 1e6 / Math.max(run.seconds, 1e-3)).toFixed(1);
  const key = run.key === undefined ? '' : `key ${run.key} (its fingerprint: \`logveil reveal --fingerprint ${run.key}\` checks it)\n`;
  return `${files}, ${n(run.lines)} line${run.lines === 1 ? '' : 's'}, ${mb(run.bytes)} read${text} in ${run.seconds.toFixed(1)} s: ${rate} MB/s\n${key}`;
}

function fieldLabel(field: string | null): string {
  return field ?? FREE_TEXT;
}

function compareField(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
