/**
 * Order-preserving pairing of a hunk's removed and added lines by similarity, bounded so that
 * a 10,000-line hunk costs a linear number of comparisons.
 */
import { BigramProfiles } from './line-similarity.js';

const SKIP_REMOVED = 0;
const SKIP_ADDED = 1;
const PAIR = 2;

const profiles = new BigramProfiles();
let scores = new Float64Array(4096);
let choices = new Uint8Array(4096);

function ensureCells(cells: number): void {
  if (scores.length >= cells) return;
  let capacity = scores.length;
  while (capacity < cells) capacity *= 2;
  scores = new Float64Array(capacity);
  choices = new Uint8Array(capacity);
}

/**
 * Pairs removed lines with added lines whose similarity ({@link BigramProfiles.dice}) is at
 * least `minSimilarity`, never crossing (if removed i pairs with added j, a later removed line
 * only pairs with a later added line), maximising the summed similarity of the pairs — the
 * alignment a diff would draw, weighted by how alike the lines are.
 *
 * Bound: a hunk of r removed and a added lines is split into K proportional blocks (the k-th
 * slice of each side), K chosen so that the cells compared, r·a / K, stay within
 * `comparisonsPerLine × (r + a)`. Hunks up to about 2 × `comparisonsPerLine` lines a side, and
 * lopsided hunks (3 lines against 500), are aligned exhaustively in one block; a huge rewrite
 * is aligned block by block along its diagonal, which is where a diff's edits lie.
 *
 * @returns pairs as a flat list `[removed0, added0, removed1, added1, …]`, indices into the
 *   given arrays, in increasing order.
 * @example
 * alignSimilarLines(['let x = 1;', 'foo();'], ['let x = 2;', 'bar();'], 0.5, 32) // [0, 0]
 */
export function alignSimilarLines(
  removed: readonly string[],
  added: readonly string[],
  minSimilarity: number,
  comparisonsPerLine: number,
): number[] {
  profiles.clear();
  for (const text of removed) profiles.add(text);
  for (const text of added) profiles.add(text);
  const pairs: number[] = [];
  alignProfiles(profiles, removed.length, added.length, minSimilarity, comparisonsPerLine, pairs);
  return pairs;
}

/**
 * {@link alignSimilarLines} over profiles the caller already added: ids `0 … removedCount − 1`
 * are the removed lines and the next `addedCount` ids the added lines. Appends the pairs, as
 * indices within each side, to `pairs`.
 *
 * @example
 * profiles.clear();
 * for (const line of removed) profiles.add(line);
 * for (const line of added) profiles.add(line);
 * alignProfiles(profiles, removed.length, added.length, 0.5, 32, pairs);
 */
export function alignProfiles(
  profiles: BigramProfiles,
  removedCount: number,
  addedCount: number,
  minSimilarity: number,
  comparisonsPerLine: number,
  pairs: number[],
): void {
  const r = removedCount;
  const a = addedCount;
  if (r === 0 || a === 0) return;
  const blocks = Math.min(r, a, Math.max(1, Math.ceil((r * a) / ((r + a) * comparisonsPerLine))));
  for (let block = 0; block < blocks; block++) {
    alignBlock(
      Math.floor((block * r) / blocks),
      Math.floor(((block + 1) * r) / blocks),
      Math.floor((block * a) / blocks),
      Math.floor(((block + 1) * a) / blocks),
      r,
      minSimilarity,
      profiles,
      pairs,
    );
  }
}

/**
 * Exhaustive alignment of removed `[rFrom, rTo)` against added `[aFrom, aTo)` by dynamic
 * programming over the grid of pairs; appends the chosen pairs in increasing order.
 * `addedOffset` is the profile id of added line 0.
 */
function alignBlock(
  rFrom: number,
  rTo: number,
  aFrom: number,
  aTo: number,
  addedOffset: number,
  minSimilarity: number,
  profiles: BigramProfiles,
  pairs: number[],
): void {
  const rows = rTo - rFrom;
  const columns = aTo - aFrom;
  if (rows === 0 || columns === 0) return;
  const width = columns + 1;
  ensureCells((rows + 1) * width);
  const score = scores;
  const choice = choices;
  for (let j = 0; j < width; j++) score[j] = 0;

  for (let i = 1; i <= rows; i++) {
    const row = i * width;
    const above = row - width;
    score[row] = 0;
    const removedId = rFrom + i - 1;
    for (let j = 1; j <= columns; j++) {
      let best = score[above + j]!;
      let chosen = SKIP_REMOVED;
      const left = score[row + j - 1]!;
      if (left > best) {
        best = left;
        chosen = SKIP_ADDED;
      }
      const addedId = addedOffset + aFrom + j - 1;
      if (profiles.maxDice(removedId, addedId) >= minSimilarity) {
        const similarity = profiles.diceAtLeast(removedId, addedId, minSimilarity);
        if (similarity >= 0) {
          const diagonal = score[above + j - 1]! + similarity;
          if (diagonal > best) {
            best = diagonal;
            chosen = PAIR;
          }
        }
      }
      score[row + j] = best;
      choice[row + j] = chosen;
    }
  }

  const start = pairs.length;
  let i = rows;
  let j = columns;
  while (i > 0 && j > 0) {
    const chosen = choice[i * width + j];
    if (chosen === PAIR) {
      pairs.push(aFrom + j - 1, rFrom + i - 1);
      i--;
      j--;
    } else if (chosen === SKIP_REMOVED) i--;
    else j--;
  }
  // Pushed last-to-first as (added, removed); reversing the span yields (removed, added) first-to-last.
  for (let lo = start, hi = pairs.length - 1; lo < hi; lo++, hi--) {
    const swap = pairs[lo]!;
    pairs[lo] = pairs[hi]!;
    pairs[hi] = swap;
  }
}
