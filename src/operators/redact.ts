import type { Operator } from './operator.js';

/** Remove the value entirely. */
export const redact: Operator = () => '';
