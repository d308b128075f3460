import { JsonArrayCuts, JsonRewriter, PATH_BASE, PATH_STEPS, tooDeep } from '../../formats/index.js';
import type { ValueVisitor } from '../../record/index.js';
import type { Batcher, BatchQueue } from '../ordered.js';
import type { TaskResult } from '../task.js';

/** A batch's bytes within one input chunk, and that chunk's place in the input. */
interface Piece {
  readonly bytes: Buffer;
  readonly from: number;
  readonly to: number;
}

/**
 * The most a batch may hold, in batches: an element larger than this (or a document that is not an
 * array, or what follows the top-level array) is rewritten in this thread, from where the last batch
 * ended, so memory stays bounded. 128 of the pool's 48 KiB batches: 6 MiB (8 MiB with the former
 * 64 KiB ones, as 16 of 512 KiB before them); a count of batches, so tests reach it with small ones.
 */
const MAX_HELD_BATCHES = 128;

/**
 * A top-level JSON array: batches of whole elements, cut just after a comma (JsonArrayCuts), each sent
 * in the chunks it came in and with the record before it, so a worker resumes as one thread would be
 * there. The path-step budget is the whole input's (see json.ts): workers count the steps their batch
 * uses, and this thread checks them in order against what the batches before used, as one thread
 * checks them chunk by chunk. A document that is not an array, or an element too large to hold, is
 * rewritten in this thread from that batch's start on: the same rewriter, resumed the same way.
 */
export class JsonBatcher implements Batcher {
  private readonly cuts = new JsonArrayCuts();
  private held: Piece[] = [];
  private heldBytes = 0;
  /** The record the batch being gathered starts after (null: at the input's start). */
  private after: number | null = null;
  private offset = 0;
  /** Path steps used by the batches written so far (updated in order, as their results are checked). */
  private used = 0;
  private inThread: JsonRewriter | null = null;

  constructor(
    private readonly queue: BatchQueue,
    private readonly source: string,
    /** The visitor for what this thread rewrites itself. */
    private readonly visitor: ValueVisitor,
    private readonly size: number,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    const from = this.offset;
    const to = (this.offset += chunk.length);
    if (this.inThread) return this.rewrite({ bytes: chunk, from, to });
    const cut = this.cuts.scan(chunk);
    if (cut >= 0 && this.heldBytes + cut >= this.size) {
      this.hold({ bytes: chunk.subarray(0, cut), from, to });
      this.dispatch(null);
      this.after = this.cuts.commasAtCut - 1;
      if (cut < chunk.length) this.hold({ bytes: chunk.subarray(cut), from, to });
    } else this.hold({ bytes: chunk, from, to });
    if (!this.cuts.array || this.heldBytes > this.size * MAX_HELD_BATCHES) await this.toThisThread();
  }

  end(): void {
    if (this.inThread) this.text(this.inThread.end(this.offset));
    else this.dispatch(this.offset);
  }

  private hold(piece: Piece): void {
    this.held.push(piece);
    this.heldBytes += piece.bytes.length;
  }

  /** Send the held batch; `total`: it is the last, and the input ends at that byte. */
  private dispatch(total: number | null): void {
    const pieces = this.held;
    const bytes = pieces.length === 1 ? pieces[0].bytes : Buffer.concat(pieces.map((p) => p.bytes));
    const spans = pieces.flatMap((p) => [p.bytes.length, p.from, p.to]);
    this.queue.send({ kind: 'json', source: this.source, after: this.after, pieces: spans, total, bytes }, (r) => this.check(r, pieces, total));
    this.held = [];
    this.heldBytes = 0;
  }

  /** The path steps a batch used, piece by piece, against the input's budget at that chunk. */
  private check(r: TaskResult, pieces: readonly Piece[], total: number | null): void {
    const used = r.used ?? [];
    for (let k = 0; k < used.length; k++) {
      const piece = k < pieces.length ? pieces[k] : null;
      const to = piece ? piece.to : (total ?? this.offset);
      if (this.used + used[k] > PATH_BASE + PATH_STEPS * to) {
        throw tooDeep(this.source, piece ? `in bytes ${piece.from}–${piece.to}` : `at its end (byte ${to})`);
      }
    }
    if (used.length) this.used += used[used.length - 1];
  }

  /** From the held batch's start on, this thread rewrites: after every batch sent is written (their steps known). */
  private async toThisThread(): Promise<void> {
    await this.queue.settle(0);
    this.inThread = new JsonRewriter(this.visitor, this.source, this.after === null ? undefined : { record: this.after, used: this.used });
    const held = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (const piece of held) this.rewrite(piece);
  }

  private rewrite(piece: Piece): void {
    this.text((this.inThread as JsonRewriter).write(piece.bytes, piece.from, piece.to));
  }

  private text(text: string): void {
    if (text) this.queue.bytes(Buffer.from(text, 'utf8'));
  }
}
