import { describe, expect, it } from 'vitest';
import { cnResidentIdCheckChar, luhnCheckDigit, luhnValid } from '../../detectors/lib/checksum.js';
import cnResidentId from '../../detectors/cn-resident-id.js';
import bankAccount from '../../detectors/bank-account.js';
import iban from '../../detectors/iban.js';
import imei from '../../detectors/imei.js';
import card from '../../detectors/payment-card.js';
import ssn from '../../detectors/us-ssn.js';
import { compileScanner } from '../../src/detect/scan.js';
import { findAll, findWith } from '../support/scan.js';

/** payload + its Luhn check digit: every valid number below is computed, not copied. */
const luhn = (payload: string) => payload + luhnCheckDigit(payload);
/** The same number with its last digit changed: a bad check digit. */
const badLuhn = (payload: string) => payload + ((Number(luhnCheckDigit(payload)) + 1) % 10);
/** Split digits into groups of the given sizes joined by sep. */
const group = (digits: string, sizes: number[], sep: string) => {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(digits.slice(i, i + n));
    i += n;
  }
  expect(i).toBe(digits.length);
  return out.join(sep);
};

const VISA16 = luhn('400012345678901'); // 4000123456789017
const VISA13 = luhn('400012345678');
const VISA19 = luhn('400012345678901234');
const MC = luhn('512345678901234');
const MC2 = luhn('222112345678901');
const AMEX = luhn('37123456789012');
const DINERS14 = luhn('3001234567890');
const UNIONPAY19 = luhn('621234567890123456');
const MAESTRO16 = luhn('675912345678901');
const MAESTRO13 = luhn('630412345678');

const scanner = compileScanner([card]);
const scores = (text: string) => scanner.scan(text).map((f) => f.score);

describe('payment_card examples', () => {
  it('the examples in the detector file are the computed values', () => {
    for (const v of [VISA16, VISA13, MC, MC2, AMEX, DINERS14, UNIONPAY19, MAESTRO16, MAESTRO13]) {
      expect(card.examples.match.some((m) => m.replace(/[ -]/g, '').endsWith(v)), v).toBe(true);
    }
    for (const m of card.examples.match) {
      const digits = m.replace(/\D/g, '');
      expect(luhnValid(digits, 0, digits.length), m).toBe(true);
    }
  });
});

