/**
 * placedUsers (inline/placed-users.ts): which layout's reader gives a line's user, and how the users
 * merge with the line's pairs. Lines are written from the servers' documented layouts (see each
 * reader's test for the layouts themselves).
 */
import { describe, expect, it } from 'vitest';
import { findKeyValues } from '../../../src/formats/inline/pairs.js';
import { placedUsers, withPlacedUsers } from '../../../src/formats/inline/placed-users.js';
import type { KvSpan } from '../../../src/formats/inline/span.js';

const texts = (line: string, spans: readonly KvSpan[]) => spans.map((s) => [line.slice(s.start, s.end), s.path.join('.')]);

describe('placedUsers', () => {
  it.each([
    ['a Combined Log Format line', '192.0.2.8 - jsmith [04/Dec/2026:07:50:03 +0000] "GET / HTTP/1.1" 200 512', [['jsmith', 'remote_user']]],
    ['an IIS 7 line', '2026-12-04 07:50:03 192.0.2.10 GET /owa/ - 443 jdoe 198.51.100.7 Mozilla/5.0 - 200 0 0 31', [['jdoe', 'cs-username']]],
    ['a vsftpd line', 'Thu Dec  4 07:50:03 2026 [pid 4242] [kchen] OK LOGIN: Client "198.51.100.7"', [['kchen', 'ftp_user']]],
    ['a line of none of them', '2026-12-04 07:50:03 INFO [main] c.e.App - started in 2.1 s', []],
  ])('%s', (_what, line, expected) => {
    expect(texts(line, placedUsers(line))).toEqual(expected);
  });
});

describe('withPlacedUsers', () => {
  it('puts the users among the pairs in order', () => {
    const line = '192.0.2.8 - jsmith [04/Dec/2026:07:50:03 +0000] "GET /?q=1 HTTP/1.1" 200 512 rt=0.2';
    const merged = withPlacedUsers(findKeyValues(line), placedUsers(line));
    const starts = merged.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(texts(line, merged).map(([t]) => t)).toContain('jsmith');
  });

  it('a pair whose value is the user token in its brackets gives way to the user (FreeRADIUS)', () => {
    const line = 'Thu Dec  4 07:50:03 2026 : Auth: (42) Login OK: [lgarcia] (from client vpn port 0)';
    const users = placedUsers(line);
    expect(texts(line, users).map(([t]) => t)).toEqual(['lgarcia']);
    const around: KvSpan = { start: users[0].start - 1, end: users[0].end + 1, path: ['OK'], encoding: 'bare' };
    expect(withPlacedUsers([around], users)).toEqual(users);
  });

  it('a user span inside a longer pair is left to the pair', () => {
    const line = 'msg="192.0.2.8 - bob [04/Dec/2026:07:50:03 +0000] \\"GET /\\"" x=1';
    const pair: KvSpan = { start: 5, end: line.indexOf('" x=1'), path: ['msg'], encoding: 'quoted' };
    const users: KvSpan[] = [{ start: line.indexOf('bob'), end: line.indexOf('bob') + 3, path: ['remote_user'], encoding: 'bare', alone: true }];
    expect(withPlacedUsers([pair], users)).toEqual([pair]);
  });
});
