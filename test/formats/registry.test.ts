import { describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/formats/index.js';

describe('format by file name', () => {
  it.each([
    ['app.log', 'text'],
    ['app.log.gz', 'text'],
    ['no-extension', 'text'],
    ['events.ndjson', 'ndjson'],
    ['events.JSONL.gz', 'ndjson'],
    ['abc123-json.log', 'ndjson'], // Docker's json-file driver: the longest ending wins over .log
    ['users.json', 'json'],
    ['export.csv.gz', 'csv'],
    ['export.tsv', 'tsv'],
  ])('%s → %s', (path, name) => {
    expect(formatForPath(path).name).toBe(name);
  });
});
