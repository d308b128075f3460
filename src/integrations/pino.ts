import { Transform, pipeline } from 'node:stream';
import build from 'pino-abstract-transport';
import sonicBoom, { type SonicBoom } from 'sonic-boom';
import { pinoLineAnonymizer } from './pino-lines.js';
import { anonymizerFor, type AnonymizerSetup } from './setup.js';

/** The `logveil` field of the marker written instead of a line (`redaction-failed`), and of a line that was not JSON (`not-json`). */
export { NOT_JSON, REDACTION_FAILED } from './pino-lines.js';

/**
 * The options of the `logveil/pino` transport: plain data, since pino hands them to a worker thread.
 *
 *   pino(pino.transport({ target: 'logveil/pino', options: { policy: 'policy.yaml', keyFile: 'my.key', destination: 1 } }))
 */
export interface PinoTransportOptions extends AnonymizerSetup {
  /**
   * Where the anonymized lines go: a file path (appended to, its folder made), 1 (stdout) or 2
   * (stderr). Absent: the transport is a step of a `pipeline` and hands its lines to the next step.
   */
  readonly destination?: string | 1 | 2;
  /**
   * The key a line that is not JSON is written under, as a record's message (anonymized as text):
   * pino's `messageKey` when the logger sets one; `msg` when absent. (pino can send its messageKey to
   * a transport that waits for it, but such a transport never gets ready for a caller that awaits
   * `ready` before calling `pino(transport)`: it is taken from here instead.)
   */
  readonly messageKey?: string;
}

/**
 * A pino transport (v7+, in pino's worker thread) that anonymizes every line before it is written:
 * each line is read as the NDJSON format reads it (every value at any depth, with its field rules)
 * and written as one JSON line; what is not replaced keeps pino's bytes. A line that is not JSON is
 * anonymized as text and written as the message of a record of its own; a line that cannot be
 * anonymized is replaced by `{"level":…,"time":…,"logveil":"redaction-failed"}` and counted. No line
 * is dropped, none is written as it came.
 *
 * With a `destination`, the transport writes the lines itself (a single `target`); without one it
 * returns a stream that a `pipeline` reads (a step in front of pino-pretty, `pino/file` …). Ending
 * the stream flushes every line before the worker exits.
 */
export default async function logveilTransport(options: PinoTransportOptions = {}) {
  const anonymizer = await anonymizerFor(options);
  const stage = () => anonymizingStage(pinoLineAnonymizer(anonymizer, { messageKey: options.messageKey ?? 'msg', onFailure: () => anonymizer.countFailure() }));
  const parse = { parse: 'lines', parseLine: keepLine } as const;

  const { destination } = options;
  if (destination === undefined) {
    return build(
      (source) => {
        const anonymize = stage();
        // An error ends both: the pipeline that reads the step sees it.
        pipeline(source, anonymize, () => {});
        return anonymize;
      },
      { ...parse, enablePipelining: true },
    );
  }

  const out = new SonicBoomClass({ dest: destination, mkdir: typeof destination === 'string', sync: false });
  let written: () => void;
  const done = new Promise<void>((resolve) => (written = resolve));
  return build(
    (source) => {
      // The callback runs once the destination has every line, or failed (then the source is
      // destroyed with the error, which close passes on to pino): then the transport may close.
      pipeline(source, stage(), out as unknown as NodeJS.WritableStream, () => written());
    },
    {
      ...parse,
      close: async (error: Error | null) => {
        await done;
        if (error) throw error;
      },
    },
  );
}

/** sonic-boom's module is the class itself (CommonJS), which its types call `default`. */
const SonicBoomClass = sonicBoom as unknown as typeof SonicBoom;

/**
 * pino-abstract-transport parses every line with `parseLine` and drops the lines it throws on; the
 * line itself is kept instead, so that a line that is not JSON reaches the anonymizer too.
 */
function keepLine(line: string): string {
  return line;
}

/** The stream step that anonymizes each line (objects in: lines; text out: lines ending in `\n`). */
function anonymizingStage(anonymizeLine: (line: string) => string | null): Transform {
  return new Transform({
    objectMode: true,
    autoDestroy: true,
    transform(line: string, _encoding, callback) {
      const out = anonymizeLine(line);
      callback(null, out === null ? undefined : out + '\n');
    },
  });
}
