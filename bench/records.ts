/**
 * Seeded structured log records, for the format benchmark and the format property test:
 *
 * - nestedRecord: one event as a JSON object (timestamps, ids, an HTTP request, a user, an order with
 *   items, a build; EN or ZH), full of look-alikes that must survive, with personal data planted in
 *   random fields at random depths: under a key that says what it holds (`phone`, `身份证号`, `姓名`,
 *   the bare value, sometimes a JSON number), or under a neutral key inside a sentence with its label
 *   (`note: "retry, 手机号:13800138000"`), or as an element of a list of notes.
 * - columns / cells: flat CSV rows under EN/ZH column names, built from the same fields.
 * - logfmt: a record as one `key=value` text line (flat keys, or dotted ones as slog writes groups).
 *
 * Valid personal values and look-alikes come from the detectors (through generate.ts); the types no
 * pattern can find (names, addresses, birth dates, postal codes, coordinates, device ids) only ever
 * sit under a field name from the built-in dictionary. Every record lists what it planted, by path, so a test can check each place.
 * All data is synthetic (reserved ranges, example.com, computed check digits).
 */
import { CORPUS_TYPES, FIELD_NAMES, generators, keysOf, lookalikeOf, type Lang, type LookalikeKind, type PatternType } from './generate.js';
import type { Rng } from './random.js';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}
export type JsonPath = readonly (string | number)[];

