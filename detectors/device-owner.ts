import { defineDetector } from './lib/define.js';
import { isDigit } from './lib/chars.js';
import { isCjkWordChar, isHan } from './lib/scripts.js';
import { written, type Rng, type Written } from './lib/generate.js';

/**
 * The owner's name in an Apple device's name. Apple names a device after its owner by default, and
 * the name goes wherever the device announces itself: macOS's computer name `Olivia Martin’s MacBook
 * Pro` gives the local host name `Olivia-Martins-MacBook-Pro(.local)`, iOS's `Emma’s iPhone` the DHCP
 * host name `Emmas-iPhone`; they land in syslog's host field, DHCP server logs, router, MDM, AirDrop
 * and Bluetooth logs, JSON `hostname` fields. The forms found, before a device word (MacBook[-Pro|-Air],
 * MBP, iMac, Mac mini/Pro/Studio, iPhone, iPad, iPod, Apple Watch) in any case:
 *
 * - joined by `-` (host names): one to four letter words, `Olivias-MacBook-Pro`, `Olivia-Martins-MacBook-Pro`,
 *   `OLIVIAS-IPHONE`, `Zoës-iPhone`;
 * - apart, after a possessive (Apple's own spelling): `Olivia Martin’s MacBook Pro`, `Emma's iPhone`,
 *   `James’ iPad`: one to three words in title case; without the possessive, a word before a device
 *   word is prose (`Connected iPhone`, `CPU iPhone OS`) and is left;
 * - glued to `MacBook`/`MBP`/`Mac…` at a camelCase hump, as a host name (`authorMacBook-Pro`, the hand-
 *   anonymized host of loghub's Mac log, `zhangweideMacBook-Pro.local`): not followed by more identifier
 *   (`detectMacBookModel`);
 * - in Chinese, before `的` (`张伟的iPhone`, `王小明的 MacBook Pro`): up to three Han chars, not a pronoun
 *   or generic word (`我的iPad`, `用户的iPhone`); Chinese text glued to a device word without `的` is
 *   no name (`蓝牙设备已连接MacBook-Pro`).
 *
 * The finding is the name as written: a glued possessive `s` (`Olivias`) is part of it, since no
 * rule tells `Olivias` from `Thomas`, and replacing the whole token leaks nothing; an apostrophe's
 * possessive (`’s`) stays, so `<PERSON_NAME>’s iPhone` still reads. The device word stays too: a
 * model is not personal, and it is what the line is about.
 *
 * Not a name (left as is): generic words before the device word (STOP_WORDS: `My-iPhone`,
 * `Work-MacBook-Pro`, `Apple-iPhone`), acronyms of up to three capitals before a mixed-case device word
 * (`NYC-MacBook`, `QA-iPad`), words glued to digits (`LAB3-iMac`), model strings (`iPhone14,2`), user
 * agents (`(iPhone; CPU iPhone OS …)`), paths (`/Applications/iPhone Backup`). A bare `Mac`
 * (`Olivias-Mac`) is not a device word here: `client-mac`, `src-mac` are far more common in logs; nor
 * is a bare `Watch` (`Emmas-Watch`, `stop-watch`, `file-watch`): only `Apple Watch`.
 *
 * The scanner offers this detector the text before each of its context words (candidate `before`),
 * only where one occurs: a line without one pays a table read per context word it holds. No checksum:
 * context-only, and a finding here is the name only, never the host name around it.
 */

const SCORE = 0.7;
/** Longest name read back (UTF-16 units), and most words in it. */
const MAX_NAME = 64;
const MAX_WORDS_JOINED = 4;
const MAX_WORDS_APART = 3;

const SP = 32;
const DASH = 45;
const APOS = 39;
const RSQUO = 0x2019;

/** The device words, as the scanner's trie finds them (case-insensitive, whole words). */
const DEVICE_WORDS = [
  'macbook', 'mbp', 'imac', 'mac-mini', 'mac mini', 'macmini', 'mac-pro', 'mac pro', 'macpro', 'mac-studio', 'mac studio',
  'macstudio', 'iphone', 'ipad', 'ipod', 'apple-watch', 'apple watch', 'applewatch',
];
/** A device word at the anchor (sticky), and the model words that may follow it (`MacBook-Pro`, `MacBookAir`). */
/** A device word, any case (the detector's shape looks ahead to it too). */
const DEVICE_WORD = String.raw`(?:macbook|mbp|imac|mac[- ]?(?:mini|pro|studio)|iphone|ipad|ipod|apple[- ]?watch)`;
const DEVICE = new RegExp(String.raw`${DEVICE_WORD}(?:[- ]?(?:pro|air|mini|max|plus))?`, 'iy');
/** At a camelCase hump, only the spellings macOS writes glued: `MacBook`, `MBP`, `MacPro`… */
const GLUED_DEVICE = /(?:MacBook|MBP|Mac-?(?:mini|Pro|Studio))(?:-?(?:Pro|Air))?/y;

