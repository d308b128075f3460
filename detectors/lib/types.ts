/**
 * The detector contract. A detector is data plus small functions: it knows strings and checksums,
 * nothing about formats, operators, the CLI or workers (see README, "How it works"). Besides finding
 * values, a detector owns everything else that is about its type: the field names that mean it, how
 * the mask operator shows it, its options, and a generator of values for the bench and the tests.
 */
import type { ValueGenerator } from './generate.js';

/**
 * Which candidates of the scanner's single pass a detector is offered. The scanner finds candidate
 * starts once per string and offers each to the detectors of its class only.
 * - `digits`:   a token starting with a digit, `+` or `(` (numbers, phones, IPv4, ID numbers)
 * - `alnum`:    a token starting with one or two ASCII letters followed by a digit (passports, HK ID,
 *               IBAN, credit codes), in either case, that may go on over spaces, `-` and `.`; with
 *               `digitStart`, also a token starting with a digit
 * - `hexcolon`: a token starting with a hex digit or `::` (IPv6, MAC)
 * - `at`:       an `@` (or URL-encoded `%40`); the candidate starts where the local part starts
 * - `word`:     a token starting with a letter (user names; beyond ASCII with `wideShape`), offered only when it starts at most
 *               16 chars after the end of one of the detector's context words, its anchors (`user`,
 *               `home`, `用户名`), or the value's key holds one: most words of a log are not values, so
 *               this class needs `context.required`, and its `validate` reads the exact convention
 *               around the token (`user=`, `/home/`, `Invalid user … from`)
 * - `before`:   the text right BEFORE one of the detector's context words, its trailing anchors: where
 *               the anchor says what precedes it (a device word after its owner's name: `Emmas-iPhone`).
 *               Offered only when the scan loop meets such a word, at a token start or a camelCase hump
 *               (`authorMacBook-Pro`); the detector's `startBefore` says where the candidate starts, and
 *               its shape must end at or before the anchor (it carries its own lookahead: no boundary
 *               is appended, since a name may be glued to the anchor)
 */
export type CandidateClass = 'digits' | 'alnum' | 'hexcolon' | 'at' | 'word' | 'before';

/** What the scanner knows about the surroundings of a candidate, computed lazily. */
export interface ValidateContext {
  /** One of the detector's context words sits within ~32 chars before the value, or is the field key. */
  readonly context: boolean;
  /** One of the detector's negative words (order, txn, version, 订单…) sits there instead. */
  readonly negative: boolean;
  /** A field rule says the whole value is this detector's type. */
  readonly field: boolean;
  /** The key the string is the value of (JSON key, CSV header), when it is scanned under one. */
  readonly key?: string;
  /**
   * The string is one whole value of a field that is not named (a bound SQL string whose statement
   * was not seen): its ends are the value's, marked by its notation, and there is no word around it.
   */
  readonly whole?: boolean;
}

/**
 * How the mask operator shows a value of this type: how many significant (alphanumeric) chars stay
 * visible at the start and at the end (`[6, 4]`: `110105********123X`), or a function of the value
 * as written and its normalized form. Without it, every significant char is masked.
 */
export type MaskRule = readonly [head: number, tail: number] | ((value: string, normalized: string) => string);

/**
 * A detector's options, from the policy section named after it (`phone: { regions: [CN, US] }`),
 * already validated by the policy schema.
 */
export type DetectorOptions = Readonly<Record<string, unknown>>;

/**
 * `T` is the type's name as a literal (`'CN_RESIDENT_ID'`): the list in detectors/index.ts derives PiiType
 * from it, and re-exports this contract with PiiType as the default (this folder imports nothing above it).
 */
