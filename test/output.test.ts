import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../src/io.js';

const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `logveil-${prefix}-`));

describe('writeFileAtomically', () => {
  it('leaves no temporary file behind when the input fails on its very first read', async () => {
    // The temporary must exist before the pipeline can fail: opened later (asynchronously), it was
    // created after the clean-up had already run, and stayed.
    const dir = tempDir('atomic');
    const target = join(dir, 'out.log');
    for (let i = 0; i < 200; i++) {
      const failing = new Readable({
        read() {
          this.destroy(new Error('input failed'));
        },
      });
      await expect(writeFileAtomically(target, [failing])).rejects.toThrow('input failed');
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
