import { encrypt } from './encrypt.js';
import { generalize } from './generalize.js';
import { hash } from './hash.js';
import { mask } from './mask.js';
import { pseudonym } from './pseudonym.js';
import type { Operator } from './operator.js';
import { redact } from './redact.js';
import { tag } from './tag.js';

/** Every operator by its policy name. Adding one: a file here, one line in this list, its test. */
export const operators = {
  redact,
  tag,
  mask,
  hash,
  generalize,
  pseudonym,
  encrypt,
} as const satisfies Record<string, Operator>;

/** An operator's name as a policy writes it (`tag`, `mask`, `hash`, `redact`, `generalize`, `pseudonym`, `encrypt`). */
export type OperatorName = keyof typeof operators;
export const OPERATOR_NAMES = Object.keys(operators) as OperatorName[];
export type { Operator, OperatorContext, PseudonymOptions } from './operator.js';
