/**
 * Independent evaluation (issue 10, part 1): values nobody on this project wrote, placed in log lines
 * shaped like real systems' logs, run through logveil's public API with the default policy.
 *
 * - Values come from @faker-js/faker in several locales (seeded), and Chinese resident ids from
 *   bench/cn-resident-id.ts (written from GB 11643, not from logveil). Each value is kept only when an
 *   independent validator accepts it: `validator` (isEmail, isIP, isMACAddress, isCreditCard, isIBAN),
 *   libphonenumber-js/max `isValidPhoneNumber`, and the resident-id check of cn-resident-id.ts.
 *   Nothing here imports logveil's detectors or bench/generate.ts.
 * - A value counts as removed when every letter and digit of it lies inside a finding (and the value
 *   no longer appears in the output); partly covered values are counted apart, as misses.
 * - Look-alikes (timestamps, epoch millis, UUIDs, hex hashes, versions, order ids, ports, durations)
 *   count as broken when a finding touches them; clean lines must come back byte-identical.
 * - Misses are printed by class (type, notation, log shape) with the value replaced by its shape
 *   (digits 9, letters a): a raw value is never printed. Always exits 0: it is a report.
 *
 *   node dist/bench/eval-independent.js [--seed 20261203] [--per 40]
 */
import { allFakers, type Faker } from '@faker-js/faker';
import { isValidPhoneNumber, parsePhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';
import { createAnonymizer } from '../src/index.js';
import { isValidResidentId, makeResidentId, REGION_CODES } from './cn-resident-id.js';
import { header, numberArg } from './env.js';
import { valueShape } from './value-shape.js';

const seed = numberArg('seed', 20261203);
/** Valid values wanted per (type, notation source); fewer when the generator rarely passes the validator. */
const per = numberArg('per', 40);

type ValueType = 'PHONE' | 'EMAIL' | 'IPV4' | 'IPV6' | 'MAC' | 'CARD' | 'IBAN' | 'CN_RESIDENT_ID';
/** `prefix` is written before the value and is not part of it (the `tel:` of a URI). */
interface Value { type: ValueType; notation: string; text: string; prefix?: string }

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/** Locales and the region their phone numbers belong to. */
const PHONE_LOCALES: [string, CountryCode][] = [
  ['en_US', 'US'], ['en_GB', 'GB'], ['de', 'DE'], ['fr', 'FR'], ['zh_CN', 'CN'], ['ja', 'JP'], ['zh_TW', 'TW'],
  ['pt_BR', 'BR'], ['ko', 'KR'], ['en_IN', 'IN'], ['it', 'IT'], ['es', 'ES'], ['nl', 'NL'], ['ru', 'RU'],
];
const EMAIL_LOCALES = ['en_US', 'de', 'fr', 'zh_CN', 'ja', 'zh_TW', 'ko', 'ru', 'pt_BR'];
const CARD_ISSUERS = ['visa', 'mastercard', 'american_express', 'discover', 'diners_club', 'jcb'];
const IBAN_COUNTRIES = ['DE', 'GB', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'PL', 'AT', 'SE', 'PT', 'IE', 'NO'];

function fakerFor(locale: string): Faker {
  const f = allFakers[locale as keyof typeof allFakers];
  f.seed(seed);
  return f;
}

/** Up to `per` values from `make` that `valid` accepts (at most 40 tries per value). */
function collect(make: () => string, valid: (v: string) => boolean): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < per && tries < per * 40; tries++) {
    const v = make();
    if (valid(v)) out.add(v);
  }
  return [...out];
}

/** The notation of a phone number as written: what a reader sees first. */
function phoneNotation(p: string): string {
  if (/\d\s*(x|ext\.?)\s*\d/i.test(p)) return 'with extension';
  if (/^\+\d+$/.test(p)) return 'E.164';
  const intl = p.startsWith('+') ? 'international ' : 'national ';
  if (p.includes('(')) return `${intl}with parentheses`;
  if (p.includes('.')) return `${intl}with dots`;
  if (p.includes('-')) return `${intl}with dashes`;
  if (p.includes(' ')) return `${intl}with spaces`;
  return `${intl}digits only`;
}

