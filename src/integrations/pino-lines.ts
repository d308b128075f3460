import { anonymizingVisitor, formats, LogveilError, type Anonymizer } from '../index.js';

/** The `logveil` field of the record written instead of a line that could not be anonymized. */
export const REDACTION_FAILED = 'redaction-failed';
/** The `logveil` field of the record that carries a line that was not JSON, anonymized as text. */
export const NOT_JSON = 'not-json';

export interface PinoLineOptions {
  /** The key pino writes the message under (pino's `messageKey`, `msg` by default). */
  readonly messageKey: string;
  /** Called once for each line replaced by the redaction-failed marker. */
  readonly onFailure: () => void;
}

/**
 * One pino line in, one JSON line out, anonymized as the NDJSON format anonymizes a line: every
 * value at any depth with its path (the message, nested objects, `err` with its stack, custom
 * keys), every other byte as pino wrote it. Null for a blank line, which carries nothing.
 *
 * Fail closed: a line that is not JSON is anonymized as text and written as the message of a record
 * of its own (`{"time":…,"msg":"…","logveil":"not-json"}`), so that the next stage still reads JSON;
 * a line whose anonymizing throws is replaced by `{"level":…,"time":…,"logveil":"redaction-failed"}`
 * (its level and time when they can be read) and never written as it was.
 */
export function pinoLineAnonymizer(anonymizer: Anonymizer, options: PinoLineOptions): (line: string) => string | null {
  const ndjson = formats.ndjson.lines;
  if (!ndjson) throw new LogveilError('LV_USAGE', 'the NDJSON format has no line mapper');
  // The NDJSON mapper warns, synchronously, for a line it had to read as text: that is how a line not JSON is told apart.
  let readAsText = false;
  const visitor = anonymizingVisitor(anonymizer);
  const newMapper = () => ndjson({ visitor, source: 'pino', warn: () => (readAsText = true) });
  let mapLine = newMapper();
  let index = 0;
  return (line) => {
    if (!NOT_SPACE.test(line)) return null;
    readAsText = false;
    try {
      const out = mapLine(line, index++);
      if (!readAsText) return out;
      return `{"time":${Date.now()},${JSON.stringify(options.messageKey)}:${JSON.stringify(out)},"logveil":"${NOT_JSON}"}`;
    } catch {
      // The error is not repeated: its message may quote the line. The mapper, left in the middle
      // of a line, is made anew for the next one.
      mapLine = newMapper();
      options.onFailure();
      return failureMarker(line);
    }
  };
}

/** The marker written instead of a line: its level and time when it is JSON that holds them, nothing else of it. */
export function failureMarker(line: string): string {
  let level: unknown;
  let time: unknown;
  try {
    ({ level, time } = JSON.parse(line) as { level?: unknown; time?: unknown });
  } catch {
    // Not JSON: no level to keep.
  }
  // Only values that can be nothing but a level or a time: a custom formatter could put anything there.
  const levelField = typeof level === 'number' && Number.isFinite(level) ? `"level":${level},` : typeof level === 'string' && LEVEL_NAME.test(level) ? `"level":"${level}",` : '';
  const timeField = typeof time === 'number' && Number.isFinite(time) ? `${time}` : typeof time === 'string' && ISO_TIME.test(time) ? `"${time}"` : `${Date.now()}`;
  return `{${levelField}"time":${timeField},"logveil":"${REDACTION_FAILED}"}`;
}

const LEVEL_NAME = /^[a-z]{1,16}$/i;
const ISO_TIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)?$/;
/** A line with anything but white space in it (a test without making a trimmed copy of every line). */
const NOT_SPACE = /\S/;
