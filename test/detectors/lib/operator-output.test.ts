import { describe, expect, it } from 'vitest';
import { insideOperatorToken, isOperatorOutput, operatorTokenEnd } from '../../../detectors/lib/operator-output.js';

describe('what operators write', () => {
  it('recognizes tags, hash tokens and masks as whole values', () => {
    for (const v of ['<PHONE>', '<CN_RESIDENT_ID>', 'PHONE_k3j7abcdefgh2345', '138****8000', 'j***@example.com', '***', '192.0.*.*', '2001:db8:*', '张**']) expect(isOperatorOutput(v), v).toBe(true);
    for (const v of ['13800138000', '<div>', 'PHONE_short', 'phone_k3j7abcdefgh2345', 'a@example.com', '', 'kept: not *.address', 'SELECT * FROM t']) expect(isOperatorOutput(v), v).toBe(false);
  });

  it('finds where a tag or hash token ends, and whether a char lies inside one', () => {
    const text = 'acct=<BANK_ACCOUNT> x BANK_ACCOUNT_cncamnsdohzkdvxh y';
    expect(operatorTokenEnd(text, 5)).toBe(19);
    expect(operatorTokenEnd(text, 22)).toBe(51);
    expect(operatorTokenEnd(text, 0)).toBe(-1);
    expect(insideOperatorToken(text, text.indexOf('ACCOUNT') + 3)).toBe(true);
    expect(insideOperatorToken(text, text.lastIndexOf('ACCOUNT') + 3)).toBe(true);
    expect(insideOperatorToken('bank ACCOUNT 12345678', 8)).toBe(false);
  });
});