/** The types a field name says, beyond the pattern types. */
export const FIELD_TYPES = ['PERSON_NAME', 'ADDRESS', 'DATE_OF_BIRTH', 'POSTAL_CODE', 'GEO', 'DEVICE_ID'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** One planted value: where it is and the text that must not come out there. */
export interface Plant {
  readonly path: JsonPath;
  readonly type: PatternType | FieldType;
  /** The personal value as written (a JSON number's text for a number). */
  readonly text: string;
}

export interface NestedRecord {
  readonly value: JsonObject;
  readonly plants: readonly Plant[];
}

export interface RecordOptions {
  /** Share of records that carry personal data (default 1/2). */
  readonly piiShare?: number;
  /** Most personal values in one record (default 3). */
  readonly maxPlants?: number;
}

// ---------------------------------------------------------------------------------------------
// Personal values as fields

/** Keys for the field types, EN and ZH (most in the built-in dictionary); pattern types' keys are their detectors'. */
const FIELD_KEYS: Readonly<Record<FieldType, readonly [readonly string[], readonly string[]]>> = {
  PERSON_NAME: [['name', 'full_name', 'realName', 'nickname', 'cardholder'], ['姓名', '联系人', '开户名', '真实姓名']],
  ADDRESS: [['address', 'shipping_address', 'street', 'homeAddress'], ['收货地址', '家庭住址', '地址', '详细地址']],
  DATE_OF_BIRTH: [['dob', 'birthday', 'birth_date', 'dateOfBirth'], ['出生日期', '生日']],
  POSTAL_CODE: [['postcode', 'zip', 'postal_code', 'zipCode'], ['邮编', '邮政编码']],
  GEO: [['lat', 'lng', 'latitude', 'longitude'], ['纬度', '经度']],
  DEVICE_ID: [['device_id', 'idfa', 'android_id', 'deviceId'], ['设备号', 'device_id']],
};

const GIVEN_EN = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Oscar'];
const FAMILY_EN = ['Smith', 'Jones', 'Brown', 'Miller', 'Garcia', 'Tanaka'];
const FAMILY_ZH = ['张', '王', '李', '刘', '陈', '杨', '欧阳', '司马'];
const GIVEN_ZH = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '晓明', '秀英', '建国', '雨涵'];
const CITIES_ZH = [['上海市', '浦东新区'], ['北京市', '朝阳区'], ['广东省深圳市', '南山区'], ['浙江省杭州市', '西湖区'], ['四川省成都市', '武侯区']] as const;
const ROADS_ZH = ['世纪大道', '建国路', '科技园南路', '文三路', '人民南路', '中山东一路'];
const STREETS_EN = ['Baker Street', 'Main St', 'Elm Avenue', 'Harbour Road', 'Queen Street West'];
const CITIES_EN = ['London', 'Springfield', 'Toronto', 'Hong Kong', 'Sydney'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** A value of a type that only a field name tells. */
function fieldValue(r: Rng, type: FieldType, lang: Lang): string | number {
  switch (type) {
    case 'PERSON_NAME':
      return lang === 'zh' ? r.pick(FAMILY_ZH) + r.pick(GIVEN_ZH) : `${r.pick(GIVEN_EN)} ${r.pick(FAMILY_EN)}`;
    case 'ADDRESS': {
      if (lang === 'en') return `${r.int(1, 999)} ${r.pick(STREETS_EN)}, ${r.pick(CITIES_EN)}`;
      const [city, district] = r.pick(CITIES_ZH);
      return `${city}${district}${r.pick(ROADS_ZH)}${r.int(1, 999)}号${r.chance(0.5) ? `${r.int(1, 30)}栋${r.int(101, 2899)}室` : ''}`;
    }
    case 'DATE_OF_BIRTH': {
      const y = r.int(1950, 2008);
      const m = r.int(1, 12);
      const d = r.int(1, 28);
      return r.pick([`${y}-${p2(m)}-${p2(d)}`, `${y}/${p2(m)}/${p2(d)}`, `${y}${p2(m)}${p2(d)}`, `${y}年${m}月${d}日`]);
    }
    case 'POSTAL_CODE':
      return lang === 'zh' ? `${r.int(1, 8)}${r.digits(5)}` : r.chance(0.5) ? `${r.int(1, 9)}${r.digits(4)}` : `${r.int(1, 9)}${r.digits(4)}-${r.digits(4)}`;
    case 'GEO': {
      const v = (r.chance(0.5) ? r.int(18, 53) : r.int(73, 135)) + r.int(1, 999999) / 1e6;
      return r.chance(0.6) ? v : v.toFixed(6);
    }
    case 'DEVICE_ID':
      return r.chance(0.5) ? r.hex(16) : `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${r.hex(12)}`.toUpperCase();
  }
}

const NOTE_KEYS = [['note', 'message', 'detail', 'remark', 'comment', 'reason'], ['备注', '说明', '描述', '原因']] as const;
const EN_MESSAGES = ['user login succeeded', 'profile updated', 'retrying request', 'payment authorized', 'webhook delivered', 'user registered', 'refund requested', 'callback failed'];
const ZH_MESSAGES = ['用户注册成功', '用户登录成功', '实名认证通过', '支付成功', '退款申请已提交', '收货地址已更新', '同步用户信息失败', '会员等级已变更'];

const message = (r: Rng, lang: Lang) => r.pick(lang === 'zh' ? ZH_MESSAGES : EN_MESSAGES);

/** A personal value as a key and a value: `{ key, value, plant text }`. */
interface PiiField {
  readonly key: string;
  readonly value: string | number;
  readonly type: PatternType | FieldType;
  readonly text: string;
}

/** Digits only, no leading zero, exact as a double: a value a database may have stored as a number. */
const asNumber = (v: string) => /^[1-9]\d{0,15}$/.test(v) && Number.isSafeInteger(Number(v));

/** Keys that say a field holds this type, in the language. */
const typeKeys = (type: PatternType | FieldType, lang: Lang): readonly string[] =>
  (FIELD_TYPES as readonly string[]).includes(type) ? FIELD_KEYS[type as FieldType][lang === 'zh' ? 1 : 0] : keysOf(type as PatternType, lang);

/** Under a key that says what it holds: the bare value (sometimes a JSON number). */
function keyedField(r: Rng, lang: Lang): PiiField {
  if (r.chance(0.3)) {
    const type = r.pick(FIELD_TYPES);
    const value = fieldValue(r, type, lang);
    return { key: r.pick(typeKeys(type, lang)), value, type, text: String(value) };
  }
  const type = r.pick(CORPUS_TYPES);
  const s = generators[type](r, lang);
  const keys = keysOf(type, lang);
  const key = r.chance(0.3) ? FIELD_NAMES[type] : r.pick(keys);
  // A value found only as written (`Emmas` in `Emmas-iPhone`) is the field's value with what is around it.
  const value = s.inWriting ? s.before + s.value + s.after : asNumber(s.value) && r.chance(0.4) ? Number(s.value) : s.value;
  return { key, value, type, text: s.value };
}

/** Free text with the value in it as logs write it (its label where the type needs one). */
function sentence(r: Rng, lang: Lang): { text: string; type: PatternType; value: string } {
  const type = r.pick(CORPUS_TYPES);
  const s = generators[type](r, lang);
  const written = s.before + s.value + s.after;
  const text = r.pick([written, `${message(r, lang)} ${written}`, `${message(r, lang)}, ${written}`, `${written} ${message(r, lang)}`]);
  return { text, type, value: s.value };
}

function noteField(r: Rng, lang: Lang): PiiField {
  const { text, type, value } = sentence(r, lang);
  return { key: r.pick(NOTE_KEYS[lang === 'zh' ? 1 : 0]), value: text, type, text: value };
}

// ---------------------------------------------------------------------------------------------
// The event around them: realistic fields full of look-alikes

const SERVICES = ['order-service', 'user-center', 'payment-gateway', 'risk-engine', 'notify-worker'];
const METHODS = ['GET', 'GET', 'POST', 'PUT'];
const PATHS = ['/api/v1/users', '/api/v2/orders', '/login', '/api/v1/payments/confirm', '/health', '/api/v1/refunds'];
const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'];
const UAS = ['okhttp/4.12.0', 'curl/8.5.0', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'];

const la = (r: Rng, kind: LookalikeKind) => lookalikeOf(kind)(r).value;
/** A look-alike as a JSON number when it is one. */
const laNumber = (r: Rng, kind: LookalikeKind): string | number => {
  const v = la(r, kind);
  return asNumber(v) ? Number(v) : v;
};

/** 16 hex digits with a letter among them (all digits, it could be a Luhn-valid card number: a card, then). */
function spanId(r: Rng): string {
  for (;;) {
    const id = r.hex(16);
    if (/[a-f]/.test(id)) return id;
  }
}

function event(r: Rng, lang: Lang): JsonObject {
  const e: JsonObject = {
    ts: la(r, 'iso_timestamp'),
    level: r.pick(['info', 'info', 'info', 'warn', 'error', 'debug']),
    service: r.pick(SERVICES),
    msg: message(r, lang),
    trace_id: la(r, 'hex_hash'),
    span_id: spanId(r),
    dur_ms: r.chance(0.5) ? r.int(0, 5000) : Number((r.int(0, 500000) / 100).toFixed(2)),
  };
  if (r.chance(0.6)) {
    e.http = {
      method: r.pick(METHODS),
      path: r.pick(PATHS),
      status: r.pick([200, 200, 201, 204, 302, 400, 404, 500]),
      bytes: laNumber(r, 'byte_count'),
      ua: r.chance(0.4) ? `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${la(r, 'browser_version')} Safari/537.36` : r.pick(UAS),
      host: la(r, 'host_name'),
    };
  }
  if (r.chance(0.6)) {
    e.user = {
      id: la(r, 'snowflake_id'),
      plan: r.pick(['free', 'pro', 'team', 'vip']),
      created_at: laNumber(r, 'epoch_seconds'),
      tags: r.pick([[], ['beta'], ['vip', 'renewal'], ['新用户']]),
    };
  }
  if (r.chance(0.4)) {
    const items: Json[] = [];
    for (let i = r.int(1, 3); i > 0; i--) items.push({ sku: `SKU-${r.digits(6)}`, qty: r.int(1, 5), price: Number((r.int(100, 99999) / 100).toFixed(2)) });
    e.order = {
      order_id: la(r, 'order_id'),
      order_no: la(r, 'order_15'),
      amount: r.chance(0.5) ? la(r, 'amount') : Number((r.int(100, 9999999) / 100).toFixed(2)),
      currency: r.pick(CURRENCIES),
      items,
      txn_ref: la(r, r.pick(['luhn_fail_16', 'luhn_unknown_iin_16', 'id18_bad_check'] as const)),
    };
  }
  if (r.chance(0.3)) e.build = { version: la(r, 'version'), git_sha: la(r, 'git_sha'), pid: laNumber(r, 'pid'), port: laNumber(r, 'port') };
  e.seq = laNumber(r, r.pick(['snowflake_id', 'epoch_millis', 'compact_timestamp'] as const));
  return e;
}

const NESTING_KEYS = ['ext', 'meta', 'context', 'payload', 'extra', 'detail_info', '扩展', '详情'];

/** Every object in the value with its path (objects inside arrays too). */
function objects(v: Json, path: (string | number)[], out: Array<[JsonObject, JsonPath]>): void {
  if (Array.isArray(v)) v.forEach((x, i) => objects(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') {
    out.push([v, path]);
    for (const [k, x] of Object.entries(v)) objects(x, [...path, k], out);
  }
}

/** An event, with personal data planted at random places and depths in about `piiShare` of them. */
export function nestedRecord(r: Rng, options: RecordOptions = {}): NestedRecord {
  const lang: Lang = r.chance(0.5) ? 'zh' : 'en';
  const value = event(r, lang);
  const plants: Plant[] = [];
  if (!r.chance(options.piiShare ?? 0.5)) return { value, plants };
  for (let n = r.int(1, options.maxPlants ?? 3); n > 0; n--) {
    const found: Array<[JsonObject, JsonPath]> = [];
    objects(value, [], found);
    let [obj, path] = r.pick(found);
    // Deeper: new nested objects under neutral keys.
    for (let depth = path.length; r.chance(0.35) && depth < 12; depth++) {
      const key = r.pick(NESTING_KEYS);
      const next = obj[key];
      if (next === undefined) obj[key] = {};
      else if (next === null || typeof next !== 'object' || Array.isArray(next)) break;
      obj = obj[key] as JsonObject;
      path = [...path, key];
    }
    if (r.chance(0.15)) {
      // An element of a list of notes.
      const key = r.pick(['notes', 'history', '记录']);
      const list = obj[key] ?? (obj[key] = []);
      if (!Array.isArray(list)) continue;
      const { text, type, value: v } = sentence(r, lang);
      if (r.chance(0.5)) list.push(message(r, lang));
      plants.push({ path: [...path, key, list.length], type, text: v });
      list.push(text);
      continue;
    }
    const f = r.chance(0.6) ? keyedField(r, lang) : noteField(r, lang);
    if (f.key in obj) continue; // the key is taken (a suffix would change what it says)
    obj[f.key] = f.value;
    plants.push({ path: [...path, f.key], type: f.type, text: f.text });
  }
  return { value, plants };
}

// ---------------------------------------------------------------------------------------------
// CSV: flat rows under EN/ZH column names

export interface Column {
  readonly name: string;
  /** A cell's text, and the personal value in it (or null). */
  cell(r: Rng): { readonly text: string; readonly plant: Omit<Plant, 'path'> | null };
}

const benign = (name: string, make: (r: Rng) => string): Column => ({ name, cell: (r) => ({ text: make(r), plant: null }) });

/** A column a field name says the type of: the bare value, empty in about one row in five. */
function typedColumn(name: string, type: PatternType | FieldType, lang: Lang): Column {
  return {
    name,
    cell(r) {
      if (r.chance(0.2)) return { text: '', plant: null };
      const v = (FIELD_TYPES as readonly string[]).includes(type) ? String(fieldValue(r, type as FieldType, lang)) : generators[type as PatternType](r, lang).value;
      return { text: v, plant: { type, text: v } };
    },
  };
}

/** Free text with personal data in about `share` of the cells (labelled, as logs write it). */
function noteColumn(name: string, lang: Lang, share: number): Column {
  return {
    name,
    cell(r) {
      if (!r.chance(share)) return { text: r.pick([message(r, lang), '', 'said "call me back", then hung up', '状态正常，\n次日回访']), plant: null };
      const { text, type, value } = sentence(r, lang);
      return { text, plant: { type, text: value } };
    },
  };
}

const BENIGN_COLUMNS: readonly Column[] = [
  benign('ts', (r) => la(r, 'iso_timestamp')),
  benign('event', (r) => r.pick(['login', 'order.created', 'order.paid', 'refund', '下单', '退款', '实名认证'])),
  benign('order_id', (r) => la(r, 'order_id')),
  benign('订单号', (r) => la(r, 'order_15')),
  benign('amount', (r) => la(r, 'amount')),
  benign('金额', (r) => (r.int(1, 9999999) / 100).toFixed(2)),
  benign('trace_id', (r) => la(r, 'hex_hash')),
  benign('状态', (r) => r.pick(['成功', '失败', '处理中'])),
  benign('created_at', (r) => la(r, 'epoch_millis')),
  benign('txn_ref', (r) => la(r, 'luhn_fail_16')),
];

/** The benchmark's table: a customer-event export with EN and ZH column names. */
export function benchColumns(): Column[] {
  return [
    BENIGN_COLUMNS[0],
    BENIGN_COLUMNS[1],
    BENIGN_COLUMNS[2],
    typedColumn('姓名', 'PERSON_NAME', 'zh'),
    typedColumn('email', 'EMAIL', 'en'),
    typedColumn('手机号', 'PHONE', 'zh'),
    typedColumn('身份证号', 'CN_RESIDENT_ID', 'zh'),
    BENIGN_COLUMNS[4],
    typedColumn('城市', 'ADDRESS', 'zh'),
    typedColumn('client_ip', 'IP_ADDRESS', 'en'),
    noteColumn('note', 'zh', 0.3),
  ];
}

/** A random table: 2–`max` columns with distinct EN/ZH names, benign, typed and free-text ones. */
export function randomColumns(r: Rng, max = 8): Column[] {
  const cols: Column[] = [];
  const names = new Set<string>();
  const n = r.int(2, max);
  for (let tries = 0; cols.length < n && tries < 100; tries++) {
    const lang: Lang = r.chance(0.5) ? 'zh' : 'en';
    const k = r.int(0, 9);
    let col: Column;
    if (k < 4) col = r.pick(BENIGN_COLUMNS);
    else if (k < 8) {
      const type = r.chance(0.3) ? r.pick(FIELD_TYPES) : r.pick(CORPUS_TYPES);
      col = typedColumn(r.pick(typeKeys(type, lang)), type, lang);
    } else col = noteColumn(r.pick(NOTE_KEYS[lang === 'zh' ? 1 : 0]), lang, 0.5);
    if (names.has(col.name)) continue;
    names.add(col.name);
    cols.push(col);
  }
  return cols;
}

/** One CSV field: quoted when it holds the delimiter, a quote, CR or LF. */
export function csvField(s: string, delimiter = ','): string {
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

// ---------------------------------------------------------------------------------------------
// logfmt: a record as one text line

/** A logfmt value: bare when it can be, else quoted with `\"` and `\\` escapes. */
function logfmtValue(v: Json): string {
  const s = v === null ? 'null' : String(v);
  if (typeof v !== 'string') return s;
  return s !== '' && /^[^\s"=\\]+$/.test(s) ? s : `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}

/**
 * The record's leaves as `key=value` pairs on one line, empty containers left out. Keys: `flat`, each
 * leaf under its own key (an array element under its array's key), as most loggers write fields; or
 * `dotted`, the path joined with `.` (`user.email`, `items.0.sku`), as slog writes groups.
 */
export function logfmt(record: JsonObject, keys: 'flat' | 'dotted' = 'flat'): { line: string; paths: JsonPath[] } {
  const parts: string[] = [];
  const paths: JsonPath[] = [];
  const walk = (v: Json, path: (string | number)[], key: string) => {
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) walk(x, [...path, k], typeof k === 'string' ? k : key);
      return;
    }
    paths.push(path);
    parts.push(`${keys === 'flat' ? key : path.join('.')}=${logfmtValue(v)}`);
  };
  walk(record, [], '');
  return { line: parts.join(' '), paths };
}
