// The PHONE detector: its spec (shape, context words, examples) and makePhoneDetector(regions). The
// work is split by job: plan.ts compiles libphonenumber-js's metadata, forms.ts indexes the ways a
// national number is written, span.ts reads a span, lookalikes.ts rejects what only looks like a
// phone, match.ts scores, extension.ts takes an extension after a found number; mask.ts and
// generate.ts are its mask rule and its generator of values.
// Imports go one way: index → match → lookalikes/forms/extension → span → plan.
import type { CountryCode } from 'libphonenumber-js/max';
import { isDigit } from '../lib/chars.js';
import { defineDetector } from '../lib/define.js';
import type { Detector } from '../lib/types.js';
import { phoneValue } from './generate.js';
import { dashExtensionEnd, extensionEnd, extensionStart } from './extension.js';
import { maskPhone } from './mask.js';
import { MAX_LEN, PhoneMatcher } from './match.js';

/**
 * Phone numbers: international (`+` or `00` and a country calling code, any country) and national
 * numbers of the configured regions (default CN, US, GB, DE, FR, JP, IN, HK), validated by
 * libphonenumber-js with the FULL metadata (`libphonenumber-js/max`).
 *
 * Validity alone is not enough: the US, DE, FR, JP and HK plans accept most digit runs of the right
 * length, so timestamps, pids and amounts would "validate". What is accepted:
 * - `+` and a valid number (`+86 138 0013 8000`, `+44 (0)20 7946 0958`, `+8613800138000`): 0.95.
 *   `00` likewise when the country code is its own group (`0086 138 0013 8000`); as one bare run
 *   (`008613800138000`) only a CN mobile or with a context word.
 * - a bare 11-digit CN mobile `1[3-9]` + 9 digits, bounded by non-digits, also right after its
 *   country code without the `+` (`8613800138000`): 0.95; grouped `86 138 0013 8000`: 0.9.
 * - a national number written with the region's own grouping: its digit groups are those of
 *   libphonenumber's national format (`(201) 555-0123`, `020 7946 0958`, `03-1234-5678`), or the
 *   prefixed area code and the rest as one run (`010-12345678`, `(021)12345678`); the national prefix
 *   as the format writes it (GB/DE/FR/JP numbers start with 0; US may have `1-` in front; an IN mobile
 *   may drop it): 0.9. Regions without a national prefix (HK `2123 4567`) need a context word too.
 * - a country code in brackets without `+` and a valid number of it (`(852) 5123 4567`): 0.9.
 * - any other valid national number with a context word (phone, tel, 手机号…): 0.85. Right after the
 *   word (or as a phone field's value), a valid national number of ANY region, not only the
 *   configured ones (`phone=612 345 678`, `tel 8 (912) 345-67-89`): a phone word is strong evidence,
 *   and people log their own country's numbers whatever the service's region. Not a date, time, epoch
 *   value, version or a value that follows another value rather than the word. Without the word such
 *   digits (`612 345 678`) are as often counts and ids: regions are configured for that.
 * - a whole unnamed value (ctx.whole: a bound SQL string printed without its statement) counts as a
 *   phone word for the configured regions (0.9 in the region's grouping, else 0.85): its ends are the
 *   number's, as a phone field's are. Not one run of digits unless it starts with 0 (a trunk prefix,
 *   Italy's leading 0: ids and epoch times do not), nor thousands-like groups (`612 345 678`) other
 *   than the region's own. Grouped, its `00` and country code may run into the number (`(00493)
 *   5226164`, as after a phone word), and a six-digit area code may follow the trunk 0 (`016977 12345`).
 * An extension after a found number (`x1234`, `ext. 12`, `#123`, `转 8001`, a CN landline's `-8001`,
 * glued `555-0123x1234`) is taken into the finding (extend), normalized as RFC 3966's `;ext=`.
 * Digit runs that look like thousands (`12 345 678`), decimals (`13800138000.25`), parts of a
 * dashed token (`2024-13800138000`, UUIDs, MACs) or the tail of a longer digit sequence
 * (`090501 031726 337`) are not national numbers, and an order/transaction word before a national
 * number (without a phone word) rejects it. No span joined to more digits by `/` (HAProxy's timers
 * `0/0/1/129/130`, dates) or glued to an id by `_` (`TPL_20251234567`) is a phone, except a whole CN
 * mobile after `_`: keys embed the user's number (`sms_code_13800138000`).
 *
 * Speed: one libphonenumber call costs 3–15 µs (parsing 3–16 µs, isValid ~4 µs), so validate()
 * reads the span on char codes (digits, groups, brackets, separators) and rejects on counts first:
 * per-region digit counts, the national prefix, the group shapes of the region's formats (a table
 * indexed by group count, first group length and first digit), then the formats' leading-digits and
 * pattern regexes, compiled once per detector from the same metadata. Only a number that fits a
 * format of a region reaches the library, and then without parsing: the digits are already split
 * into country code and national number, so it builds the PhoneNumber from E.164 and asks isValid;
 * the national format's grouping is worked out from the same format list. The context words (a
 * look-up in the scanner) are only asked for when they can change the answer. Bare digit runs
 * other than CN mobiles never reach the library without a context word.
 */

