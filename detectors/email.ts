import isEmailModule from 'validator/lib/isEmail.js';
import { defineDetector } from './lib/define.js';
import { isDigit } from './lib/chars.js';
import { label, written, type Rng } from './lib/generate.js';
import { maskKeeping } from './lib/mask.js';
import { opensMessageId } from './lib/message-id.js';
import type { Detector } from './lib/types.js';

/**
 * E-mail address: `local@domain.tld`, any case, plus-addressing, subdomains, inside `<…>`, quotes,
 * `mailto:` and query strings, and URL-encoded (`john%40example.com`, the at-sign as `%40`).
 *
 * The scanner offers the position where the local part starts (it walks back from the `@`/`%40`
 * over `[A-Za-z0-9._%+'-]`, at most 64 chars, and skips leading dots and quotes: `o'brien@…` keeps its
 * apostrophe, `'bob@…'` loses the quote), so the shape is matched from there. The domain needs at least one dot and a letter TLD (or `xn--` IDN) that ends at a token
 * boundary: in `mail a@example.com.` the sentence's dot is not part of it.
 *
 * Not e-mails: retina asset names (`icon@2x.png`, `file@1.5x.jpg`), `user@host` without a dot-TLD,
 * `@mentions` and npm scopes (no local part), `pkg@1.2.3` versions (no letter TLD), and URL userinfo
 * (`https://user:pass@host.example.com/`, `ftp://bob@files.example.com`), and message ids in `<…>`
 * after `Message-ID:`, `In-Reply-To:`, `References:`, postfix `message-id=`, Dovecot `msgid=` (a mail system's id, not a mailbox; an
 * address in `From:` or `to=<…>` is found). validator's `isEmail` has the last word, after the cheap
 * checks.
 */

// validator ships CommonJS with `exports.default`; under NodeNext the default import is the module
// object, whose `.default` is the function (the same at run time: module.exports.default).
const isEmail = isEmailModule.default;

const SCORE = 0.99;

/** A %XX escape in a local part, other than the at-sign's `%40`. */
const ESCAPE = String.raw`%(?!40)[0-9A-Fa-f][0-9A-Fa-f]`;
/** `@` or `%40`, the domain's labels, and a letter TLD or an `xn--` IDN one that does not run on into `-` or `_`. */
const AT_DOMAIN = String.raw`(?:@|%40)[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){0,8}\.(?:[A-Za-z]{2,24}|[Xx][Nn]--[A-Za-z0-9\-]{1,59})(?![\-_])`;

/** "TLDs" that are file extensions, not IANA TLDs: `sprite@hover.png`, `bundle@main.js`. */
const FILE_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'tif', 'tiff', 'ico', 'heic', 'avif',
  'js', 'mjs', 'cjs', 'jsx', 'tsx', 'css', 'scss', 'map', 'json', 'yaml', 'yml', 'txt', 'log',
  'html', 'htm', 'xml',
]);


/** Chars of URL userinfo (RFC 3986 unreserved, pct-encoded, sub-delims), not `:`, `/`, `@`. */
function isUserinfo(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 45 || c === 46 || c === 95 || c === 126 || c === 37 || // - . _ ~ %
    c === 33 || c === 36 || (c >= 38 && c <= 44) || c === 59 || c === 61 // ! $ & ' ( ) * + , ; =
  );
}

/** `scheme://user@host` or `scheme://user:pass@host`: the local part is URL userinfo. */
function isUrlUserinfo(text: string, start: number): boolean {
  const p = start > 0 ? text.charCodeAt(start - 1) : 0;
  if (p === 47 /* / */) return start >= 2 && text.charCodeAt(start - 2) === 47;
  if (p !== 58 /* : */) return false;
  let i = start - 2;
  const floor = Math.max(0, start - 2 - 64);
  while (i >= floor && isUserinfo(text.charCodeAt(i))) i--;
  return i >= 1 && text.charCodeAt(i) === 47 && text.charCodeAt(i - 1) === 47;
}

/** The domain starts like a density suffix: `2x.`, `3X.`, `1.5x.` (`icon@2x.png`). */
function isDensitySuffix(text: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && isDigit(text.charCodeAt(j))) j++;
  if (j === i) return false;
  if (text.charCodeAt(j) === 46) {
    let k = j + 1;
    while (k < end && isDigit(text.charCodeAt(k))) k++;
    if (k > j + 1) j = k;
  }
  return (text.charCodeAt(j) | 32) === 120 /* x */ && text.charCodeAt(j + 1) === 46;
}

