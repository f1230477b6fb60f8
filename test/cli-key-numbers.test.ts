import { describe, expect, it } from 'vitest';
import { KeyNumbers } from '../cli/key-numbers';

/** A key as a row's cell is: a new string cut from a longer text, never the object added before. */
const cut = (key: string) => `;${key};`.slice(1, -1);

describe('ticket keys numbered by a hash table', () => {
  it('numbers keys 0, 1, 2… in the order added and finds each again from a new string with its text', () => {
    const keys = new KeyNumbers();
    expect(keys.find('INC001')).toBe(-1);
    expect(keys.add('INC001')).toBe(0);
    expect(keys.add('1-364285768')).toBe(1);
    expect(keys.add('')).toBe(2);
    expect(keys.find(cut('1-364285768'))).toBe(1);
    expect(keys.find(cut('INC001'))).toBe(0);
    expect(keys.find('')).toBe(2);
    expect(keys.find('INC00')).toBe(-1);
    expect(keys.find('inc001')).toBe(-1);
    expect(keys.size).toBe(3);
    expect(keys.keyOf(1)).toBe('1-364285768');
  });

  it('keeps every key through the growth of its table (far past its first 1,024 slots), texts beyond ASCII included', () => {
    const keys = new KeyNumbers();
    const texts = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `Zoë-${i}` : i % 3 === 1 ? `${i}` : `\uD83D\uDE00${i}`));
    texts.forEach((text, i) => {
      expect(keys.find(text)).toBe(-1);
      expect(keys.add(cut(text))).toBe(i);
    });
    expect(texts.every((text, i) => keys.find(cut(text)) === i && keys.keyOf(i) === text)).toBe(true);
    expect(keys.find('Zoë-1')).toBe(-1);
    expect(keys.size).toBe(texts.length);
  });

  it('forgets every key when cleared, and numbers from 0 again', () => {
    const keys = new KeyNumbers();
    for (let i = 0; i < 5_000; i++) keys.add(`T${i}`);
    keys.clear();
    expect(keys.size).toBe(0);
    expect(keys.find('T1')).toBe(-1);
    expect(keys.add('T1')).toBe(0);
    expect(keys.find('T1')).toBe(0);
  });
});