describe('payment_card positives: IIN × brand length × Luhn', () => {
  it.each([
    ['Visa 13', VISA13],
    ['Visa 16', VISA16],
    ['Visa 19', VISA19],
    ['Mastercard 51', luhn('510000000000012')],
    ['Mastercard 55', luhn('559999000000012')],
    ['Mastercard 2221 (lowest)', luhn('222100000000012')],
    ['Mastercard 2720 (highest)', luhn('272099000000012')],
    ['Amex 34', luhn('34000000000012')],
    ['Amex 37', AMEX],
    ['UnionPay 16', luhn('621234567890123')],
    ['UnionPay 17', luhn('6212345678901234')],
    ['UnionPay 18', luhn('62123456789012345')],
    ['UnionPay 19', UNIONPAY19],
    ['Discover 6011', luhn('601112345678901')],
    ['Discover 644', luhn('644012345678901')],
    ['Discover 649 19', luhn('649012345678901234')],
    ['Discover 65', luhn('650012345678901')],
    ['JCB 3528', luhn('352812345678901')],
    ['JCB 3589 19', luhn('358912345678901234')],
    ['Diners 36 14', luhn('3612345678901')],
    ['Diners 300 14', DINERS14],
    ['Diners 305 16', luhn('305012345678901')],
    ['Diners 38 16', luhn('381234567890123')],
    ['Diners 39 19', luhn('391234567890123456')],
    ['Maestro 50 16', luhn('501812345678901')],
    ['Maestro 56 16', luhn('560012345678901')],
    ['Maestro 58 19', luhn('589312345678901234')],
    ['Maestro 60 16', luhn('606212345678901')],
    ['Maestro 63 16', luhn('630412345678901')],
    ['Maestro 67 16', MAESTRO16],
  ])('%s: %s', (_name, value) => {
    expect(findWith(card, value)).toEqual([['PAYMENT_CARD', value]]);
    expect(findWith(card, `pay ${value} ok`)).toEqual([['PAYMENT_CARD', value]]);
  });

  it.each([
    ['4-4-4-4 spaces', group(VISA16, [4, 4, 4, 4], ' ')],
    ['4-4-4-4 dashes', group(MC, [4, 4, 4, 4], '-')],
    ['4-4-4-4-3 spaces', group(UNIONPAY19, [4, 4, 4, 4, 3], ' ')],
    ['4-4-4-4-3 dashes', group(VISA19, [4, 4, 4, 4, 3], '-')],
    ['Amex 4-6-5 spaces', group(AMEX, [4, 6, 5], ' ')],
    ['Amex 4-6-5 dashes', group(AMEX, [4, 6, 5], '-')],
    ['Diners 4-6-4 spaces', group(DINERS14, [4, 6, 4], ' ')],
    ['Diners 4-6-4 dashes', group(DINERS14, [4, 6, 4], '-')],
  ])('grouped %s: %s', (_name, value) => {
    expect(findWith(card, `card ${value} exp 12/29`)).toEqual([['PAYMENT_CARD', value]]);
  });

  it('Maestro below 16 digits needs a card word', () => {
    expect(findWith(card, MAESTRO13)).toEqual([]);
    expect(findWith(card, `card ${MAESTRO13}`)).toEqual([['PAYMENT_CARD', MAESTRO13]]);
    expect(findWith(card, `卡号${MAESTRO13}`)).toEqual([['PAYMENT_CARD', MAESTRO13]]);
  });

  it('finds the card inside a longer grouped run (the scanner offers each group start)', () => {
    // Precondition: the 4-4-4-4 window starting at `5123` is not itself a valid card.
    expect(luhnValid('5123' + VISA16.slice(0, 12), 0, 16)).toBe(false);
    const spaced = group(VISA16, [4, 4, 4, 4], ' ');
    expect(findWith(card, `bytes=5123 ${spaced}`)).toEqual([['PAYMENT_CARD', spaced]]);
  });
});

