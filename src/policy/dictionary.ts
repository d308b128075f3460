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
