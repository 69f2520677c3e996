/**
 * Edit distance with adjacent transpositions (optimal string alignment): the number of single
 * character insertions, deletions, substitutions and swaps of neighbours between `a` and `b`.
 *
 * @example
 * editDistance('opz', 'ops'); // 1
 * editDistance('tiemzone', 'timezone'); // 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rolling rows are enough for the transposition look-back.
  let beforePrevious = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[cols - 1]!;
}

/** Lower-case and drop `_`, `-` and spaces, so `url_env`, `URLEnv` and `urlEnv` compare equal. */
function looseForm(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

// Abbreviations shorter than this are too ambiguous to expand ("m" could be anything).
const MIN_ABBREVIATION_LENGTH = 3;

/**
 * The allowed value closest to what was written, or null when none is close enough to be a
 * likely typo. Spelling variants (case, snake_case, kebab-case) always match, then an
 * unambiguous abbreviation of at least three letters (`mon` → `monday`); otherwise the edit
 * distance may be at most a third of the longer word (at least 1), so short keys only get
 * suggestions for one-letter slips.
 *
 * @example
 * closestMatch('opz', ['ops', 'complexity']); // 'ops'
 * closestMatch('release_tag_pattern', ['releaseTagPattern']); // 'releaseTagPattern'
 * closestMatch('colour', ['ops']); // null
 */
export function closestMatch(written: string, allowed: readonly string[]): string | null {
  const loose = looseForm(written);
  const exact = allowed.find((candidate) => looseForm(candidate) === loose);
  if (exact !== undefined) return exact;
  if (loose.length >= MIN_ABBREVIATION_LENGTH) {
    const expansions = allowed.filter((candidate) => looseForm(candidate).startsWith(loose));
    if (expansions.length === 1) return expansions[0]!;
  }
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const candidateLoose = looseForm(candidate);
    const distance = editDistance(loose, candidateLoose);
    const limit = Math.max(1, Math.floor(Math.max(loose.length, candidateLoose.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
