/**
 * The users servers write in a fixed place of their lines (inline/daemon-users.ts), and the lines as
 * the text format anonymizes them. Line layouts as each server's documentation describes them
 * (vsftpd's log, Squid's native access.log fields, OpenVPN's client instance prefix, FreeRADIUS's
 * auth log, MySQL's general and slow query logs, PostgreSQL's csvlog); names from faker's username generator (not logveil's).
 */
import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../../src/anonymizer.js';
import { daemonUser } from '../../../src/formats/inline/daemon-users.js';
import { textFormat } from '../../../src/formats/text.js';
import { anonymizingVisitor } from '../../../src/visitors.js';
import { runFormat } from '../../support/format-run.js';

const anonymized = async (text: string): Promise<string> =>
  (await runFormat(textFormat, text, anonymizingVisitor(createAnonymizer()), { source: 'daemon.log' })).text;

const user = (line: string) => daemonUser(line).map((s) => [line.slice(s.start, s.end), s.path[0]]);

/** Each server's line with the name in its place. */
const LAYOUTS: Array<[string, (name: string) => string, string]> = [
  ['vsftpd login', (n) => `Thu Dec  4 07:50:03 2026 [pid 4242] [${n}] OK LOGIN: Client "198.51.100.7"`, 'ftp_user'],
  ['vsftpd failed upload', (n) => `Thu Dec  4 07:50:03 2026 [pid 4242] [${n}] FAIL UPLOAD: Client "198.51.100.7", "/srv/in/a.csv"`, 'ftp_user'],
  ['Squid native', (n) => `1764844800.123    120 198.51.100.7 TCP_MISS/200 4096 GET http://example.com/ ${n} HIER_DIRECT/203.0.113.5 text/html`, 'squid_user'],
  ['OpenVPN client prefix', (n) => `2026-12-04 07:50:03 us=123456 ${n}/198.51.100.7:51820 MULTI_sva: pool returned IPv4=10.8.0.6`, 'vpn_user'],
  ['OpenVPN peer', (n) => `2026-12-04 07:50:03 198.51.100.7:51820 [${n}] Peer Connection Initiated with [AF_INET]198.51.100.7:51820`, 'vpn_user'],
  ['FreeRADIUS ok', (n) => `Thu Dec  4 07:50:03 2026 : Auth: (42) Login OK: [${n}] (from client vpn-gw port 0 cli 198.51.100.7)`, 'radius_user'],
  ['FreeRADIUS incorrect', (n) => `Thu Dec  4 07:50:03 2026 : Auth: (43) Login incorrect (pap: Cleartext password does not match): [${n}] (from client vpn-gw port 0)`, 'radius_user'],
  ['MySQL general log', (n) => `2026-12-04T07:50:03.123456Z\t   42 Connect\t${n}@localhost on shop using Socket`, 'mysql_user'],
  [
    'PostgreSQL csvlog',
    (n) => `2026-12-04 07:50:03.123 UTC,"${n}","shop",4242,"198.51.100.7:51234",6750a1b2.1092,3,"SELECT",2026-12-04 07:50:00 UTC,3/1234,0,ERROR,42501,"permission denied for table orders",,,,,,"SELECT 1",,,"psql","client backend",,0`,
    'pg_user',
  ],
];

