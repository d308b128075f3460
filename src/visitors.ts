import type { Anonymizer } from './anonymizer.js';
import type { Finding } from './detect/finding.js';
import type { Place, ValueVisitor, Visited } from './formats/visitor.js';
import { DROP } from './formats/visitor.js';
import { formatPath, lastKey } from './policy/fields.js';

/**
 * Replace what the policy asks for: field rules first (keep, drop, or the whole value as a type),
 * else scan the value, its key counting as context.
 */
export function anonymizingVisitor(anonymizer: Anonymizer): ValueVisitor {
  const fields = anonymizer.fields;
  return {
    decides: (path) => fields.resolve(path).kind !== 'scan',
    visit(value: string, place: Place): Visited {
      const action = fields.resolve(place.path);
      switch (action.kind) {
        case 'keep':
          return value;
        case 'drop':
          return DROP;
        case 'as':
          return value === '' ? value : anonymizer.replace(value, action.type, action.operator);
        case 'scan': {
          const key = lastKey(place.path);
          return anonymizer.anonymize(value, key === undefined ? undefined : { key });
        }
      }
    },
  };
}

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
  return {
    decides: (path) => fields.resolve(path).kind !== 'scan',
    visit(value: string, place: Place): Visited {
      const action = fields.resolve(place.path);
      const field = place.path.length ? formatPath(place.path) : null;
      if (action.kind === 'as' && value !== '') {
        const finding: Finding = { type: action.type, start: 0, end: value.length, score: 1, detector: 'field_rule' };
        report({ record: place.record, field, finding, value });
      } else if (action.kind === 'scan') {
        const key = lastKey(place.path);
        for (const finding of anonymizer.findings(value, key === undefined ? undefined : { key })) {
          report({ record: place.record, field, finding, value: value.slice(finding.start, finding.end) });
        }
      }
      return value;
    },
  };
}
