import { warnToStderr } from './options.js';

/** Warnings shown per input file; the rest are counted, and said in one line when the file is done. */
export const WARNINGS_PER_FILE = 20;

/**
 * The warnings of one input file, whatever gives them (a format's bad lines or rows, worker threads):
 * the first WARNINGS_PER_FILE are written as they come, the others only counted, so that 100 MB of
 * broken NDJSON prints 21 lines rather than 34,000.
 */
export class FileWarnings {
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly write: (message: string) => void = warnToStderr,
  ) {}

  readonly warn = (message: string): void => {
    if (++this.count <= WARNINGS_PER_FILE) this.write(message);
  };

  /** The file is done (or failed): say how many warnings were not shown, if any. */
  end(): void {
    const more = this.count - WARNINGS_PER_FILE;
    if (more > 0) this.write(`${this.file}: ${more.toLocaleString('en-US')} more warning${more === 1 ? '' : 's'} not shown`);
  }
}
