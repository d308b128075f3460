import { describe, expect, it } from 'vitest';
import { allFakers } from '@faker-js/faker';
import fc from 'fast-check';
import { detectors } from '../../detectors/index.js';
import { keptInText } from '../../detectors/username/kept.js';
import { STOP_WORDS } from '../../detectors/username/words.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import { visitLine } from '../../src/formats/text.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { findAll } from '../support/scan.js';

// User names with letters beyond ASCII (Latin with diacritics, Greek, Cyrillic): found under every
// convention that finds ASCII names, with the same boundaries.

const names = (text: string, key?: string): string[] =>
  findAll(text, detectors, key === undefined ? undefined : { key })
    .filter(([type]) => type === 'USERNAME')
    .map(([, value]) => value);

const visitor = anonymizingVisitor(createAnonymizer());
const line = (text: string): string => visitLine(visitor, text, 0);

const BEYOND_ASCII = /[^\x00-\x7f]/;
/** One login-name token: a letter first, then letters, marks, digits, `._-`, not ending in `.` or `-`. */
const TOKEN = /^\p{L}[\p{L}\p{M}0-9._-]*[\p{L}\p{M}0-9_]$/u;

/**
 * Fictional login names from faker's first and last names in languages written with letters beyond
 * ASCII (seeded), as people get them: `müller`, `Zoé`, `józef.nowak`, `nnowak7`, `Ιωάννης`; only those
 * with a non-ASCII letter, one token long, and no kept account or prose word.
 */
function generatedNames(count: number): string[] {
  const locales = ['de', 'fr', 'pl', 'ru', 'el', 'sv', 'es', 'tr', 'cs_CZ', 'pt_BR', 'uk', 'hu', 'ro', 'lv', 'vi'] as const;
  const out = new Set<string>();
  let k = 0;
  while (out.size < count && k < count * 200) {
    const f = allFakers[locales[k % locales.length]];
    f.seed(20261204 + k++);
    const first = f.person.firstName();
    const last = f.person.lastName();
    const form = k % 5;
    const name =
      form === 0 ? first : form === 1 ? last.toLowerCase() : form === 2 ? `${first}.${last}`.toLowerCase() : form === 3 ? `${first[0]}${last}${k % 90}`.toLowerCase() : `${last}_${first}`;
    if (!BEYOND_ASCII.test(name) || !TOKEN.test(name) || name.length > 30) continue;
    if (keptInText(name, 0, name.length) || STOP_WORDS.has(name.toLowerCase())) continue;
    out.add(name);
  }
  return [...out];
}

const NAMES = generatedNames(60);

/** The text before a name, after it, and what is written after it (other values replaced too). */
const PLACES: ReadonlyArray<readonly [string, string, string?]> = [
  ['login ok user=', ' from 192.0.2.1', ' from <IP_ADDRESS>'],
  ['pam_unix(sshd:auth): authentication failure; ruser=', ' rhost=localhost'],
  ['{"user":"', '","msg":"x"}'],
  ['payload={"actor":"', '","action":"repo.create"}'],
  ['sshd[2240]: Accepted password for ', ' from 198.51.100.23 port 40022 ssh2', ' from <IP_ADDRESS> port 40022 ssh2'],
  ['sshd[2240]: Accepted publickey for ', ' from 198.51.100.23 port 40022 ssh2', ' from <IP_ADDRESS> port 40022 ssh2'],
  ['sshd[2231]: Invalid user ', ' from 203.0.113.9 port 51234', ' from <IP_ADDRESS> port 51234'],
  ['sshd[2231]: Failed password for invalid user ', ' from 203.0.113.9 port 51234 ssh2', ' from <IP_ADDRESS> port 51234 ssh2'],
  ['sshd[2240]: pam_unix(sshd:session): session opened for user ', ' by (uid=0)'],
  ['systemd-logind[612]: New session 42 of user ', '.'],
  ['sudo:    ', ' : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx'],
  ['su[4242]: (to root) ', ' on pts/1'],
  ['su: pam_unix(su-l:session): session opened for user root by ', '(uid=1000)'],
  ['open("/home/', '/.ssh/authorized_keys"): permission denied'],
  ['Loaded C:\\Users\\', '\\AppData\\Local\\Temp\\setup.log'],
  ['ERROR path="C:\\\\Users\\\\', '\\\\AppData\\\\Local\\\\app.db" locked'],
  ['crash report written to /Users/', '/Library/Logs/DiagnosticReports/app.ips'],
  ["[Warning] Access denied for user '", "'@'localhost' (using password: YES)"],
  ['FATAL:  password authentication failed for user "', '"'],
  ['dovecot: imap-login: Login: user=<', '>, method=PLAIN'],
  ['auth ok user=CORP\\', ' session=9f3a'],
  ['EventID=4625 TargetUserName=', ' LogonType=3'],
  ['remote_user=', ' request="GET / HTTP/1.1" status=200'],
  ['conn=1001 op=2 BIND dn="uid=', ',ou=people,dc=example,dc=com" method=128'],
  ['sync ok userName ', ' in 45ms'],
  ['Failed login for user: ', ' (3 attempts)'],
  ['2026-02-24 08:00:03 INFO 用户名：', ' 登录成功'],
  ['登录用户 ', ' 密码错误 3 次'],
  ['用户', '登录失败'],
  ['[', '@web01 ~]$ tail -f app.log'],
  ['', '@build-02:~/src$ make'],
  ['2026-12-04 07:50:03.123 UTC [4242] ', '@shop ERROR:  duplicate key value'],
];

