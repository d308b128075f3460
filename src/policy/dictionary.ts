import type { Detector, PiiType } from '../../detectors/index.js';

/**
 * The built-in dictionary of personal field names, EN and ZH, with the type their whole value is: the
 * general part below (names, addresses, birth dates… that no pattern can find), then each detector's
 * own `fieldNames` (id_card, 身份证号, iban…; `username`, `用户名` are USERNAME's, in
 * detectors/username/: generic keys such as `user`, `login`, `account` are not here, because their
 * values are as often placeholders, system accounts or numbers: the detector reads them). On by default (policy `fields.dictionary: false` turns it
 * off, `fields.names` adds to it). Names are compared normalized: case, `_`, `-`, spaces and camelCase
 * humps do not matter, so `firstName`, `first_name` and `First-Name` are one name.
 */
export const FIELD_DICTIONARY: Readonly<Record<string, PiiType>> = {
  name: 'PERSON_NAME',
  first_name: 'PERSON_NAME',
  last_name: 'PERSON_NAME',
  full_name: 'PERSON_NAME',
  given_name: 'PERSON_NAME',
  family_name: 'PERSON_NAME',
  surname: 'PERSON_NAME',
  nickname: 'PERSON_NAME',
  // Identity providers' audit logs (Entra ID, Okta, Google Workspace): `actor.displayName`.
  display_name: 'PERSON_NAME',
  real_name: 'PERSON_NAME',
  account_name: 'PERSON_NAME',
  holder_name: 'PERSON_NAME',
  cardholder: 'PERSON_NAME',
  address: 'ADDRESS',
  street: 'ADDRESS',
  street_address: 'ADDRESS',
  address_line1: 'ADDRESS',
  address_line2: 'ADDRESS',
  city: 'ADDRESS',
  province: 'ADDRESS',
  district: 'ADDRESS',
  home_address: 'ADDRESS',
  shipping_address: 'ADDRESS',
  billing_address: 'ADDRESS',
  postcode: 'POSTAL_CODE',
  postal_code: 'POSTAL_CODE',
  post_code: 'POSTAL_CODE',
  zip: 'POSTAL_CODE',
  zipcode: 'POSTAL_CODE',
  zip_code: 'POSTAL_CODE',
  dob: 'DATE_OF_BIRTH',
  birthday: 'DATE_OF_BIRTH',
  birth_date: 'DATE_OF_BIRTH',
  date_of_birth: 'DATE_OF_BIRTH',
  birthdate: 'DATE_OF_BIRTH',
  gender: 'GENDER',
  sex: 'GENDER',
  lat: 'GEO',
  lng: 'GEO',
  lon: 'GEO',
  latitude: 'GEO',
  longitude: 'GEO',
  location: 'GEO',
  geo: 'GEO',
  coordinates: 'GEO',
  device_id: 'DEVICE_ID',
  idfa: 'DEVICE_ID',
  idfv: 'DEVICE_ID',
  android_id: 'DEVICE_ID',
  advertising_id: 'DEVICE_ID',
  姓名: 'PERSON_NAME',
  名字: 'PERSON_NAME',
  昵称: 'PERSON_NAME',
  真实姓名: 'PERSON_NAME',
  开户名: 'PERSON_NAME',
  持卡人: 'PERSON_NAME',
  联系人: 'PERSON_NAME',
  地址: 'ADDRESS',
  住址: 'ADDRESS',
  家庭住址: 'ADDRESS',
  收货地址: 'ADDRESS',
  详细地址: 'ADDRESS',
  省份: 'ADDRESS',
  城市: 'ADDRESS',
  邮编: 'POSTAL_CODE',
  邮政编码: 'POSTAL_CODE',
  出生日期: 'DATE_OF_BIRTH',
  生日: 'DATE_OF_BIRTH',
  性别: 'GENDER',
  设备号: 'DEVICE_ID',
  设备id: 'DEVICE_ID',
  经度: 'GEO',
  纬度: 'GEO',
  位置: 'GEO',
};

