import iconv from 'iconv-lite';
import { LogveilError } from '../errors.js';

/** What `--encoding` says about how inputs are read (and outputs written). */
export type EncodingChoice =
  /** No `--encoding`: UTF-8, or UTF-16 when its BOM or NUL pattern says so. */
  | { readonly kind: 'auto' }
  /** `--encoding utf8`: UTF-8 whatever the bytes look like; nothing is detected. */
  | { readonly kind: 'utf8' }
  /** `--encoding utf-16` (or utf-32) without a byte order: the BOM or NUL pattern says, else LE. */
  | { readonly kind: 'unicode'; readonly width: 16 | 32 }
  /** Any other encoding iconv-lite reads and writes. */
  | { readonly kind: 'named'; readonly encoding: iconv.Encoding };

export const AUTO: EncodingChoice = { kind: 'auto' };

/** iconv-lite codecs that are not character encodings, or whose output depends on how it is cut. */
const REFUSED = new Set(['base64', 'hex', 'utf7', 'utf7imap']);

/**
 * `--encoding NAME`: any name iconv-lite knows (gb18030, gbk, big5, shift_jis, euc-kr, latin1,
 * windows-1252, utf-16le, …), case and punctuation as you like. An unknown one is a usage error.
 */
export function encodingChoice(name: string | undefined): EncodingChoice {
  if (name === undefined) return AUTO;
  const key = name.toLowerCase().replace(/[^0-9a-z]/g, '');
  if (key === 'utf8') return { kind: 'utf8' };
  if (key === 'utf16' || key === 'utf32') return { kind: 'unicode', width: key === 'utf16' ? 16 : 32 };
  if (!iconv.encodingExists(name) || REFUSED.has(key)) {
    throw new LogveilError(
      'LV_USAGE',
      `--encoding: unknown encoding '${name}' (any that iconv-lite reads and writes, e.g. gb18030, gbk, big5, shift_jis, euc-kr, latin1, windows-1252, utf-16le, utf-16be)`,
    );
  }
  return { kind: 'named', encoding: name };
}
