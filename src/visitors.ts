import type { Anonymizer } from './anonymizer.js';
import { findingOver, type Finding } from './detect/finding.js';
import type { ScanPlace } from './detect/scan.js';
import { DROP, type FieldPath, formatPath, lastKey, type Place, type TextWindow, type ValueVisitor, type Visited, type WindowVisited } from './record/index.js';
import { visitLine } from './formats/text.js';
import type { PiiType } from '../detectors/index.js';
import type { FieldAction } from './policy/fields.js';

/**
 * Replace what the policy asks for: field rules first (keep, drop, or the whole value as a type; a
 * placeholder is kept, and a value that cannot be of a dictionary-guessed type is scanned: settle),
 * else scan the value, its key counting as context.
 */
export function anonymizingVisitor(anonymizer: Anonymizer): ValueVisitor {
  const fields = anonymizer.fields;
  const counting = anonymizer.counting;
  /** The path of the value whose text is being read as a line (`msg` for `"msg": "user=alice"`), else []. */
  let outer: FieldPath = NO_PATH;
  const visitor: ValueVisitor = {
    decides: (path) => fields.resolve(path).kind !== 'scan',
    holdsWords: (path) => holdsWords(fields.resolve(path)),
    valueEnd: (value, path) => groupedValueEnd(anonymizer, value, path),
    visit(value: string, place: Place): Visited {
      counting.at(outer, place.path);
      try {
        const action = fields.settle(fields.resolve(place.path), value);
        switch (action.kind) {
          case 'keep':
            return value;
          case 'drop':
            return DROP;
          case 'as':
            return value === '' ? value : anonymizer.replace(value, action.type, action.operator);
          case 'scan':
            return scan(value, place);
        }
      } finally {
        counting.atText();
      }
    },
    visitWindow(window: TextWindow, place: Place): WindowVisited {
      counting.at(outer, place.path);
      try {
        const { text, from } = window;
        const found = pieceFindings(anonymizer.findings(text), window);
        let out = '';
        let at = from;
        for (const f of found) {
          out += text.slice(at, f.start) + anonymizer.replace(text.slice(f.start, f.end), f.type);
          at = f.end;
        }
        const end = pieceEnd(found, window);
        return { text: out + text.slice(at, end), end };
      } finally {
        counting.atText();
      }
    },
  };
  function scan(value: string, place: Place): string {
    // A structured value may itself hold pairs (`"msg": "login password=hunter2"`): read it as
    // a text line so their field rules apply. A whole line (path []) is already that.
    if (place.path.length > 0 && PAIR_TRIGGER.test(value)) {
      const before = outer;
      outer = outer.length ? [...outer, ...place.path] : place.path;
      try {
        return visitLine(visitor, value, place.record);
      } finally {
        outer = before;
      }
    }
    return anonymizer.anonymize(value, scanPlace(place.path, place.whole));
  }
  return visitor;
}

const NO_PATH: FieldPath = [];

/**
 * The findings of a window of a long line that are its piece's: those that start in [from, to). One
 * that starts before is the piece before's (its window saw it with the same context), one that starts
 * at or after `to` the next piece's; one that starts in the piece is replaced whole, even past `to`.
 */
function pieceFindings(found: readonly Finding[], { from, to }: TextWindow): Finding[] {
  const own: Finding[] = [];
  for (const f of found) if (f.start >= from && f.start < to) own.push(f);
  return own;
}

/** Where the piece of a window ends: at `to`, or past it at the end of its last finding. */
function pieceEnd(own: readonly Finding[], window: TextWindow): number {
  return own.length ? Math.max(window.to, own[own.length - 1].end) : window.to;
}

/** Where the scanner is told a value sits: its key (a context word), and whether it is one whole unnamed value. */
function scanPlace(path: FieldPath, whole: boolean | undefined): ScanPlace | undefined {
  const key = lastKey(path);
  if (whole === true) return key === undefined ? { whole } : { key, whole };
  return key === undefined ? undefined : { key };
}

/**
 * ValueVisitor.valueEnd for both visitors: the end of the last thing the detectors find in the value
 * with its key as context, when only groups of the number's notation follow it. Not told the field's
 * type: under a rule's type a detector takes the whole value on the rule's word (a card field's
 * `4111 … 1111 200` is then one card), which is the question asked here. A value with nothing found,
 * or a field that keeps, drops or holds words, stays whole: a rule's value is the user's word.
 */
