import { describe, expect, it } from 'vitest';
import { mutate, outsideGuards, type Doc } from './support.js';

// The fuzz tests' own generator: a mutation must land outside every guarded value, and finding that
// place must end (it once looped forever on overlapping guards, hanging the CSV run and CI).
const doc = (guards: Array<[number, number]>): Doc => ({ bytes: Buffer.alloc(40, 0x61), guards, plants: guards.map(() => 'v') });

describe('outsideGuards', () => {
  it('leaves a place outside every guard, or on its edge, where it is', () => {
    expect(outsideGuards(doc([[5, 10]]), 3)).toBe(3);
    expect(outsideGuards(doc([[5, 10]]), 5)).toBe(5);
    expect(outsideGuards(doc([[5, 10]]), 10)).toBe(10);
    expect(outsideGuards(doc([[0, 10], [10, 20]]), 10)).toBe(10);
  });
  it('moves a place inside a guard to its start, or to its end when it guards the input start', () => {
    expect(outsideGuards(doc([[5, 10]]), 7)).toBe(5);
    expect(outsideGuards(doc([[-1, 10]]), 0)).toBe(10);
  });
  it('treats overlapping guards as one stretch (the case that looped forever)', () => {
    expect(outsideGuards(doc([[-1, 10], [5, 20]]), 12)).toBe(20);
    expect(outsideGuards(doc([[5, 20], [-1, 10]]), 7)).toBe(20);
    expect(outsideGuards(doc([[2, 10], [8, 15], [14, 30]]), 29)).toBe(2);
  });
  it('mutate inserts outside both overlapping guards', () => {
    const out = mutate(doc([[-1, 10], [5, 20]]), { op: 'insert', at: 12, len: 1, token: Buffer.from('X') });
    expect(out.bytes.indexOf('X')).toBe(20);
    expect(out.guards).toEqual([[-1, 10], [5, 20]]);
  });
});