/** A card number grouped as cards print it: 4-6-5 (15 digits, Amex), 4-6-4 (14, Diners), else fours. */
function groupCard(d: string): string {
  if (d.length === 15) return `${d.slice(0, 4)} ${d.slice(4, 10)} ${d.slice(10)}`;
  if (d.length === 14) return `${d.slice(0, 4)} ${d.slice(4, 10)} ${d.slice(10)}`;
  return d.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** IPv6 in its canonical compressed form, by the URL parser (RFC 5952 as Node writes it). */
const compressV6 = (v6: string) => new URL(`http://[${v6}]/`).hostname.slice(1, -1);

function makeValues(): Value[] {
  const values: Value[] = [];
  const add = (type: ValueType, notation: string, texts: string[]) => texts.forEach((text) => values.push({ type, notation, text }));

  for (const [locale, region] of PHONE_LOCALES) {
    const f = fakerFor(locale);
    for (const style of ['human', 'national', 'international'] as const) {
      for (const p of collect(() => f.phone.number({ style }), (v) => isValidPhoneNumber(v, region))) {
        const notation = phoneNotation(p);
        // A national notation only means something with its region: say which.
        values.push({ type: 'PHONE', notation: notation === 'E.164' || notation.startsWith('international') ? notation : `${notation} (${region})`, text: p });
      }
    }
    // The same numbers as libphonenumber writes them: each region's own national and international layout.
    for (const p of collect(() => f.phone.number({ style: 'international' }), (v) => isValidPhoneNumber(v, region)).slice(0, Math.ceil(per / 2))) {
      const n = parsePhoneNumber(p, region);
      values.push({ type: 'PHONE', notation: `libphonenumber national (${region})`, text: n.formatNational() });
      values.push({ type: 'PHONE', notation: 'libphonenumber international', text: n.formatInternational() });
      values.push({ type: 'PHONE', notation: 'tel: URI (RFC 3966)', text: n.getURI().slice('tel:'.length), prefix: 'tel:' });
    }
  }
  for (const locale of EMAIL_LOCALES) {
    const f = fakerFor(locale);
    add('EMAIL', 'as faker writes it', collect(() => f.internet.email(), (v) => validator.isEmail(v)));
  }
  const en = fakerFor('en_US');
  for (const network of ['any', 'private-a', 'private-b', 'private-c', 'test-net-1', 'test-net-2', 'test-net-3'] as const) {
    add('IPV4', network === 'any' ? 'public' : network, collect(() => en.internet.ipv4({ network }), (v) => validator.isIP(v, 4)));
  }
  const v6 = collect(() => en.internet.ipv6(), (v) => validator.isIP(v, 6));
  add('IPV6', 'full 8 groups', v6);
  // Faker's groups are rarely zero: zero a run of them, as real addresses have, and let the URL parser compress it.
  const withZeros = v6.map((v, k) => {
    const from = k % 2 ? 2 : 5; // a run of three zero groups inside, or at the end
    return v.split(':').map((grp, i) => (i >= from && i <= from + 2 ? '0' : grp)).join(':');
  });
  add('IPV6', 'compressed', withZeros.map(compressV6).filter((v) => validator.isIP(v, 6) && v.includes('::')));
  for (const [separator, notation] of [[':', 'colons'], ['-', 'dashes']] as const) {
    const macs = collect(() => en.internet.mac({ separator }), (v) => validator.isMACAddress(v));
    add('MAC', `${notation} lower case`, macs);
    add('MAC', `${notation} upper case`, macs.map((m) => m.toUpperCase()));
  }
  for (const issuer of CARD_ISSUERS) {
    const cards = collect(() => en.finance.creditCardNumber({ issuer }), (v) => validator.isCreditCard(v));
    const digits = cards.map((c) => c.replace(/\D/g, ''));
    add('CARD', `${issuer} as faker writes it`, cards.filter((c) => /\D/.test(c)));
    add('CARD', `${issuer} digits only`, digits);
    add('CARD', `${issuer} grouped as printed, spaces`, digits.filter((d) => d.length >= 14).map(groupCard).filter((v) => validator.isCreditCard(v)));
  }
  for (const countryCode of IBAN_COUNTRIES) {
    const ibans = collect(() => en.finance.iban({ formatted: false, countryCode }), (v) => validator.isIBAN(v));
    add('IBAN', 'compact', ibans.slice(0, Math.ceil(per / 4)));
    const grouped = ibans.slice(0, Math.ceil(per / 4)).map((i) => i.replace(/(.{4})(?=.)/g, '$1 '));
    add('IBAN', 'groups of 4 with spaces', grouped.filter((v) => validator.isIBAN(v)));
    add('IBAN', 'groups of 4, lower case', grouped.map((v) => v.toLowerCase()).filter((v) => validator.isIBAN(v)));
    add('IBAN', 'groups of 4 with dashes', grouped.map((v) => v.replaceAll(' ', '-')).filter((v) => validator.isIBAN(v)));
  }
  const cn = fakerFor('zh_CN');
  const ids = collect(() => {
    const birth = cn.date.birthdate({ mode: 'age', min: 18, max: 80 });
    return makeResidentId(cn.helpers.arrayElement(REGION_CODES), birth, cn.number.int({ min: 1, max: 999 }));
  }, isValidResidentId);
  add('CN_RESIDENT_ID', 'ending in a digit', ids.filter((i) => !i.endsWith('X')));
  add('CN_RESIDENT_ID', 'ending in X', collect(() => {
    const birth = cn.date.birthdate({ mode: 'age', min: 18, max: 80 });
    return makeResidentId(cn.helpers.arrayElement(REGION_CODES), birth, cn.number.int({ min: 1, max: 999 }));
  }, (v) => v.endsWith('X') && isValidResidentId(v)).slice(0, Math.ceil(per / 2)));
  return values;
}

// ---------------------------------------------------------------------------------------------
// Log lines: parts that are plain text, a planted value, or a look-alike that must survive
// ---------------------------------------------------------------------------------------------

type Part = string | { value: Value } | { lookalike: string; text: string };
interface Line { shape: string; parts: Part[] }

const g = fakerFor('en');
const two = (n: number) => String(n).padStart(2, '0');
const L = (lookalike: string, text: string): Part => ({ lookalike, text });
const iso = () => L('timestamp', g.date.recent({ days: 30 }).toISOString());
const epochMs = () => L('epoch millis', String(g.date.recent({ days: 30 }).getTime()));
const uuid = () => L('uuid', g.string.uuid());
const sha = () => L('hex hash', g.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' }));
const span16 = () => L('hex hash', g.string.hexadecimal({ length: 16, casing: 'lower', prefix: '' }));
const version = () => L('version', g.system.semver());
const orderId = () => L('order id', `${g.date.recent().toISOString().slice(0, 10).replaceAll('-', '')}${g.string.numeric(10)}`);
const port = () => L('port', String(g.internet.port()));
const duration = () => L('duration', `${g.number.int({ min: 1, max: 9999 })}ms`);
const pid = () => String(g.number.int({ min: 200, max: 65000 }));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function syslogTs(): Part {
  const d = g.date.recent();
  return L('timestamp', `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)}`);
}
function clfTs(): Part {
  const d = g.date.recent();
  return L('timestamp', `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`);
}
/** Apache error log time: `Wed Dec 02 20:55:36.123456 2026`. */
function apacheTs(): Part {
  const d = g.date.recent();
  const [day, , , year] = d.toUTCString().split(' ');
  return L('timestamp', `${day.slice(0, 3)} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.toISOString().slice(11, 19)}.${g.string.numeric(6)} ${year}`);
}
const javaTs = () => L('timestamp', g.date.recent().toISOString().replace('T', ' ').replace('Z', '').replace('.', ','));
function logcatTs(): Part {
  const d = g.date.recent();
  return L('timestamp', `${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${d.toISOString().slice(11, 23)}`);
}

/** Field names a system would use for a type. */
const KEYS: Record<ValueType, string[]> = {
  PHONE: ['mobile', 'phone', 'contactPhone', 'tel'],
  EMAIL: ['email', 'mail', 'userEmail'],
  IPV4: ['client_ip', 'remote_addr', 'src'],
  IPV6: ['client_ip', 'remote_addr', 'src'],
  MAC: ['mac', 'wifi_mac', 'bssid'],
  CARD: ['cardNo', 'pan', 'card_number'],
  IBAN: ['iban', 'payee_iban', 'account'],
  CN_RESIDENT_ID: ['idCard', 'id_no', 'certNo'],
};
const CN_WORDS: Partial<Record<ValueType, string>> = { PHONE: '手机号', CN_RESIDENT_ID: '身份证号', EMAIL: '邮箱', CARD: '银行卡号' };
const isIp = (t: ValueType) => t === 'IPV4' || t === 'IPV6';
/** JSON string body of a text (the quotes are written by the template). */
const j = (s: string) => JSON.stringify(s).slice(1, -1);

interface Template { shape: string; accepts: (v: Value) => boolean; build: (v: Value, key: string) => Part[] }

const TEMPLATES: Template[] = [
  {
    shape: 'nginx access (client)', accepts: (v) => isIp(v.type),
    build: (v) => [{ value: v }, ' - - [', clfTs(), '] "GET /api/v2/orders/', orderId(), ' HTTP/1.1" 200 ', String(g.number.int(90000)), ' "-" "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" rt=', L('duration', `0.${g.string.numeric(3)}`)],
  },
  {
    shape: 'nginx access (query)', accepts: (v) => !/\s/.test(v.text) && !isIp(v.type),
    build: (v, key) => ['198.51.100.23 - - [', clfTs(), '] "GET /account/lookup?', key, '=', { value: v }, '&ts=', epochMs(), ' HTTP/2.0" 200 512 "https://shop.example.com/" "okhttp/', version(), '"'],
  },
  {
    shape: 'sshd auth', accepts: (v) => isIp(v.type),
    build: (v) => [syslogTs(), ' bastion sshd[', pid(), ']: ', g.helpers.arrayElement(['Accepted publickey for deploy from ', 'Failed password for invalid user oracle from ', 'Connection closed by authenticating user root ']), { value: v }, ' port ', port(), ' ssh2'],
  },
  {
    shape: 'postfix smtpd', accepts: (v) => isIp(v.type) || v.type === 'EMAIL',
    build: (v) => v.type === 'EMAIL'
      ? [syslogTs(), ' mx1 postfix/qmgr[', pid(), ']: ', L('queue id', g.string.alphanumeric({ length: 11, casing: 'upper' })), ': from=<', { value: v }, '>, size=', String(g.number.int(99999)), ', nrcpt=1 (queue active)']
      : [syslogTs(), ' mx1 postfix/smtpd[', pid(), ']: connect from unknown[', { value: v }, ']'],
  },
  {
    shape: 'apache error (client)', accepts: (v) => isIp(v.type),
    build: (v) => ['[', apacheTs(), '] [proxy_fcgi:error] [pid ', pid(), ':tid ', L('order id', g.string.numeric(15)), '] [client ', { value: v }, ':', port(), '] AH01071: Got error \'Primary script unknown\''],
  },
  {
    shape: 'haproxy http', accepts: (v) => isIp(v.type),
    build: (v) => [syslogTs(), ' lb1 haproxy[', pid(), ']: ', { value: v }, ':', port(), ' [', clfTs(), '] www~ app/web02 ', L('duration', `0/0/1/${g.number.int(400)}/${g.number.int(400)}`), ' 200 ', String(g.number.int(9999)), ' - - ---- 12/12/0/0/0 0/0 "GET /health HTTP/1.1"'],
  },
  {
    shape: 'cloudtrail-like json', accepts: (v) => isIp(v.type) || v.type === 'EMAIL',
    build: (v) => ['{"eventVersion":"1.08","eventTime":"', L('timestamp', g.date.recent().toISOString().slice(0, 19) + 'Z'), '","eventName":"ConsoleLogin","', v.type === 'EMAIL' ? 'userName' : 'sourceIPAddress', '":"', { value: v }, '","requestID":"', uuid(), '","recipientAccountId":"', L('order id', g.string.numeric(12)), '"}'],
  },
  {
    shape: 'hibernate binding', accepts: (v) => !isIp(v.type),
    build: (v) => [javaTs(), ' TRACE [http-nio-8080-exec-7] o.h.t.d.s.BasicBinder - binding parameter [', String(g.number.int({ min: 1, max: 9 })), '] as [VARCHAR] - [', { value: v }, ']'],
  },
  {
    shape: 'syslog RFC 5424', accepts: () => true,
    build: (v, key) => ['<165>1 ', iso(), ' app01.example.com billing ', pid(), ' ID47 [meta@32473 seq="', String(g.number.int(9999)), '"] ', key, '=', { value: v }, ' order=', orderId(), ' took ', duration()],
  },
  {
    shape: 'docker json-file', accepts: () => true,
    build: (v, key) => ['{"log":"', L('timestamp', g.date.recent().toISOString().slice(11, 23)), ' INFO contact saved ', key, ': ', { value: { ...v, text: j(v.text) } }, '\\n","stream":"stdout","time":"', iso(), '"}'],
  },
  {
    shape: 'kubernetes structured json', accepts: () => true,
    build: (v, key) => ['{"ts":"', iso(), '","level":"info","logger":"profile-svc","msg":"profile updated","', key, '":"', { value: { ...v, text: j(v.text) } }, '","request_id":"', uuid(), '","duration_ms":', L('duration', String(g.number.int(3000))), '}'],
  },
  {
    shape: 'java app with MDC', accepts: () => true,
    build: (v, key) => [javaTs(), ' INFO  [http-nio-8080-exec-', String(g.number.int({ min: 1, max: 200 })), '] c.e.shop.ProfileService [traceId=', span16(), ' spanId=', span16(), '] - update ', key, '=', { value: v }, ' build=', version()],
  },
  {
    shape: 'mybatis parameters', accepts: (v) => !v.text.includes(','),
    build: (v) => [javaTs(), ' DEBUG [main] c.e.m.CustomerMapper.insert - ==> Parameters: ', L('order id', g.string.numeric(12)), '(Long), ', { value: v }, '(String), ', L('timestamp', g.date.recent().toISOString().replace('T', ' ').slice(0, 19)), '(Timestamp)'],
  },
  {
    shape: 'android logcat', accepts: () => true,
    build: (v, key) => [logcatTs(), `  ${pid()}  ${pid()} I ContactSync: sync ok `, key, ' ', { value: v }, ' in ', duration()],
  },
  {
    shape: 'chinese app line', accepts: (v) => CN_WORDS[v.type] !== undefined,
    build: (v) => [javaTs(), ' INFO [order-worker-3] 用户实名认证通过 ', CN_WORDS[v.type]!, '：', { value: v }, ' 订单号：', orderId()],
  },
];

/** Lines with look-alikes only: every one must come back byte-identical. */
const CLEAN: (() => Part[])[] = [
  () => [syslogTs(), ' bastion sshd[', pid(), ']: pam_unix(sshd:session): session closed for user deploy'],
  () => ['<14>1 ', iso(), ' worker07 scheduler ', pid(), ' - - job ', uuid(), ' finished in ', duration(), ' exit=0 ts=', epochMs()],
  () => [javaTs(), ' INFO  [main] o.s.b.StartupInfoLogger - Started App v', version(), ' on port ', port(), ' in ', L('duration', `${g.number.int(20)}.${g.string.numeric(3)}`), ' seconds'],
  () => ['{"ts":"', iso(), '","level":"debug","msg":"cache hit","key":"', sha(), '","order_id":"', orderId(), '"}'],
  () => [logcatTs(), `  ${pid()}  ${pid()} D GC: freed 2048K, 12% free, paused `, duration(), ' commit ', sha()],
  () => [javaTs(), ' DEBUG [main] c.e.m.OrderMapper.select - ==> Parameters: ', orderId(), '(String), ', epochMs(), '(Long)'],
];

function buildLines(values: Value[]): Line[] {
  const lines: Line[] = [];
  for (const v of values) {
    const fits = TEMPLATES.filter((t) => t.accepts(v));
    const t = g.helpers.arrayElement(fits);
    lines.push({ shape: t.shape, parts: t.build(v, g.helpers.arrayElement(KEYS[v.type])) });
  }
  for (let i = 0; i < values.length / 4; i++) lines.push({ shape: 'clean', parts: g.helpers.arrayElement(CLEAN)() });
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** The line with each finding written as ⟦its shape⟧. */
function shapeFindings(text: string, findings: readonly { start: number; end: number }[]): string {
  let out = '', at = 0;
  for (const f of [...findings].sort((x, y) => x.start - y.start)) {
    if (f.start < at) continue;
    out += `${text.slice(at, f.start)}⟦${valueShape(text.slice(f.start, f.end))}⟧`;
    at = f.end;
  }
  return out + text.slice(at);
}

interface Tally { planted: number; removed: number; partial: number }
const pct = (n: number, d: number) => (d === 0 ? '    -  ' : `${((100 * n) / d).toFixed(2).padStart(6)}%`);

function main(): void {
  const values = makeValues();
  const lines = buildLines(values);
  const a = createAnonymizer();
  const byType = new Map<string, Tally>();
  const byNotation = new Map<string, Tally>();
  const missClasses = new Map<string, { count: number; example: string }>();
  const brokenByKind = new Map<string, { total: number; broken: number; example?: string }>();
  let clean = 0, cleanSame = 0, notIdempotent = 0;
  const byShape = new Map<string, Tally>();

  for (const line of lines) {
    let text = '';
    const spans: { part: Exclude<Part, string>; start: number; end: number }[] = [];
    for (const p of line.parts) {
      if (typeof p !== 'string' && 'value' in p && p.value.prefix) text += p.value.prefix;
      const s = typeof p === 'string' ? p : 'value' in p ? p.value.text : p.text;
      if (typeof p !== 'string') spans.push({ part: p, start: text.length, end: text.length + s.length });
      text += s;
    }
    const findings = a.findings(text);
    const out = a.anonymize(text);
    if (a.anonymize(out) !== out) notIdempotent++;
    if (line.shape === 'clean') {
      clean++;
      if (out === text) cleanSame++;
    }
    for (const sp of spans) {
      const covered = (i: number) => findings.some((f) => f.start <= i && i < f.end);
      if ('lookalike' in sp.part) {
        const k = brokenByKind.get(sp.part.lookalike) ?? { total: 0, broken: 0 };
        k.total++;
        if (findings.some((f) => f.start < sp.end && sp.start < f.end)) {
          k.broken++;
          // Look-alikes are not personal, but the line may hold a value: print it with every finding as ⟦its shape⟧.
          k.example ??= shapeFindings(text, findings);
        }
        brokenByKind.set(sp.part.lookalike, k);
        continue;
      }
      const v = sp.part.value;
      const inner = [...text.slice(sp.start, sp.end)].map((c, i) => ({ c, i: sp.start + i })).filter(({ c }) => /[\p{L}\p{N}]/u.test(c));
      const hit = inner.filter(({ i }) => covered(i)).length;
      const removed = hit === inner.length && !out.includes(v.text);
      for (const [map, key] of [[byType, v.type], [byNotation, `${v.type} · ${v.notation}`], [byShape, line.shape]] as const) {
        const t = map.get(key) ?? { planted: 0, removed: 0, partial: 0 };
        t.planted++;
        if (removed) t.removed++;
        else if (hit > 0) t.partial++;
        map.set(key, t);
      }
      if (!removed) {
        const cls = `${v.type} · ${v.notation} · ${line.shape} · ${hit > 0 ? 'partly replaced' : 'not found'}`;
        const c = missClasses.get(cls) ?? { count: 0, example: text.slice(0, sp.start) + valueShape(text.slice(sp.start, sp.end)) + text.slice(sp.end) };
        c.count++;
        missClasses.set(cls, c);
      }
    }
  }

  const out: string[] = [header('logveil independent evaluation (faker values, independent validators, real-log shapes)'), `seed     ${seed}  (--per ${per})`, ''];
  out.push(`${'type'.padEnd(16)}${'planted'.padStart(8)}${'removed'.padStart(9)}${'partial'.padStart(9)}${'recall'.padStart(9)}`);
  let all = 0, allRemoved = 0;
  for (const [t, s] of [...byType].sort()) {
    all += s.planted;
    allRemoved += s.removed;
    out.push(`${t.padEnd(16)}${String(s.planted).padStart(8)}${String(s.removed).padStart(9)}${String(s.partial).padStart(9)}${pct(s.removed, s.planted).padStart(9)}`);
  }
  out.push(`${'all'.padEnd(16)}${String(all).padStart(8)}${String(allRemoved).padStart(9)}${''.padStart(9)}${pct(allRemoved, all).padStart(9)}`, '');
  out.push('Per notation (recall, planted):');
  for (const [n, s] of [...byNotation].sort()) out.push(`  ${pct(s.removed, s.planted)} ${String(s.planted).padStart(5)}  ${n}${s.partial ? `  (${s.partial} partly replaced)` : ''}`);
  out.push('', 'Look-alikes broken (a finding touches them):');
  let lk = 0, lkBroken = 0;
  for (const [k, s] of [...brokenByKind].sort()) {
    lk += s.total;
    lkBroken += s.broken;
    out.push(`  ${k.padEnd(14)} ${String(s.broken).padStart(5)} / ${String(s.total).padEnd(6)} ${pct(s.broken, s.total)}`);
    if (s.example) out.push(`        e.g. ${s.example}`);
  }
  out.push(`  ${'all'.padEnd(14)} ${String(lkBroken).padStart(5)} / ${String(lk).padEnd(6)} ${pct(lkBroken, lk)}`);
  out.push('', `Clean lines unchanged: ${cleanSame} / ${clean} (${pct(cleanSame, clean).trim()})`);
  out.push(`Anonymizing twice changes the first output: ${notIdempotent} / ${lines.length} lines (default operators)`, '');
  out.push('Recall per log shape:');
  for (const [n, s] of [...byShape].sort()) out.push(`  ${pct(s.removed, s.planted)} ${String(s.planted).padStart(5)}  ${n}`);
  out.push('');
  out.push(`Misses by class (${missClasses.size} classes; one example each, the value written as its shape):`);
  for (const [cls, c] of [...missClasses].sort((x, y) => y[1].count - x[1].count)) out.push(`  ${String(c.count).padStart(4)}  ${cls}`, `        ${c.example}`);
  console.log(out.join('\n'));
}

main();
