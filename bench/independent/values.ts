/**
 * The values the independent evaluation plants: from @faker-js/faker in several locales (seeded) and
 * from generators written from the published algorithms (checks.ts, ../cn-resident-id.ts), each kept
 * only when an independent validator accepts it: `validator` (isEmail, isIP, isMACAddress,
 * isCreditCard, isLuhnNumber, isIBAN, isIMEI, isIdentityCard, isPassportNumber), libphonenumber-js/max
 * `isValidPhoneNumber`, and the checks of checks.ts where no package has one. Nothing here imports
 * logveil's detectors.
 */
import { allFakers, type Faker } from '@faker-js/faker';
import { isValidPhoneNumber, parsePhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import validator from 'validator';
import { isValidResidentId, makeResidentId, REGION_CODES } from '../cn-resident-id.js';
import { hkIdCheckChar, isValidOldResidentId, isValidSsn, isValidUscc, luhnCheckDigit, makeSsn, makeUscc, twIdCheckDigit, USCC_CHARS } from './checks.js';

export type ValueType =
  | 'PHONE' | 'EMAIL' | 'IPV4' | 'IPV6' | 'MAC' | 'CARD' | 'IBAN' | 'CN_RESIDENT_ID'
  | 'CN_USCC' | 'US_SSN' | 'IMEI' | 'CN_PASSPORT' | 'HK_ID' | 'TW_NATIONAL_ID' | 'USERNAME' | 'BANK_ACCOUNT';

/** A planted value and where it may go. */
export interface Value {
  readonly type: ValueType;
  readonly notation: string;
  readonly text: string;
  /** Written right before / after the value and not part of it (`tel:`, the `ip-` … `.ec2.internal` of a host name). */
  readonly prefix?: string;
  readonly suffix?: string;
  /** Only in a line that names it (a key, a column, a label): a value no one could tell without its word. */
  readonly needsWord?: boolean;
  /** The key or column it is written under (word-built field names); else one of the type's keys. */
  readonly key?: string;
  /** The label with a note it follows (`Phone (mobile):`), for the 'context with a note' shape. */
  readonly label?: string;
  /** Only in these log shapes (a convention of that system: `Invalid user X from`). */
  readonly shapes?: readonly string[];
  /**
   * Left by a decision, said here: the value has no evidence a reader could use, and finding it would
   * break a look-alike that real logs hold far more often. Reported on its own, not in the recall.
   */
  readonly decided?: string;
}

/** Locales and the region their phone numbers belong to. */
export const PHONE_LOCALES: readonly [string, CountryCode][] = [
  ['en_US', 'US'], ['en_GB', 'GB'], ['de', 'DE'], ['fr', 'FR'], ['zh_CN', 'CN'], ['ja', 'JP'], ['zh_TW', 'TW'],
  ['pt_BR', 'BR'], ['ko', 'KR'], ['en_IN', 'IN'], ['it', 'IT'], ['es', 'ES'], ['nl', 'NL'], ['ru', 'RU'],
];
/** The regions whose national numbers are planted (and that the configured policy lists). */
export const PLANTED_REGIONS: readonly CountryCode[] = [...PHONE_LOCALES.map(([, r]) => r), 'HK'];
const EMAIL_LOCALES = ['en_US', 'de', 'fr', 'zh_CN', 'ja', 'zh_TW', 'ko', 'ru', 'pt_BR'];
const CARD_ISSUERS = ['visa', 'mastercard', 'american_express', 'discover', 'diners_club', 'jcb'];
const IBAN_COUNTRIES = ['DE', 'GB', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'PL', 'AT', 'SE', 'PT', 'IE', 'NO'];

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
function groupCard(d: string, sep = ' '): string {
  if (d.length === 15 || d.length === 14) return `${d.slice(0, 4)}${sep}${d.slice(4, 10)}${sep}${d.slice(10)}`;
  return d.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
}

/** `s` cut into groups of the given sizes (the last takes the rest), joined by `sep`. */
export function groups(s: string, sizes: readonly number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    if (at >= s.length) break;
    out.push(s.slice(at, at + n));
    at += n;
  }
  if (at < s.length) out.push(s.slice(at));
  return out.join(sep);
}

