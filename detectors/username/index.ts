import { defineDetector } from '../lib/define.js';
import { isAlnum, isDigit, isLetter } from '../lib/chars.js';
import { codeAt } from '../lib/code-at.js';
import { written } from '../lib/generate.js';
import { isCjkWordChar } from '../lib/scripts.js';
import { EN_PLACES, userName, ZH_PLACES } from './generate.js';
import { displayNameEnd } from './display-name.js';
import { homePath, iamUser, windowsProfile } from './folders.js';
import { ibanHead } from './iban-head.js';
import { startsWideName, wideNameShape } from './wide.js';
import { isPseudonym, keptInText, keptValue } from './kept.js';
import { BANK_WORDS, CODE_SPELLED, DOMAIN_USER_KEYS, SSH_FOR, STOP_WORDS, USER_KEYS, USER_KEY_ENDS, USER_QUALIFIERS, ZH_BARE, ZH_LABELS } from './words.js';

/**
 * User and account names (login names), found by the conventions logs write them in. A name is any
 * word, so nothing about the token itself says "user name": only the text right around it does, and
 * this file reads that text exactly (a context word somewhere in the window is far too loose: `user
 * logged in` is no name). The conventions:
 *
 * - a key naming a user (`user=alice`, `ruser=alice`, `USER=alice`, `user: alice`, `"user":"alice"`,
 *   `user = alice` (Cisco ASA), `acct="alice"` (Linux audit), `"actor":"alice"` (GitHub and GitLab
 *   audit logs), `login=`, `logname=`, `account=` (a letter-first value: bank accounts are digits), `uid=` (LDAP
 *   `uid=alice,ou=people`), keys ending in `user`/`username` (`remote_user`, `sasl_username`,
 *   `TargetUserName`), `用户名：`, `登录名`, `账号`; a value scanned alone under such a key (JSON,
 *   logfmt, CSV) is the whole value. Keys ending in `id` are ids (`user_id=u123`), `userAgent` is none;
 * - sshd and PAM prose: `Invalid user X from`, `Failed password for invalid user X`, `for user X`
 *   (`session opened for user X by`), `of user X` (systemd-logind), `authenticating user X`,
 *   `Accepted password|publickey|keyboard-interactive/pam… for X from`, `Too many authentication
 *   failures for X`, `by X(uid=1000)`; Windows event XML `<Data Name="TargetUserName">X</Data>`;
 *   `Access denied for user 'X'@…`, `for user "X"` (MySQL, PostgreSQL); FTP's `"USER X"`;
 * - sudo `sudo:    X : TTY=pts/0 ; …`, su `(to root) X on pts/0`;
 * - home folders `/home/X/`, `/Users/X/`, `C:\Users\X\` (also JSON-escaped `C:\\Users\\X\\`); AWS IAM
 *   user ARNs `arn:aws:iam::123456789012:user/X`;
 * - Chinese labels without a colon: `登录用户 X`, `用户X` (not `账号 X`: mostly a bank's, as are
 *   `银行账号：`, `收款账号=` whatever their value).
 * Shell prompts `X@host:~$` are the `at` candidate's (prompt.ts).
 *
 * A name is letters, digits and `._-`, a letter first; the letters may be Unicode (Latin with
 * diacritics, Greek, Cyrillic: `user=müller`, `for józef from`, `/home/Øyvind/`, `user=иван`), read
 * by the wide shape (wide.ts) under every convention above. CJK chars end a name (`user=zhang张伟`):
 * Chinese names have their labels and field rules.
 *
 * The finding is exactly the name: `<`, `>`, quotes, a `DOMAIN\` before it and punctuation after it
 * stay. Kept as they are: system accounts and placeholders (kept.ts), and after prose words
 * (`for user input`) the words that follow `user` in sentences (STOP_WORDS: English, and a few of
 * other languages with letters beyond ASCII).
 *
 * No checksum: a context-only score, below the validated types'.
 */

const SCORE = 0.75;

const SP = 32;
const TAB = 9;
const DQUOTE = 34;
const APOS = 39;
const BACKTICK = 96;
const LT = 60;
const EQ = 61;
const COLON = 58;
const SLASH = 47;
const BSLASH = 92;
const LPAREN = 40;
const RPAREN = 41;
const FW_COLON = 0xff1a;
const FW_EQ = 0xff1d;