describe('payment_card near misses', () => {
  const epochMs = luhn('177193520112'); // 13 digits starting with 1, Luhn-valid
  const epochUs = luhn('177193520112345'); // 16 digits
  const epochNs = luhn('177193520112345678'); // 19 digits
  const compactTs = luhn('2026022412264'); // 14 digits, 20… (no brand)
  const snowflake = luhn('186543210987654321'); // 19 digits starting with 1
  it.each([
    ['bad Luhn, Visa', badLuhn('400012345678901')],
    ['bad Luhn, UnionPay 19', badLuhn('621234567890123456')],
    ['bad Luhn, grouped', group(badLuhn('400012345678901'), [4, 4, 4, 4], ' ')],
    ['epoch millis, Luhn-valid', epochMs],
    ['epoch micros, Luhn-valid', epochUs],
    ['epoch nanos, Luhn-valid', epochNs],
    ['compact timestamp, Luhn-valid', compactTs],
    ['snowflake id, Luhn-valid', snowflake],
    ['Visa at 14 digits', luhn('4000123456789')],
    ['Visa at 15 digits', luhn('40001234567890')],
    ['Visa at 17 digits', luhn('4000123456789012')],
    ['Mastercard at 15', luhn('51234567890123')],
    ['Mastercard at 17', luhn('5123456789012345')],
    ['Mastercard 2220', luhn('222099000000012')],
    ['Mastercard 2721', luhn('272100000000012')],
    ['Amex at 16', luhn('371234567890123')],
    ['JCB 3527', luhn('352712345678901')],
    ['JCB 3590', luhn('359012345678901')],
    ['Diners 306', luhn('30612345678901')],
    ['Diners at 13', luhn('361234567890')],
    ['no issuer 61', luhn('611234567890123')],
    ['no issuer 66', luhn('661234567890123')],
    ['no issuer 9', luhn('900012345678901')],
    ['Maestro 13 without a card word', MAESTRO13],
    ['mixed separators', group(VISA16.slice(0, 8), [4, 4], ' ') + '-' + group(VISA16.slice(8), [4, 4], ' ')],
    ['double space', group(VISA16, [4, 4, 4, 4], '  ')],
    ['Visa 15 in 4-6-5', group(luhn('40001234567890'), [4, 6, 5], ' ')],
    ['Visa 16 in 4-6-6', group(VISA16, [4, 6, 6], ' ')],
    ['Amex 15 in 4-4-4-3', group(AMEX, [4, 4, 4, 3], ' ')],
    ['Visa 13 in 4-4-4-1', group(VISA13, [4, 4, 4, 1], ' ')],
    ['UnionPay 17 in 4-4-4-4-1', group(luhn('6212345678901234'), [4, 4, 4, 4, 1], '-')],
    ['glued to a letter (left)', `x${VISA16}`],
    ['glued to a letter (right)', `${VISA16}x`],
    ['inside a longer digit run', `9${VISA16}`],
    ['inside a longer digit run (right)', `${VISA16}0`],
    ['dotted continuation', `1.${VISA16}`],
    ['a decimal', `${VISA16}.25`],
    ['UUID', '40001234-5678-9017-8000-123456789012'],
    ['HDFS block id', `blk_${VISA19}`],
    ['negative HDFS block id', `Deleting block blk_-${VISA19}`],
    ['identifier tail', `user_${VISA16}`],
    ['hyphenated identifier tail', `node-${VISA16}`],
    ['hex hash', `sha256=9f86d0${VISA16}c0a08b5e`],
  ])('%s: %s', (_name, text) => {
    expect(findWith(card, text)).toEqual([]);
  });
});

describe('payment_card scores and negative context', () => {
  it.each([
    [`card ${VISA16}`, 0.97],
    [VISA16, 0.97],
    [`order ${VISA16}`, 0.85],
    [`txn_id=${VISA16}`, 0.85],
    [`订单 ${VISA16}`, 0.85],
    [`order 12 card ${VISA16}`, 0.97], // a card word wins over a negative one
    [MAESTRO16, 0.9],
    [VISA13, 0.9],
    [`visa ${VISA13}`, 0.97],
    [luhn('38123456789012'), 0.9], // Diners 15
    [DINERS14, 0.97],
    [`trace=${AMEX}`, 0.85],
    [`maestro ${MAESTRO16}`, 0.97],
  ])('%s → %d', (text, score) => {
    expect(scores(text)).toEqual([score]);
  });

  it.each([
    [`order ${MAESTRO16}`],
    [`流水号 ${MAESTRO16}`],
    [`txn ${luhn('601012345678901')}`], // 60 (not 6011) is Maestro-range
    [`trace=${VISA13}`], // Visa 13: no longer issued
    [`order ${luhn('38123456789012')}`], // Diners at 15 digits
  ])('weak evidence next to a negative word is not a card: %s', (text) => {
    expect(findWith(card, text)).toEqual([]);
  });
});

