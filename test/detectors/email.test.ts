import { describe, expect, it } from 'vitest';
import email from '../../detectors/email.js';
import ipv4 from '../../detectors/ipv4-address.js';
import ipv6 from '../../detectors/ipv6-address.js';
import mac from '../../detectors/mac-address.js';
import { findAll, findWith } from '../support/scan.js';

/** The network detectors together, for log lines that carry several kinds side by side. */
const NETWORK = [email, ipv4, ipv6, mac] as const;

const find = (text: string) => findWith(email, text).map(([, v]) => v);

describe('EMAIL positives', () => {
  it.each([
    ['john.doe@example.com', 'john.doe@example.com'],
    ['plain a.b@example.org', 'a.b@example.org'],
    ['John.Doe@Example.COM', 'John.Doe@Example.COM'],
    ['plus addressing jane+billing@example.com', 'jane+billing@example.com'],
    ['subdomains ops@mail.eu.example.com', 'ops@mail.eu.example.com'],
    ['hyphen and underscore first_last-2@my-host.example.org', 'first_last-2@my-host.example.org'],
    ['angle <ops-team@example.com>', 'ops-team@example.com'],
    ['display name "Jane Roe" <jane.roe@example.org>', 'jane.roe@example.org'],
    ["single quotes 'zhang.san@example.com'", 'zhang.san@example.com'],
    ["apostrophe in a name o'brien@example.com", "o'brien@example.com"],
    ["quoted, apostrophe inside 'd'arcy.smith@example.org'", "d'arcy.smith@example.org"],
    ["after an apostrophe word: it's bob@example.com", 'bob@example.com'],
    ["assignment user='ops@example.com'", 'ops@example.com'],
    ['mailto:john@example.com', 'john@example.com'],
    ['<a href="mailto:support@example.com?subject=hi">', 'support@example.com'],
    ['GET /api/users?email=john%40example.com&page=2', 'john%40example.com'],
    ['lower-case %40 too: JOHN%40EXAMPLE.COM', 'JOHN%40EXAMPLE.COM'],
    ['encoded plus x%2Bjohn%40example.com', 'x%2Bjohn%40example.com'],
    ['end of sentence: write to a@example.com.', 'a@example.com'],
    ['user=ops@example.com;', 'ops@example.com'],
    ['json {"email":"li.si@example.com"}', 'li.si@example.com'],
    ['IDN TLD user@example.xn--fiqs8s', 'user@example.xn--fiqs8s'],
    ['users path https://example.com/users/john@example.com/profile', 'john@example.com'],
  ])('%s', (text, expected) => {
    expect(find(text)).toEqual([expected]);
  });

  it.each([
    ['to: a@example.com, cc: b.c@example.org', ['a@example.com', 'b.c@example.org']],
    ['comma list a@example.com,b@example.org', ['a@example.com', 'b@example.org']],
    ['one at-sign too many a@b@example.com', ['b@example.com']],
  ])('side by side: %s', (text, expected) => {
    expect(find(text)).toEqual(expected);
  });
});

