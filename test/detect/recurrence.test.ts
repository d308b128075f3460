import { describe, expect, it } from 'vitest';
import { detectors } from '../../detectors/index.js';
import { createAnonymizer } from '../../src/anonymizer.js';
import type { Finding } from '../../src/detect/finding.js';
import { withRecurrences } from '../../src/detect/recurrence.js';
import { visitLine } from '../../src/formats/text.js';
import { anonymizingVisitor } from '../../src/visitors.js';
import { findAll } from '../support/scan.js';

const line = (text: string): string => visitLine(anonymizingVisitor(createAnonymizer()), text, 0);
const name = (text: string, value: string): Finding => {
  const start = text.indexOf(value);
  return { type: 'USERNAME', start, end: start + value.length, score: 0.75, detector: 'username' };
};

describe('a name found once is found where it recurs in the string', () => {
  it.each([
    [
      'FortiGate: the user field, then the message',
      'date=2026-12-04 time=10:00:04 user="olivia.brown" action="login" msg="Administrator olivia.brown logged in successfully from https(192.0.2.50)"',
      'date=2026-12-04 time=10:00:04 user="<USERNAME>" action="login" msg="Administrator <USERNAME> logged in successfully from https(<IP_ADDRESS>)"',
    ],
    [
      'sshd: a name, then the same name with no convention',
      'Invalid user mgarcia from 192.0.2.1 port 22; mgarcia retried 3 times',
      'Invalid user <USERNAME> from <IP_ADDRESS> port 22; <USERNAME> retried 3 times',
    ],
    ['at a sentence end', 'user=kchen msg="welcome back, kchen."', 'user=<USERNAME> msg="welcome back, <USERNAME>."'],
  ])('%s', (_name, text, expected) => {
    expect(line(text)).toBe(expected);
  });

  it('not inside a longer token, an email or a path part', () => {
    expect(line('user=kchen msg="kchen.bak and xkchen and kchen@example.com and kchen_2 and kchen-old"')).toBe(
      'user=<USERNAME> msg="kchen.bak and xkchen and <EMAIL> and kchen_2 and kchen-old"',
    );
  });

  it('numbers are not followed: an order id stays where a phone with the same digits is found', () => {
    expect(findAll('order_id=13800138000 call 13800138000', detectors)).toEqual([['PHONE', '13800138000']]);
  });

  it('a word that recurs more than 16 times is the string\'s own word, not followed', () => {
    const text = `user=home ${'home '.repeat(20)}`;
    expect(withRecurrences(text, [name(text, 'home')])).toHaveLength(1);
    const few = `user=kchen ${'kchen '.repeat(3)}`;
    expect(withRecurrences(few, [name(few, 'kchen')])).toHaveLength(4);
  });

  it('values shorter than 3 chars are not followed; findings stay sorted and never overlap', () => {
    const short = 'user=ab ab ab';
    expect(withRecurrences(short, [name(short, 'ab')])).toHaveLength(1);
    const text = 'x kchen user=kchen y kchen';
    const out = withRecurrences(text, [{ ...name(text, 'user=kchen'), start: text.indexOf('user=') + 5, end: text.indexOf('user=') + 10 }]);
    expect(out.map((f) => f.start)).toEqual([2, 13, 21]);
    for (let k = 1; k < out.length; k++) expect(out[k].start).toBeGreaterThanOrEqual(out[k - 1].end);
  });
});
