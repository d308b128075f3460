import type { Command } from 'commander';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TextLineTransform } from '../formats/text.js';
import { openInput } from '../io.js';
import { anonymizerFrom, checkFormat, type CommonOptions } from './options.js';

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
    .option('--format <format>', 'input format', 'text')
    .option('--policy <file>', 'policy file (YAML or JSON): thresholds and enabled types')
    .option('--values', 'include the found value in each report line (it is personal data!)')
    .option('--summary', 'print counts per type instead of one line per finding')
    .action(async (input: string, opts: ScanOptions) => {
      checkFormat(opts.format);
      const anonymizer = anonymizerFrom(opts, false);
      const counts = new Map<string, number>();
      let lines: string[] = [];
      const flush = () => {
        if (lines.length) process.stdout.write(lines.join(''));
        lines = [];
      };
      const scanner = new TextLineTransform((line, record) => {
        for (const f of anonymizer.findings(line)) {
          if (opts.summary) {
            counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
            continue;
          }
          const report: Record<string, unknown> = {
            record,
            field: null,
            type: f.type,
            start: f.start,
            end: f.end,
            score: Math.round(f.score * 1000) / 1000,
          };
          if (opts.values) report.value = line.slice(f.start, f.end);
          lines.push(JSON.stringify(report) + '\n');
          if (lines.length >= 512) flush();
        }
        return line;
      });
      const sink = new Writable({ write: (_c, _e, cb) => cb() });
      await pipeline(openInput(input), scanner, sink);
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
