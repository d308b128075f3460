import { describe, expect, it } from 'vitest';
import { anonymizingVisitor, createAnonymizer, scanningVisitor, type PolicyInput } from '../../src/index.js';
import { visitLine } from '../../src/formats/text.js';
import { OPERATOR_NAMES } from '../../src/operators/index.js';

/**
 * Loopback and unspecified addresses identify nobody: the IP detectors keep them by default
 * (`ip_address.keep_loopback`), and a field rule (a dictionary key such as remote_addr, a word-built
 * key such as src_ip, an explicit rule) keeps them too, instead of replacing the whole value as an
 * IP_ADDRESS regardless (issue 10 §3).
 */

const LOOPBACK = ['127.0.0.1', '127.0.1.1', '127.255.255.254', '0.0.0.0', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'];
/** Generated addresses in the documentation ranges (RFC 5737, RFC 3849): found under the same keys. */
const REAL = Array.from({ length: 12 }, (_, k) => (k % 3 === 2 ? `2001:db8:${(k * 4099).toString(16)}::${k + 1}` : `${['192.0.2', '198.51.100', '203.0.113'][k % 3]}.${(k * 37) % 254 + 1}`));

const lines = (ip: string): string[] => [
  `{"ts":"2026-11-14T06:57:58.873Z","level":"info","msg":"health check","remote_addr":"${ip}"}`,
  `2026-12-03 10:11:12,345 INFO  [main] c.e.web.Access - request ok client_ip=${ip} status=200`,
  `2026-12-03 10:11:12 INFO 健康检查 src_ip=${ip} 耗时 12ms`,
  `客户端IP：${ip} 登录成功`,
  `peer.remote_addr=${ip} took=3ms`,
];

const textOf = (policy: PolicyInput) => {
  const visitor = anonymizingVisitor(createAnonymizer({ policy, key: Buffer.alloc(32, 9) }));
  return (line: string) => visitLine(visitor, line, 0);
};

describe('loopback under an IP field', () => {
  it.each(OPERATOR_NAMES.map((op) => [op]))('kept by default (%s), in EN and ZH lines and JSON', (operator) => {
    const run = textOf({ version: 1, operator });
    for (const ip of LOOPBACK) for (const line of lines(ip)) expect(run(line), line).toBe(line);
  });

  it('other addresses under the same keys are still replaced', () => {
    const run = textOf({ version: 1 });
    for (const ip of REAL) for (const line of lines(ip)) expect(run(line), line).not.toContain(ip);
  });

  it('replaced with keep_loopback: false', () => {
    const run = textOf({ version: 1, ip_address: { keep_loopback: false } });
    // Not 0.0.0.0: all zeros under any field rule is a placeholder (a mask), kept whatever the type.
    for (const ip of LOOPBACK.filter((v) => v !== '0.0.0.0')) for (const line of lines(ip)) expect(run(line), line).toContain('<IP_ADDRESS>');
    expect(run('note 0.0.0.0 seen')).toBe('note <IP_ADDRESS> seen');
  });

  it('under an explicit rule and fields.names too', () => {
    const keep = textOf({ version: 1, fields: { names: { peer: 'IP_ADDRESS' }, rules: [{ match: 'upstream', as: 'IP_ADDRESS' }] } });
    expect(keep('peer=::1 upstream=127.0.0.1')).toBe('peer=::1 upstream=127.0.0.1');
    expect(keep('peer=192.0.2.7 upstream=198.51.100.9')).toBe('peer=<IP_ADDRESS> upstream=<IP_ADDRESS>');
    const replace = textOf({ version: 1, ip_address: { keep_loopback: false }, fields: { names: { peer: 'IP_ADDRESS' } } });
    expect(replace('peer=::1')).toBe('peer=<IP_ADDRESS>');
  });

  it('near misses: not a whole loopback address, so not kept by the rule', () => {
    const run = textOf({ version: 1 });
    // A loopback look-alike that is no address under an IP key is scanned (nothing found in it either way).
    expect(run('client_ip=127.0.0.1.5 x')).toBe('client_ip=127.0.0.1.5 x');
    // Addresses next to loopback in a list: the list is scanned, the real one found.
    expect(run('x_forwarded_for=127.0.0.1,192.0.2.44')).toBe('x_forwarded_for=127.0.0.1,<IP_ADDRESS>');
    // A loopback-like prefix of a real address.
    expect(run('client_ip=128.0.0.1')).toBe('client_ip=<IP_ADDRESS>');
    expect(run('client_ip=::2')).toBe('client_ip=<IP_ADDRESS>');
  });

  it('scan reports no finding for a kept loopback value', () => {
    const reports: string[] = [];
    const visitor = scanningVisitor(createAnonymizer(), (r) => reports.push(r.finding.type));
    visitLine(visitor, '{"remote_addr":"::1"} client_ip=127.0.0.1 src_ip=192.0.2.8', 0);
    expect(reports).toEqual(['IP_ADDRESS']);
  });
});
