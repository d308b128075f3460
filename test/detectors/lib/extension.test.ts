import { describe, expect, it } from 'vitest';
import { dashExtensionEnd, extensionEnd } from '../../../detectors/lib/extension.js';

/** The extension read after the number that ends where `number` ends in `text`, as written. */
function extensionAfter(text: string, number: string): string {
  const at = text.indexOf(number) + number.length;
  return text.slice(at, extensionEnd(text, at));
}

describe('extensionEnd', () => {
  it.each([
    ['call 201-555-0123 x1234 now', ' x1234'],
    ['call 201-555-0123 X1234, ok', ' X1234'],
    ['call 201-555-0123 x 12 now', ' x 12'],
    ['call 201-555-0123 ext. 12 now', ' ext. 12'],
    ['call 201-555-0123 ext.12', ' ext.12'],
    ['call 201-555-0123 Ext: 77 now', ' Ext: 77'],
    ['call 201-555-0123 ext=4', ' ext=4'],
    ['call 201-555-0123 extension 4 now', ' extension 4'],
    ['call 201-555-0123 #123 now', ' #123'],
    ['call 201-555-0123\tx55', '\tx55'],
    ['电话 010-12345678 转 8001，谢谢', ' 转 8001'],
    ['电话 010-12345678转8001。', '转8001'],
    ['電話 010-12345678 轉 8001', ' 轉 8001'],
    ['电话 010-12345678分机12', '分机12'],
    ['电话 010-12345678 分機 12', ' 分機 12'],
  ])('%s: %j', (text, ext) => {
    expect(extensionAfter(text, text.includes('201') ? '201-555-0123' : '010-12345678')).toBe(ext);
  });

  it.each([
    'call 201-555-0123 x2 times', // a count
    'call 201-555-0123 #1 ok',
    'call 201-555-0123 x1234abc', // glued to letters
    'call 201-555-0123 x1234567', // longer than an extension
    'mount 201-555-0123 ext4 ok', // a file system
    'call 201-555-0123  x1234', // two spaces: something else
    'call 201-555-0123 next 12',
    'call 201-555-0123 转账 12', // 转账 (transfer) is no 转 (extension) marker
  ])('none in %s', (text) => {
    expect(extensionAfter(text, '201-555-0123')).toBe('');
  });
});

describe('dashExtensionEnd', () => {
  const after = (text: string, number: string) => {
    const start = text.indexOf(number);
    return text.slice(start + number.length, dashExtensionEnd(text, start, start + number.length));
  };

  it('after a CN landline written area-local, dashed or bracketed', () => {
    expect(after('电话 010-12345678-8001 谢谢', '010-12345678')).toBe('-8001');
    expect(after('tel 0755-8888123-12.', '0755-8888123')).toBe('-12');
    expect(after('tel (021)12345678-801 ok', '(021)12345678')).toBe('-801');
    expect(after('tel (021) 12345678-801 ok', '(021) 12345678')).toBe('-801');
  });

  it('not after a mobile, not a longer dashed id, not a decimal or a date', () => {
    expect(after('ref 13800138000-12 ok', '13800138000')).toBe('');
    expect(after('ref 010-12345678-123456 ok', '010-12345678')).toBe('');
    expect(after('ref 010-12345678-12-3 ok', '010-12345678')).toBe('');
    expect(after('ref 010-12345678-12.5 ok', '010-12345678')).toBe('');
    expect(after('ref 010-12345678-12a ok', '010-12345678')).toBe('');
  });
});