function groupedValueEnd(anonymizer: Anonymizer, value: string, path: FieldPath): number {
  const action = anonymizer.fields.settle(anonymizer.fields.resolve(path), value);
  if (action.kind === 'keep' || action.kind === 'drop' || holdsWords(action)) return value.length;
  const found = anonymizer.findings(value, scanPlace(path, undefined));
  let end = 0;
  for (const f of found) if (f.end > end) end = f.end;
  return end > 0 && value.charCodeAt(end) === 32 ? end : value.length;
}

/** Field types whose values are several words: `name=Zhang San` is one name, not `Zhang`. */
const MULTI_WORD: ReadonlySet<PiiType> = new Set<PiiType>(['PERSON_NAME', 'ADDRESS']);

function holdsWords(action: FieldAction): boolean {
  return action.kind === 'as' && MULTI_WORD.has(action.type);
}

/**
 * A char that can start a key-value pair in text (see formats/inline/pairs.ts), or an SQL insert,
 * whose values have columns without any of those chars (formats/inline/sql.ts).
 */
const PAIR_TRIGGER = /[=:{\uff1a]|\b(?:insert|replace)\s+into\s/i;

/** One finding as `logveil scan` reports it; the value only when asked for. */
export interface FindingReport {
  readonly record: number;
  /** CSV column, JSON path or text key; null for free text. */
  readonly field: string | null;
  readonly finding: Finding;
  readonly value: string;
}

/** Report what anonymizing would replace, and change nothing. */
export function scanningVisitor(anonymizer: Anonymizer, report: (r: FindingReport) => void): ValueVisitor {
  const fields = anonymizer.fields;
  const names = new Map<string, string>();
  /** The field as reports name it, with keys that are personal data (`alice@example.com`) as their type. */
  const fieldName = (path: FieldPath): string => {
    const raw = formatPath(path);
    let name = names.get(raw);
    if (name === undefined) {
      name = formatPath(path.map((seg) => (typeof seg === 'string' ? tagged(anonymizer, seg) : seg)));
      if (names.size < 10_000) names.set(raw, name);
    }
    return name;
  };
  const visitor: ValueVisitor = {
    decides: (path) => fields.resolve(path).kind !== 'scan',
    holdsWords: (path) => holdsWords(fields.resolve(path)),
    valueEnd: (value, path) => groupedValueEnd(anonymizer, value, path),
    visit: (value, place) => visitAt(value, place.record, place.path, place.path, place.whole),
    visitWindow(window, place) {
      const own = pieceFindings(anonymizer.findings(window.text), window);
      const field = place.path.length ? fieldName(place.path) : null;
      for (const f of own) {
        // Offsets in the line (its stretch), as a whole line's findings are reported.
        const finding = findingOver(f, f.start + window.offset, f.end + window.offset);
        report({ record: place.record, field, finding, value: window.text.slice(f.start, f.end) });
      }
      const end = pieceEnd(own, window);
      return { text: window.text.slice(window.from, end), end };
    },
  };
  /** `rulePath` decides, as anonymize sees the value; `shownPath` names the field in reports. */
  function visitAt(value: string, record: number, rulePath: FieldPath, shownPath: FieldPath, whole?: boolean): Visited {
    const action = fields.settle(fields.resolve(rulePath), value);
    const field = shownPath.length ? fieldName(shownPath) : null;
    if (action.kind === 'as' && value !== '') {
      const finding: Finding = { type: action.type, start: 0, end: value.length, score: 1, detector: 'field_rule' };
      report({ record, field, finding, value });
    } else if (action.kind === 'scan') {
      if (rulePath.length > 0 && PAIR_TRIGGER.test(value)) {
        // Read as anonymize reads it: pairs inside the value get their field rules. Their findings
        // are reported under the value's field (`msg.name`), the rest under the value's own.
        visitLine(inside(shownPath), value, record);
      } else {
        for (const finding of anonymizer.findings(value, scanPlace(rulePath, whole))) {
          report({ record, field, finding, value: value.slice(finding.start, finding.end) });
        }
      }
    }
    return value;
  }
  /** The visitor for the text of the value at `outer`, read as a line. */
  function inside(outer: FieldPath): ValueVisitor {
    return {
      decides: visitor.decides,
      holdsWords: visitor.holdsWords,
      visit: (value, place) => visitAt(value, place.record, place.path, place.path.length ? [...outer, ...place.path] : outer, place.whole),
    };
  }
  return visitor;
}

/** A key with every finding in it replaced by its type's tag (reports and counters name fields so). */
export function tagged(anonymizer: Anonymizer, key: string): string {
  const found = anonymizer.findings(key);
  if (found.length === 0) return key;
  let out = '';
  let at = 0;
  for (const f of found) {
    out += key.slice(at, f.start) + `<${f.type}>`;
    at = f.end;
  }
  return out + key.slice(at);
}