/**
 * Words that name a type when a field name ends in them (`contact_phone`, `custMobile`, `src_ip`,
 * `user_email`, `payment.card`, `手机号码1`), and word pairs that do (`emailAddr`, `x-forwarded-for`,
 * `billing_first_name`, `IP地址`), matched on the key's words (src/policy/key-words.ts) after the whole
 * name found nothing. Pairs are tried before the last word alone. Kept to words that say the type by
 * themselves: never `name` (hostname, file_name, app_name), `id` (user_id, order_id), `code`, `no`;
 * `addr` alone is a network address (`client_addr`), `address` a postal one. A value that cannot be of
 * the type is scanned instead (src/policy/plausible.ts), so `phone_verified: true` or
 * `bind_address: 0.0.0.0` lose nothing. CJK entries also match at the end of a CJK run (`联系人手机号`).
 */
export const FIELD_WORDS: Readonly<Record<string, PiiType>> = {
  // word pairs
  first_name: 'PERSON_NAME',
  last_name: 'PERSON_NAME',
  middle_name: 'PERSON_NAME',
  full_name: 'PERSON_NAME',
  given_name: 'PERSON_NAME',
  family_name: 'PERSON_NAME',
  display_name: 'PERSON_NAME',
  real_name: 'PERSON_NAME',
  customer_name: 'PERSON_NAME',
  cust_name: 'PERSON_NAME',
  contact_name: 'PERSON_NAME',
  person_name: 'PERSON_NAME',
  patient_name: 'PERSON_NAME',
  holder_name: 'PERSON_NAME',
  recipient_name: 'PERSON_NAME',
  receiver_name: 'PERSON_NAME',
  email_addr: 'EMAIL',
  email_address: 'EMAIL',
  mail_addr: 'EMAIL',
  mail_address: 'EMAIL',
  ip_addr: 'IP_ADDRESS',
  ip_address: 'IP_ADDRESS',
  forwarded_for: 'IP_ADDRESS',
  mac_addr: 'MAC_ADDRESS',
  mac_address: 'MAC_ADDRESS',
  card_number: 'PAYMENT_CARD',
  id_card: 'CN_RESIDENT_ID',
  birth_date: 'DATE_OF_BIRTH',
  date_of_birth: 'DATE_OF_BIRTH',
  postal_code: 'POSTAL_CODE',
  post_code: 'POSTAL_CODE',
  zip_code: 'POSTAL_CODE',
  ip地址: 'IP_ADDRESS',
  mac地址: 'MAC_ADDRESS',
  email地址: 'EMAIL',
  // words
  phone: 'PHONE',
  telephone: 'PHONE',
  tel: 'PHONE',
  mobile: 'PHONE',
  cellphone: 'PHONE',
  msisdn: 'PHONE',
  fax: 'PHONE',
  callback: 'PHONE',
  email: 'EMAIL',
  mail: 'EMAIL',
  ip: 'IP_ADDRESS',
  ipv4: 'IP_ADDRESS',
  ipv6: 'IP_ADDRESS',
  addr: 'IP_ADDRESS',
  mac: 'MAC_ADDRESS',
  hwaddr: 'MAC_ADDRESS',
  imei: 'IMEI',
  card: 'PAYMENT_CARD',
  iban: 'IBAN',
  ssn: 'US_SSN',
  passport: 'CN_PASSPORT',
  address: 'ADDRESS',
  birthday: 'DATE_OF_BIRTH',
  birthdate: 'DATE_OF_BIRTH',
  dob: 'DATE_OF_BIRTH',
  postcode: 'POSTAL_CODE',
  zipcode: 'POSTAL_CODE',
  zip: 'POSTAL_CODE',
  gender: 'GENDER',
  latitude: 'GEO',
  longitude: 'GEO',
  idfa: 'DEVICE_ID',
  // CJK words (also at the end of a longer run)
  姓名: 'PERSON_NAME',
  联系人: 'PERSON_NAME',
  收货人: 'PERSON_NAME',
  收件人: 'PERSON_NAME',
  昵称: 'PERSON_NAME', // 买家昵称, 用户昵称
  开户名: 'PERSON_NAME',
  持卡人: 'PERSON_NAME',
  // The people a business record names by role: who did it, approved it, paid or received it.
  操作人: 'PERSON_NAME',
  操作员: 'PERSON_NAME',
  经办人: 'PERSON_NAME',
  审批人: 'PERSON_NAME',
  申请人: 'PERSON_NAME',
  负责人: 'PERSON_NAME',
  收款人: 'PERSON_NAME',
  付款人: 'PERSON_NAME',
  借款人: 'PERSON_NAME',
  投保人: 'PERSON_NAME',
  被保险人: 'PERSON_NAME',
  法定代表人: 'PERSON_NAME',
  手机: 'PHONE',
  手机号: 'PHONE',
  手机号码: 'PHONE',
  电话: 'PHONE',
  电话号码: 'PHONE',
  联系电话: 'PHONE',
  邮箱: 'EMAIL',
  邮箱地址: 'EMAIL', // before 地址 (an address)
  邮件地址: 'EMAIL',
  电子邮件: 'EMAIL',
  身份证: 'CN_RESIDENT_ID',
  身份证号: 'CN_RESIDENT_ID',
  身份证号码: 'CN_RESIDENT_ID',
  护照号: 'CN_PASSPORT',
  银行卡号: 'BANK_ACCOUNT',
  信用卡号: 'PAYMENT_CARD',
  地址: 'ADDRESS',
  住址: 'ADDRESS',
  出生日期: 'DATE_OF_BIRTH',
  生日: 'DATE_OF_BIRTH',
};

