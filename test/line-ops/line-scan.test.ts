import { describe, expect, it } from 'vitest';
import { alphanumericCount, hashString, normaliseLine } from '../../pipeline/line-ops/normalise.js';
import { createLineScanColumns, normalisedEquals, scanLine, scanLineInto } from '../../pipeline/line-ops/line-scan.js';
import { Random } from './random-history.js';

/** Characters chosen to hit every branch of the scanner: ASCII classes, Unicode spaces and letters, surrogates. */
const ALPHABET = ['a', 'Z', '7', '_', ';', '(', ' ', ' ', ' ', '\t', '\r', '\v', '\f', '\u00a0', '\u3000', '\u2003', '\ufeff', 'ß', '変', '٣', '😀', '\u0000', '\u007f', '→'];

function randomLine(random: Random): string {
  let text = '';
  const length = random.below(24);
  for (let i = 0; i < length; i++) text += random.pick(ALPHABET);
  return text;
}

describe('scanLineInto', () => {
  it('gives the hash, length and alphanumeric count of the normalised line for any mix of characters', () => {
    const random = new Random(99);
    const columns = createLineScanColumns(1);
    for (let n = 0; n < 20_000; n++) {
      const text = randomLine(random);
      scanLineInto(text, columns, 0);
      const normalised = normaliseLine(text);
      expect([columns.hashes[0], columns.normalisedLengths[0], columns.alphanumerics[0]], JSON.stringify(text)).toEqual([
        hashString(normalised),
        normalised.length,
        alphanumericCount(normalised),
      ]);
      const start = columns.normalisedStarts[0]!;
      if (start >= 0) expect(text.slice(start, start + normalised.length)).toBe(normalised);
    }
  });

  it('takes the fast path for ordinary code lines and reports where the normalised text starts', () => {
    const columns = createLineScanColumns(2);
    scanLineInto('\t\treturn total + 1;  ', columns, 1);
    expect(columns.normalisedStarts[1]).toBe(2);
    expect(columns.normalisedLengths[1]).toBe('return total + 1;'.length);
    scanLineInto('a  b', columns, 0); // an inner run must be collapsed: no plain slice
    expect(columns.normalisedStarts[0]).toBe(-1);
    expect(columns.hashes[0]).toBe(hashString('a b'));
  });

  it('marks blank lines with a normalised length of 0', () => {
    for (const text of ['', ' ', '\t \r', '\u3000\u00a0']) expect(scanLine(text).normalisedLength).toBe(0);
  });
});

describe('hashString', () => {
  it('distinguishes a trailing odd character from the same character followed by NUL', () => {
    expect(hashString('abc')).not.toBe(hashString('abc\u0000'));
    expect(hashString('')).not.toBe(hashString('\u0000'));
  });
});

describe('normalisedEquals', () => {
  it('agrees with comparing normalised strings', () => {
    const random = new Random(5);
    let equal = 0;
    for (let n = 0; n < 20_000; n++) {
      const a = randomLine(random);
      // Half the time compare with a re-spaced copy, so equal pairs are common.
      const b = random.chance(0.5) ? a.replace(/ /g, random.pick(['  ', '\t', ' \u3000'])) : randomLine(random);
      const expected = normaliseLine(a) === normaliseLine(b);
      if (expected) equal++;
      expect(normalisedEquals(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(expected);
    }
    expect(equal).toBeGreaterThan(5_000);
  });
});
