import { describe, expect, it } from 'vitest';
import { anonymizingVisitor, createAnonymizer, type OperatorName } from '../../src/index.js';
import { visitLine } from '../../src/formats/text.js';

/**
 * The minimal cases behind test/property/idempotence.test.ts: what the first pass wrote, read again as
 * a text line (field rules and pairs included), comes back unchanged; and values are still found.
 */
const line = (operator: OperatorName, text: string) => {
  const a = createAnonymizer({ policy: { operator }, key: Buffer.alloc(32, 5) });
  return visitLine(anonymizingVisitor(a), text, 0);
};

describe('a second pass leaves what operators wrote', () => {
  it.each<[OperatorName, string]>([
    ['mask', 'update mobile=138****8000 ok'], // a field rule does not mask a mask
    ['mask', 'update tel: +44 740* **8608 ok'], // a masked number in groups is one value
    ['mask', 'updated phone=+44207***0553 090405 062557'], // the digits a mask kept start no number
    ['mask', 'status bank_account="**** **** 1013" 91370202********** done'],
    ['hash', 'update mobile=PHONE_k3j7abcdefgh2345 ok'], // nor hash a hash
    ['tag', 'bank_account=<BANK_ACCOUNT> block blk_-3934000224444810432'], // the tag claimed the context word
    ['tag', 'IBAN: <IBAN>\tblk_-845984965101049913'],
    ['tag', '(银行账号：<BANK_ACCOUNT>), sent 558427173'],
    ['hash', '银行账号：BANK_ACCOUNT_cncamnsdohzkdvxh bytes=1904354357'], // `ACCOUNT` inside a token is no context word
    ['generalize', 'login from 203.0.113.0/24 ok'], // a network is not a host
    ['generalize', 'ip_address=203.0.113.0/24 ok'],
    ['generalize', '来源IP=2001:db8:f6b9::/48 ok'],
    ['tag', 'profile phone=- mobile=null email=N/A ssn=XXX-XX-XXXX'], // placeholders
  ])('%s: %s', (operator, text) => {
    expect(line(operator, text)).toBe(text);
  });

  it('still replaces the values themselves', () => {
    expect(line('tag', 'update mobile=13800138000 ok')).toBe('update mobile=<PHONE> ok');
    expect(line('mask', 'update mobile=13800138000 ok')).toBe('update mobile=138****8000 ok');
    expect(line('tag', 'eth0 inet 192.0.2.7/24 up')).toBe('eth0 inet <IP_ADDRESS>/24 up'); // an interface address is a host
    expect(line('generalize', 'login from 203.0.113.9 ok')).toBe('login from 203.0.113.0/24 ok');
    expect(line('tag', 'bank_account=6222021234567890123 block blk_-3934000224444810432')).toBe('bank_account=<BANK_ACCOUNT> block blk_-3934000224444810432');
  });
});
