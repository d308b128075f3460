/** The header every benchmark report starts with: what ran where, and when. */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function commit(): string {
  const sha = git(['rev-parse', '--short', 'HEAD']);
  if (sha === null) return 'unknown';
  return git(['status', '--porcelain', '--untracked-files=no']) ? `${sha} (+ uncommitted changes)` : sha;
}

export function header(title: string): string {
  const cpu = cpus();
  return [
    `# ${title}`,
    `node     ${process.version} (${process.platform}/${process.arch})`,
    `cpu      ${cpu[0]?.model.trim() ?? 'unknown'} × ${cpu.length} cores`,
    `commit   ${commit()}`,
    `date     ${new Date().toISOString()}`,
  ].join('\n');
}

/** `--name value` from argv as a number, or the default. */
export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}