describe('payment_card: Mir, UATP, JCB in every writing', () => {
  const MIR16 = luhn('220012345678901');
  const MIR19 = luhn('220412345678901234');
  const JCB16 = luhn('358912345678901');
  const JCB19 = luhn('352812345678901234');
  const UATP = luhn('11223344556677'); // 15 digits starting with 1
  it.each([
    ['Mir 2200 16', MIR16],
    ['Mir 2201 17', luhn('2201123456789012')],
    ['Mir 2203 18', luhn('22031234567890123')],
    ['Mir 2204 19', MIR19],
    ['JCB 3589 16', JCB16],
    ['JCB 3528 19', JCB19],
  ])('%s alone, grouped, dashed and in a TSV row: %s', (_name, value) => {
    expect(findWith(card, value)).toEqual([['PAYMENT_CARD', value]]);
    const sizes = value.length === 16 ? [4, 4, 4, 4] : value.length === 19 ? [4, 4, 4, 4, 3] : [];
    if (sizes.length > 0) {
      for (const sep of [' ', '-']) {
        const g = group(value, sizes, sep);
        expect(findWith(card, `pay ${g} ok`)).toEqual([['PAYMENT_CARD', g]]);
      }
    }
    // A TSV row: tab-separated cells, the card among other numbers.
    expect(findAll(`1024\t张三\t${value}\t1200.00\t2026-12-03 10:11:12`)).toEqual([['PAYMENT_CARD', value]]);
    expect(findAll(`1024\tzhang\t${group(value, sizes.length ? sizes : [value.length], '-')}\t12.50`)).toEqual([
      ['PAYMENT_CARD', group(value, sizes.length ? sizes : [value.length], '-')],
    ]);
  });

  it('Mir is 2200–2204 only', () => {
    expect(findWith(card, luhn('219912345678901'))).toEqual([]);
    expect(findWith(card, luhn('220512345678901'))).toEqual([]);
    expect(findWith(card, badLuhn('220012345678901'))).toEqual([]);
    expect(findWith(card, luhn('22001234567890'))).toEqual([]); // Mir at 15
  });

  it('UATP (1, 15 digits) needs a card word: 15-digit ids starting with 1 are common', () => {
    expect(findWith(card, UATP)).toEqual([]);
    expect(findWith(card, `uatp ${UATP}`)).toEqual([['PAYMENT_CARD', UATP]]);
    expect(findWith(card, `card=${UATP}`)).toEqual([['PAYMENT_CARD', UATP]]);
    expect(findWith(card, `卡号：${UATP}`)).toEqual([['PAYMENT_CARD', UATP]]);
    expect(findWith(card, `card ${badLuhn('11223344556677')}`)).toEqual([]);
    expect(findWith(card, `card ok after ${luhn('1122334455667')}`)).toEqual([]); // UATP is 15 digits; at 14, `card` is no label here
    expect(findWith(card, `order ${UATP}`)).toEqual([]);
  });

  it('why a bare UATP run stays: pthread ids and nanosecond clocks are 15 digits starting with 1', () => {
    // x86-64 pthread ids are user-space addresses 0x7f0000000000–0x7fffffffffff (139637976727552–
    // 140737488355327): Apache's `tid`, Python's %(thread)d. One in ten passes Luhn.
    const tid = luhn('14023456789012');
    expect(Number(tid)).toBeGreaterThanOrEqual(0x7f0000000000);
    expect(Number(tid)).toBeLessThanOrEqual(0x7fffffffffff);
    expect(findAll(`[Thu Dec 03 04:57:10.209465 2026] [proxy_fcgi:error] [pid 20721:tid ${tid}] [client 192.0.2.7:51007] AH01071: Got error`)).toEqual([['IP_ADDRESS', '192.0.2.7']]);
    expect(findAll(`2026-12-03 18:41:17,286 ${tid} INFO worker.py:88 task done in 12ms`)).toEqual([]);
    const nanos = luhn('13234567890123'); // a monotonic clock after ~1.5 days of uptime
    expect(findAll(`[tracing] span=9f86d081884c7d65 start_ns=${nanos} dur_ns=48213`)).toEqual([]);
  });

  it('settlement TSV rows (date, order id, card, amount, status): JCB and Mir found, a bare UATP run is not', () => {
    for (const value of [MIR16, MIR19, JCB16, JCB19]) {
      expect(findAll(`2026-12-03\t202612031832980268\t${value}\t8444.13\tAPPROVED`)).toEqual([['PAYMENT_CARD', value]]);
    }
    // 15 digits starting with 1 and Luhn-valid: one random such id in ten. Without a card word, a
    // header naming the column (CSV/TSV files) or UATP's printed layout, it stays.
    expect(findAll(`2026-12-03\t202612031832980268\t${UATP}\t8444.13\tAPPROVED`)).toEqual([]);
    expect(findWith(card, UATP, { fieldType: 'PAYMENT_CARD' })).toEqual([['PAYMENT_CARD', UATP]]); // a `card_no` column
    expect(findAll(`2026-12-03\t202612031832980268\t${group(UATP, [4, 5, 6], '-')}\t8444.13\tAPPROVED`)).toEqual([
      ['PAYMENT_CARD', group(UATP, [4, 5, 6], '-')],
    ]);
  });

  // UATP cards are printed 4-5-6; no id, timestamp or phone is written in that layout with a leading 1
  // and a Luhn-valid 15th digit, so the layout stands in for the card word.
  it.each([
    ['dashes', '-'],
    ['spaces', ' '],
  ])('UATP printed 4-5-6 with %s needs no card word', (_name, sep) => {
    for (const value of [UATP, luhn('19000000012345'), luhn('10203040506070')]) {
      const g = group(value, [4, 5, 6], sep);
      expect(findWith(card, g)).toEqual([['PAYMENT_CARD', g]]);
      expect(findAll(`2026-12-03 11:40:37,894 INFO [pay-1] c.e.pay.Ticketing - issued ticket fare=812.40 pan=${g} status=OK`)).toEqual([['PAYMENT_CARD', g]]);
      expect(findAll(`12-03 17:04:31.146 31629 8860 I AirPay: charge ${g} ok in 4544ms`)).toEqual([['PAYMENT_CARD', g]]);
      expect(findAll(`2026-12-03 10:11:12 INFO 机票出票成功 支付 ${g}，订单号 202612032304377094`)).toEqual([['PAYMENT_CARD', g]]);
      expect(scores(g)).toEqual([0.97]);
    }
  });

  it.each([
    ['bad Luhn', group(badLuhn('11223344556677'), [4, 5, 6], '-')],
    ['4-5-6 not starting with 1 (Amex)', group(AMEX, [4, 5, 6], '-')],
    ['4-5-6 not starting with 1 (unknown IIN)', group(luhn('91223344556677'), [4, 5, 6], ' ')],
    ['mixed separators', `${UATP.slice(0, 4)}-${UATP.slice(4, 9)} ${UATP.slice(9)}`],
    ['4-5-7', group(luhn('112233445566778'), [4, 5, 7], '-')],
    ['4-5-5', group(luhn('1122334455667'), [4, 5, 5], '-')],
    ['glued to an id', `blk_${group(UATP, [4, 5, 6], '-')}`],
  ])('UATP layout near miss, %s: %s', (_name, text) => {
    expect(findWith(card, text)).toEqual([]);
    expect(findWith(card, `ticket ${text} issued`)).toEqual([]);
  });
});