/** The element a Windows event's XML writes a field in: `<Data Name="TargetUserName">`. */
const XML_NAME = /Name=["']([A-Za-z]{1,40})["']>$/;

/** sudo's syslog tag, right before the name (`sudo:`, `sudo[4242]:`). */
const SUDO = /(?:^|[^A-Za-z0-9_-])sudo(?:\[\d{1,10}\])?:$/;

/** What found the name: nothing, a key or a path (a value, never prose), or a prose phrase. */
const NONE = 0;
const KEYED = 1;
const PROSE = 2;

/** ASCII chars that may follow a name (`@` would make it an email's, `=` a key's). */
const ENDS_NAME = new Uint8Array(128);
for (const ch of ' \t\r\n,;<>\'")]}/\\:|(.!&?#') ENDS_NAME[ch.charCodeAt(0)] = 1;

/** A name ends before `c` (-1: the end of the string). */
function endsName(c: number): boolean {
  if (c < 0) return true;
  if (c < 128) return ENDS_NAME[c] === 1;
  return c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff09 || c === 0x300d || c === 0x3011 || c === 0x3001 || c === 0x3000 || isCjkWordChar(c);
}

function closerOf(c: number): number {
  return c === LT ? 62 : c === DQUOTE || c === APOS || c === BACKTICK ? c : -1;
}

function isKeyChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46 || isCjkWordChar(c);
}

/** `user`, `remote_user`, `TargetUserName`, `Account Name`, `用户名`: the normalized key names a user. */
export function isUserKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[\s_.\-"']/g, '');
  if (USER_KEYS.has(k)) return true;
  for (const end of USER_KEY_ENDS) if (k.endsWith(end)) return true;
  return ZH_LABELS.some((w) => k.endsWith(w)) && !BANK_WORDS.test(k);
}

/**
 * The key that ends right before the separator at `sep` (`=`, `:`), quoted or not; with `spaced`,
 * words joined by single spaces (`Account Name:`, `Failed login for user:`). Null when there is none.
 */
function keyBefore(text: string, sep: number, spaced: boolean): string | null {
  let j = sep - 1;
  if (j < 0) return null;
  const q = text.charCodeAt(j);
  if (q === DQUOTE || q === APOS) {
    const open = lastIndexWithin(text, q, j - 1, 40);
    return open < 0 ? null : text.slice(open + 1, j);
  }
  const end = j + 1;
  while (j >= 0 && end - j <= 40) {
    const c = text.charCodeAt(j);
    if (!(isKeyChar(c) || (spaced && c === SP && j > 0 && isLetter(text.charCodeAt(j - 1)) && isLetter(text.charCodeAt(j + 1))))) break;
    j--;
  }
  return j + 1 < end ? text.slice(j + 1, end) : null;
}

/** Index of the last `c` at or before `from`, looking at most `reach` chars back (bounded: linear scans), or -1. */
function lastIndexWithin(text: string, c: number, from: number, reach: number): number {
  for (let i = from; i >= 0 && from - i < reach; i--) if (text.charCodeAt(i) === c) return i;
  return -1;
}

/** Start of the word of letters (and `-`, `/`) that ends at `end`, at most 28 chars back. */
function wordStart(text: string, end: number): number {
  let j = end;
  while (j > 0 && end - j < 28) {
    const c = text.charCodeAt(j - 1);
    if (!(isLetter(c) || c === 45 || c === SLASH)) break;
    j--;
  }
  return j;
}

/**
 * The word is the start of a key, not a value: CJK chars glued after it run into `=` or a colon
 * (`新用户 MAC地址=…`: `MAC地址` is the next field's key).
 */
function startsKey(text: string, end: number): boolean {
  let j = end;
  while (j < text.length && j - end < 12 && isCjkWordChar(text.charCodeAt(j))) j++;
  if (j === end) return false;
  const c = codeAt(text, j);
  return c === EQ || c === FW_EQ || c === FW_COLON || c === COLON;
}

/** The CJK run ending at `end` ends with a label a name follows without a colon (`登录用户`). */
function zhLabelBefore(text: string, end: number): boolean {
  const run = text.slice(Math.max(0, end - 6), end);
  return ZH_BARE.some((w) => run.endsWith(w));
}

