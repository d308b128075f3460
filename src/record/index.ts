/**
 * Records as formats, policy and pipeline share them: where a value sits (FieldPath, Place) and the
 * visitor contract a format calls for each value (ValueVisitor, DROP). Imports nothing of logveil.
 */
export { formatPath, lastKey, lastKeyAt, type FieldPath } from './path.js';
export { DROP, type Place, type TextWindow, type ValueVisitor, type Visited, type WindowVisited } from './visitor.js';
