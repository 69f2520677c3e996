import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../pipeline/config/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['ops', 'ops', 0],
    ['opz', 'ops', 1],
    ['ops', 'op', 1],
    ['tiemzone', 'timezone', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('closestMatch', () => {
  const weightKeys = ['preset', 'ops', 'complexity', 'workTypes', 'testFileWeight', 'bulk', 'durability', 'phases', 'gates'];

  it('suggests keys one slip away, spelling variants and unambiguous abbreviations', () => {
    expect(closestMatch('opz', weightKeys)).toBe('ops');
    expect(closestMatch('work_types', weightKeys)).toBe('workTypes');
    expect(closestMatch('COMPLEXITY', weightKeys)).toBe('complexity');
    expect(closestMatch('durabilty', weightKeys)).toBe('durability');
    expect(closestMatch('comp', weightKeys)).toBe('complexity');
  });

  it('stays quiet when nothing is close or an abbreviation is ambiguous', () => {
    expect(closestMatch('colour', weightKeys)).toBeNull();
    expect(closestMatch('xyz', weightKeys)).toBeNull();
    expect(closestMatch('pha', ['phases', 'phaseWeights'])).toBeNull();
  });
});
