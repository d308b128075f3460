import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Detector } from '../../detectors/index.js';
import { errorKind, LogveilError } from '../errors.js';

/**
 * A detector list given as a module, for what cannot receive functions (detectors have `validate`,
 * `normalize`): the worker pool's threads and the pino transport's thread import the list themselves.
 *
 *   // my-detectors.js
 *   import { defineDetector, detectors } from 'logveil';
 *   export default [...detectors, defineDetector({ ... })];
 *
 *   new AnonymizerPool({ threads: 4, detectors: { module: new URL('./my-detectors.js', import.meta.url) } });
 */
export interface DetectorsModule {
  /** The module: a URL (`file:`, `data:` …) or an absolute path (a relative one is refused: relative to what?). */
  readonly module: URL | string;
  /** The name of its export that holds the list; `default` when absent. */
  readonly export?: string;
}

/**
 * The URL another thread can import the module by, whatever folder its own file is in. LV_USAGE for
 * a list of detector objects (never dropped) and for a module that is neither a URL nor an absolute path.
 */
export function detectorsModuleUrl(detectors: DetectorsModule): string {
  const { module } = detectors as Partial<DetectorsModule>;
  if (Array.isArray(detectors) || !(module instanceof URL || typeof module === 'string')) {
    throw new LogveilError(
      'LV_USAGE',
      "detectors: worker threads cannot receive detector objects (they hold functions); give { module, export? } naming a module whose export (default: its default export) is the list, e.g. { module: new URL('./my-detectors.js', import.meta.url) }",
    );
  }
  if (module instanceof URL) return module.href;
  if (isAbsolute(module)) return pathToFileURL(module).href;
  if (/^[a-z][a-z\d+.-]+:/i.test(module)) return module; // a URL as a string (two letters at least: not `C:`)
  throw new LogveilError(
    'LV_USAGE',
    `detectors.module: '${module}' is neither a URL nor an absolute path; give new URL('${module}', import.meta.url) or an absolute path`,
  );
}

/**
 * The module's detector list, imported. LV_USAGE (about the module, never about log data) when it
 * cannot be named (see detectorsModuleUrl) or imported, or its export is not a list.
 */
export async function importDetectors(detectors: DetectorsModule): Promise<readonly Detector[]> {
  const url = detectorsModuleUrl(detectors);
  const name = detectors.export ?? 'default';
  let module: Record<string, unknown>;
  try {
    module = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    // Its message is about the module (not found, a detector that breaks the contract), never about log data.
    throw new LogveilError('LV_USAGE', `detectors module ${url}: cannot be imported: ${e instanceof Error ? e.message : errorKind(e)}`, { cause: e });
  }
  const list = module[name];
  if (!Array.isArray(list)) throw new LogveilError('LV_USAGE', `detectors module ${url}: its export '${name}' is not a list of detectors`);
  return list as Detector[];
}