describe('USERNAME: names with letters beyond ASCII (faker, seeded)', () => {
  it('the generator gives names of several scripts', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(40);
    expect(NAMES.some((n) => /\p{sc=Cyrillic}/u.test(n))).toBe(true);
    expect(NAMES.some((n) => /\p{sc=Greek}/u.test(n))).toBe(true);
    expect(NAMES.some((n) => /[À-ɏ]/u.test(n))).toBe(true);
  });

  it.each(PLACES.map((p) => [p[0] + '…' + p[1], p] as const))('%s: replaced, the text around byte-identical', (_name, [before, after, written]) => {
    for (const name of NAMES) {
      const text = before + name + after;
      expect(line(text), text).toBe(`${before}<USERNAME>${written ?? after}`);
    }
  });

  it('the finding is exactly the name', () => {
    for (const name of NAMES) expect(names(`sshd[1]: Accepted password for ${name} from 192.0.2.4 port 22 ssh2`)).toEqual([name]);
  });

  it('Windows event XML (read by the scanner; the text format does not hand it the element)', () => {
    for (const name of NAMES) expect(names(`<EventData><Data Name="TargetUserName">${name}</Data></EventData>`)).toEqual([name]);
  });

  it('a value scanned alone under a user key', () => {
    for (const name of NAMES) {
      expect(names(name, 'user')).toEqual([name]);
      expect(names(`<${name}>`, 'login')).toEqual([name]);
    }
  });

  it.each([
    ['login ok user=müller from 192.0.2.1', 'login ok user=<USERNAME> from <IP_ADDRESS>'],
    ['login ok user=Zoë', 'login ok user=<USERNAME>'],
    ['login ok user=Øyvind', 'login ok user=<USERNAME>'],
    ['Accepted password for józef from 192.0.2.4 port 22 ssh2', 'Accepted password for <USERNAME> from <IP_ADDRESS> port 22 ssh2'],
    ['{"user":"Émilie","msg":"x"}', '{"user":"<USERNAME>","msg":"x"}'],
    ['user=иван action=login', 'user=<USERNAME> action=login'],
    ['user=jean-émile ok', 'user=<USERNAME> ok'],
    ['user=a.ñ ok', 'user=<USERNAME> ok'],
    ['user=müller2 ok', 'user=<USERNAME> ok'],
    ['user=nguyễn.văn.an ok', 'user=<USERNAME> ok'],
    ['user=Jose\u0301 ok (decomposed)', 'user=<USERNAME> ok (decomposed)'],
    ['user=E\u0301milie ok', 'user=<USERNAME> ok'],
    ['session closed for user Σοφία.', 'session closed for user <USERNAME>.'],
    ['Started by user Émilie Dupont', 'Started by user <USERNAME>'],
    ['Started by user Øyvind Ødegård (admin)', 'Started by user <USERNAME> (admin)'],
    ['[józef@web01 ~]$ ls', '[<USERNAME>@web01 ~]$ ls'],
    ['günther@build-02:~/src$ make', '<USERNAME>@build-02:~/src$ make'],
  ])('%s', (text, expected) => {
    expect(line(text)).toBe(expected);
  });
});