/**
 * Words that name no one, in lower case: what people and admins put before a device word instead of
 * a name. Small on purpose: a name missed here is a leak, a generic word taken is only a tag too many.
 */
const STOP_WORDS = new Set([
  'my', 'mine', 'your', 'our', 'his', 'her', 'their', 'its', 'the', 'a', 'an', 'this', 'that', 'any', 'every', 'all', 'no',
  'new', 'old', 'other', 'another', 'spare', 'backup', 'loaner', 'shared', 'guest', 'test', 'testing', 'tester', 'dev',
  'devel', 'demo', 'work', 'office', 'home', 'school', 'family', 'kids', 'personal', 'corp', 'company', 'business', 'lab',
  'qa', 'ci', 'build', 'main', 'primary', 'apple', 'mac', 'macbook', 'iphone', 'ipad', 'ipod', 'imac', 'pro', 'air', 'mini',
  'user', 'users', 'owner', 'device', 'devices', 'unknown', 'default', 'generic', 'unnamed', 'connected', 'paired', 'unpaired',
  'found', 'lost', 'stolen', 'from', 'to', 'for', 'with', 'by', 'on', 'in', 'of', 'and', 'or', 'is', 'has', 'get', 'set',
  'use', 'via', 'admin', 'support', 'sales', 'kiosk', 'display', 'reception', 'conference', 'meeting', 'room', 'classroom',
  'student', 'teacher', 'staff', 'intel', 'silicon', 'virtual', 'vm', 'sim', 'simulator', 'emulator', 'sample', 'example',
]);

/** A letter of a name: ASCII, or any Unicode letter or mark (`Zoë`, `Łukasz`, `Иван`). */
const WIDE_LETTER = /[\p{L}\p{M}]/u;
/** A letter of a name written in an alphabet (CJK names have their own form: `张伟的iPhone`). */
function isNameChar(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !isCjkWordChar(c) && WIDE_LETTER.test(String.fromCharCode(c));
}

const DE = 0x7684; // 的
/** Most Han chars a name before `的` is taken as (a given and a family name: 张伟, 王小明). */
const HAN_NAME_MAX = 3;
/** What ends a run of Han chars before `的` that is no name: pronouns, roles, generic words (`用户的iPhone`). */
const HAN_NOT_NAME = /(?:我|你|您|他|她|它|们|自己|大家|用户|公司|员工|客户|同事|家里|办公室|测试|设备|默认|管理员|本机|新|旧|台|个|部)$/;

/**
 * A Chinese owner's name before `的` and the device word (`张伟的iPhone`, `王小明的 iPad`, as iOS and
 * macOS name devices in Chinese): the last HAN_NAME_MAX Han chars before `的` (Chinese writes no
 * space before a name: `已连接到张伟的iPhone` gives `到张伟`, a char too many rather than a surname
 * left), at least two, and not a pronoun or generic word (HAN_NOT_NAME). Where it starts, or -1.
 */
function hanOwnerStart(text: string, de: number): number {
  let s = de;
  while (s > 0 && de - s < 8 && isHan(text.charCodeAt(s - 1))) s--;
  if (de - s < 2 || HAN_NOT_NAME.test(text.slice(s, de))) return -1;
  return Math.max(s, de - HAN_NAME_MAX);
}
function isUpperChar(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}
/** A capital then a small letter (`Olivia`, `Émile`): a name written apart; `ERROR Olivia’s iPhone` is no `ERROR Olivia`. */
function isTitleCase(text: string, start: number, end: number): boolean {
  if (!isUpperChar(text.charCodeAt(start))) return false;
  return end - start < 2 || !isUpperChar(text.charCodeAt(start + 1));
}
const isApostrophe = (c: number) => c === APOS || c === RSQUO;
const isS = (c: number) => c === 115 || c === 83;

/** Where the run of name letters ending at `end` starts (at most `floor`). */
function wordStart(text: string, end: number, floor: number): number {
  let p = end;
  while (p > floor && isNameChar(text.charCodeAt(p - 1))) p--;
  return p;
}

