import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer table (README's "How it works"): which files a layer's files may import, read from their
 * import lines. Imports of node: modules and npm packages are not checked here (package.json is).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Layer {
  /** The folder of the layer's files, from the repository root. */
  readonly dir: string;
  /** Files or folders (ending in `/`) its files may import, from the root. */
  readonly may: readonly string[];
}

const LAYERS: readonly Layer[] = [
  // The CLI is a user of the library: what it needs, the public API offers.
  { dir: 'src/cli', may: ['src/index.ts', 'src/cli/'] },
];

/** Every module specifier of a file: `import … from`, `export … from`, side-effect and dynamic imports. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const p of patterns) for (const m of source.matchAll(p)) found.push(m[1]);
  return found;
}

/** The repository file a relative specifier names (`../index.js` → `src/index.ts`); null for packages. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(root, join(dirname(join(root, file)), specifier)).replace(/\.js$/, '.ts');
}

function filesUnder(dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
    .sort();
}

describe('specifiersOf', () => {
  it('finds static, re-export, type-only, side-effect and dynamic imports, over several lines too', () => {
    const source = [
      "import { a } from '../a.js';",
      "import type { B } from './b.js';",
      'import {',
      '  c,',
      "} from 'node:fs';",
      "export { d } from '../../detectors/d.js';",
      "import './e.js';",
      "const f = await import('../f.js');",
      "// a comment that says from 'nowhere' is not at a line start",
    ].join('\n');
    expect(specifiersOf(source).sort()).toEqual(['../../detectors/d.js', '../a.js', '../f.js', './b.js', './e.js', 'node:fs']);
  });
});

describe('layers', () => {
  for (const { dir, may } of LAYERS) {
    it(`${dir}/ imports only ${may.join(', ')} (and node: or npm packages)`, () => {
      const files = filesUnder(dir);
      expect(files.length).toBeGreaterThan(0);
      const outside: string[] = [];
      for (const file of files) {
        for (const s of specifiersOf(readFileSync(join(root, file), 'utf8'))) {
          const t = target(file, s);
          if (t !== null && !may.some((m) => (m.endsWith('/') ? t.startsWith(m) : t === m))) outside.push(`${file} imports ${t}`);
        }
      }
      expect(outside).toEqual([]);
    });
  }
});
