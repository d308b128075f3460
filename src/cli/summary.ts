/**
 * Counts of findings per type and per field, across files: what a reviewer reads before sharing data.
 * It holds names and numbers only, never a found value.
 */
export class Summary {
  private readonly byType = new Map<string, Map<string | null, number>>();
  private readonly files: Array<{ file: string; findings: number; failed: boolean }> = [];
  private current: { file: string; findings: number; failed: boolean } | null = null;

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

  /** Types by count (descending, then name); within a type, fields by count, then name, free text last. */
  private rows(): Array<{ type: string; count: number; fields: Array<{ field: string | null; count: number }> }> {
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

  /** The same for machines: `{ total, types: [{type, count, fields: [{field, count}]}], files: [{file, findings, failed?}] }`. */
  toJSON(): object {
    const types = this.rows();
    return {
      total: types.reduce((a, r) => a + r.count, 0),
      types,
      files: this.files.map((f) => (f.failed ? f : { file: f.file, findings: f.findings })),
    };
  }
}

function fieldLabel(field: string | null): string {
  return field ?? '(text)';
}

function compareField(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