/**
 * What may stand right before a name: nothing, space, punctuation, a quote or bracket; not a digit,
 * `_` or `.` (`LAB3-iMac`, `build_iphone`, `com.example.iPhone`), nor a letter beyond MAX_NAME.
 */
function opensName(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  return !(isDigit(c) || c === 95 || c === 46 || isNameChar(c));
}

/**
 * The name's words, right to left, that end at `end` and are joined by `sep` (`-` or a space), most
 * `max` of them; with `capitalized`, each must be in title case. Returns their starts, rightmost
 * first, or null when what precedes is not a name's opening.
 */
function nameWords(text: string, end: number, sep: number, max: number, capitalized: boolean): number[] | null {
  const floor = Math.max(0, end - MAX_NAME);
  const starts: number[] = [];
  let p = end;
  while (starts.length < max) {
    const s = wordStart(text, p, floor);
    if (s === p || (capitalized && !isTitleCase(text, s, p))) break;
    starts.push(s);
    if (s < 2 || text.charCodeAt(s - 1) !== sep || !isNameChar(text.charCodeAt(s - 2))) break;
    p = s - 1;
  }
  if (starts.length === 0) return null;
  // A word left out (one too many, or not capitalized) ends the name there: a joined name must
  // open right there; apart, the words before are prose (`Connected to Emma’s iPhone`).
  const first = starts[starts.length - 1];
  if (sep === DASH && !opensName(text, first)) return null;
  return starts;
}

/** A stop word, also with a glued possessive (`Mys`, `Offices`). */
export function isStopWord(word: string): boolean {
  const w = word.toLowerCase();
  return STOP_WORDS.has(w) || (w.endsWith('s') && STOP_WORDS.has(w.slice(0, -1)));
}

/** Up to three capitals before a mixed-case device word: an acronym (`NYC-MacBook`), not a name. */
function isAcronym(text: string, start: number, end: number, anchor: number): boolean {
  if (end - start > 3) return false;
  for (let i = start; i < end; i++) if (!isUpperChar(text.charCodeAt(i))) return false;
  DEVICE.lastIndex = anchor;
  DEVICE.test(text);
  const device = text.slice(anchor, DEVICE.lastIndex);
  return device !== device.toUpperCase();
}

/**
 * Where the owner's name before the device word at `anchor` starts, or -1: the name's words are read
 * back from the device word, and generic words at their start are dropped (`Test-Emmas-iPhone`).
 */
function startBefore(text: string, anchor: number): number {
  if (anchor === 0) return -1;
  // What stands before the device word first: most device words in logs are in user agents
  // (`(iPhone; CPU iPhone OS …`) and are turned down here by one or two char reads.
  const c = text.charCodeAt(anchor - 1);
  if (c === DE) return hanOwnerStart(text, anchor - 1);
  if (c === SP && anchor >= 2 && text.charCodeAt(anchor - 2) === DE) return hanOwnerStart(text, anchor - 2);
  const glued = isNameChar(c);
  if (!glued && c !== DASH && c !== SP) return -1;
  // Apart, only after a possessive (`Emma’s iPhone`, `James’ iPad`): else prose, `CPU iPhone OS`.
  const c2 = text.charCodeAt(anchor - 2);
  if (c === SP && !(isApostrophe(c2) || (isS(c2) && isApostrophe(text.charCodeAt(anchor - 3))))) return -1;
  DEVICE.lastIndex = anchor;
  if (!DEVICE.test(text)) return -1;
  const after = DEVICE.lastIndex < text.length ? text.charCodeAt(DEVICE.lastIndex) : -1;
  if (isDigit(after)) return -1; // a model string: `iPhone14,2`, `MacBookPro18,3`
  let starts: number[] | null;
  let end: number;
  if (glued) {
    // Glued (the scanner offers it at a hump): a host name, `authorMacBook-Pro`.
    GLUED_DEVICE.lastIndex = anchor;
    if (!GLUED_DEVICE.test(text)) return -1;
    const next = GLUED_DEVICE.lastIndex < text.length ? text.charCodeAt(GLUED_DEVICE.lastIndex) : -1;
    if (isNameChar(next) || isDigit(next) || next === 95 || next === 40) return -1; // `detectMacBookModel`, `isMacBook(`
    end = anchor;
    starts = nameWords(text, end, DASH, MAX_WORDS_JOINED, false);
    if (starts !== null && end - starts[0] < 3) return -1;
  } else {
    end = anchor - 1;
    // A possessive: `Emma’s iPhone`, `James’ iPad`, `Emma's-iPhone`; the apostrophe and `s` stay outside.
    if (end >= 3 && isS(text.charCodeAt(end - 1)) && isApostrophe(text.charCodeAt(end - 2))) end -= 2;
    else if (end >= 3 && isApostrophe(text.charCodeAt(end - 1)) && isS(text.charCodeAt(end - 2))) end -= 1;
    starts = c === SP ? nameWords(text, end, SP, MAX_WORDS_APART, true) : nameWords(text, end, DASH, MAX_WORDS_JOINED, false);
  }
  if (starts === null) return -1;
  // Generic words at the name's start are no name (`Work-MacBook-Pro`; `New-Emmas-iPhone` keeps `Emmas`).
  for (let k = starts.length - 1; k >= 0; k--) {
    const s = starts[k];
    const e = k === 0 ? end : starts[k - 1] - 1;
    if (isStopWord(text.slice(s, e))) continue;
    if (k === 0 && isAcronym(text, s, e, anchor)) return -1;
    return s;
  }
  return -1;
}