/** IPv6 in its canonical compressed form, by the URL parser (RFC 5952 as Node writes it). */
const compressV6 = (v6: string) => new URL(`http://[${v6}]/`).hostname.slice(1, -1);

/** The day faker's relative dates (`recent`, `birthdate`) count from, so a seed gives one corpus on any day. */
export const REF_DATE = new Date('2026-12-03T12:00:00Z');

export function makeValues(seed: number, per: number): Value[] {
  const fakerFor = (locale: string): Faker => {
    const f = allFakers[locale as keyof typeof allFakers];
    f.seed(seed);
    f.setDefaultRefDate(REF_DATE); // dates drawn relative to a fixed day, not today: the same corpus every run
    return f;
  };
  /** Up to `n` distinct values from `make` that `valid` accepts (at most 40 tries per value). */
  const collect = (make: () => string, valid: (v: string) => boolean, n = per): string[] => {
    const out = new Set<string>();
    for (let tries = 0; out.size < n && tries < n * 40; tries++) {
      const v = make();
      if (valid(v)) out.add(v);
    }
    return [...out];
  };
  const values: Value[] = [];
  const add = (type: ValueType, notation: string, texts: readonly string[], more: Partial<Value> = {}) =>
    texts.forEach((text) => values.push({ type, notation, text, ...more }));
  const half = Math.ceil(per / 2), quarter = Math.ceil(per / 4);
  const en = fakerFor('en_US');

  // Phones: faker's numbers of 14 locales, as faker and as libphonenumber write them.
  const intl: string[] = [];
  for (const [locale, region] of PHONE_LOCALES) {
    const f = fakerFor(locale);
    for (const style of ['human', 'national', 'international'] as const) {
      for (const p of collect(() => f.phone.number({ style }), (v) => isValidPhoneNumber(v, region))) {
        const notation = phoneNotation(p);
        // A national notation only means something with its region: say which.
        values.push({ type: 'PHONE', notation: notation === 'E.164' || notation.startsWith('international') ? notation : `${notation} (${region})`, text: p });
      }
    }
    for (const p of collect(() => f.phone.number({ style: 'international' }), (v) => isValidPhoneNumber(v, region)).slice(0, half)) {
      const n = parsePhoneNumber(p, region);
      values.push({ type: 'PHONE', notation: `libphonenumber national (${region})`, text: n.formatNational() });
      values.push({ type: 'PHONE', notation: 'libphonenumber international', text: n.formatInternational() });
      values.push({ type: 'PHONE', notation: 'tel: URI (RFC 3966)', text: n.getURI().slice('tel:'.length), prefix: 'tel:' });
      intl.push(n.formatInternational());
    }
  }
  // Brazil's mobiles as people write them: +55 11 91234-5678 (area code, 9, eight digits).
  const br = fakerFor('pt_BR');
  const brMobiles = collect(() => `${br.helpers.arrayElement(['11', '21', '31', '41', '51', '61', '71', '81', '91'])}9${br.string.numeric(8)}`, (v) => isValidPhoneNumber(`+55${v}`));
  add('PHONE', 'BR mobile +55 AA 9XXXX-XXXX', brMobiles.slice(0, half).map((nn) => `+55 ${nn.slice(0, 2)} ${nn.slice(2, 7)}-${nn.slice(7)}`));
  // In a URL query (or after `=`) taken whole across its inner spaces: `mobile=+33 6 12 34 56 78`.
  add('PHONE', 'international with spaces in a URL query', intl.filter((p) => p.includes(' ')).filter((_, i) => i % 4 === 0), { shapes: ['app log, URL query'] });
  const cnf = fakerFor('zh_CN');
  // CN landlines with a space or dash inside the subscriber number: `0755-8888 1234`, `010 6552 9988`.
  const AREAS = ['010', '020', '021', '022', '023', '028', '029', '0755', '0571', '0512', '0731', '0871'];
  const landlines = collect(() => `${cnf.helpers.arrayElement(AREAS)}|${cnf.number.int({ min: 2, max: 8 })}${cnf.string.numeric(7)}`, (v) => isValidPhoneNumber(v.replace('|', ''), 'CN'));
  add('PHONE', 'CN landline, space inside the number (CN)', landlines.map((v, i) => {
    const [area, sub] = v.split('|');
    return `${area}${i % 2 ? '-' : ' '}${sub.slice(0, 4)} ${sub.slice(4)}`;
  }));
  // Country codes in brackets without `+`: `(852) 5123 4567`, `(86)138…`.
  const hk = collect(() => `${cnf.helpers.arrayElement(['5', '6', '9'])}${cnf.string.numeric(7)}`, (v) => isValidPhoneNumber(`+852${v}`));
  add('PHONE', 'country code in brackets, no + ((852) …)', hk.slice(0, half).map((v) => `(852) ${v.slice(0, 4)} ${v.slice(4)}`));
  const cnMobiles = collect(() => cnf.phone.number({ style: 'national' }).replace(/\D/g, ''), (v) => /^1\d{10}$/.test(v) && isValidPhoneNumber(v, 'CN'));
  add('PHONE', 'country code in brackets, no + ((86)…)', cnMobiles.slice(0, half).map((v) => `(86)${v}`));
  // Bare CN mobiles inside Chinese sentences, compact and 3-4-4.
  add('PHONE', 'CN mobile glued in a Chinese sentence', cnMobiles.slice(half), { shapes: ['chinese sentence'] });
  add('PHONE', 'CN mobile 3-4-4 in a Chinese sentence', cnMobiles.slice(0, half).map((v, i) => groups(v, [3, 4, 4], i % 2 ? '-' : ' ')), { shapes: ['chinese sentence'] });
  // Context with a note between word and value.
  add('PHONE', 'after a label with a note (Phone (mobile): …)', intl.filter((_, i) => i % 7 === 1).slice(0, half), { label: 'Phone (mobile):' });
  // Word-built field names.
  for (const [i, key] of ['callback_number', 'custMobile', 'contact_phone', '手机号码1'].entries()) {
    add('PHONE', 'under a word-built key', (key === '手机号码1' ? cnMobiles : intl.filter((p) => !p.includes(' '))).slice(i * 5, i * 5 + quarter), { key });
    add('PHONE', 'under a word-built key', intl.filter((p) => p.includes(' ')).slice(i * 3, i * 3 + 3), { key });
  }

  for (const locale of EMAIL_LOCALES) {
    const f = fakerFor(locale);
    add('EMAIL', 'as faker writes it', collect(() => f.internet.email(), (v) => validator.isEmail(v)));
  }
  const emails = collect(() => en.internet.email(), (v) => validator.isEmail(v));
  for (const key of ['user_email', 'emailAddr']) add('EMAIL', 'under a word-built key', emails.slice(0, quarter), { key });

  for (const network of ['any', 'private-a', 'private-b', 'private-c', 'test-net-1', 'test-net-2', 'test-net-3'] as const) {
    // faker's 'any' draws from all of IPv4, loopback 127/8 too: those identify nobody and are kept by
    // default (issue 10 §2), so they are not planted as personal values.
    const planted = (v: string) => validator.isIP(v, 4) && (network !== 'any' || !v.startsWith('127.'));
    add('IPV4', network === 'any' ? 'any but loopback' : network, collect(() => en.internet.ipv4({ network }), planted));
  }
  const v4 = collect(() => en.internet.ipv4(), (v) => validator.isIP(v, 4));
  // Java's `host.example.com/10.1.2.3:8020`.
  add('IPV4', 'after a host name and /', v4.slice(0, half), { shapes: ['hadoop ipc client'] });
  // Zero-padded octets: the address the URL parser reads is the one validated.
  add('IPV4', 'zero-padded octets', v4.slice(half).map((v) => v.split('.').map((o) => o.padStart(3, '0')).join('.')));
  // Embedded in host names: the embedded address counts as planted.
  const hosts: [string, string, (ip: string) => string][] = [
    ['ip-', '.ec2.internal', (ip) => ip.replaceAll('.', '-')],
    ['adsl-', '.dsl.example.net', (ip) => ip.replaceAll('.', '-')],
    ['host', '.example.com', (ip) => ip],
  ];
  v4.slice(0, per).forEach((ip, i) => {
    const [prefix, suffix, write] = hosts[i % hosts.length];
    values.push({ type: 'IPV4', notation: `embedded in a host name (${prefix}…${suffix})`, text: write(ip), prefix, suffix, shapes: ['sshd reverse lookup', 'kubernetes node event'] });
  });
  for (const key of ['src_ip', 'client_addr', 'x-forwarded-for']) add('IPV4', 'under a word-built key', v4.slice(0, quarter), { key });

  const v6 = collect(() => en.internet.ipv6(), (v) => validator.isIP(v, 6));
  add('IPV6', 'full 8 groups', v6);
  // Faker's groups are rarely zero: zero a run of them, as real addresses have, and let the URL parser compress it.
  const withZeros = v6.map((v, k) => {
    const from = k % 2 ? 2 : 5; // a run of three zero groups inside, or at the end
    return v.split(':').map((grp, i) => (i >= from && i <= from + 2 ? '0' : grp)).join(':');
  });
  const compressed = withZeros.map(compressV6).filter((v) => validator.isIP(v, 6) && v.includes('::'));
  add('IPV6', 'compressed', compressed);
  add('IPV6', 'followed by :port, no brackets (HAProxy, Apache [client])', [...v6.slice(0, quarter), ...compressed.slice(0, quarter)], { shapes: ['haproxy http', 'apache error (client)'] });

  for (const [separator, notation] of [[':', 'colons'], ['-', 'dashes']] as const) {
    const macs = collect(() => en.internet.mac({ separator }), (v) => validator.isMACAddress(v));
    add('MAC', `${notation} lower case`, macs);
    add('MAC', `${notation} upper case`, macs.map((m) => m.toUpperCase()));
  }

  let jcb: string[] = [];
  for (const issuer of CARD_ISSUERS) {
    const cards = collect(() => en.finance.creditCardNumber({ issuer }), (v) => validator.isCreditCard(v));
    const digits = cards.map((c) => c.replace(/\D/g, ''));
    if (issuer === 'jcb') jcb = digits;
    add('CARD', `${issuer} as faker writes it`, cards.filter((c) => /\D/.test(c)));
    add('CARD', `${issuer} digits only`, digits);
    add('CARD', `${issuer} grouped as printed, spaces`, digits.filter((d) => d.length >= 14).map((d) => groupCard(d)).filter((v) => validator.isCreditCard(v)));
    if (issuer === 'jcb') add('CARD', 'jcb grouped, dashes', digits.filter((d) => d.length === 16).slice(0, half).map((d) => groupCard(d, '-')));
  }
  // Brands faker does not make: Mir (2200–2204, 16 digits), UATP (1, 15 digits); Luhn checked by validator.
  const luhn = (body: string) => body + luhnCheckDigit(body);
  const mir = collect(() => luhn(`220${en.number.int({ min: 0, max: 4 })}${en.string.numeric(11)}`), (v) => validator.isLuhnNumber(v));
  add('CARD', 'mir digits only', mir.slice(0, half));
  add('CARD', 'mir grouped, dashes', mir.slice(half).map((d) => groupCard(d, '-')));
  const uatp = collect(() => luhn(`1${en.string.numeric(13)}`), (v) => validator.isLuhnNumber(v));
  add('CARD', 'uatp digits only', uatp.slice(0, half), { needsWord: true });
  add('CARD', 'uatp grouped 4-5-6, dashes', uatp.slice(half).map((d) => groups(d, [4, 5, 6], '-')));
  add('CARD', 'in a TSV row (jcb, mir)', [...jcb.slice(0, 10), ...mir.slice(0, 10)], { shapes: ['tsv settlement row'] });
  // UATP compact with nothing around it that says card: a 15-digit run starting with 1 that passes Luhn
  // is, in real logs, far more often a thread id (pthread ids print as 139…/140…: Apache's `tid`,
  // Python's %(thread)d) or a nanosecond clock; the look-alikes below hold both.
  add('CARD', 'uatp compact without a card word, field or header', uatp.slice(0, 10), {
    shapes: ['tsv settlement row', 'mybatis parameters', 'hibernate binding'],
    decided: 'nothing tells it from a thread id or a nanosecond clock (README, PAYMENT_CARD)',
  });
  // A Luhn-valid 12–19 digit value under a card field is a card even when its IIN is unknown.
  const unknownIin = collect(() => luhn(`9${en.string.numeric(en.number.int({ min: 11, max: 17 }))}`), (v) => validator.isLuhnNumber(v));
  add('CARD', 'unknown IIN under a card key', unknownIin.slice(0, half), { needsWord: true });
  for (const key of ['cardNo', 'payment.card']) add('CARD', 'under a word-built key', mir.slice(0, quarter), { key });

  for (const countryCode of IBAN_COUNTRIES) {
    const ibans = collect(() => en.finance.iban({ formatted: false, countryCode }), (v) => validator.isIBAN(v)).slice(0, quarter);
    add('IBAN', 'compact', ibans);
    const grouped = ibans.map((i) => i.replace(/(.{4})(?=.)/g, '$1 '));
    add('IBAN', 'groups of 4 with spaces', grouped.filter((v) => validator.isIBAN(v)));
    add('IBAN', 'groups of 4, lower case', grouped.map((v) => v.toLowerCase()).filter((v) => validator.isIBAN(v)));
    add('IBAN', 'groups of 4 with dashes', grouped.map((v) => v.replaceAll(' ', '-')).filter((v) => validator.isIBAN(v)));
    // validator reads only spaces and dashes: these are validated compact, then written.
    add('IBAN', 'groups of 4 with dots', ibans.slice(0, 3).map((v) => v.replace(/(.{4})(?=.)/g, '$1.')));
    add('IBAN', 'irregular groups with spaces', ibans.slice(3, 6).map((v) => groups(v, [2, 2, 5, 3, 6, 4], ' ')));
    add('IBAN', 'compact, lower case', ibans.slice(6, 9).map((v) => v.toLowerCase()));
  }

  const birth = () => cnf.date.birthdate({ mode: 'age', min: 18, max: 80 });
  const newId = () => makeResidentId(cnf.helpers.arrayElement(REGION_CODES), birth(), cnf.number.int({ min: 1, max: 999 }));
  const ids = collect(newId, (v) => isValidResidentId(v) && validator.isIdentityCard(v, 'zh-CN'));
  add('CN_RESIDENT_ID', 'ending in a digit', ids.filter((i) => !i.endsWith('X')));
  add('CN_RESIDENT_ID', 'ending in X', collect(newId, (v) => v.endsWith('X') && isValidResidentId(v)).slice(0, half));
  // First-generation 15-digit ids after `旧身份证号(15位)`: a unit note between word and value.
  const old = collect(() => {
    const b = cnf.date.birthdate({ mode: 'age', min: 45, max: 80 });
    return `${cnf.helpers.arrayElement(REGION_CODES)}${b.toISOString().slice(2, 10).replaceAll('-', '')}${cnf.string.numeric(3)}`;
  }, isValidOldResidentId);
  add('CN_RESIDENT_ID', '15 digits after 旧身份证号(15位)', old.slice(0, half), { label: '旧身份证号(15位)' });

  // CN USCC (GB 32100-2015), validated by checks.ts.
  const usccChar = () => en.helpers.arrayElement([...USCC_CHARS]);
  const uscc = collect(() => makeUscc(en.helpers.arrayElement(['1', '5', '9', 'Y']), en.helpers.arrayElement(['1', '2', '3']), en.helpers.arrayElement(REGION_CODES), Array.from({ length: 8 }, usccChar).join('')), isValidUscc);
  add('CN_USCC', 'compact', uscc.slice(0, half));
  add('CN_USCC', 'spaced 4-4-4-4-2', uscc.slice(half).map((v) => groups(v, [4, 4, 4, 4], ' ')));

  // US SSN: SSA's issuing rules (checks.ts); always after an SSN word.
  const ssn = collect(() => makeSsn(en.number.int({ min: 1, max: 899 }), en.number.int({ min: 1, max: 99 }), en.number.int({ min: 1, max: 9999 })), isValidSsn);
  const q = (k: number) => ssn.slice(k * quarter, (k + 1) * quarter);
  add('US_SSN', 'dashed 3-2-4', q(0).map((v) => groups(v, [3, 2], '-')), { needsWord: true });
  add('US_SSN', 'dots 3.2.4', q(1).map((v) => groups(v, [3, 2], '.')), { needsWord: true });
  add('US_SSN', 'spaces 3 2 4', q(2).map((v) => groups(v, [3, 2], ' ')), { needsWord: true });
  add('US_SSN', 'bare 9 digits after an SSN word', q(3), { needsWord: true });

  // IMEI: TAC, serial, Luhn (validator.isIMEI); IMEISV: TAC, serial, 2-digit software version (its first 14 digits with their Luhn digit an IMEI).
  const imeis = collect(() => luhn(`${en.helpers.arrayElement(['35', '86', '01', '99'])}${en.string.numeric(12)}`), (v) => validator.isIMEI(v));
  const imeiForms: [string, (v: string) => string][] = [
    ['compact', (v) => v],
    ['2-6-6-1 dashes', (v) => groups(v, [2, 6, 6], '-')],
    ['2-6-6-1 spaces', (v) => groups(v, [2, 6, 6], ' ')],
    ['6-2-6-1 dashes', (v) => groups(v, [6, 2, 6], '-')],
    ['8-6-1 dashes', (v) => groups(v, [8, 6], '-')],
    ['8-6-1 spaces', (v) => groups(v, [8, 6], ' ')],
  ];
  imeiForms.forEach(([notation, write], k) => add('IMEI', notation, imeis.slice(k * 6, k * 6 + 6).map(write), { needsWord: true }));
  const sv = imeis.slice(0, 12).map((v, i) => v.slice(0, 14) + String(i * 7 % 99).padStart(2, '0')).filter((v) => validator.isIMEI(luhn(v.slice(0, 14))));
  add('IMEI', 'IMEISV compact (16 digits)', sv.slice(0, 6), { needsWord: true });
  add('IMEI', 'IMEISV 2-6-6-2 dashes', sv.slice(6).map((v) => groups(v, [2, 6, 6], '-')), { needsWord: true });
  add('IMEI', 'after a label with a note (IMEI [slot 1] = …)', imeis.slice(0, 10), { label: 'IMEI [slot 1] =' });

  // CN passports (validator.isPassportNumber 'CN'): E + 8 digits, E + letter + 7 digits, G + 8 digits.
  const passports = collect(() => en.helpers.arrayElement([
    () => `E${en.string.numeric(8)}`,
    () => `E${en.helpers.arrayElement([...'ABCDEFGHJKLMNPQRSTUVWXYZ'])}${en.string.numeric(7)}`,
    () => `G${en.string.numeric(8)}`,
  ])(), (v) => validator.isPassportNumber(v, 'CN'));
  add('CN_PASSPORT', 'letter and 8 characters, after a passport word', passports.slice(0, half), { needsWord: true });

  // HK ids (validator.isIdentityCard 'zh-HK').
  const hkIds = collect(() => {
    const prefix = en.helpers.arrayElement(['A', 'C', 'K', 'R', 'Z', 'XA', 'WX']);
    const d = en.string.numeric(6);
    return `${prefix}${d}(${hkIdCheckChar(prefix, d)})`;
  }, (v) => validator.isIdentityCard(v, 'zh-HK'));
  add('HK_ID', 'check char in brackets', hkIds.slice(0, half));
  add('HK_ID', 'without brackets, after an id word', hkIds.slice(half).map((v) => v.replace(/[()]/g, '')), { needsWord: true });

  // TW national ids (validator.isIdentityCard 'zh-TW').
  const twIds = collect(() => {
    const letter = en.helpers.arrayElement([...'ABCDEFGHJKLMNPQRSTUVXYWZIO']);
    const d = `${en.helpers.arrayElement(['1', '2'])}${en.string.numeric(7)}`;
    return `${letter}${d}${twIdCheckDigit(letter, d)}`;
  }, (v) => validator.isIdentityCard(v, 'zh-TW'));
  add('TW_NATIONAL_ID', 'letter and 9 digits', twIds.slice(0, half));

  // Bank accounts: no check to validate; 10–17 digits, compact or in fours, after an account word.
  const accounts = collect(() => `${en.number.int({ min: 1, max: 9 })}${en.string.numeric(en.number.int({ min: 9, max: 16 }))}`, (v) => /^[1-9]\d{9,16}$/.test(v));
  add('BANK_ACCOUNT', 'digits after an account word', accounts.slice(0, half), { needsWord: true });
  add('BANK_ACCOUNT', 'groups of 4 after an account word', accounts.slice(half).map((v) => groups(v, [4, 4, 4, 4], ' ')), { needsWord: true });

  // User names (Debian adduser's NAME_REGEX, ^[a-z][-a-z0-9_]*$), by the conventions logs write them in.
  const users = collect(() => en.internet.username().toLowerCase(), (v) => /^[a-z][-a-z0-9_]{2,31}$/.test(v), Math.max(per, 90));
  const conventions: [string, string[], Partial<Value>][] = [
    ['sshd Invalid user / Accepted password for … from', ['sshd auth (user)'], {}],
    ['PAM user= / ruser=', ['pam auth failure'], {}],
    ['Dovecot user=<…>', ['dovecot login'], {}],
    ['/home/…/ path', ['home path'], {}],
    ['C:\\Users\\…\\ path', ['windows user path'], {}],
    ['shell prompt …@host', ['shell prompt'], {}],
    ['under a userName key', [], { key: 'userName', needsWord: true }],
    ['access log remote user (CLF %u)', ['nginx access (remote_user)'], {}],
    ['PostgreSQL log prefix %u@%d', ['postgresql log'], {}],
    ['IIS W3C log cs-username', ['iis w3c (cs-username)'], {}],
    ['vsftpd [pid N] [X] OK LOGIN', ['vsftpd log'], {}],
    ['Squid native access.log user', ['squid access (user)'], {}],
    ['OpenVPN X/address:port', ['openvpn (common name)'], {}],
    ['FreeRADIUS Login OK: [X]', ['freeradius auth'], {}],
    ['Linux audit acct="X"', ['linux audit (acct)'], {}],
    ['Cisco ASA user = X', ['cisco asa (user =)'], {}],
    ['MySQL general log Connect X@host', ['mysql general log'], {}],
  ];
  conventions.forEach(([notation, shapes, more], k) =>
    add('USERNAME', notation, users.slice(k * 5, k * 5 + 5), { ...(shapes.length ? { shapes } : {}), ...more }));
  return values;
}