const GIVEN = ['wei', 'na', 'jing', 'lei', 'fang', 'min', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'oscar'];
const FAMILY = ['zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'smith', 'jones', 'brown', 'miller', 'garcia', 'tanaka'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'corp.example.org', 'test.example.com', 'dev.test.example.net'];

/** An address at example.com/.org/.net, sometimes with a `+tag` or capitals. */
function addressValue(r: Rng): string {
  const g = r.pick(GIVEN);
  const f = r.pick(FAMILY);
  let local = r.pick([`${g}.${f}`, `${f}${g}`, `${g[0]}${f}`, `${g}_${f}${r.int(1, 99)}`, `${f}.${g}${r.int(1980, 2005)}`]);
  if (r.chance(0.15)) local += '+' + r.pick(['test', 'news', 'dev', 'shop']);
  let domain = r.pick(DOMAINS);
  if (r.chance(0.15)) {
    local = local[0].toUpperCase() + local.slice(1);
    domain = domain.replace('example', 'Example');
  }
  if (r.chance(0.03)) domain = domain.toUpperCase();
  return `${local}@${domain}`;
}

/** `j***@example.com`: the first char and the domain stay (also after a URL-encoded `%40`). */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const enc = at < 0 ? value.toLowerCase().lastIndexOf('%40') : -1;
  const split = at >= 0 ? at : enc;
  if (split <= 0) return maskKeeping(value, 0, 0);
  return `${value[0]}***${value.slice(split)}`;
}

const email: Detector<'EMAIL'> = defineDetector({
  type: 'EMAIL',
  name: 'email',
  candidate: 'at',
  minLen: 6, // a@b.cd
  maxLen: 128,
  // local part (chars or %XX escapes other than the at-sign) | `@` or `%40` | labels | `.` letter TLD or `xn--` IDN TLD.
  // Every repetition is bounded and each of its alternatives starts with a different char, so a
  // failing start costs at most a few hundred steps. The TLD may not run on into `-` or `_`.
  shape: new RegExp(String.raw`(?:[A-Za-z0-9._+'\-]|${ESCAPE}){1,64}${AT_DOMAIN}`, 'y'),
  // A local part with letters beyond ASCII (`müller@…`, `josé@…`, RFC 6531; validator's isEmail allows
  // them): the scanner tries this where the local part runs back into such a letter.
  wideShape: new RegExp(String.raw`(?:[\p{L}\p{M}0-9._+'\-]|${ESCAPE}){1,64}${AT_DOMAIN}`, 'uy'),
  validate(text, start, end, ctx) {
    // The at-sign is the last `@`/`%40` of the span: the domain has neither.
    let at = end - 1;
    let atLen = 1;
    for (; at >= start; at--) {
      const c = text.charCodeAt(at);
      if (c === 64) break;
      if (c === 37 && text.charCodeAt(at + 1) === 52 && text.charCodeAt(at + 2) === 48) {
        atLen = 3;
        break;
      }
    }
    if (at <= start) return 0;
    if (isUrlUserinfo(text, start)) return 0;
    if (opensMessageId(text, start - 1, ctx.key)) return 0; // a mail system's id, not a mailbox
    const domain = at + atLen;
    if (isDensitySuffix(text, domain, end)) return 0;
    let dot = end - 1;
    while (text.charCodeAt(dot) !== 46) dot--;
    if (end - dot <= 6 && FILE_EXTENSIONS.has(text.slice(dot + 1, end).toLowerCase())) return 0;
    const value = atLen === 1 ? text.slice(start, end) : text.slice(start, at) + '@' + text.slice(domain, end);
    return isEmail(value) ? SCORE : 0;
  },
  normalize: (value) => normalizeEmail(value, true),
  examples: {
    match: [
      'john.doe@example.com',
      'John.Doe+billing@Mail.EU.Example.COM',
      'zhang.san@example.org',
      'müller@example.com', // letters beyond ASCII in the local part (RFC 6531)
      'józef.nowak@example.pl',
      'john%40example.com',
      'ops-team@example.com',
      "o'brien@example.com",
    ],
    noMatch: [
      'icon@2x.png',
      'logo@3x.webp',
      'file@1.5x.jpg',
      'root@localhost',
      'root@192.0.2.1',
      '@types/node',
      'ping @john.smith',
      'lodash@4.17.21',
      'https://user:pass@host.example.com/',
      'ftp://bob@files.example.com',
      'a..b@example.com',
      'Message-ID: <20261203101112.ABCD@mail.example.com>',
    ],
  },
  fieldNames: ['email', 'email_address', 'mail', '邮箱', '电子邮箱'],
  mask: maskEmail,
  generate: {
    valid(r, lang) {
      const value = addressValue(r);
      const before = label(r, lang, ['email=', 'user ', 'to=<', 'from: ', 'mail='], ['邮箱:', '电子邮件：', '用户 '], 0.3);
      return written(value, before, before.endsWith('<') ? '>' : '');
    },
    keys: { en: ['email', 'emailAddress', 'mail'], zh: ['邮箱', '电子邮箱'] },
  },
  /** The policy's `email: { ignore_local_case: false }`: the local part keeps its case in the normalized form. */
  configure: (options) => defineDetector({ ...email, normalize: (value) => normalizeEmail(value, options.ignore_local_case !== false) }),
});
export default email;

/**
 * An address as keyed operators read it: `%40` as `@`, the domain in lower case (DNS ignores case),
 * and the local part in lower case too, as the big providers treat it; RFC 5321 leaves its case to
 * the mailbox's provider, so a policy for one that does not ignore it keeps it (`ignoreLocalCase`).
 */
export function normalizeEmail(value: string, ignoreLocalCase: boolean): string {
  const plain = value.replace(/%40/gi, '@');
  const at = plain.lastIndexOf('@');
  const local = plain.slice(0, at);
  return (ignoreLocalCase ? local.toLowerCase() : local) + plain.slice(at).toLowerCase();
}
