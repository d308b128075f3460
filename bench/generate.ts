/**
 * Generators for the benchmark corpus and the property tests: one per pattern type, producing VALID
 * values (check digits computed) in the forms logs write them, and look-alikes that must survive.
 * All values are synthetic: documentation IP ranges, example.com, fictional 555/7946 numbers, random
 * digits with computed check characters. Nothing here is a real person's data.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { cnResidentIdCheckChar, hkIdCheckChar, luhnCheckDigit, luhnValid, USCC_ALPHABET, usccCheckChar } from '../detectors/lib/checksum.js';
import type { Rng } from './random.js';

import { PATTERN_TYPES, type PatternType } from '../detectors/lib/types.js';

export { PATTERN_TYPES, type PatternType };

export type Lang = 'en' | 'zh';

/** A value as written: `before + value + after`; only `value` is the personal data (the planted span). */
export interface Sample {
  readonly type: PatternType;
  readonly value: string;
  /** Label and opening punctuation right before the value ('' when bare): `passport: `, `[`. */
  readonly before: string;
  /** What follows the value and belongs to it in writing: `:8080`, `]:443`; usually ''. */
  readonly after: string;
}

export type Generator = (r: Rng, lang: Lang) => Sample;

const sample = (type: PatternType, value: string, before = '', after = ''): Sample => ({ type, value, before, after });

/** A label from the language's list, or '' with probability `bare`. */
function label(r: Rng, lang: Lang, en: readonly string[], zh: readonly string[], bare: number): string {
  if (bare > 0 && r.chance(bare)) return '';
  return r.pick(lang === 'zh' ? zh : en);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A real past date: year in [lo, hi], valid day. */
function pastDate(r: Rng, lo: number, hi: number): { y: number; m: number; d: number } {
  const y = r.int(lo, hi);
  const m = r.int(1, 12);
  const d = r.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}

// ---------------------------------------------------------------------------------------------
// CN resident ID (GB 11643-1999)

/** Real county-level division codes (public, Ministry of Civil Affairs) across many provinces. */
const CN_DIVISIONS = [
  '110101', '110105', '110108', '120101', '130102', '140105', '150102', '210102', '220102', '230102',
  '310101', '310104', '310115', '320102', '320506', '330102', '330106', '340104', '350203', '360102',
  '370102', '370202', '410105', '420106', '430104', '440103', '440106', '440304', '440305', '450103',
  '460105', '500103', '510104', '510107', '520102', '530102', '540102', '610113', '620102', '630103',
  '640104', '650102',
];

function cnResidentIdBody(r: Rng): string {
  const { y, m, d } = pastDate(r, 1950, 2008);
  return r.pick(CN_DIVISIONS) + y + pad(m, 2) + pad(d, 2) + r.digits(3);
}

export function cnResidentIdValue(r: Rng, wantX = false): string {
  for (let i = 0; ; i++) {
    const body = cnResidentIdBody(r);
    const check = cnResidentIdCheckChar(body, 0, 17);
    if (!wantX || check === 'X' || i > 200) return body + check;
  }
}

const cnResidentId: Generator = (r, lang) => {
  const id = cnResidentIdValue(r, r.chance(0.2));
  const sep = r.pick([' ', ' ', '-']);
  const value = r.chance(0.2) ? `${id.slice(0, 6)}${sep}${id.slice(6, 14)}${sep}${id.slice(14)}` : id;
  const before = label(r, lang, ['id_card=', 'idNo: ', 'national_id='], ['身份证:', '身份证号：', '证件号码=', '身份证号码 '], 0.4);
  return sample('CN_RESIDENT_ID', value, before);
};

// ---------------------------------------------------------------------------------------------
// CN passport: no check digit, always after a context word

const PASSPORT_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I, O

const cnPassport: Generator = (r, lang) => {
  const kind = r.int(0, 2);
  const value = kind === 0 ? 'E' + r.digits(8) : kind === 1 ? 'E' + r.pick([...PASSPORT_LETTERS]) + r.digits(7) : 'G' + r.digits(8);
  const before = label(r, lang, ['passport=', 'passport no: ', 'passportNo=', 'Passport '], ['护照号:', '护照 ', '护照号码：', '证件号码:'], 0);
  return sample('CN_PASSPORT', value, before);
};

// ---------------------------------------------------------------------------------------------
// HK identity card

export function hkIdValue(r: Rng): { letters: string; digits: string; check: string } {
  const az = 'ABCDEFGHIJKLMNPRSTUVWYZ';
  const letters = r.chance(0.15) ? r.pick(['W', 'X', 'R']) + r.pick([...az]) : r.pick([...az]);
  const digits = r.digits(6);
  return { letters, digits, check: hkIdCheckChar(letters + digits, 0, letters.length + 6) };
}

const hkId: Generator = (r, lang) => {
  const { letters, digits, check } = hkIdValue(r);
  const parens = r.chance(0.6);
  // Chinese text may print the brackets full-width: A123456（3）.
  const [open, close] = parens && lang === 'zh' && r.chance(0.3) ? ['（', '）'] : ['(', ')'];
  const value = parens ? `${letters}${digits}${open}${check}${close}` : letters + digits + check;
  // Without parentheses `A1234567` is any ticket number: logs that carry it say what it is.
  const before = label(r, lang, ['HKID: ', 'hkid=', 'hk_id='], ['香港身份证:', '香港身份证号码 ', 'HKID:'], parens ? 0.5 : 0);
  return sample('HK_ID', value, before);
};

// ---------------------------------------------------------------------------------------------
// CN unified social credit code (GB 32100-2015), with a GB 11714 organization code inside

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function usccValue(r: Rng): string {
  const head = r.pick(['91', '91', '91', '92', '93', '11', '12', '51', '52', 'Y1']);
  const division = r.pick(CN_DIVISIONS);
  let org = '';
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    const ch = r.chance(0.85) ? r.digits(1) : USCC_ALPHABET[r.int(10, 30)];
    org += ch;
    const c = ch.charCodeAt(0);
    sum += (c <= 57 ? c - 48 : c - 55) * GB11714_WEIGHTS[k];
  }
  const c9 = 11 - (sum % 11);
  org += c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const body = head + division + org;
  return body + usccCheckChar(body, 0);
}

