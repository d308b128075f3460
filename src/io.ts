import { constants, createReadStream, createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, Writable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pipeline as pipelineCallback } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createGunzip, createGzip } from 'node:zlib';
import { notUtf8Message, type NotUtf8 } from './encoding/not-utf8.js';
import { Utf8Watch } from './encoding/utf8-watch.js';
import { AUTO, type EncodingChoice } from './encoding/option.js';
import { inputEncoding, type InputEncoding } from './encoding/stages.js';
import { LogveilError } from './errors.js';

/** A stage of a byte pipeline: the source first, then transforms. */
export type Stage = Readable | Duplex;

/** An opened input: its byte stages, whether it was gzip, and its encoding. */
export interface OpenedInput {
  /** The bytes (gunzipped when the input is gzip), then a decode stage when they are not UTF-8. */
  readonly stages: Stage[];
  /** The input began with the gzip magic bytes 1f 8b (whatever its name). */
  readonly gzipped: boolean;
  /** Its encoding; `encoding.encode()` is the stage that writes the output back in it (none for UTF-8). */
  readonly encoding: InputEncoding;
  /** Bytes read from the file or stdin so far (for gzip, compressed bytes): polled for progress, not counted per chunk. */
  readonly bytesRead: () => number;
}

/** How openInput reads an input. */
export interface OpenOptions {
  /** `--encoding`; by default UTF-8, or UTF-16 recognised by its first bytes. */
  readonly encoding?: EncodingChoice;
  /** `--strict-encoding`: an input read as UTF-8 that does not look like UTF-8 fails instead of a warning. */
  readonly strictEncoding?: boolean;
  /** The input's name in messages (default: the path). */
  readonly source?: string;
  /** Where the warning about an input that does not look like UTF-8 goes. */
  readonly warn?: (message: string) => void;
}

/** Bytes peeked before choosing the encoding: a BOM and a few code units, never a large fixed amount. */
const HEAD_BYTES = 4;

/**
 * Open a file, or stdin for `-`, and recognise gzip by its first two bytes (not by its name), so
 * `app.log` that holds gzip and `app.log.gz` that holds plain text are both read right. Works on
 * pipes and FIFOs too: the peeked bytes are put back, nothing is read twice. Then the encoding of the
 * (gunzipped) bytes is chosen from `--encoding` and what the first read gave (inputEncoding); an input
 * that is not UTF-8 gets a decode stage. Rejects when the input cannot be opened (the error names the
 * path), or with --strict-encoding when it does not look like UTF-8 (nothing read further).
 */
export async function openInput(path: string, options: OpenOptions = {}): Promise<OpenedInput> {
  const raw = path === '-' ? process.stdin : createReadStream(path);
  const source = options.source ?? path;
  const { stream, head } = await peek(raw, 2);
  const gzipped = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  let bytes: Readable = stream;
  if (gzipped) {
    // Gunzipped now, to see the first bytes of the text; an error of either stream reaches the other.
    const gunzip = createGunzip();
    pipelineCallback(stream, gunzip, () => {});
    bytes = gunzip;
  }
  const text = gzipped || head.length < HEAD_BYTES ? await peek(bytes, HEAD_BYTES) : { stream, head };
  const choice = options.encoding ?? AUTO;
  const encoding = inputEncoding(text.head, choice, source);
  // Refused at once with --strict-encoding, else a warning; past the first bytes, the watch stage says it.
  const notUtf8 = (n: NotUtf8): LogveilError | undefined => {
    const message = notUtf8Message(source, n);
    if (options.strictEncoding) return new LogveilError('LV_FORMAT', `${message}; not processed (--strict-encoding)`);
    (options.warn ?? (() => {}))(`${message}; read as UTF-8 meanwhile: its bytes that are not UTF-8 are kept as they are, unscanned`);
  };
  const refused = encoding.notUtf8 && notUtf8(encoding.notUtf8);
  if (refused) {
    text.stream.destroy();
    raw.destroy();
    throw refused;
  }
  const stages: Stage[] = [text.stream];
  if (encoding.decode) stages.push(encoding.decode);
  else if (choice.kind === 'auto') stages.push(new Utf8Watch(notUtf8, encoding.notUtf8 !== null));
  // fs.ReadStream (a file) and net.Socket (a pipe) both count what they read.
  const bytesRead = () => (raw as { bytesRead?: number }).bytesRead ?? 0;
  return { stages, gzipped, encoding, bytesRead };
}

