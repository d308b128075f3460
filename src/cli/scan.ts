import type { Command } from 'commander';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openInput } from '../io.js';
import { scanningVisitor, type FindingReport } from '../visitors.js';
import { anonymizerFrom, formatOf, warnToStderr, type CommonOptions } from './options.js';

interface ScanOptions extends CommonOptions {
  values?: boolean;
  summary?: boolean;
}

/** `logveil scan`: one JSON line per finding (the value only with --values), or counts per type. */
export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('report personal data found in a log, one JSON object per finding per line')
    .argument('<input>', 'log file, or - for stdin')
    .option('--format <format>', 'input format: auto (by file name), text, ndjson, json, csv, tsv', 'auto')
    .option('--policy <file>', 'policy file (YAML or JSON): thresholds, enabled types, field rules')
    .option('--values', 'include the found value in each report line (it is personal data!)')
    .option('--summary', 'print counts per type instead of one line per finding')
    .action(async (input: string, opts: ScanOptions) => {
      const format = formatOf(opts.format, input);
      const anonymizer = anonymizerFrom(opts, false);
      const counts = new Map<string, number>();
      let lines: string[] = [];
      const flush = () => {
        if (lines.length) process.stdout.write(lines.join(''));
        lines = [];
      };
      const report = ({ record, field, finding, value }: FindingReport) => {
        if (opts.summary) {
          counts.set(finding.type, (counts.get(finding.type) ?? 0) + 1);
          return;
        }
        const row: Record<string, unknown> = {
          record,
          field,
          type: finding.type,
          start: finding.start,
          end: finding.end,
          score: Math.round(finding.score * 1000) / 1000,
        };
        if (opts.values) row.value = value;
        lines.push(JSON.stringify(row) + '\n');
        if (lines.length >= 512) flush();
      };
      const transform = format.createTransform({
        visitor: scanningVisitor(anonymizer, report),
        source: input,
        warn: warnToStderr,
      });
      await pipeline(openInput(input), transform, new Writable({ write: (_c, _e, cb) => cb() }));
      flush();
      if (opts.summary) {
        const total = [...counts.values()].reduce((a, b) => a + b, 0);
        const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        const width = Math.max(5, ...rows.map(([t]) => t.length));
        for (const [t, n] of rows) process.stdout.write(`${t.padEnd(width)}  ${n}\n`);
        process.stdout.write(`${'total'.padEnd(width)}  ${total}\n`);
      }
    });
}
