/**
 * Context words: every detector's words (EN + ZH) in one trie, matched once per string and only when
 * a candidate asks. English words must be whole words: the letters around a match may not continue it
 * (`lic` in `public` is not `lic`), except at a camelCase hump (`passportNo`) or an `_`/digit. CJK words
 * need no boundary (Chinese has no spaces). A trie walk costs a step or two at most positions, where
 * a case-insensitive alternation of hundreds of words retried every alternative.
 */

/** How far before a value (in UTF-16 units, end of the word to start of the value) a word counts. */
export const CONTEXT_WINDOW = 32;

export interface WordHit {
  readonly end: number;
  readonly word: number;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const lower = (c: number) => (isUpper(c) ? c | 32 : c);

interface TrieNode {
  next: Map<number, TrieNode> | null;
  /** Word id ending here, or -1. */
  word: number;
  /** Whether the word ending here is CJK (no boundary check). */
  cjk: boolean;
}

const newNode = (): TrieNode => ({ next: null, word: -1, cjk: false });

export class ContextWords {
  /** words[i] in lower case; which detector wants which word is kept by the caller as word-id sets. */
  readonly words: readonly string[];
  private readonly root = newNode();
  private readonly ids = new Map<string, number>();
  /** The root's children by (lower-case) UTF-16 code unit: most positions end at this one lookup. */
  private readonly first: Array<TrieNode | undefined> = new Array(65536).fill(undefined);

  constructor(words: Iterable<string>) {
    const list = [...new Set([...words].map((w) => w.toLowerCase()))].filter((w) => w.length > 0).sort();
    this.words = list;
    list.forEach((w, id) => {
      this.ids.set(w, id);
      let node = this.root;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = newNode()));
        node = child;
      }
      node.word = id;
      node.cjk = /[^\x00-\x7f]/.test(w);
    });
    for (const [c, node] of this.root.next ?? []) this.first[c] = node;
  }

  /** Length of the longest word (a word ending within the window starts at most this far before it). */
  get longest(): number {
    return this.words.reduce((m, w) => Math.max(m, w.length), 0);
  }

  id(word: string): number {
    const id = this.ids.get(word.toLowerCase());
    if (id === undefined) throw new Error(`unknown context word: ${word}`);
    return id;
  }

  /** Every whole-word hit in text, in order of position (the longest whole word at each position). */
  hits(text: string): WordHit[] {
    const out: WordHit[] = [];
    this.hitsBetween(text, 0, text.length, out);
    return out;
  }

  /** Append the hits of words starting at positions [from, to) to `out`, in order. */
  hitsBetween(text: string, from: number, to: number, out: WordHit[]): void {
    const first = this.first;
    if (!this.root.next) return;
    const n = text.length;
    for (let p = from; p < to; p++) {
      const c0 = text.charCodeAt(p);
      let node = first[lower(c0)];
      if (!node) continue;
      // An English word starts a word: not in the middle of letters, unless at a camelCase hump.
      if (p > 0 && isLetter(c0)) {
        const prev = text.charCodeAt(p - 1);
        if (isLetter(prev) && !(isLower(prev) && isUpper(c0))) continue;
      }
      let best = -1;
      let bestEnd = 0;
      let i = p + 1;
      for (;;) {
        if (node.word >= 0 && (node.cjk || wholeAtEnd(text, i))) {
          best = node.word;
          bestEnd = i;
        }
        if (i >= n || !node.next) break;
        const child: TrieNode | undefined = node.next.get(lower(text.charCodeAt(i)));
        if (!child) break;
        node = child;
        i++;
      }
      if (best >= 0) out.push({ end: bestEnd, word: best });
    }
  }
}

function wholeAtEnd(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const next = text.charCodeAt(end);
  if (!isLetter(next)) return true;
  return isLower(text.charCodeAt(end - 1)) && isUpper(next);
}
