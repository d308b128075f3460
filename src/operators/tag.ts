import type { Operator } from './operator.js';

/** Replace the value by its type: `<EMAIL>`. */
export const tag: Operator = (_value, ctx) => `<${ctx.type}>`;