describe('payment_card: unknown IIN under a card label or field', () => {
  const U12 = luhn('98765432109'); // 12 digits, no brand
  const U16 = luhn('912345678901234'); // 16 digits, 9: no brand
  const U19 = luhn('700012345678901234'); // 19 digits, 7: no brand
  it.each([
    ['cardNo=', `cardNo=${U16}`, U16],
    ['card_number:', `card_number: ${U19}`, U19],
    ['payment.card=', `payment.card=${U12}`, U12],
    ['card number is', `card number is ${U16}`, U16],
    ['JSON in a text line', `{"cardNo":"${U16}","amount":12}`, U16],
    ['卡号：', `卡号：${U16}`, U16],
    ['银行卡号', `银行卡号 ${U19}`, U19],
    ['grouped', `card_no=${group(U16, [4, 4, 4, 4], ' ')}`, group(U16, [4, 4, 4, 4], ' ')],
    ['grouped with dashes', `cardNumber: ${group(U16, [4, 4, 4, 4], '-')}`, group(U16, [4, 4, 4, 4], '-')],
    ['14 digits in fours', `card number is ${group(luhn('8028339509421'), [4, 4, 4, 2], ' ')}`, group(luhn('8028339509421'), [4, 4, 4, 2], ' ')],
    ['12 digits in fours, dashes', `卡号：${group(U12, [4, 4, 4], '-')}`, group(U12, [4, 4, 4], '-')],
  ])('%s', (_name, text, value) => {
    expect(findWith(card, text)).toEqual([['PAYMENT_CARD', value]]);
  });

  it('a field rule, or the whole value under a card key, is enough', () => {
    expect(findWith(card, U16, { fieldType: 'PAYMENT_CARD' })).toEqual([['PAYMENT_CARD', U16]]);
    expect(findWith(card, U16, { key: 'card' })).toEqual([['PAYMENT_CARD', U16]]);
    expect(findWith(card, U12, { key: 'cardNo' })).toEqual([['PAYMENT_CARD', U12]]);
    expect(findWith(card, U16, { key: 'payment.card' })).toEqual([['PAYMENT_CARD', U16]]);
    expect(findWith(card, U16, { key: '银行卡号' })).toEqual([['PAYMENT_CARD', U16]]);
    expect(findWith(card, U16, { key: 'pan' })).toEqual([['PAYMENT_CARD', U16]]);
    expect(findWith(card, U16, { key: 'card_id' })).toEqual([]); // an id of the card record
    expect(findWith(card, U16, { key: 'timespan' })).toEqual([]);
    const epoch = luhn('177193520112'); // epoch millis, Luhn-valid
    for (const key of ['cardUpdatedAt', 'card_ts', 'cardExpiry', 'card_count', 'cards']) {
      expect(findWith(card, epoch, { key }), key).toEqual([]);
    }
    expect(findWith(card, U16, { key: 'order_id' })).toEqual([]);
    expect(findWith(card, badLuhn('912345678901234'), { key: 'card' })).toEqual([]);
  });

  it.each([
    ['no card word', U16],
    ['bad Luhn under a card label', `cardNo=${badLuhn('912345678901234')}`],
    ['11 digits under a card label', `cardNo=${luhn('9876543210')}`],
    ['20 digits under a card label', `cardNo=${luhn('9123456789012345678')}`],
    ['a card id', `card_id=${U16}`],
    ['a card timestamp', `card_ts=${luhn('177193520112')}`],
    ['a card expiry key', `cardExpiry: ${luhn('177193520112')}`],
    ['card word, another label', `card declined, txn ${U16}`],
    ['card word, then a timestamp', `card verified at ${luhn('177193520112')}`],
    ['card word, epoch millis under another key', `card=ok ts=${luhn('179629267212')}`],
    ['card word, order id label', `card ok order_no=${U19}`],
    ['card word, version and UUID', 'card v1.2.3 3f2c1e5a-8b7d-4c2e-9f10-1a2b3c4d5e6f'],
    ['card word, sha1', 'card sha1=da39a3ee5e6b4b0d3255bfef95601890afd80709'],
  ])('not a card: %s', (_name, text) => {
    expect(findWith(card, text)).toEqual([]);
  });

  it('scores 0.9', () => {
    expect(scores(`cardNo=${U16}`)).toEqual([0.9]);
  });
});