/** What Apache's auth modules write after the user (mod_authn_file, mod_authz_groupfile). */
const APACHE_AUTH = /^(?: not found| not in (?:required )?group|: )/;

/** A name may start at `i`: an ASCII letter, or one beyond ASCII that the wide shape reads (`Øyvind`). */
function startsName(text: string, i: number): boolean {
  if (i >= text.length) return false; // no out-of-range read (`user=CORP\` at the end)
  const c = text.charCodeAt(i);
  return isLetter(c) || (c >= 0xc0 && startsWideName(text, i));
}

/** `USERNAME`, `EMAIL`: a type's name, which the tag operator writes in `<>`. */
function isTag(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || c === 95 || isDigit(c))) return false;
  }
  return true;
}

/**
 * How the convention before the name at [start, end) reads: NONE, KEYED (a key, a path, sudo, su,
 * sshd) or PROSE (a bare `user` with a qualifier, where sentences follow too). `ctx.key` is the key of
 * a value scanned alone.
 */
function convention(text: string, start: number, end: number, key: string | undefined): number {
  let s = start;
  let c = codeAt(text, s - 1);
  let wrapped = false;
  let close = end;
  const opener = closerOf(c);
  if (s > 0 && opener >= 0) {
    // The closer right after the name, or after a display name's words (`"user":"Olivia Brown"`).
    const nameEnd = text.charCodeAt(end) === opener ? end : displayNameEnd(text, start, end);
    if (text.charCodeAt(nameEnd) !== opener) return NONE;
    if (c === LT && isTag(text, start, end)) return NONE; // `<USERNAME>`: what the tag operator wrote
    wrapped = true;
    close = nameEnd + 1;
    if (c === DQUOTE && codeAt(text, close) === COLON) return NONE; // `"time":…`: a JSON key
    s--;
    c = codeAt(text, s - 1);
  }
  if (c === SLASH) return homePath(text, s) || (iamUser(text, s) && text.charCodeAt(close) !== SLASH) ? KEYED : NONE;
  // Windows event XML: `<Data Name="TargetUserName">jdoe</Data>`
  if (c === 62 /* > */) {
    const m = XML_NAME.exec(text.slice(Math.max(0, s - 48), s));
    return m !== null && text.charCodeAt(end) === LT && isUserKey(m[1]) ? KEYED : NONE;
  }
  let domained = false;
  if (c === BSLASH) {
    if (windowsProfile(text, s)) return KEYED;
    // `CORP\alice`, `CORP\\alice`: the name after its domain, which stays.
    let k = s - 1;
    if (text.charCodeAt(k - 1) === BSLASH) k--;
    let d = k;
    while (d > 0 && k - d < 16 && (isAlnum(text.charCodeAt(d - 1)) || text.charCodeAt(d - 1) === 45 || text.charCodeAt(d - 1) === 46)) d--;
    if (d === k || !isLetter(text.charCodeAt(d))) return NONE;
    s = d;
    c = codeAt(text, s - 1);
    domained = true;
  }
  // The name is the keyed value itself (`alice`, `<alice>`, `CORP\alice` under `user`).
  // So is a display name that fills the value (`"user":"Olivia Brown"`: displayNameEnd extends the finding).
  if (s === 0) return key !== undefined && (close === text.length || (!wrapped && displayNameEnd(text, start, end) === text.length)) && isUserKey(key) ? KEYED : NONE;
  if (codeAt(text, end) === BSLASH && startsName(text, end + 1)) return NONE; // a domain (`CORP\müller` too)
  // `user:alice` only quoted (`"user":"alice"`) or after a Chinese key (`账号:alice`):
  // `pam_unix(login:session)`, `a:b:c` are no pairs.
  if (c === EQ || c === FW_EQ || c === FW_COLON || (c === COLON && (wrapped || isCjkWordChar(text.charCodeAt(s - 2))))) {
    const k = keyBefore(text, s - 1, false);
    return k !== null && isUserKey(k) ? KEYED : NONE;
  }
  if (isCjkWordChar(c)) return zhLabelBefore(text, s) ? PROSE : NONE;
  if (c !== SP && c !== TAB) return NONE;
  let q = s - 1;
  while (q > 0 && s - q < 12 && (text.charCodeAt(q - 1) === SP || text.charCodeAt(q - 1) === TAB)) q--;
  const b = text.charCodeAt(q - 1);
  if (b === COLON || b === FW_COLON) {
    // sudo: `sudo:    alice : TTY=pts/0 ; PWD=… ; COMMAND=…` (`sudo[4242]:` too)
    if (SUDO.test(text.slice(Math.max(0, q - 20), q))) return text.startsWith(' : ', end) ? KEYED : NONE;
    const k = keyBefore(text, q - 1, true);
    if (k !== null && domained && DOMAIN_USER_KEYS.has(k.toLowerCase().replace(/\s/g, ''))) return KEYED;
    if (k === null || !isUserKey(k)) return NONE;
    return k.includes(' ') ? PROSE : KEYED; // `error reading user: permission denied` is a sentence
  }
  if (isCjkWordChar(b)) return zhLabelBefore(text, q) ? PROSE : NONE; // `用户 ID 12345`: prose
  if (b === EQ && text.charCodeAt(q - 2) === SP) {
    // A key, ` = ` and its value, as Cisco ASA writes them (`: server = 192.0.2.5 : user = alice`).
    let k = q - 2;
    while (k > 0 && text.charCodeAt(k - 1) === SP) k--;
    const key = keyBefore(text, k, false);
    return key !== null && isUserKey(key) ? KEYED : NONE;
  }
  if (b === RPAREN) {
    // su: `(to root) alice on pts/0`
    const open = lastIndexWithin(text, LPAREN, q - 2, 36);
    return open >= 0 && text.startsWith('(to ', open) && text.startsWith(' on ', close) ? KEYED : NONE;
  }
  if (!isLetter(b)) return NONE;
  // A key spelled as code, then its value after a space (`sync ok userName alice_w42 in 45ms`,
  // `remote_user jsmith`): a camelCase or snake_case user key is no English word, so the next word
  // is its value (prose words that follow a key in sentences, `userName is empty`, stay: STOP_WORDS).
  const k = keyBefore(text, q, false);
  if (k !== null && CODE_SPELLED.test(k) && isUserKey(k)) return PROSE;
  const ws = wordStart(text, q);
  const word = text.slice(ws, q);
  const lower = word.toLowerCase();
  if (lower === 'user' || lower === 'username') {
    // FTP's command: `"USER alice"`.
    if (word === 'USER' && (ws === 0 || text.charCodeAt(ws - 1) === DQUOTE)) return KEYED;
    if (wrapped) return PROSE; // `for user 'alice'@…`, `user "alice"`
    // Apache's auth modules, `user` opening the message (after `: ` or `] `): `AH01618: user alice not
    // found: /admin`, `AH01617: user alice: authentication failure for "/admin": Password Mismatch`.
    // (PROSE: `error: user input: …` is no name.) In a text line the words after `: ` may be a value
    // read apart (`alice: authentication …` reads as a pair), so `: ` is all that is asked.
    if ((ws === 0 || (ws >= 2 && (text.charCodeAt(ws - 2) === COLON || text.charCodeAt(ws - 2) === 93))) && APACHE_AUTH.test(text.slice(close, close + 24))) return PROSE;
    if (ws < 2 || text.charCodeAt(ws - 1) !== SP) return NONE;
    const ps = wordStart(text, ws - 1);
    return USER_QUALIFIERS.has(text.slice(ps, ws - 1).toLowerCase()) ? PROSE : NONE;
  }
  if (lower === 'for') {
    // sshd: `Accepted publickey for alice from …`
    if (ws < 2 || text.charCodeAt(ws - 1) !== SP) return NONE;
    const ps = wordStart(text, ws - 1);
    return SSH_FOR.has(text.slice(ps, ws - 1).toLowerCase()) ? KEYED : NONE;
  }
  // PAM: `session opened for user root by alice(uid=1000)`
  if (lower === 'by') return text.startsWith('(uid=', end) ? KEYED : NONE;
  return NONE;
}