describe('daemonUser', () => {
  it.each(LAYOUTS)('%s', (_why, line, key) => {
    expect(user(line('kchen'))).toEqual([['kchen', key]]);
  });

  it("MySQL's slow query log: the user and the account it was granted as", () => {
    expect(user('# User@Host: kchen[kchen] @ web1.example.com [198.51.100.7]  Id:    42')).toEqual([
      ['kchen', 'mysql_user'],
      ['kchen', 'mysql_user'],
    ]);
    expect(user('# User@Host: app_rw[] @  [198.51.100.7]')).toEqual([['app_rw', 'mysql_user']]);
    expect(user('# Time: 2026-12-04T07:50:03.123456Z')).toEqual([]);
    expect(user('# Query_time: 2.000123  Lock_time: 0.000101 Rows_sent: 1  Rows_examined: 42')).toEqual([]);
  });

  it("MySQL's slow query log, anonymized: both names, the host and address as the line's scan finds them", async () => {
    expect(await anonymized('# User@Host: kchen[kchen] @ web1.example.com [198.51.100.7]  Id:    42\n# User@Host: root[root] @ localhost []  Id:     3\n')).toBe(
      '# User@Host: <USERNAME>[<USERNAME>] @ web1.example.com [<IP_ADDRESS>]  Id:    42\n# User@Host: root[root] @ localhost []  Id:     3\n',
    );
  });

  it('FreeRADIUS with password logging: the user before the /, the rest is the line\'s', () => {
    expect(user('Thu Dec  4 07:50:03 2026 : Auth: (42) Login OK: [kchen/hunter2] (from client vpn-gw port 0)')).toEqual([['kchen', 'radius_user']]);
  });

  it.each([
    ['vsftpd through syslog', 'Dec  4 07:50:03 ftp01 vsftpd[4242]: [kchen] OK LOGIN: Client "198.51.100.7"', 'ftp_user'],
    ['OpenVPN through syslog', 'Dec  4 07:50:03 vpn01 openvpn[77]: kchen/198.51.100.7:51820 MULTI_sva: pool returned IPv4=10.8.0.6', 'vpn_user'],
    ['OpenVPN with a ctime', 'Thu Dec  4 07:50:03 2026 kchen/198.51.100.7:51820 SENT CONTROL [kchen]: PUSH_REPLY', 'vpn_user'],
    ['vsftpd, a zero-padded day and a fraction of a second', 'Thu Dec 04 07:50:03.123456 2026 [pid 4242] [kchen] OK LOGIN: Client "198.51.100.7"', 'ftp_user'],
    ['FreeRADIUS 2, no request number', 'Thu Dec  4 07:50:03 2026 : Auth: Login OK: [kchen] (from client vpn-gw port 0)', 'radius_user'],
    ['MySQL 5 general log', '261204  7:50:03\t   42 Connect\tkchen@localhost on shop', 'mysql_user'],
    ['MySQL 5 general log, a line within the same second', '\t\t   43 Connect\tkchen@localhost on shop', 'mysql_user'],
  ])('%s', (_why, line, key) => {
    expect(user(line)).toEqual([['kchen', key]]);
  });

  it.each([
    ['vsftpd without a user', 'Thu Dec  4 07:50:03 2026 [pid 4242] CONNECT: Client "198.51.100.7"'],
    ['an HTTP version after a slash', '198.51.100.7 - - "GET / HTTP/1.1" 200 512'],
    ['a proxy and its address, no message word', 'via proxy/192.0.2.1:3128 connected'],
    ['a path before an address', 'GET /files/192.0.2.1:80 Done'],
    ['PostgreSQL csvlog of a background process (no user)', '2026-12-04 07:50:04.456 CET,,,4243,,6750a1b2.1093,1,,2026-12-04 07:50:00 CET,,0,LOG,00000,"checkpoint starting: time",,,,,,,,,"","checkpointer",,0'],
    ['MySQL access denied (the for-user convention reads it)', "2026-12-04T07:50:03Z\t   43 Connect\tAccess denied for user 'x'@'localhost'"],
    ['a login word, no RADIUS layout', 'Login OK: welcome back'],
    ['a Squid-like line without the hierarchy', '1764844800.123    120 198.51.100.7 TCP_MISS/200 4096 GET http://example.com/ kchen text/html'],
  ])('%s: none', (_why, line) => {
    expect(daemonUser(line)).toEqual([]);
  });
});

describe('daemon lines, anonymized', () => {
  faker.seed(20261206);
  const names = Array.from({ length: 120 }, () => faker.internet.username().toLowerCase()).filter((n) => /^[a-z][-a-z0-9_]{2,31}$/.test(n));

  it('replaces every generated user name in every layout, and nothing else of the line', async () => {
    expect(names.length).toBeGreaterThan(40);
    const lines = names.map((n, i) => LAYOUTS[i % LAYOUTS.length][1](n));
    const out = (await anonymized(lines.join('\n') + '\n')).split('\n');
    lines.forEach((line, i) => {
      const n = names[i];
      const expected = line.replace(n, '<USERNAME>').replace(/198\.51\.100\.7|203\.0\.113\.5|10\.8\.0\.6/g, '<IP_ADDRESS>');
      expect(out[i], line).toBe(expected);
    });
  });

  it('system accounts and anonymous users stay', async () => {
    const input = [LAYOUTS[0][1]('root'), LAYOUTS[2][1]('-'), LAYOUTS[7][1]('root')].join('\n') + '\n';
    const out = await anonymized(input);
    expect(out).toContain('[root] OK LOGIN');
    expect(out).toContain('http://example.com/ - HIER_DIRECT');
    expect(out).toContain('Connect\troot@localhost');
  });
});