export interface DetectorSpec<T extends string = string> {
  readonly type: T;
  /** A short unique name, used in errors and tests (usually the type in lower case). */
  readonly name: string;
  readonly candidate: CandidateClass;
  /**
   * Only for `alnum`: values may also begin with a digit (a credit code `91350100M000100Y43`) and are
   * then unbroken letters and digits, or groups of them after a first group of 2 to 8 digits and a
   * space or `-` (`9135 0100 M000 100Y 43`). Digit starts are the most common candidates in a log, so
   * other `alnum` detectors are not offered them.
   */
  readonly digitStart?: boolean;
  /**
   * Only for `alnum`: values may also begin with one letter, `-` and a digit (a Windows SID
   * `S-1-5-21-…`). Such tokens are rare, and other `alnum` detectors are not offered them.
   */
  readonly dashStart?: boolean;
  /**
   * Only for `digits`: also offered a digit run glued to a word's letters, or to a URL escape, when
   * it goes on with `.digit` (the address in a host name, `host203.0.113.9.example.com`; after
   * `%2C` in `xff=…%2C198.51.100.2`). Such runs are rare, and other `digits` detectors are not
   * offered them (`TPL2025.1.2` is no phone).
   */
  readonly gluedToLetters?: boolean;
  /**
   * Only for `before` (required there): where the candidate starts whose value ends before the anchor
   * word starting at `anchor` (a context word of this detector), or -1 for none. It reads back a bounded
   * stretch only: the scanner calls it at every such word.
   */
  startBefore?(text: string, anchor: number): number;
  /** Bounds on the length (UTF-16 units) of a finding, checked before anything else. */
  readonly minLen: number;
  readonly maxLen: number;
  /**
   * Sticky (/y) pattern tried at the candidate start. Bounded quantifiers only, no nesting, no
   * backreferences. The scanner appends a right boundary (not followed by an ASCII letter or digit),
   * so the pattern backtracks to a length that ends at a token boundary; the left boundary is the
   * scanner's job. The match is the finding's span.
   */
  readonly shape: RegExp;
  /**
   * Only for `word` and `at`: the shape of a value written with letters beyond ASCII (`müller`,
   * `Øyvind`, `иван`), which `shape` cannot read: sticky and Unicode (/u or /v), bounded like `shape`,
   * and matching what `shape` matches on ASCII text. The scanner tries it instead of `shape` only
   * where a token starts with a non-ASCII char or the ASCII match runs into one, so ASCII text never
   * runs it; the same right boundary is appended, so the pattern must not end inside a run of its
   * own letters itself.
   */
  readonly wideShape?: RegExp;
  /**
   * Decide on a span the shape matched: return a score in (0, 1], or 0 to reject. Checksums are
   * computed on char codes without allocating; expensive calls (libphonenumber-js) come last.
   * Convention: checksum-validated findings score >= 0.9, context-only ones below.
   * Without `validate`, a shape match scores `baseScore`.
   */
  validate?(text: string, start: number, end: number, ctx: ValidateContext): number;
  readonly baseScore?: number;
  /**
   * Where an accepted finding text[start, end) ends when the value goes on past what the shape reads
   * (a phone's extension: `555-010-4477 x1234`, `010-12345678转8001`); `end` if it does not. Called
   * once per accepted finding, never for a rejected span.
   */
  extend?(text: string, start: number, end: number): number;
  readonly context?: {
    /** Whole words (EN, case-insensitive) or CJK words, near the value or as its key. */
    readonly words: readonly string[];
    /** Without one of the words (or a field rule) the candidate is not even tried. */
    readonly required?: boolean;
    readonly negative?: readonly string[];
  };
  /**
   * Whether a whole value of this type that a field rule hands over (`remote_addr: ::1`) is one this
   * detector leaves as it is on purpose, by its options (loopback addresses under `keep_loopback`):
   * the field rule then leaves it too, so that a key does not undo what the policy keeps.
   */
  keeps?(value: string): boolean;
  /** Canonical form for keyed operators (no separators, E.164, lower case…). */
  normalize?(value: string): string;
  /**
   * Run by the contract test. `match`: each string is, as a whole, one finding of this type.
   * `noMatch`: none of these is a finding of this type. A string may carry a context prefix:
   * examples are scanned as they are written, so `passport: E12345678` works as a match.
   */
  readonly examples: {
    readonly match: readonly string[];
    readonly noMatch: readonly string[];
  };
  /**
   * Field names whose whole value is this type, EN and ZH (`id_card`, `身份证号`): the detector's part
   * of the built-in field dictionary (src/policy/dictionary.ts), compared normalized (case, `_`, `-`,
   * camelCase ignored). A name may belong to one type only.
   */
  readonly fieldNames?: readonly string[];
  /**
   * How the mask operator shows this type. Detectors sharing a type mask alike: the first in the list
   * gives the rule for all findings of the type.
   */
  readonly mask?: MaskRule;
  /**
   * The detector configured by its options (the policy section named after `name`, when the policy
   * has one): a new detector of the same type and name. Called once per anonymizer, never per scan.
   */
  configure?(options: DetectorOptions): Detector<T>;
  /**
   * Values for the bench corpus, the accuracy report and the property tests (never used to scan).
   * Detectors sharing a type share one generator: the first in the list with one gives it.
   */
  readonly generate?: ValueGenerator;
}

export type Detector<T extends string = string> = DetectorSpec<T>;
