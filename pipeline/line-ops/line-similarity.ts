/**
 * Similarity of two normalised lines: the Dice coefficient of their character bigrams,
 * `2 × |shared bigrams| / (|bigrams of a| + |bigrams of b|)`, counting repeated bigrams as a
 * multiset.
 *
 * Why this measure: it is linear in the line length once each line's sorted bigram list is
 * built (an edit distance is quadratic), it rewards shared substrings in any position (a
 * renamed variable or an added argument keeps most bigrams), and 0.5 is a familiar cut for
 * "recognisably the same line" in text-similarity tools.
 */

/** Below this many bigrams an insertion sort beats allocating a subarray view to sort. */
const INSERTION_SORT_MAX = 24;

/**
 * Sorted bigram lists of many lines in one shared buffer, compared pairwise without
 * allocating. `clear()` recycles the buffer for the next hunk.
 *
 * @example
 * const profiles = new BigramProfiles();
 * const a = profiles.add('total = price * count;');
 * const b = profiles.add('total = price * amount;');
 * profiles.dice(a, b) // ≈ 0.71
 */
export class BigramProfiles {
  private codes = new Uint32Array(4096);
  private bounds = new Int32Array(257);
  private texts: string[] = [];
  private used = 0;
  private count = 0;

  /** Forgets every profile; ids restart at 0. */
  clear(): void {
    this.used = 0;
    this.count = 0;
    this.texts.length = 0;
  }

  /** Builds the profile of a normalised line and returns its id. */
  add(text: string): number {
    const bigrams = Math.max(0, text.length - 1);
    this.reserve(bigrams);
    const codes = this.codes;
    const from = this.used;
    for (let i = 0; i < bigrams; i++) {
      codes[from + i] = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
    }
    if (bigrams <= INSERTION_SORT_MAX) {
      for (let i = from + 1; i < from + bigrams; i++) {
        const value = codes[i]!;
        let j = i - 1;
        while (j >= from && codes[j]! > value) {
          codes[j + 1] = codes[j]!;
          j--;
        }
        codes[j + 1] = value;
      }
    } else {
      codes.subarray(from, from + bigrams).sort();
    }
    const id = this.count++;
    this.bounds[id] = from;
    this.bounds[id + 1] = from + bigrams;
    this.texts[id] = text;
    this.used = from + bigrams;
    return id;
  }

  /** Number of bigrams of a profile. */
  bigramCount(id: number): number {
    return this.bounds[id + 1]! - this.bounds[id]!;
  }

  /**
   * The highest Dice coefficient two profiles could reach given only their sizes,
   * `2 × min / (sum)`: a cheap test that skips most hopeless comparisons.
   */
  maxDice(x: number, y: number): number {
    const nx = this.bigramCount(x);
    const ny = this.bigramCount(y);
    if (nx + ny === 0) return 1;
    return (2 * Math.min(nx, ny)) / (nx + ny);
  }

  /** Dice coefficient of two profiles, in [0, 1]. Lines too short for bigrams score 1 if equal, else 0. */
  dice(x: number, y: number): number {
    return this.diceAtLeast(x, y, 0);
  }

  /**
   * The Dice coefficient of two profiles if it is at least `minimum`, else -1. Stops merging as
   * soon as the bigrams left could no longer lift the score to `minimum`, which is where most
   * comparisons of unrelated lines end.
   */
  diceAtLeast(x: number, y: number, minimum: number): number {
    let i = this.bounds[x]!;
    const iEnd = this.bounds[x + 1]!;
    let j = this.bounds[y]!;
    const jEnd = this.bounds[y + 1]!;
    const total = iEnd - i + (jEnd - j);
    if (i === iEnd || j === jEnd) {
      const score = this.texts[x] === this.texts[y] ? 1 : 0;
      return score >= minimum ? score : -1;
    }
    // Dice ≥ minimum  ⇔  shared ≥ minimum × total / 2.
    const needed = (minimum * total) / 2;
    const codes = this.codes;
    let shared = 0;
    while (i < iEnd && j < jEnd) {
      const a = codes[i]!;
      const b = codes[j]!;
      if (a === b) {
        shared++;
        i++;
        j++;
      } else {
        if (a < b) i++;
        else j++;
        if (shared + Math.min(iEnd - i, jEnd - j) < needed) return -1;
      }
    }
    const score = (2 * shared) / total;
    return score >= minimum ? score : -1;
  }

  private reserve(bigrams: number): void {
    if (this.used + bigrams > this.codes.length) {
      let capacity = this.codes.length;
      while (capacity < this.used + bigrams) capacity *= 2;
      const grown = new Uint32Array(capacity);
      grown.set(this.codes.subarray(0, this.used));
      this.codes = grown;
    }
    if (this.count + 2 > this.bounds.length) {
      const grown = new Int32Array(this.bounds.length * 2);
      grown.set(this.bounds);
      this.bounds = grown;
    }
  }
}

const scratch = new BigramProfiles();

/**
 * Character-bigram Dice coefficient of two normalised lines (see the module comment).
 *
 * @example
 * bigramDice('abcde', 'abcxy') // 0.5: shares ab, bc of 4 + 4 bigrams
 * bigramDice('same', 'same')   // 1
 */
export function bigramDice(a: string, b: string): number {
  scratch.clear();
  return scratch.dice(scratch.add(a), scratch.add(b));
}
