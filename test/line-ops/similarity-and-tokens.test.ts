import { describe, expect, it } from 'vitest';
import { alignSimilarLines } from '../../pipeline/line-ops/align-similar-lines.js';
import { bigramDice, BigramProfiles } from '../../pipeline/line-ops/line-similarity.js';
import { findTokenSubstitution, tokenizeLine } from '../../pipeline/line-ops/token-substitution.js';
import { dice as referenceDice } from './reference-detector.js';

describe('bigramDice', () => {
  it('scores known pairs', () => {
    expect(bigramDice('abcde', 'abcxy')).toBe(0.5);
    expect(bigramDice('same line', 'same line')).toBe(1);
    expect(bigramDice('abc', 'xyz')).toBe(0);
    expect(bigramDice('aaaa', 'aa')).toBeCloseTo(0.5); // multiset: one shared 'aa' of 3 + 1
    expect(bigramDice('a', 'a')).toBe(1);
    expect(bigramDice('a', 'b')).toBe(0);
  });

  it('agrees with a reference implementation on random lines, long and short', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const alphabet = 'abcde(){};= _xyzé变';
    const line = (): string => Array.from({ length: 1 + random(60) }, () => alphabet[random(alphabet.length)]).join('');
    const profiles = new BigramProfiles();
    for (let i = 0; i < 500; i++) {
      const a = line();
      const b = line();
      expect(bigramDice(a, b)).toBeCloseTo(referenceDice(a, b), 12);
      profiles.clear();
      const x = profiles.add(a);
      const y = profiles.add(b);
      const expected = referenceDice(a, b);
      expect(profiles.dice(x, y)).toBeCloseTo(expected, 12);
      // The early-exit variant keeps exactly the pairs at or above the cut.
      for (const cut of [0.3, 0.5, 0.7]) {
        const bounded = profiles.diceAtLeast(x, y, cut);
        if (expected >= cut) expect(bounded).toBeCloseTo(expected, 12);
        else expect(bounded).toBe(-1);
      }
    }
  });
});

describe('BigramProfiles', () => {
  it('profiles a range of a text exactly like the sliced text', () => {
    const text = '    total = price * count;   ';
    const profiles = new BigramProfiles();
    const ranged = profiles.add(text, 4, 26);
    const sliced = profiles.add(text.slice(4, 26));
    const other = profiles.add('total = price * amount;');
    expect(profiles.bigramCount(ranged)).toBe(profiles.bigramCount(sliced));
    expect(profiles.dice(ranged, other)).toBe(profiles.dice(sliced, other));
    expect(profiles.dice(ranged, sliced)).toBe(1);
    // One-character ranges compare by their character.
    expect(profiles.dice(profiles.add('(x)', 1, 2), profiles.add('x'))).toBe(1);
    expect(profiles.dice(profiles.add('(x)', 1, 2), profiles.add('y'))).toBe(0);
  });

  it('keeps lines whose shared bigrams repeat (the signature bound counts repeats)', () => {
    const profiles = new BigramProfiles();
    const a = profiles.add('aaaaaaaaab');
    const b = profiles.add('aaaaaaaaac');
    expect(profiles.diceAtLeast(a, b, 0.85)).toBeCloseTo(referenceDice('aaaaaaaaab', 'aaaaaaaaac'), 12);
  });

  it('holds more profiles than its initial capacity', () => {
    const profiles = new BigramProfiles();
    const ids = Array.from({ length: 1000 }, (_, i) => profiles.add(`line number ${i}`));
    expect(profiles.dice(ids[0]!, ids[999]!)).toBeCloseTo(referenceDice('line number 0', 'line number 999'), 12);
  });
});

describe('alignSimilarLines', () => {
  it('returns increasing, non-crossing pairs above the threshold', () => {
    const removed = ['let x = 1;', 'drop();', 'callSomething(a, b);'];
    const added = ['let x = 2;', 'unrelated stuff', 'callSomething(a, c);'];
    expect(alignSimilarLines(removed, added, 0.5, 32)).toEqual([0, 0, 2, 2]);
  });

  it('chooses the alignment with the larger total similarity', () => {
    // Greedy matching would pair removed 0 with added 0 (0.6-ish) and lose the better pair 1↔0.
    const removed = ['value = compute(first);', 'value = compute(first, second);'];
    const added = ['value = compute(first, second, third);'];
    const pairs = alignSimilarLines(removed, added, 0.5, 32);
    expect(pairs).toEqual([1, 0]);
  });

  it('returns nothing when one side is empty', () => {
    expect(alignSimilarLines([], ['a'], 0.5, 32)).toEqual([]);
  });
});

describe('tokens', () => {
  it('splits words and single punctuation characters', () => {
    expect(tokenizeLine('total += price_1 * 2;')).toEqual(['total', '+', '=', 'price_1', '*', '2', ';']);
    expect(tokenizeLine('$el.größe')).toEqual(['$el', '.', 'größe']);
  });

  it('finds a single substitution, applied once or several times on a line', () => {
    expect(findTokenSubstitution('a = oldName(x);', 'a = newName(x);')).toEqual({ from: 'oldName', to: 'newName' });
    expect(findTokenSubstitution('f(old, old)', 'f(new, new)')).toEqual({ from: 'old', to: 'new' });
    expect(findTokenSubstitution('x == 1', 'x != 1')).toEqual({ from: '=', to: '!' });
  });

  it('rejects two different changes, a changed token count, or no change', () => {
    expect(findTokenSubstitution('a = b + c;', 'a = b - d;')).toBeNull();
    expect(findTokenSubstitution('f(old, old)', 'f(new, other)')).toBeNull();
    expect(findTokenSubstitution('f(a)', 'f(a, b)')).toBeNull();
    expect(findTokenSubstitution('a+b', 'a + b')).toBeNull();
  });
});
