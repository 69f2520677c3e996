import { describe, expect, it } from 'vitest';
import { isKeywordOnlyLine } from '../../pipeline/source-analysis/analyse-source.js';

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
});
