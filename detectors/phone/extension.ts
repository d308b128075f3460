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

/**
 * Where the number in text[start, end) ends if an extension is glued to it with `x` (`555-0123x1234`:
 * the shape reads it, the number ends before the `x`); `end` otherwise. A few char reads.
 */
export function beforeGluedExtension(text: string, start: number, end: number): number {
  let i = end - 1;
  while (i > start && end - i <= 6 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i--;
  const c = text.charCodeAt(i);
  if ((c !== 120 && c !== 88) || end - i < 3 || i <= start) return end;
  const d = text.charCodeAt(i - 1);
  return d >= 48 && d <= 57 ? i : end;
}
