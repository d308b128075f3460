import { describe, expect, it } from 'vitest';
import { replacedStretches } from '../../bench/independent/align.js';

const TYPES = ['PHONE', 'EMAIL', 'IP_ADDRESS'];

describe('replacedStretches', () => {
  it('finds each tag\'s stretch of the input', () => {
    const input = 'login from 203.0.113.9 phone=+1 212 555 0100 ok';
    const output = 'login from <IP_ADDRESS> phone=<PHONE> ok';
    expect(replacedStretches(input, output, TYPES)).toEqual([
      { start: 11, end: 22, type: 'IP_ADDRESS' },
      { start: 29, end: 44, type: 'PHONE' },
    ]);
  });

  it('gives none for an unchanged line and null when the output is not the input with tags', () => {
    expect(replacedStretches('no values here', 'no values here', TYPES)).toEqual([]);
    expect(replacedStretches('token=abc phone=1', 'token= phone=<PHONE>', TYPES)).toBeNull(); // a value dropped
    expect(replacedStretches('a=1', 'a="<PHONE>"', TYPES)).toBeNull(); // a JSON number written as a string
    expect(replacedStretches('<div>x</div>', '<div>x</div>!', TYPES)).toBeNull();
  });

  it('reads tags of unknown types as text', () => {
    expect(replacedStretches('<div> a@example.com', '<div> <EMAIL>', TYPES)).toEqual([{ start: 6, end: 19, type: 'EMAIL' }]);
  });
});
