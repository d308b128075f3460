import { basename } from 'node:path';
import type { Format, FormatName } from './format.js';
import { textFormat } from './text.js';
import { ndjsonFormat } from './ndjson.js';
import { jsonFormat } from './json.js';
import { csvFormat, tsvFormat } from './csv.js';

/** Every format by name. Adding one: a file here, one line in this list, its tests. */
export const formats: Readonly<Partial<Record<FormatName, Format>>> = {
  text: textFormat,
  ndjson: ndjsonFormat,
  json: jsonFormat,
  csv: csvFormat,
  tsv: tsvFormat,
};

export const FORMAT_NAMES = Object.keys(formats) as FormatName[];

/** The format a file name selects by its ending (`app.ndjson.gz` → ndjson), or text. */
export function formatForPath(path: string): Format {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  for (const f of Object.values(formats)) if (f && f.extensions.some((e) => name.endsWith(e))) return f;
  return textFormat;
}

export type { Format, FormatName, FormatOptions, CsvOptions } from './format.js';
export { DROP, type Place, type ValueVisitor, type Visited } from './visitor.js';
