import type { PiiType } from '../detectors/index.js';
import { Anonymizer, type AnonymizerOptions } from './anonymizer.js';
import type { ScanPlace } from './detect/scan.js';
import { LogveilError } from './errors.js';
import { keyFingerprint } from './keys/fingerprint.js';
import { visitLine } from './formats/text.js';
import { decryptShaped, openToken, TOKEN_PATTERN } from './operators/encrypt.js';
import { ruleFor } from './policy/schema.js';
import { lastKey, type Place, type ValueVisitor, type Visited } from './record/index.js';

/**
 * What `encrypt` wrote, turned back into the original (`logveil reveal`, the library's reveal()).
 *
 * - A token `⟦TYPE:…⟧` is found by its shape, anywhere, and opened with the key. A token that does not
 *   open (another key, an edited token) throws `LV_KEY`: nothing is guessed, and the CLI writes nothing
 *   for that file.
 * - An FF1 value looks like any value of its type, so it is found as anonymize found the original:
 *   the same detectors and policy (`--policy`) read the output, and what they find of a type whose
 *   operator is `encrypt` is decrypted; a field rule with `encrypt` decrypts its field's whole value.
 *   FF1 values carry no authentication: under another key they decrypt to other valid-looking values.
 * - `types` limits what is revealed (both kinds).
 */
export class Revealer {
  /** Tokens opened so far: each one proves the key (AES-SIV authenticates). */
  tokensOpened = 0;
  /** FF1 values decrypted so far: these prove nothing about the key (see `keyProven`). */
  shapedRevealed = 0;

  constructor(
    private readonly anonymizer: Anonymizer,
    private readonly types?: ReadonlySet<string>,
  ) {
    if (!anonymizer.ciphers) throw new LogveilError('LV_KEY', 'reveal needs the key the values were encrypted with (--key-file)');
  }

  /** The text with every token and every FF1 value of an encrypt type revealed; the same string when there is none. */
  reveal(text: string, place?: ScanPlace): string {
    if (typeof text !== 'string') throw new LogveilError('LV_USAGE', 'reveal: expected a string');
    const ciphers = this.anonymizer.ciphers!;
    const spans: { start: number; end: number; value: string }[] = [];
    for (const m of text.matchAll(TOKEN_PATTERN)) {
      if (!this.wanted(m[1])) continue;
      let value: string;
      try {
        value = openToken(m[1], m[2], ciphers);
      } catch {
        throw new LogveilError('LV_KEY', `a ⟦${m[1]}:…⟧ token does not open under this key (another key, or an edited token)`);
      }
      this.tokensOpened++;
      spans.push({ start: m.index, end: m.index + m[0].length, value });
    }
    for (const f of this.anonymizer.findings(text, place)) {
      if (!this.wanted(f.type) || this.operatorOf(f.type) !== 'encrypt') continue;
      if (spans.some((s) => s.start < f.end && f.start < s.end)) continue;
      const value = decryptShaped(text.slice(f.start, f.end), f.type, ciphers);
      if (value !== null) {
        this.shapedRevealed++;
        spans.push({ start: f.start, end: f.end, value });
      }
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const s of spans) {
      out += text.slice(at, s.start) + s.value;
      at = s.end;
    }
    return out + text.slice(at);
  }

  /** Reveals values where anonymizingVisitor replaced them: field rules first, else the text scanned. */
  visitor(): ValueVisitor {
    const fields = this.anonymizer.fields;
    const visitor: ValueVisitor = {
      // In a text line, a pair's value is then revealed in the line as written (a token is a token
      // in any notation), not visited on its own and written back in the pair's notation: a bare
      // logfmt value with spaces (`phone=+86 138 0013 8000`) would come back quoted. A value whose
      // text is not its value (%-encoding, escapes) is still visited on its own and encoded back.
      decides: () => false,
      holdsWords: (path) => {
        const a = fields.resolve(path);
        return a.kind === 'as' && (a.type === 'PERSON_NAME' || a.type === 'ADDRESS');
      },
      visit: (value: string, place: Place): Visited => {
        const action = fields.resolve(place.path);
        if (action.kind === 'keep' || action.kind === 'drop') return value;
        if (action.kind === 'as') {
          const operator = action.operator ?? this.operatorOf(action.type);
          if (operator === 'encrypt' && this.wanted(action.type) && !value.includes('⟦')) {
            const shaped = decryptShaped(value, action.type, this.anonymizer.ciphers!);
            if (shaped !== null) {
              this.shapedRevealed++;
              return shaped;
            }
          }
          return this.reveal(value);
        }
        if (place.path.length > 0 && /[=:{\uff1a]|\b(?:insert|replace)\s+into\s/i.test(value)) return visitLine(visitor, value, place.record);
        const key = lastKey(place.path);
        const where: ScanPlace | undefined = place.whole ? (key === undefined ? { whole: true } : { key, whole: true }) : key === undefined ? undefined : { key };
        return this.reveal(value, where);
      },
    };
    return visitor;
  }

  private wanted(type: string): boolean {
    return this.types === undefined || this.types.has(type);
  }

  private operatorOf(type: PiiType): string {
    return ruleFor(this.anonymizer.policy, type).operator;
  }
}

/** What reveal needs: the key the values were encrypted with, the policy they were written under, and optionally the types to reveal. */
export interface RevealOptions extends AnonymizerOptions {
  readonly key: Uint8Array;
  /** Reveal only these types (`--types`); all when absent. */
  readonly types?: readonly PiiType[];
  /**
   * The fingerprint of the key the values were encrypted with (anonymize's report names it): checked
   * against `key` when the revealer is made, LV_KEY when it differs. FF1 values carry no check of the
   * key, so text without a token can only be trusted to a key checked this way (`tokensOpened`,
   * `shapedRevealed` tell a caller which it had).
   */
  readonly fingerprint?: string;
}

/** A revealer for many texts or a format's visitor (`formats.text.createTransform({ visitor: r.visitor() })`). */
export function createRevealer(options: RevealOptions): Revealer {
  if (options.key === undefined) throw new LogveilError('LV_KEY', 'reveal needs the key the values were encrypted with (--key-file)');
  const expected = options.fingerprint?.trim().toLowerCase();
  if (expected !== undefined && expected !== keyFingerprint(options.key)) {
    throw new LogveilError('LV_KEY', `this key's fingerprint is ${keyFingerprint(options.key)}, not ${expected}: not the key the values were encrypted with`);
  }
  return new Revealer(new Anonymizer(options), options.types && new Set(options.types));
}

/** `text` with what encrypt wrote turned back into the original (see Revealer). */
export function reveal(text: string, options: RevealOptions): string {
  return createRevealer(options).reveal(text);
}
