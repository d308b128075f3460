import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { installInto, root, sandbox } from './cli/run.js';

/** The ```ts blocks of README's "Library" section, in order. */
function libraryBlocks(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Library\n'));
  if (!section) throw new Error('README.md has no "## Library" section');
  return [...section.matchAll(/^```ts\n([^]*?)^```/gm)].map((m) => m[1]);
}

/** What a checked block calls: `…` in the text README gives stands for any text. */
const EXPECT_TEXT = String.raw`function expectText(got, said) {
  const pattern = new RegExp('^' + said.split('…').map((p) => p.replace(/[\^$.*+?()[\]{}|]/g, '\$&')).join('[^]+') + '$');
  if (!pattern.test(got)) throw new Error('README says ' + JSON.stringify(said) + ', got ' + JSON.stringify(got));
}`;

/**
 * A block as a module that checks what it says: a statement followed by `// '…'` (the string it
 * gives, `…` standing for any text) becomes an assertion that fails the run.
 */
function checked(block: string): string {
  const lines = block.split('\n').map((line) => {
    const m = /^(\S.*?);\s*\/\/ '([^']*)'$/.exec(line);
    return m ? `expectText(${m[1]}, ${JSON.stringify(m[2])});` : line;
  });
  return `${lines.join('\n')}\n${EXPECT_TEXT}\n`;
}

// Generated values from reserved ranges; the expected outputs are written out by hand (the default
// policy tags every value; `email` and `phone` are dictionary fields in NDJSON).
const NDJSON = '{"user":{"email":"zhang.san@example.com","phone":"13800138000"},"ip":"192.0.2.10","msg":"login ok"}\n';
const NDJSON_OUT = '{"user":{"email":"<EMAIL>","phone":"<PHONE>"},"ip":"<IP_ADDRESS>","msg":"login ok"}\n';
const LOG = 'asset AT123456 moved from 192.0.2.10\nnothing here\n';
// The asset tag is found by README's own detector (my-detectors.js), which the pool's workers import.
const LOG_OUT = 'asset <DEVICE_ID> moved from <IP_ADDRESS>\nnothing here\n';

describe("README's Library examples, run as written against the installed package", () => {
  const blocks = libraryBlocks();
  const { dir, write, path } = sandbox('library');
  installInto(dir);
  mkdirSync(path('samples'));
  copyFileSync(join(root, 'samples', 'policy.yaml'), path('samples/policy.yaml'));
  write('my.key', randomBytes(32).toString('hex') + '\n'); // as `logveil keygen` writes it
  chmodSync(path('my.key'), 0o600);
  write('app.ndjson', NDJSON);
  write('app.ndjson.gz', gzipSync(NDJSON));
  write('app.log', LOG);

  it('has the examples this test knows the files of', () => {
    expect(blocks.length).toBe(6);
    expect(blocks[4].startsWith('// my-detectors.js\n')).toBe(true);
  });

  it('runs every example (a block headed `// name.js` is that file), each as it is written', () => {
    for (const [i, block] of blocks.entries()) {
      const file = /^\/\/ ([\w-]+\.js)\n/.exec(block)?.[1];
      if (file) {
        write(file, block);
        continue;
      }
      write(`example-${i}.mjs`, checked(block));
      const r = spawnSync(process.execPath, [`example-${i}.mjs`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect({ block: i, code: r.status, stderr: r.stderr }).toEqual({ block: i, code: 0, stderr: '' });
    }
    expect(readFileSync(path('clean.ndjson'), 'utf8')).toBe(NDJSON_OUT);
    expect(gunzipSync(readFileSync(path('clean.ndjson.gz'))).toString('utf8')).toBe(NDJSON_OUT);
    expect(readFileSync(path('clean.log'), 'utf8')).toBe(LOG_OUT);
  });
});