describe('USERNAME beyond ASCII: near misses', () => {
  it.each([
    // Words of other languages after `user` in a sentence are no names (STOP_WORDS), as English ones are.
    ['German', 'Login failed for user für den Zugriff'],
    ['French', 'password reset for user à la demande; session for user déjà ouverte'],
    ['Spanish', 'password changed for user también'],
    ['Turkish', 'login for user için'],
    ['Russian', 'session for user не найдена; for user уже существует'],
    ['Greek', 'login for user δεν βρέθηκε'],
    // A prose word after a non-English label is no convention.
    ['no convention', 'Anmeldung für Benutzer müller; user müller ist angemeldet'],
    // Not letters of a name: quotes, full-width letters and digits of CJK text, an ellipsis.
    ['curly quotes', 'user=“alice” ok'],
    ['full-width Latin', 'user=ａｌｉｃｅ ok'],
    ['full-width digits glued', 'user=alice１２ ok'],
    ['an ellipsis glued', 'user=alice… ok'],
    ['a name going on in an apostrophe', 'user=zoë’s ok'],
    ['the middle of a word', 'user=1müller xmüller'],
  ])('%s', (_name, text) => {
    expect(names(text)).toEqual([]);
  });

  it('status words of other languages where a name could stand are no names in text', () => {
    expect(names('login: échec pour l utilisateur; account: verrouillé; login=успешно; user=неизвестно; login=başarısız; user=άγνωστος')).toEqual([]);
    // a field rule still replaces the whole value, as before
    expect(line('{"username":"неизвестно"}')).toBe('{"username":"<USERNAME>"}');
  });

  it('kept system accounts stay, whatever else the line holds', () => {
    const text = 'user=root ruser=Administrator for user www-data by SYSTEM; /home/ubuntu/x; [ec2-user@web01 ~]$';
    expect(names(text)).toEqual([]);
    expect(names('user=root; user=Zoë')).toEqual(['Zoë']);
  });

  it('CJK names keep their handling (labels and field rules), and a CJK run still ends a name', () => {
    expect(line('用户名：张伟 状态：正常')).toBe('用户名：<USERNAME> 状态：正常');
    expect(names('用户liuyang登录失败')).toEqual(['liuyang']);
    expect(names('user=zhang张伟 ok')).toEqual(['zhang']);
    expect(names('登录用户 张伟 密码错误')).toEqual([]);
    expect(names('用户张伟登录失败')).toEqual([]);
    expect(line('操作用户=王芳 操作=删除')).toBe('操作用户=王芳 操作=删除');
  });
});

describe('property: a Unicode name under user= never survives', () => {
  const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
  // Letters of Latin-1, Latin Extended-A/B and Additional, Greek and Cyrillic (no × ÷ or signs).
  const WIDE = [...range(0xc0, 0x24f), ...range(0x1e00, 0x1eff), ...range(0x386, 0x3ce), ...range(0x400, 0x4ff)].filter((c) => /\p{L}/u.test(c));
  const ASCII = range(0x61, 0x7a);
  const letter = fc.constantFrom(...WIDE, ...ASCII);
  const inside = fc.oneof(letter, letter, fc.constantFrom('0', '7', '.', '_', '-'));
  const name = fc
    .tuple(fc.constantFrom(...WIDE, ...ASCII), fc.array(inside, { maxLength: 20 }), letter)
    .map(([a, mid, z]) => a + mid.join('') + z)
    .filter((n) => BEYOND_ASCII.test(n) && !keptInText(n, 0, n.length));

  it('user=NAME is replaced whole, the rest byte-identical', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(line(`login ok user=${n} action=login`)).toBe('login ok user=<USERNAME> action=login');
        expect(names(`login ok user=${n} action=login`)).toEqual([n]);
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });
});

describe('hostile input beyond ASCII stays linear (no clock: a quadratic path fails by the timeout)', () => {
  const MB = 1 << 20;
  it.each([
    ['user=üü', 'user=üü '.repeat(MB / 8), MB / 8],
    ['one long run of letters after user=', 'user=' + 'é'.repeat(MB), 0],
    ['dots after an ASCII start', 'user=a' + '.'.repeat(MB) + 'é', 0],
    ['for user é', 'for user é '.repeat(MB / 11), 0],
    ['local parts of non-ASCII letters before @', '[éé@'.repeat(MB / 4), 0],
    ['letters glued to CJK labels', '用户ü'.repeat(MB / 3), 0],
  ])('%s', (_name, input, count) => {
    expect(names(input).length).toBe(count);
  }, 30_000);
});
