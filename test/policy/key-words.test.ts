import { describe, expect, it } from 'vitest';
import { keyWords } from '../../src/policy/key-words.js';

describe('keyWords', () => {
  it.each<[string, string[]]>([
    ['callback_number', ['callback', 'number']],
    ['custMobile', ['cust', 'mobile']],
    ['emailAddr', ['email', 'addr']],
    ['IPAddress', ['ip', 'address']],
    ['x-forwarded-for', ['x', 'forwarded', 'for']],
    ['payment.card', ['payment', 'card']],
    ['手机号码1', ['手机号码']],
    ['address_line2', ['address', 'line']],
    ['IP地址', ['ip', '地址']],
    ['联系人 手机', ['联系人', '手机']],
    ['SRC_IP', ['src', 'ip']],
    ['zip', ['zip']],
    ['hostname', ['hostname']],
    ['', []],
    ['姓名（中文）', ['姓名']],
    ['Phone (mobile)', ['phone']],
    ['address[home]', ['address']],
    ['地址【现居】', ['地址']],
  ])('%j → %j', (key, words) => expect(keyWords(key)).toEqual(words));
});
