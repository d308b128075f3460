import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer table (README's "How it works"): which files a layer's files may import, read from their
 * import lines. Imports of node: modules and npm packages are not checked here (package.json is).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A row of README's layer table: a layer, where its files are, and the layers it may import. */
interface Layer {
  readonly name: string;
  /** Files, or folders ending in `/`, from the repository root. */
  readonly where: readonly string[];
  may: ReadonlySet<string>;
}

/** README's "How it works" table, the project's map: this test keeps it true. */
function readmeLayers(): Layer[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('How it works'));
  if (!section) throw new Error('README.md has no "How it works" section');
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| layer') && !l.startsWith('|---'));
  const layers = rows.map((row) => {
    const [name, where, may] = row.split('|').slice(1, 4).map((c) => c.trim());
    return { name, where: [...where.matchAll(/`([^`]+)`/g)].map((m) => m[1]), may: new Set(may === '—' ? [] : may.split(/,\s*/)) };
  });
  // The API may import every layer: "every layer above" in the table.
  for (const l of layers) if (l.may.has('every layer above')) l.may = new Set(layers.map((x) => x.name));
  return layers;
}

/** The layer a file belongs to: the most specific place that holds it (`detectors/lib/` over `detectors/`). */
function layerOf(layers: readonly Layer[], file: string): Layer | undefined {
  let best: Layer | undefined;
  let length = -1;
  for (const l of layers) {
    for (const w of l.where) {
      if ((w.endsWith('/') ? file.startsWith(w) : file === w) && w.length > length) [best, length] = [l, w.length];
    }
  }
  return best;
}

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

describe("README's layer table", () => {
  const layers = readmeLayers();
  const files = [...filesUnder('src'), ...filesUnder('detectors')];

  it('is there, and names only layers it has as what a layer may import', () => {
    expect(layers.map((l) => l.name)).toEqual(expect.arrayContaining(['detectors', 'formats', 'pipeline', 'api', 'cli']));
    const names = new Set(layers.map((l) => l.name));
    for (const l of layers) for (const m of l.may) expect(names.has(m), `${l.name} may import ${m}`).toBe(true);
  });

  it('places every file of src/ and detectors/ in a layer', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !layerOf(layers, f))).toEqual([]);
  });

  it('allows every import of every file', () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = layerOf(layers, file);
      if (!from) continue;
      for (const s of specifiersOf(readFileSync(join(root, file), 'utf8'))) {
        const t = target(file, s);
        if (t === null) continue;
        const to = layerOf(layers, t);
        if (!to) broken.push(`${file} imports ${t}, which is in no layer`);
        else if (to !== from && !from.may.has(to.name)) broken.push(`${file} (${from.name}) imports ${t} (${to.name})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the CLI is a user of the public API: it imports src/index.ts and its own files only', () => {
    const cli = layers.find((l) => l.name === 'cli')!;
    expect([...cli.may]).toEqual(['api']);
    expect(layers.find((l) => l.name === 'api')!.where).toEqual(['src/index.ts']);
  });
});