const cnUscc: Generator = (r, lang) =>
  sample(
    'CN_USCC',
    usccValue(r),
    label(r, lang, ['credit_code=', 'uscc: ', 'company_id='], ['统一社会信用代码:', '信用代码：', '企业代码 '], 0.4),
  );

// ---------------------------------------------------------------------------------------------
// US SSN

export function ssnParts(r: Rng): [string, string, string] {
  let area = r.int(1, 899);
  if (area === 666) area = 665;
  return [pad(area, 3), pad(r.int(1, 99), 2), pad(r.int(1, 9999), 4)];
}

const usSsn: Generator = (r, lang) => {
  const [a, g, s] = ssnParts(r);
  const dashed = r.chance(0.8);
  const value = dashed ? `${a}-${g}-${s}` : a + g + s;
  const before = label(r, lang, ['ssn=', 'SSN: ', 'social security number '], ['SSN:', '社会安全号码:'], dashed ? 0.5 : 0);
  return sample('US_SSN', value, before);
};

// ---------------------------------------------------------------------------------------------
// Phones: every number is checked with libphonenumber-js (full metadata) and redrawn if invalid

function validPhone(e164: string): boolean {
  const p = parsePhoneNumberFromString(e164);
  return p !== undefined && p.isValid();
}

/** Draw national digits until `+cc digits` is valid. */
function drawValid(r: Rng, cc: string, draw: () => string): string {
  for (let i = 0; i < 1000; i++) {
    const n = draw();
    if (validPhone(`+${cc}${n}`)) return n;
  }
  throw new Error(`no valid +${cc} number drawn`);
}

