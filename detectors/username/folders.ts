// Where a path names its user: a Unix or macOS home folder, a Windows profile or a file server's home
// share, an AWS IAM user's ARN. Each reads right before the name's start `s`.
import { isAlnum } from '../lib/chars.js';

const SP = 32;
const SLASH = 47;

/** An HTTP request line or a URL key: a path after it is a URL's (`GET /home/index`), not a folder. */
const URL_WORD = /(?:^|[\s"'])(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|url|uri|href|referr?er|route|endpoint|location)[=:]?\s?["']?$/i;

/**
 * `/home/`, `/Users/` (macOS writes it capitalized) right before `s`, starting a path of its own (not
 * `/myhome/`, `https://host/home/`, `GET /home/index`).
 */
export function homePath(text: string, s: number): boolean {
  let p: number;
  if (s >= 6 && text.startsWith('/home/', s - 6)) p = s - 6;
  else if (s >= 7 && text.startsWith('/Users/', s - 7)) p = s - 7;
  else return false;
  const b = p > 0 ? text.charCodeAt(p - 1) : SP;
  if (isAlnum(b) || b === 95 || b === 45 || b === 46 || b === SLASH) return false; // inside another path or word
  return !URL_WORD.test(text.slice(Math.max(0, p - 12), p));
}

/**
 * An AWS IAM user's ARN right before `s` (`arn:aws:iam::123456789012:user/jdoe`, with a path:
 * `…:user/division/jdoe`), as CloudTrail writes it beside `userName`: the name is the ARN's last part
 * (the path's folders are not names). The scanner offers a word only shortly after its anchor word
 * (`user`): a name behind a path longer than that reach is not read.
 */
const IAM_USER = /arn:aws[a-z-]{0,12}:iam::\d{12}:user\/(?:[\w+=,.@-]{1,64}\/){0,3}$/;
export function iamUser(text: string, s: number): boolean {
  return IAM_USER.test(text.slice(Math.max(0, s - 240), s));
}

/**
 * A Windows profile or home folder right before `s`: `C:\Users\` (also JSON-escaped `\\Users\\`), or
 * a file server's home or profile share (Active Directory's HomeDirectory and ProfilePath:
 * `\\fs01\home$\`, `\\fs01\homes\`, `\\fs01\profiles\`; a `home` folder elsewhere in a path is no user's).
 */
const PROFILE_FOLDER = /\\\\?users\\\\?$/i;
const HOME_SHARE = /\\{2}(?:\\{2})?[\w.-]{1,63}\\{1,2}(?:homes?|profiles)\$?\\{1,2}$/i;
export function windowsProfile(text: string, s: number): boolean {
  return PROFILE_FOLDER.test(text.slice(Math.max(0, s - 10), s)) || HOME_SHARE.test(text.slice(Math.max(0, s - 90), s));
}
