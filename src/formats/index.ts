import { basename } from 'node:path';
import type { Format, FormatName } from './format.js';
import { textFormat } from './text.js';
import { ndjsonFormat } from './ndjson.js';
import { jsonFormat } from './json.js';
import { csvFormat, tsvFormat } from './csv.js';

/** Every format by name. Adding one: a file here, one line in this list, its tests. */
export const formats: Readonly<Record<FormatName, Format>> = {
  text: textFormat,
  ndjson: ndjsonFormat,
  json: jsonFormat,
  csv: csvFormat,
  tsv: tsvFormat,
};

/** The formats' names, in the order `formats` lists them. */
export const FORMAT_NAMES = Object.keys(formats) as FormatName[];

/** The format a file name selects by its ending (`app.ndjson.gz` → ndjson), or text. */
export function formatForPath(path: string): Format {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  // The longest matching ending wins: Docker's `app-json.log` is NDJSON, not text.
  let best: Format = textFormat;
  let bestLen = 0;
  for (const f of Object.values(formats)) {
    for (const e of f.extensions) if (name.endsWith(e) && e.length > bestLen) [best, bestLen] = [f, e.length];
  }
  return best;
}

export type { Format, FormatName, FormatOptions, CsvOptions } from './format.js';
// Line-based formats' blocks, for the worker pool: it cuts them in the main thread and maps them in
// workers with a format's `lines` mapper.
export { countLines, LineBlockMapper, LineBlocks, type LineMapper, type LinePart } from './lines/blocks.js';
export { MAX_LINE_BYTES, TextLineTransform } from './lines/transform.js';
// Lines too long to hold: cut into windows in the main thread, each scanned by a worker.
export { LONG_LINE_SIZES, LongLine, longLineWarning, type LongLineSizes } from './lines/long-line.js';
// JSON and CSV cut in the main thread and read in workers: the cutters find whole records without
// reading values; the readers take a batch with the state one thread would have at its start.
export { JsonRewriter, PATH_BASE, PATH_STEPS, tooDeep } from './json.js';
export { JsonArrayCuts } from './json-cuts.js';
export { CsvRows, csvDialect, type CsvColumns, type CsvDialect } from './csv.js';
export { CsvCutter, MAX_ROW_BYTES, type CsvBlockSink } from './csv-cutter.js';