const CN_MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159', '166', '176', '177', '180', '181', '186', '187', '188', '189', '198', '199'];
const CN_AREAS: ReadonlyArray<[string, number]> = [['10', 8], ['21', 8], ['20', 8], ['755', 8], ['571', 8], ['28', 8], ['27', 8], ['25', 8], ['532', 8], ['29', 8]];
const US_AREAS = ['201', '202', '206', '212', '303', '312', '415', '617', '646', '718'];

function intlForm(r: Rng, e164: string): string {
  const p = parsePhoneNumberFromString(e164)!;
  return r.chance(0.6) ? p.formatInternational() : p.number;
}

const PHONE_LABEL_EN = ['phone=', 'tel: ', 'mobile=', 'contact: ', 'phone_number='];
const PHONE_LABEL_ZH = ['手机号:', '电话:', '联系电话：', '手机 ', '联系方式='];

const phone: Generator = (r, lang) => {
  const kind = r.int(0, 9);
  if (kind <= 3) {
    // CN mobile: bare, grouped, with +86, or with 86 and no + (as SMS gateways log them)
    const n = drawValid(r, '86', () => r.pick(CN_MOBILE_PREFIXES) + r.digits(8));
    const g = `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    const d = `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`;
    const value = r.pick([n, n, g, d, '+86' + n, '+86 ' + g, '+86-' + d, '86' + n]);
    return sample('PHONE', value, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.4));
  }
  if (kind === 4) {
    // CN landline: 010-12345678, 0755-12345678, (021)12345678
    const [area, len] = r.pick(CN_AREAS);
    const n = drawValid(r, '86', () => area + r.int(2, 8) + r.digits(len - 1));
    const local = n.slice(area.length);
    const value = r.chance(0.75) ? `0${area}-${local}` : `(0${area})${local}`;
    return sample('PHONE', value, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.3));
  }
  if (kind === 5) {
    // US fictional 555-01xx: a context word, or +1
    const n = drawValid(r, '1', () => r.pick(US_AREAS) + '55501' + r.digits(2));
    const nat = `(${n.slice(0, 3)}) ${n.slice(3, 6)}-${n.slice(6)}`;
    if (r.chance(0.5)) return sample('PHONE', r.pick([nat, `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`]), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0));
    return sample('PHONE', intlForm(r, '+1' + n), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
  }
  if (kind === 6) {
    // GB drama numbers 020 7946 0xxx
    const n = drawValid(r, '44', () => '2079460' + r.digits(3));
    if (r.chance(0.5)) return sample('PHONE', `0${n.slice(0, 2)} ${n.slice(2, 6)} ${n.slice(6)}`, label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0));
    return sample('PHONE', intlForm(r, '+44' + n), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
  }
  // International, written with the country code
  const [cc, draw] = r.pick<[string, () => string]>([
    ['44', () => '7400' + r.digits(6)],
    ['49', () => '30' + r.digits(r.int(7, 8))],
    ['33', () => r.int(1, 5) + r.digits(8)],
    ['81', () => '3' + r.digits(8)],
    ['91', () => r.int(7, 9) + r.digits(9)],
    ['852', () => r.pick(['2', '3', '5', '6', '9']) + r.digits(7)],
  ]);
  const n = drawValid(r, cc, draw);
  return sample('PHONE', intlForm(r, `+${cc}${n}`), label(r, lang, PHONE_LABEL_EN, PHONE_LABEL_ZH, 0.5));
};

// ---------------------------------------------------------------------------------------------
// Email

const GIVEN = ['wei', 'na', 'jing', 'lei', 'fang', 'min', 'alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'oscar'];
const FAMILY = ['zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'smith', 'jones', 'brown', 'miller', 'garcia', 'tanaka'];
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'corp.example.org', 'test.example.com', 'dev.test.example.net'];

export function emailValue(r: Rng): string {
  const g = r.pick(GIVEN);
  const f = r.pick(FAMILY);
  let local = r.pick([`${g}.${f}`, `${f}${g}`, `${g[0]}${f}`, `${g}_${f}${r.int(1, 99)}`, `${f}.${g}${r.int(1980, 2005)}`]);
  if (r.chance(0.15)) local += '+' + r.pick(['test', 'news', 'dev', 'shop']);
  let domain = r.pick(DOMAINS);
  if (r.chance(0.15)) {
    local = local[0].toUpperCase() + local.slice(1);
    domain = domain.replace('example', 'Example');
  }
  if (r.chance(0.03)) domain = domain.toUpperCase();
  return `${local}@${domain}`;
}

const email: Generator = (r, lang) => {
  const value = emailValue(r);
  const before = label(r, lang, ['email=', 'user ', 'to=<', 'from: ', 'mail='], ['邮箱:', '电子邮件：', '用户 '], 0.3);
  return sample('EMAIL', value, before, before.endsWith('<') ? '>' : '');
};

// ---------------------------------------------------------------------------------------------
// IP addresses: documentation ranges only (RFC 5737, RFC 3849)

export function ipv4Value(r: Rng): string {
  return `${r.pick(['192.0.2', '198.51.100', '203.0.113'])}.${r.int(1, 254)}`;
}

export function ipv6Value(r: Rng): string {
  const groups = ['2001', 'db8', r.hex(r.int(1, 4)), r.hex(4), '0', '0', r.hex(r.int(1, 4)), r.hex(r.int(1, 4))];
  const form = r.int(0, 3);
  if (form === 0) return groups.map((g) => g.padStart(4, '0')).join(':'); // full
  if (form === 1) return `2001:db8::${r.hex(r.int(1, 4))}`;
  if (form === 2) return `2001:db8:${groups[2]}:${groups[3]}::${groups[6]}:${groups[7]}`;
  return groups.join(':'); // uncompressed, no leading zeros
}

const ipAddress: Generator = (r, lang) => {
  const before = label(r, lang, ['client=', 'ip=', 'from ', 'remote_addr=', 'peer '], ['客户端IP:', '来源IP=', 'IP地址：'], 0.4);
  if (r.chance(0.7)) {
    return sample('IP_ADDRESS', ipv4Value(r), before, r.chance(0.3) ? `:${r.int(1024, 65535)}` : '');
  }
  const v6 = ipv6Value(r);
  if (r.chance(0.3)) return sample('IP_ADDRESS', v6, before + '[', `]:${r.pick([443, 8443, 8080, r.int(1024, 65535)])}`);
  return sample('IP_ADDRESS', v6, before);
};

// ---------------------------------------------------------------------------------------------
// MAC addresses: locally administered unicast (first byte x2/x6/xA/xE)

export function macBytes(r: Rng): string[] {
  const b = [(r.int(0, 255) & 0xfc) | 0x02];
  for (let i = 0; i < 5; i++) b.push(r.int(0, 255));
  return b.map((x) => x.toString(16).padStart(2, '0'));
}

const macAddress: Generator = (r, lang) => {
  const b = macBytes(r);
  const form = r.int(0, 3);
  const value =
    form === 0 ? b.join(':') : form === 1 ? b.join(':').toUpperCase() : form === 2 ? b.join('-').toUpperCase() : `${b[0]}${b[1]}.${b[2]}${b[3]}.${b[4]}${b[5]}`;
  return sample('MAC_ADDRESS', value, label(r, lang, ['mac=', 'MAC: ', 'hwaddr ', 'src_mac='], ['设备MAC:', 'MAC地址：'], 0.4));
};

// ---------------------------------------------------------------------------------------------
// IMEI: TAC + serial + Luhn; a context word, or written 2-6-6-1

export function imeiValue(r: Rng): string {
  const body = r.pick(['35', '86', '01', '99']) + r.digits(12);
  return body + luhnCheckDigit(body);
}

const imei: Generator = (r, lang) => {
  const v = imeiValue(r);
  if (r.chance(0.3)) {
    const grouped = `${v.slice(0, 2)}-${v.slice(2, 8)}-${v.slice(8, 14)}-${v.slice(14)}`;
    return sample('IMEI', grouped, label(r, lang, ['IMEI: ', 'imei='], ['设备IMEI:', 'IMEI号 '], 0.5));
  }
  return sample('IMEI', v, label(r, lang, ['IMEI: ', 'imei=', 'device_imei='], ['设备IMEI:', 'IMEI号 ', 'imei:'], 0));
};

// ---------------------------------------------------------------------------------------------
// Payment cards: IIN + length + Luhn

export function cardValue(r: Rng): { brand: string; digits: string } {
  const [brand, prefix, len] = r.pick<[string, () => string, number]>([
    ['visa', () => '4' + r.digits(5), 16],
    ['visa', () => '4' + r.digits(5), 16],
    ['mastercard', () => String(r.int(51, 55)) + r.digits(4), 16],
    ['mastercard', () => String(r.int(2221, 2720)) + r.digits(2), 16],
    ['amex', () => r.pick(['34', '37']) + r.digits(4), 15],
    ['unionpay', () => '62' + r.digits(4), 16],
    ['unionpay', () => '62' + r.digits(4), 19],
    ['discover', () => r.pick(['6011', String(r.int(644, 649)) + r.digits(1), '65' + r.digits(2)]) + r.digits(2), 16],
    ['jcb', () => String(r.int(3528, 3589)) + r.digits(2), 16],
  ]);
  const body = prefix() + r.digits(len - 7);
  return { brand, digits: body + luhnCheckDigit(body) };
}

function groupCard(d: string, sep: string): string {
  if (d.length === 15) return `${d.slice(0, 4)}${sep}${d.slice(4, 10)}${sep}${d.slice(10)}`;
  return d.match(/.{1,4}/g)!.join(sep);
}

const paymentCard: Generator = (r, lang) => {
  const { digits } = cardValue(r);
  const value = r.chance(0.5) ? digits : groupCard(digits, r.pick([' ', '-']));
  return sample('PAYMENT_CARD', value, label(r, lang, ['card=', 'card_no: ', 'pan=', 'cc '], ['卡号:', '银行卡：', '信用卡号 '], 0.4));
};

// ---------------------------------------------------------------------------------------------
// IBAN: country + mod-97 check digits + BBAN of the registry length

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 7064 mod 97-10 check digits for country + BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  let rem = 0;
  for (const ch of bban + country + '00') {
    const c = ch.charCodeAt(0);
    rem = c <= 57 ? (rem * 10 + c - 48) % 97 : (rem * 100 + c - 55) % 97;
  }
  return pad(98 - rem, 2);
}

export function ibanValue(r: Rng): string {
  const [country, bban] = r.pick<[string, () => string]>([
    ['GB', () => r.pick(['NWBK', 'BARC', 'LOYD', 'MIDL']) + r.digits(14)], // 22
    ['DE', () => r.digits(18)], // 22
    ['FR', () => r.digits(10) + r.digits(11) + r.digits(2)], // 27
    ['NL', () => r.pick(['ABNA', 'RABO', 'INGB']) + r.digits(10)], // 18
    ['ES', () => r.digits(20)], // 24
    ['IT', () => r.pick([...UPPER]) + r.digits(10) + r.digits(12)], // 27
    ['BE', () => r.digits(12)], // 16
  ]);
  const b = bban();
  return country + ibanCheckDigits(country, b) + b;
}

const iban: Generator = (r, lang) => {
  const v = ibanValue(r);
  const value = r.chance(0.4) ? v.match(/.{1,4}/g)!.join(' ') : v;
  return sample('IBAN', value, label(r, lang, ['iban=', 'IBAN: ', 'beneficiary_iban='], ['收款IBAN:', '国际银行账号 IBAN '], 0.4));
};

// ---------------------------------------------------------------------------------------------
// Bank account: 10–19 digits after a context word. Redrawn when it would be another type (Luhn-valid
// card/IMEI, CN mobile, 18-digit resident ID) so the label is the only thing that tells it apart.

export function bankAccountValue(r: Rng): string {
  for (;;) {
    const len = r.int(10, 19);
    const v = r.pick(['1', '3', '4', '6', '8']) + r.digits(len - 1);
    if (luhnValid(v, 0, v.length)) continue;
    if (len === 11 && /^1[3-9]/.test(v)) continue;
    if (len === 18 && cnResidentIdCheckChar(v, 0, 17) === v[17]) continue;
    return v;
  }
}

const bankAccount: Generator = (r, lang) => {
  const v = bankAccountValue(r);
  const value = v.length >= 12 && r.chance(0.2) ? v.match(/.{1,4}/g)!.join(' ') : v;
  const before = label(r, lang, ['account no: ', 'acct_no=', 'account number ', 'bank_account='], ['账号:', '银行账号：', '收款账号=', '对公账户 '], 0);
  return sample('BANK_ACCOUNT', value, before);
};

export const generators: Readonly<Record<PatternType, Generator>> = {
  CN_RESIDENT_ID: cnResidentId,
  CN_PASSPORT: cnPassport,
  HK_ID: hkId,
  CN_USCC: cnUscc,
  US_SSN: usSsn,
  PHONE: phone,
  EMAIL: email,
  IP_ADDRESS: ipAddress,
  MAC_ADDRESS: macAddress,
  IMEI: imei,
  PAYMENT_CARD: paymentCard,
  IBAN: iban,
  BANK_ACCOUNT: bankAccount,
};

/** A key=value name for a type, for query strings and JSON fields. */
export const FIELD_NAMES: Readonly<Record<PatternType, string>> = {
  CN_RESIDENT_ID: 'id_card',
  CN_PASSPORT: 'passport_no',
  HK_ID: 'hkid',
  CN_USCC: 'credit_code',
  US_SSN: 'ssn',
  PHONE: 'phone',
  EMAIL: 'email',
  IP_ADDRESS: 'client_ip',
  MAC_ADDRESS: 'mac',
  IMEI: 'imei',
  PAYMENT_CARD: 'card_no',
  IBAN: 'iban',
  BANK_ACCOUNT: 'account_no',
};

// =============================================================================================
// Look-alikes: numbers and tokens that logs are full of and that must come out unchanged

export const LOOKALIKE_KINDS = [
  'iso_timestamp',
  'compact_timestamp',
  'epoch_seconds',
  'epoch_millis',
  'order_id',
  'snowflake_id',
  'hdfs_timestamp',
  'hdfs_block',
  'uuid',
  'git_sha',
  'hex_hash',
  'version',
  'oid',
  'ec2_hostname',
  'amount',
  'port',
  'pid',
  'duration',
  'byte_count',
  'retina_asset',
  'user_at_host',
  'id18_bad_check',
  'luhn_fail_16',
  'luhn_unknown_iin_16',
  'order_15',
  'browser_version',
] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

export interface Lookalike {
  readonly kind: LookalikeKind;
  readonly value: string;
  readonly before: string;
  readonly after: string;
}

const look = (kind: LookalikeKind, value: string, before = '', after = ''): Lookalike => ({ kind, value, before, after });

/** Epoch ms between 2024-01-01 and 2027-01-01. */
const epochMs = (r: Rng) => 1704067200000 + Math.floor(r.next() * 94694400000);

function isoParts(r: Rng) {
  const t = new Date(epochMs(r)).toISOString(); // 2026-02-24T12:26:41.123Z
  return { date: t.slice(0, 10), time: t.slice(11, 19), ms: t.slice(20, 23), iso: t };
}

/** Luhn-valid (or deliberately invalid) completion of a digit payload. */
function withLuhn(payload: string, valid: boolean): string {
  const d = luhnCheckDigit(payload);
  return payload + (valid ? d : String((Number(d) + 1 + Math.floor(Number(payload.at(-1)) % 9)) % 10));
}

export const lookalikes: Readonly<Record<LookalikeKind, (r: Rng) => Lookalike>> = {
  iso_timestamp(r) {
    const { date, time, ms, iso } = isoParts(r);
    return look('iso_timestamp', r.pick([iso, `${date} ${time}`, `${date} ${time},${ms}`, `${date}T${time}+08:00`, `${date}T${time}.${ms}${r.digits(3)}Z`]));
  },
  compact_timestamp(r) {
    const { date, time } = isoParts(r);
    return look('compact_timestamp', (date + time).replace(/[-:]/g, ''), r.pick(['', 'ts=', 'batch_', '时间戳:']));
  },
  epoch_seconds(r) {
    return look('epoch_seconds', String(Math.floor(epochMs(r) / 1000)), r.pick(['ts=', 'time=', 'exp=', '"iat":', '']));
  },
  epoch_millis(r) {
    // Half of them pass Luhn on purpose (about 10% would by chance).
    const v = withLuhn(String(epochMs(r)).slice(0, 12), r.chance(0.5));
    return look('epoch_millis', v, r.pick(['ts=', 'timestamp=', '"time":', 'at ', '']));
  },
  order_id(r) {
    const { date, time } = isoParts(r);
    const compact = (date + time).replace(/[-:]/g, '');
    return look('order_id', r.pick([`ORD${compact}${r.digits(4)}`, `${compact}${r.digits(4)}`, `SO${r.digits(10)}`]), r.pick(['order_id=', 'orderNo: ', '订单号:', 'out_trade_no=']));
  },
  snowflake_id(r) {
    const v = ((BigInt(epochMs(r)) - 1288834974657n) << 22n) | BigInt(r.int(0, 4194303));
    return look('snowflake_id', v.toString(), r.pick(['id=', 'uid=', 'msg_id=', '"id":', 'tweet ']));
  },
  hdfs_timestamp(r) {
    const { y, m, d } = pastDate(r, 2008, 2012);
    return look('hdfs_timestamp', `${pad(y % 100, 2)}${pad(m, 2)}${pad(d, 2)} ${pad(r.int(0, 23), 2)}${pad(r.int(0, 59), 2)}${pad(r.int(0, 59), 2)}`);
  },
  hdfs_block(r) {
    const v = BigInt(r.int(1, 0x7fffffff)) * 4294967296n + BigInt(r.int(0, 0xffffffff));
    return look('hdfs_block', `blk_${r.chance(0.5) ? '-' : ''}${v}`, r.pick(['block ', 'Deleting block ', '']));
  },
  uuid(r) {
    const h = r.hex(32);
    return look('uuid', `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[r.int(0, 3)]}${h.slice(17, 20)}-${h.slice(20)}`, r.pick(['request_id=', 'traceId: ', '请求ID=', '']));
  },
  git_sha(r) {
    return look('git_sha', r.hex(r.pick([7, 8, 12, 40])), r.pick(['commit ', 'rev=', 'build ', 'sha=']));
  },
  hex_hash(r) {
    const [before, after] = r.pick([['md5=', ''], ['sha256:', ''], ['etag="', '"'], ['checksum ', ''], ['', '']]);
    return look('hex_hash', r.hex(r.pick([32, 40, 64])), before, after);
  },
  version(r) {
    // Four-part versions always have a part > 255, or they would be IPv4 addresses.
    return look('version', r.pick([
      `10.0.${r.int(10240, 22631)}.${r.int(1, 4000)}`,
      `6.1.7601.${r.int(17000, 24000)}`,
      `${r.int(1, 20)}.${r.int(0, 40)}.${r.int(0, 30)}`,
      `v${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 99)}`,
      `${r.int(1, 9)}.${r.int(0, 9)}.${r.int(1000, 9999)}.${r.int(0, 99)}`,
    ]), r.pick(['version=', 'ver ', 'build ', '版本:', 'os=Windows ']));
  },
  oid(r) {
    return look('oid', r.pick(['1.3.6.1.4.1.311.21.7', '1.2.840.113549.1.1.11', '2.16.840.1.101.3.4.2.1', `1.3.6.1.2.1.2.2.1.${r.int(1, 22)}.${r.int(1, 48)}`, '1.3.6.1.4.1.2021.10.1.3.1']), r.pick(['oid=', 'OID ', 'sigalg=']));
  },
  ec2_hostname(r) {
    const h = `ip-10-${r.int(0, 255)}-${r.int(0, 255)}-${r.int(1, 254)}`;
    return look('ec2_hostname', r.chance(0.5) ? h : `${h}.${r.pick(['ec2.internal', 'ap-southeast-1.compute.internal'])}`, r.pick(['host=', 'node ', 'hostname: ']));
  },
  amount(r) {
    const v = `${r.int(1, 999)},${pad(r.int(0, 999), 3)}.${pad(r.int(0, 99), 2)}`;
    return look('amount', r.chance(0.2) ? `${r.int(1, 99)},${v}` : v, r.pick(['amount=', '金额:', 'total ', '¥', '$']));
  },
  port(r) {
    return look('port', String(r.pick([80, 443, 3306, 5432, 6379, 8080, 8443, 9092, r.int(1024, 65535)])), r.pick(['port=', 'localhost:', 'listen ', '端口:']));
  },
  pid(r) {
    const [before, after] = r.pick([['pid=', ''], ['pid ', ''], ['[', ']'], ['process ', ' exited']]);
    return look('pid', String(r.int(2, 4194304)), before, after);
  },
  duration(r) {
    return look('duration', r.pick([String(r.int(1, 99999)), `${r.int(0, 99)}.${r.digits(3)}`]), r.pick(['took ', 'elapsed=', 'rt=', '耗时', 'cost=']), r.pick(['ms', 's', '', 'ms']));
  },
  byte_count(r) {
    return look('byte_count', String(r.int(0, 2147483647)), r.pick(['bytes=', 'size=', 'content-length: ', 'sent ', '大小:']));
  },
  retina_asset(r) {
    return look('retina_asset', `${r.pick(['icon', 'logo', 'avatar_default', 'banner'])}@${r.int(2, 3)}x.${r.pick(['png', 'webp', 'jpg'])}`, r.pick(['GET /static/img/', 'asset=', '']));
  },
  user_at_host(r) {
    return look('user_at_host', `${r.pick(['deploy', 'root', 'git', 'ubuntu', 'ec2-user'])}@${r.pick(['web01', 'db-primary', 'localhost', 'build7'])}`, r.pick(['ssh ', 'login ', '']));
  },
  id18_bad_check(r) {
    // Also not Luhn-valid: 62xxxx (Gansu) would otherwise be a plausible 18-digit UnionPay card.
    for (;;) {
      const id = cnResidentIdValue(r);
      const bad = '0123456789X'.replace(id[17], '');
      const v = id.slice(0, 17) + bad[r.int(0, bad.length - 1)];
      if (!luhnValid(v, 0, v.length)) return look('id18_bad_check', v, r.pick(['trace=', 'seq=', '流水号:', 'ref ']));
    }
  },
  browser_version(r) {
    // `Chrome/122.0.0.0` is a dotted quad in every browser user agent since 2022.
    const v = r.pick([`${r.int(100, 131)}.0.0.0`, `${r.int(100, 131)}.0.${r.int(4000, 6800)}.${r.int(0, 200)}`]);
    return look('browser_version', v, r.pick(['Chrome/', 'Edg/', 'CriOS/']));
  },
  luhn_fail_16(r) {
    const payload = r.pick(['4', '5' + r.int(1, 5), '62']) + r.digits(14);
    return look('luhn_fail_16', withLuhn(payload.slice(0, 15), false), r.pick(['txn=', 'ref=', 'trade_no=', '交易号:']));
  },
  luhn_unknown_iin_16(r) {
    return look('luhn_unknown_iin_16', withLuhn('9' + r.digits(14), true), r.pick(['txn=', 'ref=', 'serial=', '']));
  },
  order_15(r) {
    // Half Luhn-valid, so only the order word tells them from IMEIs.
    return look('order_15', withLuhn(r.pick(['1', '2']) + r.digits(13), r.chance(0.5)), r.pick(['order ', 'order=', 'order_no: ', '订单', '订单号:']));
  },
};