/** Read at least `n` bytes (fewer at end of input) and put them back. */
async function peek(stream: Readable, n: number): Promise<{ stream: Readable; head: Buffer }> {
  const parts: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < n) {
    const chunk = stream.read() as Buffer | null;
    if (chunk !== null) {
      parts.push(chunk);
      length += chunk.length;
    } else if (stream.readableEnded || (await nextEvent(stream)) === 'end') {
      // ('end' can come between a 'readable' event and the next read(), so it is checked first)
      ended = true;
      break;
    }
  }
  const head = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  // An input shorter than n has ended and cannot take bytes back: hand on what was read.
  if (ended) return { stream: Readable.from(head.length ? [head] : []), head };
  stream.unshift(head);
  return { stream, head };
}

function nextEvent(stream: Readable): Promise<'readable' | 'end'> {
  return new Promise((resolve, reject) => {
    const done = (result: 'readable' | 'end' | Error) => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', onError);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onReadable = () => done('readable');
    const onEnd = () => done('end');
    const onError = (e: Error) => done(e);
    stream.on('readable', onReadable).on('end', onEnd).on('error', onError);
  });
}

/** Temporary files being written; removed if the process is interrupted. */
const pending = new Set<string>();
let signalsInstalled = false;

/**
 * On SIGINT, SIGTERM or SIGHUP remove the temporary files being written, then die of the same
 * signal, so an interrupted run leaves neither partial output nor temporaries behind.
 */
export function removeTemporariesOnSignal(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      // The handler stays installed while the temporaries go: a second Ctrl-C meanwhile waits for it
      // instead of killing with them half removed (process.once would restore the default first).
      for (const tmp of pending) rmSync(tmp, { force: true });
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** How an output is written. */
export interface WriteOptions {
  /** Compress the output with gzip. */
  readonly gzip?: boolean;
  /** Permission bits of a new file (the umask still applies); default 0o666. */
  readonly mode?: number;
}

/**
 * Run `...stages → file`. The file is written under a temporary name in the same folder (`wx`: never
 * an existing file) and renamed to `target` when complete, so a failure leaves nothing under the final
 * name and no temporary behind. `target` must be a regular file or nothing yet, never a symlink (the
 * rename would replace the link) nor a FIFO or device: output.ts's writeOutput chooses. Checking that
 * `target` is not an input is the caller's job.
 */
export async function writeFileAtomically(target: string, stages: readonly Stage[], options: WriteOptions = {}): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(tmp);
  try {
    // Opened here, synchronously: a stream opening it by name would create it some time later, and an
    // input failing at once would be cleaned up before that, leaving the temporary behind.
    const fd = openSync(tmp, 'wx', options.mode ?? 0o666);
    const sink = createWriteStream('', { fd, flush: true });
    await pipeline(chain(stages, options, sink));
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const err = e as NodeJS.ErrnoException;
    if (err?.path === tmp) err.path = target; // messages name the output, not its temporary
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

type AnyStream = NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream;

function chain(stages: readonly Stage[], options: WriteOptions, sink: Writable): AnyStream[] {
  return [...stages, ...(options.gzip ? [createGzip()] : []), sink];
}

/** Run `...stages → stdout` (or stderr), leaving the stream open (EPIPE is the caller's). */
export async function writeToStream(stream: NodeJS.WriteStream, stages: readonly Stage[], options: WriteOptions = {}): Promise<void> {
  await pipeline(chain(stages, options, stream), { end: false });
}

/**
 * Run `...stages → path` for a FIFO or a device, written where it is: opened for writing only (not
 * created, not truncated), no temporary file and no rename, which would put a regular file in its
 * place. Atomicity does not apply and is not faked: a reader gets the bytes as they come, and a failure
 * leaves what was written. Opening a FIFO waits for a reader, off the main thread (signals are still
 * handled). A reader that goes away (EPIPE) fails this output like any other error.
 */
export async function writeInPlace(path: string, stages: readonly Stage[], options: WriteOptions = {}): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | (constants.O_NOCTTY ?? 0));
  try {
    const st = await handle.stat();
    // Replaced by a file or folder since it was looked at: writing into it in place would corrupt it.
    if (!st.isFIFO() && !st.isCharacterDevice() && !st.isBlockDevice()) {
      throw new LogveilError('LV_IO', `${path}: changed while being opened (no longer a FIFO or device); nothing was written`);
    }
  } catch (e) {
    await handle.close();
    throw e;
  }
  try {
    await pipeline(chain(stages, options, handle.createWriteStream()));
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') {
      throw new LogveilError('LV_IO', `${path}: broken pipe (its reader went away before the end)`, { cause: e });
    }
    throw e;
  }
}

/** Run `...stages` and throw the output away (scanning: the findings are the result). */
export async function drain(stages: readonly Stage[]): Promise<void> {
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  await pipeline(chain(stages, {}, sink));
}