/** Default regions for national numbers. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'IN', 'HK'];

const MIN_LEN = 8;

/*
 * The shape, from the candidate start:
 *   international  `+CC`, `(+CC)` and the rest in groups of 1–6 digits with any separators (`+55 11
 *                  91234-5678`, `+7 912 345-67-89`: people mix them after a country code), a last
 *                  group of up to 8, or one run of 7–15 digits; an area code in brackets may follow
 *                  the country code (`+1 (201) 555-0123`, `+44 (0)20 …`)
 *   national       an optional `00CC ` head (it needs its separator; a bare `0086…` run is read by the
 *                  body), one bracketed group (`(021)`, `(201) `, `(852) `), which a one-digit trunk
 *                  prefix may precede (`8 (912) 345-67-89`, `1 (201) 555-0123`), then one run of 7–15
 *                  digits, or groups of 1–6 digits with ONE separator kind (`-`, ` ` or `.`) and a last
 *                  group of up to 10 (`010-12345678`, `030 727242413`); or a CN landline's area code and a subscriber
 *                  number split in two (`0755-8888 1234`, `010 6552-9988`), or a Russian number with its trunk
 *                  prefix, spaces and dashes (`8 912 345-67-89`).
 * An extension glued on with `x` (`201-555-0123x1234`) ends the shape (the scanner's right boundary
 * would not let the number end before the `x`); validate() reads the number without it.
 * Keeping the national separator kind, ending on a long run and capping the last group stop the span
 * before the next field of a log line: in `13800138000 200`, `555-0123 2 times` or
 * `+86 151 9165 7954 1768305761` the number ends where the phone does. (A short number right after a
 * space-grouped phone, `138 0013 8000 200`, still joins it; the span is then no phone, and the scanner
 * cuts it back to a separator and asks again.)
 */
const SHAPE =
  /(?:(?:\+|\(\+)\d{1,3}\)?[ .-]?(?:\(\d{1,5}\)[ .-]?)?(?:\d{7,15}|\d{1,6}(?:(?:[ .-]\d{1,6}){0,4}[ .-]\d{1,10})?)|(?:00\d{1,3}[ .-])?(?:(?:\d[ -]?)?\(\d{1,5}\)[ .-]?)?(?:0\d{2,3}(?:-\d{3,4} | \d{3,4}-)\d{4}|[78] \d{3} \d{3}-\d{2}-\d{2}|\d{7,15}|\d{1,6}(?:(?:-\d{1,6}){0,4}-\d{1,10}|(?: \d{1,6}){0,4} \d{1,10}|(?:\.\d{1,6}){0,4}\.\d{1,10})?))(?:[xX]\d{2,6})?/y;

/**
 * A PHONE detector for national numbers of `regions` (in priority order: a national number valid in
 * several is normalized to the first). International numbers are found for every country.
 */