describe('EMAIL near misses', () => {
  it.each([
    ['retina asset', 'icon@2x.png'],
    ['retina asset in a path', 'GET /static/img/logo@3x.webp HTTP/1.1'],
    ['fractional density', 'file@1.5x.jpg'],
    ['upper-case X', 'Sprite@2X.PNG'],
    ['file extension as TLD', 'button@hover.svg and chunk@main.js'],
    ['no dot-TLD', 'root@localhost'],
    ['shell prompt without domain', 'deploy@web01:~$'],
    ['IP domain', 'root@192.0.2.1'],
    ['mention', 'thanks @john.smith for the fix'],
    ['npm scope', 'npm i @types/node @babel/core'],
    ['npm version', 'lodash@4.17.21 react@18.2.0'],
    ['URL userinfo with password', 'https://user:pass@host.example.com/'],
    ['URL userinfo without password', 'ftp://bob@files.example.com'],
    ['ssh URL', 'git clone ssh://git@code.example.com/team/repo.git'],
    ['stack frame', 'render@https://example.com/static/app.js:1:2345'],
    ['double dot in local part', 'a..b@example.com'],
    ['numeric TLD', 'user@example.123'],
    ['one-letter TLD', 'user@example.c'],
    ['TLD running on into a hyphen', 'user@example.com-staging'],
    ['leading hyphen label', 'user@-example.com'],
    ['bare @', 'a @ b.com'],
  ])('%s', (_name, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('EMAIL normalize', () => {
  it.each([
    ['John.Doe@Example.COM', 'john.doe@example.com'],
    ['JOHN%40EXAMPLE.COM', 'john@example.com'],
    ['jane+Billing@example.org', 'jane+billing@example.org'],
  ])('%s -> %s', (value, expected) => {
    expect(email.normalize?.(value)).toBe(expected);
  });
});

describe('EMAIL in log lines, EN and ZH, beside other findings', () => {
  it.each<[string, Array<[string, string]>]>([
    [
      '192.0.2.10 - - [24/Feb/2026:12:26:41 +0800] "GET /api/users?email=john.doe%40example.com HTTP/1.1" 200 512 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/121.0.6167.85"',
      [
        ['IP_ADDRESS', '192.0.2.10'],
        ['EMAIL', 'john.doe%40example.com'],
      ],
    ],
    [
      '198.51.100.4 - - [24/Feb/2026:12:26:42 +0800] "GET /static/img/icon@2x.png HTTP/2.0" 304 0 "https://user:pass@host.example.com/" "curl/8.5.0"',
      [['IP_ADDRESS', '198.51.100.4']],
    ],
    [
      'Feb 24 12:26:41 mail01 postfix/smtp[2817]: 3F2A1C0: to=<ops@example.com>, relay=mx.example.com[203.0.113.25]:25, delay=0.42, status=sent',
      [
        ['EMAIL', 'ops@example.com'],
        ['IP_ADDRESS', '203.0.113.25'],
      ],
    ],
    [
      'WARN c.e.UserService - login failed user=Jane.Roe+test@Example.org ip=2001:db8::7 deps=lodash@4.17.21',
      [
        ['EMAIL', 'Jane.Roe+test@Example.org'],
        ['IP_ADDRESS', '2001:db8::7'],
      ],
    ],
    [
      '用户登录 IP: 192.0.2.10 邮箱 zhang.san@example.com',
      [
        ['IP_ADDRESS', '192.0.2.10'],
        ['EMAIL', 'zhang.san@example.com'],
      ],
    ],
    [
      '邮箱：wang.wu@example.com，IP：2001:db8::8，头像 avatar@2x.png',
      [
        ['EMAIL', 'wang.wu@example.com'],
        ['IP_ADDRESS', '2001:db8::8'],
      ],
    ],
    [
      '【告警】来自 198.51.100.9 的请求，用户 li.si+test@example.org 关注了 @zhao.liu',
      [
        ['IP_ADDRESS', '198.51.100.9'],
        ['EMAIL', 'li.si+test@example.org'],
      ],
    ],
  ])('%s', (line, expected) => {
    expect(findAll(line, NETWORK)).toEqual(expected);
  });
});

describe('EMAIL on adversarial 1 MB inputs (linear time; the timeout is the bound)', () => {
  const MB = 1 << 20;
  it.each<[string, string, number]>([
    ['a@a@a@', 'a@'.repeat(MB / 2), 0],
    ['%40%40', '%40'.repeat(MB / 3), 0],
    ['a%40a%40', 'a%40'.repeat(MB / 4), 0],
    ['long local parts', ('a'.repeat(64) + '@').repeat(MB / 65), 0],
    ['dotted run then @ (local part ends in a dot)', 'a.'.repeat(MB / 2) + '@example.com', 0],
    ['dotted run then b@', 'a.'.repeat(MB / 2) + 'b@example.com', 1],
    ['many labels, no TLD', ('a@' + 'b1.'.repeat(40) + '9 ').repeat(MB / 124), 0],
    ['TLD run-on hyphens', ('a@b.' + 'c'.repeat(30) + '- ').repeat(MB / 36), 0],
    // The first 64 ids after the key are message ids; past that, bounded work: found (failing closed).
    ['a References: list 1 MB long', 'References: ' + '<m1@mail.example.com> '.repeat(MB / 22), Math.floor(MB / 22) - 65],
    ['> < chains without a key', '<a@example.com> '.repeat(MB / 16).slice(0, MB), MB / 16],
    // Many findings in one string: 8192, not 1 MB worth (overlap resolution is O(findings²) today).
    ['emails back to back', 'a@example.com '.repeat(8192), 8192],
  ])('%s', (_name, input, count) => {
    expect(findWith(email, input)).toHaveLength(count);
  }, 60_000);
});

describe('EMAIL: message ids are not mailboxes', () => {
  it.each([
    'Message-ID: <20261203101112.ABCD@mail.example.com>',
    'Message-Id: <CAF1x2y3z4+abc@mail.example.com>',
    'MESSAGE-ID:<x1.y2@example.com>',
    'In-Reply-To: <20261202090807.EFGH@mail.example.org>',
    'Dec  3 10:11:12 mx1 postfix/cleanup[2231]: 4F2B81C0A2: message-id=<20261203101112.4F2B81C0A2@mx1.example.com>',
    '{"ts":"2026-12-03T10:11:12Z","message_id":"<abc.123@mail.example.com>","status":"sent"}',
    '邮件已投递 Message-ID: <20261203101112.ABCD@mail.example.com>',
    'References: <20261201.A1@mail.example.com> <20261202.B2@mail.example.org> <CAF9x@mail.example.net>',
    'References: ' + Array.from({ length: 40 }, (_, k) => `<202612${String(k).padStart(2, '0')}.Q${k}@mail.example.com>`).join(' '),
    'Dec  3 10:11:12 mx1 dovecot: lmtp(4242): msgid=<20261203101112.ABCD@mail.example.com>: saved mail to INBOX',
  ])('%s', (line) => {
    expect(find(line)).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['Dec  3 10:11:12 mx1 postfix/smtp[2232]: 4F2B81C0A2: to=<jane.roe@example.org>, relay=mx.example.org[192.0.2.25]:25, status=sent (250 2.0.0 Ok)', ['jane.roe@example.org']],
    ['Dec  3 10:11:12 mx1 postfix/qmgr[2230]: 4F2B81C0A2: from=<bob@example.com>, size=2048, nrcpt=1 (queue active)', ['bob@example.com']],
    ['From: Jane Roe <jane.roe@example.com> Message-ID: <20261203.ABCD@mail.example.com>', ['jane.roe@example.com']],
    ['{"message_id":"<m1@mail.example.com>","from":"li.si@example.com"}', ['li.si@example.com']],
    ['Reply-To: <zhang.san@example.com>', ['zhang.san@example.com']],
    ['Dec  3 10:11:12 mx1 dovecot: lmtp(jane.roe@example.com)<4242><Xk2a>: msgid=<20261203.ABCD@mail.example.com>: saved mail to INBOX', ['jane.roe@example.com']],
    ['To: <a.b@example.com> <c.d@example.org>', ['a.b@example.com', 'c.d@example.org']],
    ['发件人 <wang.wu@example.org> 邮件ID <20261203.X@mail.example.org>', ['wang.wu@example.org', '20261203.X@mail.example.org']],
  ])('a real address beside or in other headers is found: %s', (line, expected) => {
    expect(find(line)).toEqual(expected);
  });
});

describe('EMAIL with letters beyond ASCII in the local part (RFC 6531)', () => {
  it.each([
    ['müller@example.com', 'müller@example.com'], // before: `mü` stayed and `ller@example.com` was replaced
    ['to josé@example.com', 'josé@example.com'], // before: not found at all
    ['from <józef.nowak@example.pl> ok', 'józef.nowak@example.pl'],
    ['Émilie.Dupont+x@mail.example.fr,', 'Émilie.Dupont+x@mail.example.fr'],
    ['иван.петров@example.org', 'иван.петров@example.org'],
    ['收件人：björn@example.se', 'björn@example.se'],
  ])('%s → %s', (text, value) => {
    expect(find(text)).toEqual([value]);
  });

  it('generated names of several locales (faker), each address found whole', async () => {
    const { allFakers } = await import('@faker-js/faker');
    const names: string[] = [];
    for (const loc of ['de', 'fr', 'pl', 'sv', 'tr', 'es', 'cs_CZ'] as const) {
      const f = allFakers[loc];
      f.seed(20261204);
      for (let i = 0; i < 40; i++) names.push(`${f.person.firstName()}.${f.person.lastName()}`.toLowerCase().replace(/[\s']/g, ''));
    }
    const wide = names.filter((n) => /[^\x00-\x7f]/.test(n));
    expect(wide.length).toBeGreaterThan(40);
    for (const n of wide) expect(find(`mail to ${n}@example.com ok`)).toEqual([`${n}@example.com`]);
  });

  it.each([
    ['no domain', 'café@ 3'],
    ['no dot-TLD', 'müller@localhost'],
    ['a CJK word before the at-sign is no local part', '联系我@微博'],
  ])('%s: none', (_why, text) => {
    expect(find(text)).toEqual([]);
  });
});
