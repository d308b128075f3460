/**
 * Loaded into a measured process (`node --import <this file> …`, by scaling.ts): when the process
 * exits, writes to stderr one line `LVMAIN <main thread CPU s> <whole process CPU s>`.
 *
 * Why this measures the main thread's own CPU: `process.cpuUsage()` is the whole process (every worker
 * and V8/libuv helper thread), and Node 20 has no `process.threadCpuUsage()` (it came in Node 23.9).
 * `performance.eventLoopUtilization()` counts the wall time the loop was busy, which on a shared
 * machine includes the time the thread waited for a core. Linux keeps each thread's own CPU time in
 * /proc/self/task/<tid>/stat (fields 14 and 15, user and system, in clock ticks), and the main
 * thread's tid is the process id. Elsewhere the line says `n/a`. At 'exit' the workers have been
 * stopped (the CLI closes its pool first), so the whole-process figure includes theirs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeSync } from 'node:fs';

/** Clock ticks per second, for /proc's figures (100 on nearly every Linux). */
function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const ticks = clockTicks();

/** The main thread's user + system CPU seconds, or null where /proc has no per-thread figures. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return null;
  }
}

process.on('exit', () => {
  const main = mainThreadCpu();
  const all = process.cpuUsage();
  writeSync(2, `LVMAIN ${main === null ? 'n/a' : main.toFixed(2)} ${((all.user + all.system) / 1e6).toFixed(2)}\n`);
});
