import type { CandidateClass, Detector, PiiType } from '../../detectors/index.js';
import { ContextWords } from './context.js';
import { plainRunTable } from './plain-run.js';

/** A detector prepared for the scan loop: its shape with the right boundary appended, its word ids. */
export interface CompiledDetector {
  readonly detector: Detector;
  readonly index: number;
  readonly type: PiiType;
  readonly minLen: number;
  readonly maxLen: number;
  readonly shape: RegExp;
  /** The detector's `wideShape` with the same right boundary, or null (see types.ts). */
  readonly wideShape: RegExp | null;
  /** For `digits` shapes: whether a plain digit run of each length matches (see plain-run.ts). */
  readonly plainRuns: Uint8Array;
  readonly required: boolean;
  /** 1 at the id of each of its context words (ids of `CompiledDetectors.words`); null for none. */
  readonly words: Uint8Array | null;
  /** The same for its negative words. */
  readonly negative: Uint8Array | null;
}

export interface CompiledDetectors {
  readonly all: readonly CompiledDetector[];
  readonly byClass: Readonly<Record<CandidateClass, readonly CompiledDetector[]>>;
  /** The `alnum` detectors whose values may begin with a digit. */
  readonly alnumDigitStart: readonly CompiledDetector[];
  /** The `alnum` detectors whose values may begin with a letter and `-` (`S-1-5-21-…`). */
  readonly alnumDashStart: readonly CompiledDetector[];
  /** The `digits` detectors also offered a digit run glued to letters (`host203.0.113.9…`). */
  readonly digitsGlued: readonly CompiledDetector[];
  /**
   * Every detector's context words, the `word` detectors' words among them as anchors: a word candidate
   * is offered only shortly after one.
   */
  readonly words: ContextWords;
  /** Whether there are anchor words (a `word` detector). */
  readonly anchored: boolean;
  /**
   * 1 at the id of each trailing anchor word (the context words of `before` detectors: `iphone`), whose
   * hits the scan loop offers to them; null when there is no such detector.
   */
  readonly trailing: Uint8Array | null;
  /** Whether a `word` detector has a `wideShape`: tokens starting with a non-ASCII letter are offered. */
  readonly wideWords: boolean;
  /** The `at` detectors with a `wideShape`: a local part that runs back into non-ASCII letters is offered to them. */
  readonly wideAt: readonly CompiledDetector[];
}

/** Compile once (per worker): shapes get a right token boundary, context words one shared trie. */
export function compileDetectors(detectors: readonly Detector[]): CompiledDetectors {
  const anchors = detectors.flatMap((d) => (d.candidate === 'word' ? (d.context?.words ?? []) : []));
  const words = new ContextWords(
    detectors.flatMap((d) => [...(d.context?.words ?? []), ...(d.context?.negative ?? [])]),
    anchors,
  );
  const ids = (list: readonly string[] | undefined): Uint8Array | null => {
    if (list === undefined || list.length === 0) return null;
    const table = new Uint8Array(words.words.length);
    for (const w of list) table[words.id(w)] = 1;
    return table;
  };
  const all = detectors.map((d, index): CompiledDetector => {
    const flags = `y${d.shape.flags.includes('i') ? 'i' : ''}${d.shape.flags.includes('u') ? 'u' : ''}`;
    // The match must end where the token ends: not followed by an ASCII letter or digit. A `before`
    // shape ends at its anchor instead, by its own lookahead (a name may be glued to it: `authorMacBook`).
    const shape = d.candidate === 'before' ? new RegExp(d.shape.source, flags) : new RegExp(`(?:${d.shape.source})(?![0-9A-Za-z])`, flags);
    const wide = d.wideShape;
    const wideShape = wide === undefined ? null : new RegExp(`(?:${wide.source})(?![0-9A-Za-z])`, wide.flags.includes('y') ? wide.flags : `${wide.flags}y`);
    return {
      detector: d,
      index,
      type: d.type,
      minLen: d.minLen,
      maxLen: d.maxLen,
      shape,
      wideShape,
      plainRuns: d.candidate === 'digits' ? plainRunTable(shape, d.maxLen) : new Uint8Array(0),
      // A `word` candidate is offered only shortly after one of its anchor words; its
      // `validate` reads the convention itself, which is stricter than a word in the window.
      required: d.context?.required === true && d.candidate !== 'word',
      words: ids(d.context?.words),
      negative: ids(d.context?.negative),
    };
  });
  const byClass: Record<CandidateClass, CompiledDetector[]> = { digits: [], alnum: [], hexcolon: [], at: [], word: [], before: [] };
  for (const c of all) byClass[c.detector.candidate].push(c);
  // Shortest first, so that the scanner stops at the first detector a candidate is too short for.
  // (Priority between detectors is applied when overlaps are resolved, not in this order.)
  for (const list of Object.values(byClass)) list.sort((a, b) => a.minLen - b.minLen || a.index - b.index);
  const alnumDigitStart = byClass.alnum.filter((c) => c.detector.digitStart === true);
  const alnumDashStart = byClass.alnum.filter((c) => c.detector.dashStart === true);
  const digitsGlued = byClass.digits.filter((c) => c.detector.gluedToLetters === true);
  const trailingWords = detectors.flatMap((d) => (d.candidate === 'before' ? (d.context?.words ?? []) : []));
  const trailing = trailingWords.length > 0 ? ids(trailingWords) : null;
  const wideWords = byClass.word.some((c) => c.wideShape !== null);
  const wideAt = byClass.at.filter((c) => c.wideShape !== null);
  return { all, byClass, alnumDigitStart, alnumDashStart, digitsGlued, words, anchored: anchors.length > 0, trailing, wideWords, wideAt };
}
