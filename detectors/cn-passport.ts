import { defineDetector } from './lib/define.js';
import { label, written } from './lib/generate.js';

/**
 * PRC passport numbers (MPS exit-entry administration formats; there is no public check digit):
 * - ordinary e-passport `E` + 8 digits, and since 2017 `E` + a letter other than I/O + 7 digits;
 * - older ordinary passport `G` + 8 digits;
 * - diplomatic / service / official-ordinary `D`, `S`, `P` + 8 digits, their e-passports `DE`, `SE`,
 *   `PE` + 7 digits, and the older `D`, `S`, `P` + 7 digits;
 * - HKSAR passport `K` + 8 digits, Macao SAR passport `MA` + 7 digits (also PRC passports).
 * The format descriptions beyond E/G come from published descriptions of the MPS numbering, not a
 * standard; they are cheap to accept because nothing is accepted without context.
 *
 * Upper case only: passport numbers are printed and keyed in upper case, and a lower-case `e12345678`
 * in a log is far more often a hex fragment or a generated id.
 *
 * With no check digit, a letter + 8 digits is any ticket or order number, so a context word (or a field
 * rule) is required, and the score (0.8) stays below the checksum-validated detectors'.
 */
const PASSPORT_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I, O

export default defineDetector({
  type: 'CN_PASSPORT',
  name: 'cn_passport',
  candidate: 'alnum',
  minLen: 8,
  maxLen: 9,
  shape: /[EGDSPK]\d{8}|E[A-HJ-NP-Z]\d{7}|[DSP]E\d{7}|MA\d{7}|[DSP]\d{7}/y,
  baseScore: 0.8,
  context: {
    words: [
      'passport',
      'passports',
      'passport no',
      'passport_no',
      'passportno',
      'passport number',
      'passport_number',
      'passport id',
      'passport_id',
      'travel document',
      '护照',
      '护照号',
      '护照号码',
      '证件',
      '证件号',
      '证件号码',
      '旅行证件',
      '護照',
    ],
    required: true,
  },
  normalize(value) {
    return value.toUpperCase();
  },
  examples: {
    match: [
      'passport: E12345678',
      'passport_no=EA1234567',
      '护照号码：G55512345',
      'passportNo=DE5551234',
      '证件号 K55500001',
    ],
    noMatch: [
      'E12345678', // no context
      'order E12345678', // no passport context
      'passport: EI1234567', // I is not used as the second letter
      'passport: EO1234567', // nor O
      'passport: E1234567890', // too long
      'passport: XE12345678', // glued to a letter
      'passport: e12345678', // lower case
    ],
  },
  fieldNames: ['passport', 'passport_no', 'passport_number', '护照', '护照号'],
  mask: [1, 0],
  generate: {
    // No check digit: always after a context word.
    valid(r, lang) {
      const kind = r.int(0, 2);
      const value = kind === 0 ? 'E' + r.digits(8) : kind === 1 ? 'E' + r.pick([...PASSPORT_LETTERS]) + r.digits(7) : 'G' + r.digits(8);
      return written(value, label(r, lang, ['passport=', 'passport no: ', 'passportNo=', 'Passport '], ['护照号:', '护照 ', '护照号码：', '证件号码:'], 0));
    },
    keys: { en: ['passport_no', 'passportNumber', 'passport'], zh: ['护照号', '护照'] },
  },
});