/** First names (EN, several origins; none a real person's) for the bench corpus and the tests. */
const FIRST_NAMES = ['Olivia', 'Emma', 'Liam', 'Noah', 'Sofia', 'Mateo', 'Zoë', 'Chloé', 'Lukas', 'Amara', 'Priya', 'Kenji', 'Thomas', 'Ines', 'Jonas'];
const LAST_NAMES = ['Martin', 'Garcia', 'Nguyen', 'Okafor', 'Schmidt', 'Rossi', 'Kowalski', 'Tanaka'];

/** A device name as Apple makes it from an owner's name: the owner's part is the value, found only as written. */
function ownedDevice(r: Rng): Written {
  const first = r.pick(FIRST_NAMES);
  const full = r.chance(0.3) ? `${first}-${r.pick(LAST_NAMES)}` : first;
  const form = (value: string, after: string, before = ''): Written => ({ ...written(value, before, after), inWriting: true });
  switch (r.int(0, 4)) {
    case 0:
      return form(`${full}s`, '-iPhone');
    case 1:
      return form(`${full}s`, r.pick(['-MacBook-Pro', '-MacBook-Air', '-iMac', '-iPad']));
    case 2:
      return form(`${full.toLowerCase()}s`, '-macbook-pro.local');
    case 3:
      return form(full.replace('-', ' '), r.pick(['’s iPhone', '’s MacBook Pro', "'s iPad"]));
    default:
      return form(`${full}s`, '-iPhone)', '(');
  }
}

export default defineDetector({
  type: 'PERSON_NAME',
  name: 'device_owner',
  candidate: 'before',
  startBefore,
  minLen: 2,
  maxLen: MAX_NAME,
  // The name's words, then what startBefore read after them: a possessive, a separator, the device word.
  shape: new RegExp(
    String.raw`(?:\p{Script=Han}{2,3}(?=的 ?${DEVICE_WORD})|[\p{L}\p{M}]{1,40}(?:[- ][\p{L}\p{M}]{1,40}){0,3}(?=(?:['’]s?)?[- ]?${DEVICE_WORD}))`,
    'iuy',
  ),
  baseScore: SCORE,
  context: { words: DEVICE_WORDS },
  examples: {
    match: [
      'Olivias-MacBook-Pro',
      'Olivia-Martins-MacBook-Pro.local',
      'Emmas-iPhone',
      '(Emmas-iPhone)',
      'olivias-macbook-pro',
      'OLIVIAS-IPHONE',
      'Zoës-iPad',
      'Olivia’s iPhone',
      "Emma's iPad",
      'Olivia Martin’s MacBook Pro',
      'host=Liams-iMac.local',
    ],
    noMatch: [
      'My-iPhone',
      'Work-MacBook-Pro',
      'Office-iMac',
      'The-iPad',
      'Test-iPhone',
      'Dev-MacBook',
      'New-iPad',
      'iPhone',
      'MacBook-Pro',
      'Apple-iPhone',
      'iPhone14,2',
      'MacBookPro18,3',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)',
      'Mac OS X',
      '/Applications/iPhone Backup',
      'Connected iPhone',
      'NYC-MacBook-Pro',
      'LAB3-iMac',
      'detectMacBookModel',
    ],
  },
  generate: {
    valid: (r) => ownedDevice(r),
    keys: { en: ['hostname', 'device_name', 'client_hostname'], zh: ['设备名称', '主机名'] },
  },
});
