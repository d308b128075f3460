/**
 * The user name of IIS W3C extended log lines in IIS's default layout (inline/w3c-log.ts): the span
 * it gives, and the lines as the text format anonymizes them. Field order from IIS's default
 * `#Fields:` (Microsoft's W3C logging docs: date time s-ip cs-method cs-uri-stem cs-uri-query s-port
 * cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken).
 * Names are drawn from faker's username generator (not logveil's).
 */
import { faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createAnonymizer } from '../../../src/anonymizer.js';
import { iisUser } from '../../../src/formats/inline/w3c-log.js';
import { textFormat } from '../../../src/formats/text.js';
import { anonymizingVisitor } from '../../../src/visitors.js';
import { runFormat } from '../../support/format-run.js';

const anonymized = async (text: string): Promise<string> =>
  (await runFormat(textFormat, text, anonymizingVisitor(createAnonymizer()), { source: 'u_ex261204.log' })).text;

const user = (line: string) => iisUser(line).map((s) => [line.slice(s.start, s.end), s.path[0]]);
const TAIL = 'Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64) - 200 0 0 31';

describe('iisUser', () => {
  it.each([
    ['IIS 7+ default', `2026-12-04 07:50:03 192.0.2.10 GET /owa/ &ClientId=ABC 443 jdoe 198.51.100.7 ${TAIL}`, 'jdoe'],
    ['a domain account', `2026-12-04 07:50:03 192.0.2.10 GET /owa/ - 443 CONTOSO\\jdoe 198.51.100.7 ${TAIL}`, 'CONTOSO\\jdoe'],
    ['IPv6 addresses', `2026-12-04 07:50:03 2001:db8::10 POST /ews/exchange.asmx - 443 ann.lee 2001:db8::7 ${TAIL}`, 'ann.lee'],
    ['IIS 6: the site name first', `2026-12-04 07:50:03 W3SVC1 192.0.2.10 GET /index.html - 80 zhangwei 198.51.100.10 ${TAIL}`, 'zhangwei'],
    // IIS 5/6 defaults (date time c-ip cs-username s-ip s-port cs-method …), IIS 4/5 extended
    // (date time c-ip cs-username s-computername s-ip cs-method …), IIS's own comma format.
    ['IIS 5/6 default', '2026-12-04 17:42:15 198.51.100.7 jdoe 192.0.2.10 80 GET /images/picture.jpg - 200 Mozilla/4.0+(compatible;MSIE+5.5)', 'jdoe'],
    ['IIS 4/5 extended', '2026-12-04 10:48:02 198.51.100.44 CORP\\ann WEB1 192.0.2.24 GET /default.htm - 200 1703 279 0 HTTP/1.0', 'CORP\\ann'],
    ['IIS native', '198.51.100.201, jdoe, 12/04/26, 7:55:20, W3SVC2, SALES1, 192.0.2.45, 4502, 163, 3223, 200, 0, GET, /intro.htm, -,', 'jdoe'],
  ])('%s', (_why, line, name) => {
    expect(user(line)).toEqual([[name, 'cs-username']]);
  });

  it.each([
    ['anonymous (-)', `2026-12-04 07:50:03 192.0.2.10 GET / - 80 - 198.51.100.7 ${TAIL}`],
    ['an email: the scan finds it', `2026-12-04 07:50:03 192.0.2.10 GET / - 80 bo@example.com 198.51.100.7 ${TAIL}`],
    ['a header line', '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip'],
    ['an app log line with a level', `2026-12-04 07:50:03 INFO GET /owa/ - 443 jdoe 198.51.100.7 ${TAIL}`],
    ['no client address after the token', `2026-12-04 07:50:03 192.0.2.10 GET /owa/ - 443 jdoe done ${TAIL}`],
    ['no port before the token', `2026-12-04 07:50:03 192.0.2.10 GET /owa/ - jdoe 198.51.100.7 ${TAIL}`],
    ['a path that is no path', `2026-12-04 07:50:03 192.0.2.10 GET owa - 443 jdoe 198.51.100.7 ${TAIL}`],
    ['IIS 5/6 anonymous', '2026-12-04 17:42:15 198.51.100.7 - 192.0.2.10 80 GET /images/picture.jpg - 200 Mozilla/4.0'],
    ['an address and a word, no request after', '2026-12-04 17:42:15 198.51.100.7 connected 192.0.2.10 80 ok'],
    ['IIS native without date and time', '198.51.100.201, jdoe, W3SVC2, SALES1, 192.0.2.45, 4502'],
    ['a CSV row with an address first', '198.51.100.201, 2026-12-04, 7:55:20, ok'],
  ])('%s: none', (_why, line) => {
    expect(iisUser(line)).toEqual([]);
  });
});

describe('IIS log lines, anonymized', () => {
  faker.seed(20261205);
  const names = Array.from({ length: 200 }, () => faker.internet.username()).filter((n) => /^[A-Za-z][-.\w]{2,31}$/.test(n));

  it('replaces every generated user name (bare and with a domain), and nothing else of the line', async () => {
    expect(names.length).toBeGreaterThan(50);
    const lines = names.map(
      (n, i) => `2026-12-04 07:50:${String(i % 60).padStart(2, '0')} 192.0.2.10 GET /reports/q${i}.aspx id=${i} 443 ${i % 2 ? `CORP\\${n}` : n} 198.51.100.7 ${TAIL}`,
    );
    const out = (await anonymized(lines.join('\r\n') + '\r\n')).split('\r\n');
    lines.forEach((_, i) => {
      const who = i % 2 ? 'CORP\\<USERNAME>' : '<USERNAME>';
      expect(out[i]).toBe(`2026-12-04 07:50:${String(i % 60).padStart(2, '0')} <IP_ADDRESS> GET /reports/q${i}.aspx id=${i} 443 ${who} <IP_ADDRESS> ${TAIL}`);
    });
  });

  it('the header lines and anonymous requests stay as they are', async () => {
    const input = [
      '#Software: Microsoft Internet Information Services 10.0',
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
      `2026-12-04 07:50:04 192.0.2.10 POST /api/login - 443 - 198.51.100.8 ${TAIL}`,
    ].join('\n');
    expect(await anonymized(input + '\n')).toBe(
      [
        '#Software: Microsoft Internet Information Services 10.0',
        '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
        `2026-12-04 07:50:04 <IP_ADDRESS> POST /api/login - 443 - <IP_ADDRESS> ${TAIL}`,
      ].join('\n') + '\n',
    );
  });
});