describe('payment_card: 18 digits (the CN resident ID length)', () => {
  /** 17 digits + the digit that makes it Luhn-valid, when that digit is not the resident-ID check char. */
  const luhnNotId = (p17: string): string => {
    const v = luhn(p17);
    expect(cnResidentIdCheckChar(v, 0, 17)).not.toBe(v[17]);
    return v;
  };
  const idLike = luhnNotId('11010519900307123'); // a resident ID shape with a wrong check char, Luhn-valid
  const chongqing = luhnNotId('50010119850101123'); // 50: Maestro-range and Chongqing's province code
  const qinghai = luhnNotId('63010219800101123'); // 63: Maestro-range and Qinghai's
  const gansu = luhnNotId('62010219800101123'); // 62: UnionPay, which issues 18 digits
  it.each([
    ['no brand', idLike],
    ['Maestro-range 50', chongqing],
    ['Maestro-range 63', qinghai],
    ['Diners 36', luhnNotId('36010219800101125')],
  ])('failing the ID check and Luhn-valid is no card alone: %s', (_name, value) => {
    expect(findWith(card, value)).toEqual([]);
    expect(findAll(`applicant ${value} submitted`, [cnResidentId, card])).toEqual([]);
  });

  it('a real brand at 18 digits is a card alone; weak ranges with a card word', () => {
    expect(findWith(card, gansu)).toEqual([['PAYMENT_CARD', gansu]]);
    expect(findWith(card, `card ${chongqing}`)).toEqual([['PAYMENT_CARD', chongqing]]);
    expect(findWith(card, `卡号 ${qinghai}`)).toEqual([['PAYMENT_CARD', qinghai]]);
    expect(findWith(card, luhn('500112345678901234'))).toEqual([['PAYMENT_CARD', luhn('500112345678901234')]]); // Maestro-range 19
  });
});

