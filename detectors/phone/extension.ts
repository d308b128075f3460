// A phone's extension, written after the number: `x1234`, `ext. 12`, `#123`, `转 8001`, `分机8001` and a
// CN landline's `-8001` (read by detectors/lib/extension.ts, which the field reader shares). It is part
// of the finding: left behind, it would tell which line of the number was called.
import { dashExtensionEnd, extensionEnd } from '../lib/extension.js';

export { dashExtensionEnd, extensionEnd };

/** Where a found value's extension starts (the number is value[0, that)), or value.length. */
export function extensionStart(value: string): number {
  const dash = value.lastIndexOf('-');
  if (dash > 0 && dashExtensionEnd(value, 0, dash) === value.length) return dash;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 48 || c > 57) && extensionEnd(value, i) === value.length) return i;
  }
  return value.length;
}
