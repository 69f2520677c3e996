/**
 * A name as rules compare it: lower case, straight apostrophes, `-` and `_` as spaces, spaces
 * collapsed. "Won’t Fix", "won't  fix" and "WON'T-FIX" compare equal.
 *
 * @example
 * normaliseName('  In-Progress '); // 'in progress'
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('en-US')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A set of names compared with {@link normaliseName}.
 *
 * @example
 * nameSet(["Won't Fix"]).has(normaliseName('won’t fix')); // true
 */
export function nameSet(names: Iterable<string>): ReadonlySet<string> {
  return new Set([...names].map(normaliseName));
}