describe('payment_card normalize', () => {
  it('keeps the digits only', () => {
    expect(card.normalize?.(group(VISA16, [4, 4, 4, 4], '-'))).toBe(VISA16);
  });
});

describe('payment_card in log lines (EN + ZH), with near misses side by side', () => {
  const mine = [card, imei, iban, ssn, bankAccount];
  const epochMs = luhn('177193520112');
  const spaced = group(VISA16, [4, 4, 4, 4], ' ');
  const up = group(UNIONPAY19, [4, 4, 4, 4, 3], ' ');
  it.each([
    [
      `2026-02-24T12:26:41.123Z INFO payment captured card=${spaced} amount=27,240.52 ts=${epochMs} order=${MAESTRO16}`,
      [['PAYMENT_CARD', spaced]],
    ],
    [
      `{"event":"charge","pan":"${MC}","order_id":"${luhn('177193520112345')}","ts":${epochMs}}`,
      [['PAYMENT_CARD', MC]],
    ],
    [
      `2026-02-24 12:26:41 支付成功 订单号 ${MAESTRO16} 卡号 ${up} 时间戳 ${epochMs}`,
      [['PAYMENT_CARD', up]],
    ],
    [`WARN retry card ${badLuhn('400012345678901')} declined, card ${AMEX} ok`, [['PAYMENT_CARD', AMEX]]],
    [
      `银行卡 ${group(AMEX, [4, 6, 5], ' ')} 绑定失败，流水 ${luhn('2026022412264')}`,
      [['PAYMENT_CARD', group(AMEX, [4, 6, 5], ' ')]],
    ],
    [`GET /api/v1/cards/${VISA16}/status 200 15ms`, [['PAYMENT_CARD', VISA16]]],
    [
      `2026-12-03 10:11:12 INFO charge ok payment.card=${luhn('912345678901234')} order=${luhn('912345678901234').slice(0, 15)}7 ts=1796292672123`,
      [['PAYMENT_CARD', luhn('912345678901234')]],
    ],
    [`2026-12-03 10:11:12 绑卡成功 卡号：${group(luhn('220012345678901'), [4, 4, 4, 4], '-')}，版本 1.2.3`, [['PAYMENT_CARD', group(luhn('220012345678901'), [4, 4, 4, 4], '-')]]],
  ])('%s', (line, expected) => {
    expect(findAll(line, mine)).toEqual(expected);
  });

  it('a Luhn-valid card wins over BANK_ACCOUNT on the same span; an invalid one stays an account', () => {
    expect(findAll(`银行卡号 ${UNIONPAY19}`, mine)).toEqual([['PAYMENT_CARD', UNIONPAY19]]);
    const bad = badLuhn('621234567890123456');
    expect(findAll(`银行卡号 ${bad}`, mine)).toEqual([['BANK_ACCOUNT', bad]]);
  });
});