export function makePhoneDetector(regions: readonly CountryCode[]): Detector<'PHONE'> {
  const matcher = new PhoneMatcher(regions);
  return defineDetector({
    type: 'PHONE',
    name: 'phone',
    candidate: 'digits',
    minLen: MIN_LEN,
    maxLen: MAX_LEN,
    shape: SHAPE,
    validate(text, start, end, ctx) {
      return matcher.score(text, start, end, ctx);
    },
    extend: (text, start, end) => extensionEnd(text, dashExtensionEnd(text, start, end)),
    context: {
      words: [
        'phone',
        'phone no',
        'phone number',
        'telephone',
        'tel',
        'mobile',
        'mobile no',
        'cell',
        'cellphone',
        'fax',
        'msisdn',
        'sms',
        'whatsapp',
        'contact number',
        // Call words: whose number a call went to or came from (`callback_number`, `caller_id`, 来电).
        'callback',
        'caller',
        'callerid',
        'callee',
        'dial',
        'dialed',
        'dialled',
        '来电',
        '回拨',
        '致电',
        '呼叫',
        '电话',
        '電話',
        '手机',
        '手機',
        '手机号',
        '手机号码',
        '電話號碼',
        '电话号码',
        '联系方式',
        '聯絡方式',
        '联系电话',
        '聯絡電話',
        '座机',
        '固话',
        '传真',
        '傳真',
      ],
      // Before a national number and without a phone word: an order/transaction number.
      negative: [
        'order',
        'order_id',
        'orderid',
        'order no',
        'invoice',
        'txn',
        'transaction',
        'trade',
        'serial',
        'sku',
        '订单',
        '訂單',
        '单号',
        '單號',
        '流水',
        '交易',
      ],
    },
    normalize(found) {
      // The extension as RFC 3966 writes it: `+12015550123;ext=1234`.
      const at = extensionStart(found);
      const ext = at < found.length ? `;ext=${found.slice(at).replace(/\D/g, '')}` : '';
      const value = found.slice(0, at);
      const e164 = matcher.e164(value);
      if (e164) return e164 + ext;
      // Not a number any region reads (it was found with another region set): keep '+' and digits.
      let out = '';
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (isDigit(c) || (c === 43 && out === '')) out += value[i];
      }
      return out + ext;
    },
    examples: {
      match: [
        '+86 138 0013 8000',
        '+8613800138000',
        '0086 138-0013-8000',
        '13800138000',
        '138 0013 8000',
        '010-12345678',
        '(021)12345678',
        '(201) 555-0123',
        '+1 201-555-0123',
        '020 7946 0958',
        '+44 (0)20 7946 0958',
        '01 99 00 12 34',
        '03-1234-5678',
        '98765 43210',
        'tel: 2123 4567',
        '+852 2123 4567',
        '+55 11 91234-5678', // mixed separators after the country code
        '(852) 5123 4567', // a country code in brackets without +
        '0755-8888 1234', // a CN landline's subscriber number split
        'phone=612 345 678', // Spain's mobile after a phone word
        '201-555-0123 x1234', // with its extension
      ],
      noMatch: [
        '20260224122641', // compact timestamp
        '081109 203615', // HDFS date and time
        '1708761601123', // epoch millis
        '1708761601', // epoch seconds
        '27,240.52', // amount
        '10.0.10625.1189', // version
        '192.0.2.17', // IPv4
        '2026-02-24', // date
        '2123 4567', // HK digits without context
        '20 7946 0958', // GB without its national prefix
        '12 345 678', // thousands
        'order 13800138000', // order number
        '0/0/1/129/212 200 1234', // HAProxy timers, status and bytes
        'TPL_20251234567', // template id
      ],
    },
    fieldNames: ['phone', 'phone_number', 'mobile', 'mobile_phone', 'telephone', 'tel', '手机', '手机号', '手机号码', '电话', '联系电话'],
    mask: maskPhone,
    /** The policy's `phone: { regions: [...] }` (checked by the policy schema): national numbers of those regions. */
    configure: (options) => makePhoneDetector(options.regions as CountryCode[]),
    generate: {
      valid: phoneValue,
      keys: { en: ['phone', 'mobile', 'phone_number', 'tel'], zh: ['手机号', '联系电话', '电话'] },
    },
  });
}

export default makePhoneDetector(DEFAULT_PHONE_REGIONS);