/** Trailing words that add nothing to what a field holds: `callback_number`, `phone_no`, `cardNo`. */
const FILLERS = new Set(['number', 'num', 'no', 'nr']);

const WORD_TABLE: ReadonlyMap<string, PiiType> = new Map(Object.entries(FIELD_WORDS).map(([k, t]) => [normalizeFieldName(k), t]));
/** The longest CJK entry, in chars: how far back from a CJK run's end a word is looked for. */
const CJK_LONGEST = Math.max(...[...WORD_TABLE.keys()].filter((k) => /^[^\x00-\x7f]+$/.test(k)).map((k) => k.length));

/**
 * The type a field name's words say (see FIELD_WORDS), or undefined: the last three or two words
 * together (`date_of_birth`, `first_name`), then the last word, after dropping fillers at the end (never all of them); a CJK last word also by
 * its longest known ending (`联系人手机号码` → 手机号码).
 */
export function typeByWords(words: readonly string[]): PiiType | undefined {
  let n = words.length;
  while (n > 1 && FILLERS.has(words[n - 1])) n--;
  if (n === 0) return undefined;
  const last = words[n - 1];
  for (let k = Math.min(3, n); k >= 2; k--) {
    const pair = WORD_TABLE.get(words.slice(n - k, n).join(''));
    if (pair) return pair;
  }
  const one = WORD_TABLE.get(last);
  if (one) return one;
  if (last.charCodeAt(0) >= 0x80) {
    for (let i = Math.max(1, last.length - CJK_LONGEST); i <= last.length - 2; i++) {
      const end = WORD_TABLE.get(last.slice(i));
      if (end) return end;
    }
  }
  return undefined;
}

/**
 * The whole dictionary for a detector list, by normalized name: FIELD_DICTIONARY, then the detectors'
 * `fieldNames`. A name claimed by two types is an error naming both (one of them would silently lose).
 */
export function fieldDictionary(detectors: readonly Detector[]): ReadonlyMap<string, PiiType> {
  const names = new Map<string, PiiType>();
  const add = (name: string, type: PiiType) => {
    const key = normalizeFieldName(name);
    const had = names.get(key);
    if (had !== undefined && had !== type) throw new Error(`field name ${name} means both ${had} and ${type}`);
    names.set(key, type);
  };
  for (const [name, type] of Object.entries(FIELD_DICTIONARY)) add(name, type);
  for (const d of detectors) for (const name of d.fieldNames ?? []) add(name, d.type);
  return names;
}

/** The comparable form of a field name: `firstName`, `first_name`, `First-Name` → `firstname`. */
export function normalizeFieldName(name: string): string {
  return name.replace(/[\s_\-.]+/g, '').toLowerCase();
}
