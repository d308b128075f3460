import { describe, expect, it } from 'vitest';
import { formatPath, lastKey, type FieldPath } from '../../src/record/index.js';

describe('lastKey and formatPath', () => {
  it.each<[FieldPath, string | undefined, string]>([
    [['user', 'email'], 'email', 'user.email'],
    [['items', 3, 'card'], 'card', 'items[3].card'],
    [['tags', 0], 'tags', 'tags[0]'],
    [[2], undefined, '[2]'],
    [[], undefined, ''],
    [['姓名'], '姓名', '姓名'],
  ])('%j → key %s, shown as %s', (path, key, shown) => {
    expect(lastKey(path)).toBe(key);
    expect(formatPath(path)).toBe(shown);
  });

  it('lastKey of the first len segments only', () => {
    expect(lastKey(['user', 'email', 0], 1)).toBe('user');
    expect(lastKey(['user', 'email', 0], 0)).toBeUndefined();
  });
});
