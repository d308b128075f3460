import { defineDetector } from '../lib/define.js';
import { isAlnum } from '../lib/chars.js';
import { codeAt } from '../lib/code-at.js';
import { written } from '../lib/generate.js';
import { isPseudonym, keptName } from './kept.js';
import { wideNameShape } from './wide.js';

/**
 * The user name of a shell prompt copied into a log or a ticket: `[alice@web01 ~]$`, `[alice@web01
 * nginx]#` (RHEL), `alice@web01:~$`, `alice@web01:/var/log$` (Debian); and of a PostgreSQL log line,
 * whose prefix writes the user at the database (`%u@%d`, Debian's default: `2026-12-04 07:50:03.123
 * UTC [4242] alice@shop ERROR:  …`). Offered at the `@` like an email, it is a name only in these exact
 * shapes: the host has no dot-separated TLD to make it an address, and the prompt ends in `$` or `#`,
 * the database name is followed by a PostgreSQL severity and its colon. A host with a domain (`alice@web01.example.com:~$`) is
 * an email's span, which is longer and wins the overlap: the name goes either way. System accounts
 * (`root@web01:~#`) stay (kept.ts).
 */

const AT = 64;
const COLON = 58;
const SP = 32;

/** End of a host name starting at `i` (letters, digits, `-`, `.`), at most 63 chars. */
function hostEnd(text: string, i: number): number {
  const stop = Math.min(text.length, i + 63);
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (!(isAlnum(c) || c === 45 || c === 46)) break;
    i++;
  }
  return i;
}

/**
 * After the host: `:~$`, `:/var/log#`, `:~/src$` (Debian) or, in brackets (`bracketed`: a `[` before
 * the name), ` ~]$`, ` nginx]#` (RHEL).
 */
function promptTail(text: string, i: number, bracketed: boolean): boolean {
  const c = codeAt(text, i); // the prompt may end the line
  let j = i + 1;
  const stop = Math.min(text.length, i + 128);
  if (c === COLON) {
    const d = codeAt(text, j);
    if (d !== 126 /* ~ */ && d !== 47 /* / */) return false;
    while (j < stop && text.charCodeAt(j) > SP && text.charCodeAt(j) !== 36 && text.charCodeAt(j) !== 35) j++;
  } else if (c === SP && bracketed) {
    while (j < stop && text.charCodeAt(j) > SP && text.charCodeAt(j) !== 93 /* ] */) j++;
    if (j === i + 1 || codeAt(text, j) !== 93) return false;
    j++;
  } else return false;
  const p = codeAt(text, j);
  if (p !== 36 /* $ */ && p !== 35 /* # */) return false;
  return j + 1 >= text.length || text.charCodeAt(j + 1) === SP;
}

/**
 * What follows `%u@%d` in a PostgreSQL log line: a severity and its colon (then two spaces), in
 * English or as a server with `lc_messages = 'zh_CN'` writes it (`错误:  `, `详细信息:  `).
 */
const PG_SEVERITY =
  / (?:DEBUG[1-5]|INFO|NOTICE|WARNING|ERROR|LOG|FATAL|PANIC|DETAIL|HINT|QUERY|CONTEXT|LOCATION|STATEMENT|调试|信息|注意|警告|错误|日志|致命错误|详细信息|提示|查询|上下文|位置|语句): /y;

/** `%d` then a severity: the database name (letters, digits, `_`, `$`, `-`, `.`) from `i`, then PG_SEVERITY. */
function postgresTail(text: string, i: number): boolean {
  const stop = Math.min(text.length, i + 63);
  let j = i;
  while (j < stop) {
    const c = text.charCodeAt(j);
    if (!(isAlnum(c) || c === 95 || c === 36 || c === 45 || c === 46)) break;
    j++;
  }
  if (j === i) return false;
  PG_SEVERITY.lastIndex = j;
  return PG_SEVERITY.test(text);
}

export default defineDetector({
  type: 'USERNAME',
  name: 'username_prompt',
  candidate: 'at',
  minLen: 2,
  maxLen: 32,
  shape: /[A-Za-z](?:[A-Za-z0-9._-]{0,30}[A-Za-z0-9_])?/y,
  wideShape: wideNameShape(32), // `[józef@web01 ~]$`
  validate(text, start, end) {
    if (text.charCodeAt(end) !== AT) return 0;
    const before = start > 0 ? text.charCodeAt(start - 1) : SP;
    if (before !== SP && before !== 9 && before !== 91 /* [ */) return 0;
    const host = hostEnd(text, end + 1);
    const prompt = host > end + 1 && promptTail(text, host, before === 91);
    if (!prompt && (before === 91 || !postgresTail(text, end + 1))) return 0;
    if (keptName(text, start, end) || isPseudonym(text, start, end)) return 0;
    return 0.75;
  },
  examples: {
    match: ['[alice@web ~]$', 'zhang.wei@build-server:~/src$', 'msmith@db:/var/log#', '[józef@web ~]$'],
    noMatch: [
      'root@web01:~#', 'alice@web01', 'icon@2x.png', 'alice@web01 ~]$', 'see alice@web01:8080 now',
      '[4242] postgres@shop LOG:  checkpoint starting', '[4242] alice@shop error: lower case', 'ping alice@shop ERROR',
    ],
  },
  mask: [1, 0],
  generate: {
    valid(r) {
      const name = r.pick(['alice', 'jsmith', 'zhang.wei', 'li_na', 'mgarcia']) + (r.chance(0.5) ? String(r.int(1, 99)) : '');
      return r.chance(0.5) ? written(name, '[', `@web0${r.int(1, 9)} ~]$`) : written(name, '', `@build-0${r.int(1, 9)}:~/src$`);
    },
    keys: { en: ['user'], zh: ['用户名'] },
  },
});
