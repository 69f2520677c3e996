import { describe, expect, it } from 'vitest';
import { alphanumericCount, analyseLine, hashString, normaliseLine } from '../../pipeline/line-ops/normalise.js';

describe('normaliseLine', () => {
  it('trims and collapses runs of whitespace to one space', () => {
    expect(normaliseLine('\t  return  a +\tb; ')).toBe('return a + b;');
    expect(normaliseLine('a\u00a0\u00a0b\r')).toBe('a b');
    expect(normaliseLine('x\ty')).toBe('x y');
  });

  it('returns whitespace-only lines as the empty string', () => {
    expect(normaliseLine('')).toBe('');
    expect(normaliseLine(' \t \r')).toBe('');
  });

  it('leaves already normal lines untouched', () => {
    for (const line of ['a', 'ab', 'a b', 'const x = f(y);', 'größe = 1']) expect(normaliseLine(line)).toBe(line);
  });

  it('agrees with trim-and-collapse on edge positions', () => {
    for (const line of [' a', 'a ', 'a  b', 'a \tb', 'ab \t', '\u3000x', 'x\u2003']) {
      expect(normaliseLine(line)).toBe(line.trim().replace(/\s+/g, ' '));
    }
  });
});

describe('alphanumericCount', () => {
  it('counts ASCII letters and digits only', () => {
    expect(alphanumericCount('});')).toBe(0);
    expect(alphanumericCount('x = 42;')).toBe(3);
    expect(alphanumericCount('A_Z@[`{09')).toBe(4);
  });

  it('counts Unicode letters and digits, not symbols', () => {
    expect(alphanumericCount('größe = 1')).toBe(6);
    expect(alphanumericCount('变量 = 值;')).toBe(3);
    expect(alphanumericCount('a → 🎉 b')).toBe(2);
    expect(alphanumericCount('x٣')).toBe(2); // Arabic-Indic digit three
  });
});

describe('hashString', () => {
  it('is deterministic and a non-negative integer below 2^53', () => {
    const hash = hashString('return a + b;');
    expect(hash).toBe(hashString('return a + b;'));
    expect(Number.isSafeInteger(hash) && hash >= 0).toBe(true);
  });

  it('spreads similar strings without collisions', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 200_000; i++) seen.add(hashString(`const value${i} = input[${i % 97}];`));
    expect(seen.size).toBe(200_000);
  });

  it('uses the high bits too (the result is not a 32-bit hash)', () => {
    let high = 0;
    for (let i = 0; i < 1000; i++) if (hashString(`line ${i}`) >= 2 ** 32) high++;
    expect(high).toBeGreaterThan(900);
  });
});

describe('analyseLine', () => {
  it('gives the same results as the three separate functions', () => {
    const lines = ['', '   ', '\t\tconst x = 1;', 'a  b', 'a\tb', ' größe \u00a0 = 变量; ', 'x\u2003y', '});', 'plain', 'end \r', '\u0000 a'];
    for (const line of lines) {
      const normalised = normaliseLine(line);
      const { normalised: fused, alphanumerics, hash } = analyseLine(line, true);
      expect([fused, alphanumerics, hash]).toEqual([normalised, alphanumericCount(normalised), hashString(normalised)]);
      expect(analyseLine(line, false).hash).toBe(0);
    }
  });
});
