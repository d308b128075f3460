// A phone's extension after the number (`x1234`, `ext. 12`, `#123`, `转 8001`, `分机8001`): the phone
// detector takes it into its finding, and the field reader (src/formats/inline/) into a field's value,
// so that neither leaves it behind.
import { codeAt } from './code-at.js';

/**
 * After a number ending at `at`: an optional space or tab, a marker (`x`, `#`, `ext`, `ext.`,
 * `extension`, `转`/`轉`, `分机`/`分機`), an optional space, the digits, then no letter or digit. `x` and
 * `#` need two digits (`x2` is as often a count); `ext` a `.`, `:`, `=` or space (`ext4` is a file
 * system).
 */
const EXTENSION =
  /[ \t]?(?:[xX#][ ]?\d{2,6}|(?:ext|Ext|EXT)(?:ension)?(?:[.:=] ?| )\d{1,6}|(?:转|轉|分机|分機)[ ]?\d{1,6})(?![0-9A-Za-z])/y;

/**
 * A CN landline's extension after a dash: `010-12345678-8001`, `(0755)8888123-12`. Only after an area
 * code (0 and 2–3 digits, dashed or in brackets) and a 7–8 digit local number, so that a dash-joined
 * id (`2024-13800138000-01`) stays one.
 */
const LANDLINE = /(?:0\d{2,3}-|\(0\d{2,3}\) ?)\d{7,8}/y;
const DASH_EXTENSION = /-\d{1,5}(?![0-9A-Za-z-]|\.\d)/y;

/** Where the dash extension after the landline text[start, end) ends, or `end`. */
export function dashExtensionEnd(text: string, start: number, end: number): number {
  if (codeAt(text, end) !== 45 || end - start > 15) return end;
  LANDLINE.lastIndex = start;
  if (!LANDLINE.test(text) || LANDLINE.lastIndex !== end) return end;
  DASH_EXTENSION.lastIndex = end;
  return DASH_EXTENSION.test(text) ? DASH_EXTENSION.lastIndex : end;
}

/** Where the extension after text[.., at) ends, or `at` if none follows. */
export function extensionEnd(text: string, at: number): number {
  const c = codeAt(text, at);
  // Cheap first: the marker's first char, right after the number or after one space or tab.
  const m = c === 32 || c === 9 ? codeAt(text, at + 1) : c;
  if (m !== 120 && m !== 88 && m !== 35 && m !== 101 && m !== 69 && m !== 0x8f6c && m !== 0x8f49 && m !== 0x5206) return at;
  EXTENSION.lastIndex = at;
  return EXTENSION.test(text) ? EXTENSION.lastIndex : at;
}

