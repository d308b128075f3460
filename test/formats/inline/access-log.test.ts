/**
 * The user names of Common/Combined Log Format lines (inline/access-log.ts): the spans it gives, and
 * the lines as the text format anonymizes them. Names are drawn from faker's username generator (not
 * logveil's), kept to Debian's NAME_REGEX as login names are.
 */
import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../../src/anonymizer.js';
import { accessLogUsers } from '../../../src/formats/inline/access-log.js';
import { withPlacedUsers } from '../../../src/formats/inline/placed-users.js';
import type { KvSpan } from '../../../src/formats/inline/span.js';
import { textFormat } from '../../../src/formats/text.js';
import { anonymizingVisitor } from '../../../src/visitors.js';
import { runFormat } from '../../support/format-run.js';

const TIME = '[04/Dec/2026:07:50:03 +0000]';

const anonymized = async (text: string): Promise<string> =>
  (await runFormat(textFormat, text, anonymizingVisitor(createAnonymizer()), { source: 'access.log' })).text;

const texts = (line: string, spans: readonly KvSpan[]) => spans.map((s) => [line.slice(s.start, s.end), s.path[0]]);

describe('accessLogUsers', () => {
  it('gives the identd name and the user their keys', () => {
    const line = `192.0.2.8 ident42 jsmith ${TIME} "GET / HTTP/1.1" 200 512`;
    expect(texts(line, accessLogUsers(line))).toEqual([
      ['ident42', 'logname'],
      ['jsmith', 'remote_user'],
    ]);
  });

  it.each([
    ['no user', `192.0.2.9 - - ${TIME} "GET / HTTP/1.1" 200 512`],
    ['an email: the scan finds it', `192.0.2.9 - ann@example.com ${TIME} "GET / HTTP/1.1" 200 512`],
    ['no request after the time', `2026-12-04 07:50:03 INFO [main] c.e.App - bob ${TIME} done`],
    ['a bracketed thread, no time', '2026-12-04 07:50:03 INFO [http-nio-8080-exec-7] c.e.App - started'],
    ['only two tokens before the time', `- bob ${TIME} "GET / HTTP/1.1" 200 512`],
    ['a time of another shape', `192.0.2.9 - bob [2026-12-04T07:50:03Z] "GET / HTTP/1.1" 200 512`],
  ])('%s: none', (_why, line) => {
    expect(accessLogUsers(line)).toEqual([]);
  });

  it('a user span inside a pair is left to the pair', () => {
    const line = `msg="192.0.2.8 - bob ${TIME} \\"GET /\\"" x=1`;
    const pair: KvSpan = { start: 5, end: line.indexOf('" x=1'), path: ['msg'], encoding: 'quoted' };
    expect(withPlacedUsers([pair], accessLogUsers(line))).toEqual([pair]);
  });
});

describe('access log lines, anonymized', () => {
  faker.seed(20261204);
  const names = Array.from({ length: 200 }, () => faker.internet.username().toLowerCase()).filter((n) => /^[a-z][-a-z0-9_]{2,31}$/.test(n));

  it('replaces every generated user name, and nothing else of the line', async () => {
    expect(names.length).toBeGreaterThan(50);
    const lines = names.map((n, i) => `203.0.113.${(i % 254) + 1} - ${n} ${TIME} "GET /admin/reports?page=${i} HTTP/1.1" 200 ${1000 + i} "-" "Mozilla/5.0"`);
    const out = (await anonymized(lines.join('\n') + '\n')).split('\n');
    lines.forEach((_, i) => {
      expect(out[i]).toBe(`<IP_ADDRESS> - <USERNAME> ${TIME} "GET /admin/reports?page=${i} HTTP/1.1" 200 ${1000 + i} "-" "Mozilla/5.0"`);
    });
  });

  it('behind a syslog prefix, and with a virtual host before the client (nginx vhost_combined)', async () => {
    const input = [
      `Dec  4 07:50:03 web01 nginx: 198.51.100.4 - alice_w ${TIME} "POST /login HTTP/2.0" 302 0 "https://example.com/" "Mozilla/5.0"`,
      `intranet.example.com:443 192.0.2.7 - frank ${TIME} "GET / HTTP/1.1" 200 512`,
    ].join('\n');
    expect(await anonymized(input + '\n')).toBe(
      [
        `Dec  4 07:50:03 web01 nginx: <IP_ADDRESS> - <USERNAME> ${TIME} "POST /login HTTP/2.0" 302 0 "https://example.com/" "Mozilla/5.0"`,
        `intranet.example.com:443 <IP_ADDRESS> - <USERNAME> ${TIME} "GET / HTTP/1.1" 200 512`,
      ].join('\n') + '\n',
    );
  });

  it('keeps no user, system accounts and what the tag wrote (anonymizing twice changes nothing)', async () => {
    const input = [`192.0.2.9 - - ${TIME} "GET / HTTP/1.1" 200 512`, `192.0.2.9 - root ${TIME} "GET / HTTP/1.1" 200 512`].join('\n') + '\n';
    const once = await anonymized(input);
    expect(once).toBe(`<IP_ADDRESS> - - ${TIME} "GET / HTTP/1.1" 200 512\n<IP_ADDRESS> - root ${TIME} "GET / HTTP/1.1" 200 512\n`);
    const withUser = await anonymized(`192.0.2.9 - bob ${TIME} "GET / HTTP/1.1" 200 512\n`);
    expect(await anonymized(withUser)).toBe(withUser);
  });
});
