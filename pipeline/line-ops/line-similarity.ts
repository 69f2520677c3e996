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

/** Words of a bigram signature: 8 × 32 = 256 buckets. */
const SIGNATURE_WORDS = 8;

/** Bucket (0–255) of a packed bigram `first << 16 | second` (Fibonacci hashing, top 8 bits). */
function bucketOf(bigram: number): number {
  return Math.imul(bigram, 0x9e3779b1) >>> 24;
}

/** Number of set bits of a 32-bit integer. */
function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Bigram profiles of many lines in shared buffers, compared pairwise without allocating.
 * `clear()` recycles the buffers for the next hunk.
 *
 * Each profile starts as a 256-bit signature (which hash buckets its bigrams fall in) and the
 * number of its bigrams that repeat a bucket. They bound the shared bigrams of two lines from
 * above — at most the buckets both signatures hold, plus the smaller repeat count — which is
 * enough to reject most unrelated pairs at the cost of a few bit operations. Why: when a hunk
 * is aligned, about one comparison in a hundred reaches the similarity threshold, so the sorted
 * bigram list a full comparison merges is built only for lines that get that far.
 *
 * @example
 * const profiles = new BigramProfiles();
 * const a = profiles.add('total = price * count;');
 * const b = profiles.add('total = price * amount;');
 * profiles.dice(a, b) // ≈ 0.71
 */
export class BigramProfiles {
  private texts: string[] = [];
  /** Per profile: where its text starts in `texts[id]`, its length, bigram count and repeated-bucket count. */
  private starts = new Int32Array(256);
  private lengths = new Int32Array(256);
  private bigramCounts = new Int32Array(256);
  private repeats = new Int32Array(256);
  private signatures = new Int32Array(256 * SIGNATURE_WORDS);
  /** Per profile: offset of its sorted bigram list in `codes`, or -1 until a comparison needs it. */
  private sortedAt = new Int32Array(256);
  private codes = new Uint32Array(4096);
  private used = 0;
  private count = 0;

  /** Forgets every profile; ids restart at 0. */
  clear(): void {
    this.used = 0;
    this.count = 0;
    this.texts.length = 0;
  }

  /**
   * Adds the profile of the normalised line `text.slice(from, to)` (the whole text by default;
   * the range lets callers profile a trimmed line without slicing it) and returns its id.
   */
  add(text: string, from = 0, to: number = text.length): number {
    const id = this.count++;
    if (id === this.starts.length) this.growProfiles();
    const length = Math.max(0, to - from);
    const bigrams = Math.max(0, length - 1);
    const signatures = this.signatures;
    const base = id * SIGNATURE_WORDS;
    for (let w = 0; w < SIGNATURE_WORDS; w++) signatures[base + w] = 0;
    for (let i = from; i < from + bigrams; i++) {
      const bucket = bucketOf((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1));
      const word = base + (bucket >>> 5);
      signatures[word] = signatures[word]! | (1 << (bucket & 31));
    }
    let buckets = 0;
    for (let w = 0; w < SIGNATURE_WORDS; w++) buckets += bitCount(signatures[base + w]!);
    this.texts[id] = text;
    this.starts[id] = from;
    this.lengths[id] = length;
    this.bigramCounts[id] = bigrams;
    this.repeats[id] = bigrams - buckets;
    this.sortedAt[id] = -1;
    return id;
  }

  /** Number of bigrams of a profile. */
  bigramCount(id: number): number {
    return this.bigramCounts[id]!;
  }

  /**
   * The highest Dice coefficient two profiles could reach given only their sizes,
   * `2 × min / (sum)`: a cheap test that skips most hopeless comparisons.
   */
  maxDice(x: number, y: number): number {
    const nx = this.bigramCounts[x]!;
    const ny = this.bigramCounts[y]!;
    if (nx + ny === 0) return 1;
    return (2 * Math.min(nx, ny)) / (nx + ny);
  }

  /** Dice coefficient of two profiles, in [0, 1]. Lines too short for bigrams score 1 if equal, else 0. */
  dice(x: number, y: number): number {
    return this.diceAtLeast(x, y, 0);
  }

  /**
   * The Dice coefficient of two profiles if it is at least `minimum`, else -1. Rejects pairs
   * whose signature bound is already below `minimum`, and stops merging as soon as the
   * bigrams left could no longer lift the score to `minimum`, which is where most comparisons
   * of unrelated lines end.
   */
  diceAtLeast(x: number, y: number, minimum: number): number {
    const nx = this.bigramCounts[x]!;
    const ny = this.bigramCounts[y]!;
    const total = nx + ny;
    if (nx === 0 || ny === 0) {
      const score = this.sameShortText(x, y) ? 1 : 0;
      return score >= minimum ? score : -1;
    }
    // Same form as the final score test, so rounding can never reject a pair that qualifies.
    if ((2 * this.sharedUpperBound(x, y)) / total < minimum) return -1;

    let i = this.sortedBigrams(x);
    let j = this.sortedBigrams(y);
    const iEnd = i + nx;
    const jEnd = j + ny;
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

  /**
   * At least the number of bigrams two profiles share (as multisets): every shared bigram lies
   * in a bucket both signatures hold, and a bucket holds more than one shared bigram only
   * through repeats, of which each side has its `repeats` count at most.
   */
  private sharedUpperBound(x: number, y: number): number {
    const signatures = this.signatures;
    const bx = x * SIGNATURE_WORDS;
    const by = y * SIGNATURE_WORDS;
    let common = 0;
    for (let w = 0; w < SIGNATURE_WORDS; w++) common += bitCount(signatures[bx + w]! & signatures[by + w]!);
    return common + Math.min(this.repeats[x]!, this.repeats[y]!);
  }

  /** Equality of two lines of which one has no bigram (at most one character). */
  private sameShortText(x: number, y: number): boolean {
    const length = this.lengths[x]!;
    if (this.lengths[y] !== length) return false;
    return length === 0 || this.texts[x]!.charCodeAt(this.starts[x]!) === this.texts[y]!.charCodeAt(this.starts[y]!);
  }

  /** Offset in `codes` of the profile's sorted bigram list, building it on first use. */
  private sortedBigrams(id: number): number {
    const at = this.sortedAt[id]!;
    if (at >= 0) return at;
    const bigrams = this.bigramCounts[id]!;
    this.reserveCodes(bigrams);
    const codes = this.codes;
    const text = this.texts[id]!;
    const start = this.starts[id]!;
    const from = this.used;
    for (let i = 0; i < bigrams; i++) {
      codes[from + i] = ((text.charCodeAt(start + i) << 16) | text.charCodeAt(start + i + 1)) >>> 0;
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
    this.used = from + bigrams;
    this.sortedAt[id] = from;
    return from;
  }

  private reserveCodes(bigrams: number): void {
    if (this.used + bigrams <= this.codes.length) return;
    let capacity = this.codes.length;
    while (capacity < this.used + bigrams) capacity *= 2;
    const grown = new Uint32Array(capacity);
    grown.set(this.codes.subarray(0, this.used));
    this.codes = grown;
  }

  private growProfiles(): void {
    const capacity = this.starts.length * 2;
    this.starts = grownCopy(this.starts, capacity);
    this.lengths = grownCopy(this.lengths, capacity);
    this.bigramCounts = grownCopy(this.bigramCounts, capacity);
    this.repeats = grownCopy(this.repeats, capacity);
    this.sortedAt = grownCopy(this.sortedAt, capacity);
    this.signatures = grownCopy(this.signatures, capacity * SIGNATURE_WORDS);
  }
}

function grownCopy(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(old);
  return grown;
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
