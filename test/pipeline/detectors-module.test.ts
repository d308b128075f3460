import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LogveilError } from '../../src/errors.js';
import { importDetectors } from '../../src/pipeline/detectors-module.js';
import assetTagDetectors from './fixtures/asset-tags.js';

/**
 * importDetectors: the one loader of a detector list given as a module, used by the pool's workers
 * and by the pino transport's setup. The fixture is imported as its source here and by the loader.
 */
const url = new URL('./fixtures/asset-tags.ts', import.meta.url);
const usage = (message: RegExp) => expect.objectContaining({ code: 'LV_USAGE', message: expect.stringMatching(message) }) as LogveilError;

describe('importDetectors', () => {
  it('imports the list by a URL, a URL as a string or an absolute path, the default export when none is named', async () => {
    const names = assetTagDetectors.map((d) => d.name);
    for (const module of [url, url.href, fileURLToPath(url)]) {
      expect((await importDetectors({ module, export: 'default' })).map((d) => d.name)).toEqual(names);
    }
    expect((await importDetectors({ module: url })).map((d) => d.name)).toEqual(names);
  });

  it('refuses a relative path, a list of detector objects, an export that is not a list and a module that cannot be imported (LV_USAGE)', async () => {
    await expect(importDetectors({ module: './fixtures/asset-tags.ts' })).rejects.toThrow(usage(/neither a URL nor an absolute path/));
    await expect(importDetectors(assetTagDetectors as never)).rejects.toThrow(usage(/cannot receive detector objects/));
    await expect(importDetectors({ module: url, export: 'assetTag' })).rejects.toThrow(usage(/its export 'assetTag' is not a list of detectors/));
    await expect(importDetectors({ module: new URL('./fixtures/none.js', import.meta.url) })).rejects.toThrow(usage(/none\.js: cannot be imported/));
  });
});
