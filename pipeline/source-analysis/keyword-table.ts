/**
 * Keyword lookup without allocating a string per identifier: the lexer hashes identifier
 * characters as it scans them, and this table maps the hash back to a keyword id, confirming
 * the match against the source text.
 */

/** Step of the identifier hash; the lexer inlines the same formula. */
export function hashStep(hash: number, charCode: number): number {
  return (Math.imul(hash, 31) + charCode) | 0;
}

/** Hash of a whole word, equal to folding {@link hashStep} over its characters. */
export function hashWord(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = hashStep(hash, word.charCodeAt(i));
  return hash;
}

/**
 * An open-addressing table of keywords. Id 0 means "not a keyword".
 *
 * @example
 * const table = new KeywordTable(['if', 'for']);
 * table.lookup('x = if', 4, 2, hashWord('if')) === table.idOf('if'); // true
 */
export class KeywordTable {
  /** Words by id; index 0 is unused. */
  readonly words: readonly string[];
  /** Length of the longest keyword: longer identifiers skip the lookup. */
  readonly maxLength: number;
  private readonly ids = new Map<string, number>();
  private readonly slotHash: Int32Array;
  private readonly slotId: Uint16Array;
  private readonly mask: number;

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)].filter((word) => word.length > 0).sort();
    this.words = ['', ...unique];
    let size = 64;
    // Keep the table at most a quarter full so probes stay short.
    while (size < unique.length * 4) size *= 2;
    this.mask = size - 1;
    this.slotHash = new Int32Array(size);
    this.slotId = new Uint16Array(size);
    let maxLength = 0;
    for (let id = 1; id < this.words.length; id++) {
      const word = this.words[id]!;
      this.ids.set(word, id);
      maxLength = Math.max(maxLength, word.length);
      const hash = hashWord(word);
      let slot = this.slotOf(hash);
      while (this.slotId[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slotHash[slot] = hash;
      this.slotId[slot] = id;
    }
    this.maxLength = maxLength;
  }

  /** Id of a word, or 0 when it is not in the table. */
  idOf(word: string): number {
    return this.ids.get(word) ?? 0;
  }

  /** Size of a per-id array (ids run from 1 to `size - 1`). */
  get size(): number {
    return this.words.length;
  }

  /** Id of the identifier `text[start, start + length)` whose hash is `hash`, or 0. */
  lookup(text: string, start: number, length: number, hash: number): number {
    let slot = this.slotOf(hash);
    for (;;) {
      const id = this.slotId[slot]!;
      if (id === 0) return 0;
      if (this.slotHash[slot] === hash) {
        const word = this.words[id]!;
        if (word.length === length && text.startsWith(word, start)) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(hash: number): number {
    return (hash ^ (hash >>> 11)) & this.mask;
  }
}
