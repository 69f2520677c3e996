import { describe, expect, it } from 'vitest';
import { isKeywordOnlyLine, isKeywordOnlyRawLine } from '../../pipeline/source-analysis/analyse-source.js';
import { normaliseLine } from '../../pipeline/line-ops/normalise.js';

describe('isKeywordOnlyLine', () => {
  it('accepts punctuation and structural keywords of the language', () => {
    expect(isKeywordOnlyLine('}', 'Java')).toBe(true);
    expect(isKeywordOnlyLine('});', 'JavaScript')).toBe(true);
    expect(isKeywordOnlyLine('} else {', 'Java')).toBe(true);
    expect(isKeywordOnlyLine('} catch {', 'Swift')).toBe(true);
    expect(isKeywordOnlyLine('default:', 'Go')).toBe(true);
    expect(isKeywordOnlyLine('end', 'Ruby')).toBe(true);
    expect(isKeywordOnlyLine('end)', 'Ruby')).toBe(true);
    expect(isKeywordOnlyLine('else:', 'Python')).toBe(true);
    expect(isKeywordOnlyLine('pass', 'Python')).toBe(true);
    expect(isKeywordOnlyLine('fi', 'Shell')).toBe(true);
    expect(isKeywordOnlyLine('done', 'Shell')).toBe(true);
    expect(isKeywordOnlyLine(';;', 'Shell')).toBe(true);
    expect(isKeywordOnlyLine('END;', 'SQL')).toBe(true);
    expect(isKeywordOnlyLine('End If', 'Visual Basic .NET')).toBe(true);
    expect(isKeywordOnlyLine('endforeach;', 'PHP')).toBe(true);
    expect(isKeywordOnlyLine('},', 'JSON')).toBe(true);
  });

  it('rejects statements, conditions, names, numbers and text', () => {
    expect(isKeywordOnlyLine('return;', 'C')).toBe(false);
    expect(isKeywordOnlyLine('break;', 'Java')).toBe(false);
    expect(isKeywordOnlyLine('} else if (x) {', 'Java')).toBe(false);
    expect(isKeywordOnlyLine('case 1:', 'C')).toBe(false);
    expect(isKeywordOnlyLine('x++;', 'C')).toBe(false);
    expect(isKeywordOnlyLine('[0],', 'JavaScript')).toBe(false);
    expect(isKeywordOnlyLine('"héllo"', 'Python')).toBe(false);
    expect(isKeywordOnlyLine('', 'Java')).toBe(false);
    expect(isKeywordOnlyLine('   ', 'Java')).toBe(false);
  });

  it('only treats a word as structural where the language makes it so', () => {
    expect(isKeywordOnlyLine('end', 'JavaScript')).toBe(false);
    expect(isKeywordOnlyLine('fi', 'Ruby')).toBe(false);
    expect(isKeywordOnlyLine('pass', 'Java')).toBe(false);
    expect(isKeywordOnlyLine('END', 'Ruby')).toBe(false);
    expect(isKeywordOnlyLine('end', null)).toBe(true);
    expect(isKeywordOnlyLine('end', 'Unknown Language')).toBe(true);
    expect(isKeywordOnlyLine('} else {', 'Vue')).toBe(true);
  });

  it('answers from a raw line what it answers for the normalised line, or defers on unusual whitespace', () => {
    const pieces = ['}', '{', 'else', 'END', 'end', 'endfunction', 'x', '1', ';', '(', ' ', '  ', '\t', '\r', '\u00a0', '\u2003', '\v', '\f', 'é'];
    const languages = ['Java', 'Ruby', 'SQL', 'CMake', null, 'Markdown'];
    // A deterministic walk over short combinations, blanks at either end included.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    let deferred = 0;
    for (let n = 0; n < 4000; n++) {
      const line = Array.from({ length: 1 + (n % 6) }, () => pieces[next()]).join('');
      for (const language of languages) {
        const raw = isKeywordOnlyRawLine(line, language);
        const normal = isKeywordOnlyLine(normaliseLine(line), language);
        if (raw === null) deferred++;
        else expect(raw, JSON.stringify([line, language])).toBe(normal);
      }
    }
    expect(deferred).toBeGreaterThan(0);
    expect(isKeywordOnlyRawLine('\t} else {  ', 'Java')).toBe(true);
    expect(isKeywordOnlyRawLine('}\u00a0else {', 'Java')).toBeNull();
    expect(isKeywordOnlyRawLine('constructor', 'Java')).toBe(false);
  });
});