export default defineDetector({
  type: 'USERNAME',
  name: 'username',
  candidate: 'word',
  minLen: 2,
  maxLen: 64,
  shape: /[A-Za-z](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_])?/y,
  // Names of Latin letters with diacritics, Greek and Cyrillic letters (`müller`, `Øyvind`, `иван`).
  wideShape: wideNameShape(64),
  validate(text, start, end, ctx) {
    if (!endsName(end < text.length ? text.charCodeAt(end) : -1)) return 0;
    if (ibanHead(text, start, end) || startsKey(text, end)) return 0;
    const how = convention(text, start, end, ctx.key);
    if (how === NONE || keptInText(text, start, end)) return 0;
    // Anonymizing twice changes nothing the first pass wrote.
    if (isPseudonym(text, start, end)) return 0;
    if (how === PROSE && STOP_WORDS.has(text.slice(start, end).toLowerCase())) return 0;
    // `用户 Chrome/122.0.0.0`: a product and its version after a prose label, not a name.
    if (how === PROSE && codeAt(text, end) === SLASH && isDigit(codeAt(text, end + 1))) return 0;
    return SCORE;
  },
  // Jenkins writes the user's display name: `Started by user Olivia Martin`: the words of a
  // capitalized name go with it, not only the first.
  extend: displayNameEnd,
  // Under a user field, a kept name stays whole (`username: root`), as it does in text.
  keeps: keptValue,
  context: {
    // Anchors: a token is tried only when it starts shortly after one of these whole words (or the
    // value's key holds one); validate() then reads the exact convention.
    words: [
      'user', 'users', 'username', 'ruser', 'login', 'logname', 'logon', 'account', 'acct', 'actor', 'uid', 'sudo', 'to root',
      'home', 'password', 'publickey', 'hostbased', 'keyboard-interactive', 'gssapi-with-mic', 'gssapi-keyex',
      'failures', 'targetusername', 'subjectusername', 'samaccountname', 'security id', 'homes', 'profiles',
      '用户', '用户名', '登录名', '账号', '帐号',
    ],
    required: true,
  },
  examples: {
    match: [
      'user=alice',
      'ruser=jsmith',
      'session opened for user zhang.wei',
      'Invalid user oracle1',
      'Accepted publickey for m.garcia',
      'imap-login: Login: user=<alice.w>',
      '/home/wangfang',
      'C:\\Users\\jsmith',
      '用户名：zhangsan',
      '登录用户 lisi',
      'user=müller',
      'Accepted password for józef',
      '/home/Øyvind',
      'user=иван',
    ],
    noMatch: [
      'user=root',
      'user=unknown',
      'user_id=12345',
      'userAgent=Mozilla',
      'waiting for user input',
      'login for user für',
      'alice', // no convention
      'user logged in',
      'logname= uid=0 euid=0 tty=ssh ruser= rhost=localhost',
    ],
  },
  fieldNames: ['username', 'user_name', 'login_name', 'logon_name', 'sasl_username', 'target_user_name', 'subject_user_name', 'sam_account_name', '用户名', '登录名', '登录账号'],
  mask: [1, 0],
  generate: {
    valid(r, lang) {
      const name = userName(r, lang);
      const [before, after] = r.pick(lang === 'zh' ? ZH_PLACES : EN_PLACES);
      return written(name, before, after);
    },
    nearMisses: {
      system_account: (r) => {
        const [before, after] = r.pick(EN_PLACES);
        return written(r.pick(['root', 'www-data', 'postgres', 'ubuntu', 'ec2-user', 'nobody', 'systemd-network', 'admin']), before, after);
      },
      username_placeholder: (r) => written(r.pick(['unknown', 'null', 'none', 'n/a', '-', '?']), r.pick(['user=', 'login=', 'ruser=', 'user: '])),
      user_id_number: (r) => written(String(r.int(1000, 99999)), r.pick(['user_id=', 'userId=', 'uid=', 'users='])),
      user_agent: (r) => written(r.pick(['Mozilla/5.0', 'curl/8.5.0', 'okhttp/4.12.0', 'Go-http-client/1.1']), r.pick(['userAgent=', 'User-Agent: ', 'user_agent='])),
      user_prose: (r) => written(r.pick(['input', 'data', 'accounts', 'session']), r.pick(['waiting for user ', 'invalid user ', 'no such user '])),
    },
    keys: { en: ['user', 'userName', 'login'], zh: ['用户名', '登录名'] },
  },
});
