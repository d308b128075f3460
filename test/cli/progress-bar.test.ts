import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunProgress } from '../../src/cli/progress.js';

/**
 * The bar itself, in-process: drawn on a stream that says it is a terminal, redrawn by its timer
 * (fake timers here, so no test waits), never drawn when not asked for.
 */

/** A stream that says it is an 80-column terminal, keeping what is written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; written: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  Object.assign(stream, { isTTY: true, columns: 80 });
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => text };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RunProgress', () => {
  it('draws bytes of the total, files and findings on a terminal, and clears itself at the end', async () => {
    vi.useFakeTimers();
    const { stream, written } = fakeTerminal();
    let findings = 0;
    const progress = new RunProgress({ files: 2, totalBytes: 4_000_000, bar: true, findings: () => findings, stream });
    let read = 0;
    const bytesRead = () => read;
    const counter = progress.reading(bytesRead);
    read = 1_000_000; // a quarter of the total
    findings = 1234;
    vi.advanceTimersByTime(600);
    await Promise.resolve();
    expect(written()).toMatch(/25% 1\.0\/4\.0 MB [\d.]+ MB\/s \| files 0\/2 \| findings 1,234 \| ETA/);
    counter.end(Buffer.from('one\ntwo\nthree'));
    counter.resume();
    await new Promise((r) => counter.on('end', r));
    progress.done(bytesRead);
    read = 0; // a file done counts what it read then, not what its stream says later
    const figures = progress.finish();
    expect(figures).toMatchObject({ files: 2, failed: 1, lines: 3, bytes: 1_000_000, textBytes: 13 });
    expect(written().endsWith('\x1b[0J')).toBe(true); // cleared below the cursor: the bar is gone
  });

  // The figures of the last tick (a quarter read, no file done) were the last frame drawn before the clear.
  it('draws a last frame with the final bytes, files and findings before it clears itself', () => {
    vi.useFakeTimers();
    const { stream, written } = fakeTerminal();
    let findings = 0;
    const progress = new RunProgress({ files: 1, totalBytes: 2_000_000, bar: true, findings: () => findings, stream });
    let read = 500_000;
    const bytesRead = () => read;
    progress.reading(bytesRead);
    vi.advanceTimersByTime(600);
    expect(written()).toMatch(/25% 0\.5\/2\.0 MB [\d.]+ MB\/s \| files 0\/1 \| findings 0 \|/);
    read = 2_000_000;
    findings = 4321;
    progress.done(bytesRead);
    progress.finish(); // before the next tick
    const frames = written().split('\x1b[1G').filter((frame) => frame.includes('MB/s'));
    expect(frames.at(-1)).toMatch(/^={12} 100% 2\.0\/2\.0 MB [\d.]+ MB\/s \| files 1\/1 \| findings 4,321 \| ETA/);
    expect(written().endsWith('\x1b[0J')).toBe(true);
  });

  it('writes nothing when no bar is asked for', () => {
    const { stream, written } = fakeTerminal();
    const progress = new RunProgress({ files: 1, totalBytes: 10, bar: false, findings: () => 0, stream });
    progress.reading(() => 10).end();
    progress.finish();
    expect(written()).toBe('');
  });
});
