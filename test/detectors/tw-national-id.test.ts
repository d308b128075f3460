import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/random.js';
import { detectors } from '../../detectors/index.js';
import twNationalId, { twNationalIdCheckDigit } from '../../detectors/tw-national-id.js';
import { compileScanner } from '../../src/detect/scan.js';
import { createAnonymizer } from '../../src/index.js';
import { FieldRules } from '../../src/policy/fields.js';
import { parsePolicy } from '../../src/policy/load.js';
import { findAll } from '../support/scan.js';

/**
 * Independent of the detector: the letter's number is its index in this string (the published
 * order written as one sequence: J follows H, X Y W Z I O close it), digits weighted 1 9 8 7 6 5 4 3 2 1 1.
 */
const ORDER = '__________ABCDEFGHJKLMNPQRSTUVXYWZIO';
function valid(id: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(id)) return false;
  const n = String(ORDER.indexOf(id[0])) + id.slice(1);
  const weights = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1];
  return [...n].reduce((sum, d, i) => sum + Number(d) * weights[i], 0) % 10 === 0;
}
/** The nine chars completed by the check digit, found by trying all ten. */
const complete = (body: string): string => body + [...'0123456789'].find((d) => valid(body + d))!;

const TW = (s: string): ['TW_NATIONAL_ID', string] => ['TW_NATIONAL_ID', s];
const scanner = compileScanner(detectors);
const scoreOf = (text: string) => scanner.scan(text).find((f) => f.type === 'TW_NATIONAL_ID')?.score;

describe('twNationalIdCheckDigit', () => {
  it.each([
    ['A12345678', 9], // the published example: 1 + 0 + 8 + 14 + 18 + 20 + 20 + 18 + 14 + 8 = 121 → 9
    ['Z10000000', 2], // Z = 33: 3 + 27 + 8 = 38 → 2
    ['I20000000', 5], // I = 34: 3 + 36 + 16 = 55 → 5
    ['O19876543', 8], // O = 35: 3 + 45 + 8 + 63 + 48 + 35 + 24 + 15 + 8 + 3 = 252 → 8
    ['W28765432', 5], // W = 32: 3 + 18 + 16 + 56 + 42 + 30 + 20 + 12 + 6 + 2 = 205 → 5
  ])('%s → %i', (body, check) => {
    expect(twNationalIdCheckDigit(body)).toBe(check);
  });

  it('agrees with the published table for every letter', () => {
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      for (const rest of ['10000000', '23456789', '98765432']) {
        const body = letter + rest;
        expect(body + twNationalIdCheckDigit(body), body).toBe(complete(body));
      }
    }
  });
});

describe('TW_NATIONAL_ID', () => {
  const ONE = complete('A12345678'); // A123456789
  const F = complete('F22004455');
  const RESIDENT = complete('B80000001'); // a newer resident certificate: 8 for sex

  it('finds valid numbers, bare and labelled, in English and Chinese lines', () => {
    expect(findAll(`user ${ONE} verified`)).toEqual([TW(ONE)]);
    expect(findAll(`2026-02-24 10:00:01 INFO kyc passed national_id=${F} level=2`)).toEqual([TW(F)]);
    expect(findAll(`實名認證通過，身分證字號：${F}，手續完成`)).toEqual([TW(F)]);
    expect(findAll(`[會員中心] 使用者 身分證號 ${ONE} 已更新`)).toEqual([TW(ONE)]);
    expect(findAll(`{"tw_id":"${RESIDENT}","status":"ok"}`)).toEqual([TW(RESIDENT)]);
    expect(findAll(`居留證號 ${RESIDENT}`)).toEqual([TW(RESIDENT)]);
  });

  it('scores a labelled number above a bare one', () => {
    expect(scoreOf(`身分證字號：${ONE}`)).toBe(0.95);
    expect(scoreOf(`national id ${ONE}`)).toBe(0.95);
    expect(scoreOf(`user ${ONE}`)).toBe(0.8);
    expect(scoreOf(`note="${ONE} payment authorized"`)).toBe(0.8); // under another key
    expect(scoreOf(`訂單已建立，身分證字號：${ONE}`)).toBe(0.95); // its own label beats an order word further back
  });

  it('refuses a wrong check digit, every one of the nine', () => {
    for (let d = 0; d <= 9; d++) {
      const id = `A12345678${d}`;
      if (id === ONE) continue;
      expect(findAll(`身分證字號：${id}`), id).toEqual([]);
    }
  });

  it('refuses a second digit that is no sex code, even with the check digit right', () => {
    for (const sex of '034567') {
      const id = complete(`A${sex}2345678`);
      expect(valid(id)).toBe(true);
      expect(findAll(`身分證字號：${id}`), id).toEqual([]);
    }
  });

  it('leaves order, ticket and invoice numbers that happen to pass the check', () => {
    expect(findAll(`order ${ONE}`)).toEqual([]);
    expect(findAll(`訂單編號:${F} 已出貨`)).toEqual([]);
    expect(findAll(`ticket=${F}`)).toEqual([]);
    expect(findAll(`invoice_no=${ONE}`)).toEqual([]);
  });

  it('leaves timestamps, ids and hashes', () => {
    for (const text of [
      '2026-02-24T12:26:41.123Z',
      'ts=20260224122641',
      'ORD202602241226410001',
      'SO1234567890',
      'blk_1073741825',
      `md5=${ONE.toLowerCase()}0d5f6c1e2b3a49587f6e5d4c3b2a`,
      'A1234567890', // eleven chars
      'XA123456789', // two letters
      `${ONE}X`, // glued to a letter
      'a123456789', // lower case
    ]) {
      expect(findAll(text).filter(([type]) => type === 'TW_NATIONAL_ID'), text).toEqual([]);
    }
  });

  it('masks to the region letter and the last three digits', () => {
    const a = createAnonymizer({ policy: { operator: 'mask' } });
    expect(a.anonymize(`身分證字號：${ONE}`)).toBe('身分證字號：A******789');
  });

  it('owns its field names: 身分證字號 is one, 統一編號 (a company tax number) is not', () => {
    const rules = new FieldRules(parsePolicy({}));
    expect(rules.resolve(['身分證字號'])).toMatchObject({ kind: 'as', type: 'TW_NATIONAL_ID' });
    expect(rules.resolve(['twId'])).toMatchObject({ kind: 'as', type: 'TW_NATIONAL_ID' });
    expect(rules.resolve(['統一編號']).kind).toBe('scan');
  });

  it('generates valid numbers as logs write them, and near misses that stay', () => {
    const r = rng(886);
    const anonymizer = createAnonymizer();
    for (let i = 0; i < 200; i++) {
      const s = twNationalId.generate!.valid(r, i % 2 ? 'zh' : 'en');
      expect(valid(s.value), s.value).toBe(true);
      expect(anonymizer.anonymize(`${s.before}${s.value}${s.after}`)).not.toContain(s.value);
      for (const make of Object.values(twNationalId.generate!.nearMisses!)) {
        const x = make(r);
        const text = x.before + x.value + x.after;
        expect(anonymizer.anonymize(text), text).toBe(text);
      }
    }
  });
});
