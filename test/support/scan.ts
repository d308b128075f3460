import { detectors as allDetectors } from '../../detectors/index.js';
import type { Detector, PiiType } from '../../detectors/index.js';
import { compileScanner, type ScanPlace, type Scanner } from '../../src/detect/scan.js';

const cache = new WeakMap<readonly Detector[], Scanner>();

function scannerFor(list: readonly Detector[]): Scanner {
  let s = cache.get(list);
  if (!s) cache.set(list, (s = compileScanner(list)));
  return s;
}

/** [type, matched text] for every finding, in order, with the given detectors (all by default). */
export function findAll(
  text: string,
  detectors: readonly Detector[] = allDetectors,
  place?: ScanPlace,
): Array<[PiiType, string]> {
  return scannerFor(detectors)
    .scan(text, place)
    .map((f) => [f.type, text.slice(f.start, f.end)]);
}

const single = new WeakMap<Detector, readonly Detector[]>();

/** [type, matched text] for every finding of one detector alone. */
export function findWith(detector: Detector, text: string, place?: ScanPlace): Array<[PiiType, string]> {
  let list = single.get(detector);
  if (!list) single.set(detector, (list = [detector]));
  return findAll(text, list, place);
}
