import { noteEnd } from '../../detectors/lib/note.js';
import { isCjkWordChar } from '../../detectors/lib/scripts.js';

/**
 * The words of a field name, lower case, as a reader splits it: at `_`, `-`, `.`, spaces and other
 * punctuation, at camelCase humps (`custMobile` → cust, mobile; `IPAddress` → ip, address), around
 * digits, which are dropped (`手机号码1` → 手机号码, `address_line2` → address, line), and where Latin
 * letters meet a CJK run (`IP地址` → ip, 地址). A bracketed note is skipped (`姓名（中文）` → 姓名). A CJK run is one word (Chinese has no spaces; the
 * dictionary looks for known words at its end).
 */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let word = '';
  let kind = 0; // of the word being read: 0 none, 1 Latin, 2 CJK
  const flush = () => {
    if (word !== '') words.push(word.toLowerCase());
    word = '';
    kind = 0;
  };
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower) {
      if (kind === 1 && upper) {
        const prev = key.charCodeAt(i - 1);
        const next = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
        const prevLower = prev >= 97 && prev <= 122;
        const prevUpper = prev >= 65 && prev <= 90;
        // `custMobile`: a hump after lower case; `IPAddress`: the last capital of a run before lower case.
        if (prevLower || (prevUpper && next >= 97 && next <= 122)) flush();
      } else if (kind === 2) flush();
      word += key[i];
      kind = 1;
    } else if ((c === 40 || c === 91 || c >= 0x3010) && noteEnd(key, i, key.length) > 0) {
      // A note qualifies the name, it does not name the field: `姓名（中文）`, `Phone (mobile)`.
      flush();
      i = noteEnd(key, i, key.length) - 1;
    } else if (isCjkWordChar(c)) {
      if (kind === 1) flush();
      word += key[i];
      kind = 2;
    } else {
      flush(); // a digit, separator or anything else ends the word
    }
  }
  flush();
  return words;
}
