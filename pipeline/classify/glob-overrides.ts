import picomatch from 'picomatch';

/** The override that matched a path: its glob (for the audit trail) and its value. */
export interface GlobOverrideMatch<T> {
  readonly glob: string;
  readonly value: T;
}

/** Finds the first override whose glob matches a path, or null. */
export type GlobOverrideMatcher<T> = (path: string) => GlobOverrideMatch<T> | null;

/**
 * Compiles per-repository overrides once. Globs use picomatch syntax and match dotfiles; a glob
 * without a `/` matches the file name at any depth (`*.pb.ts`), as in `.gitignore` and
 * `.gitattributes`, while a glob with a `/` matches the whole repository-relative path.
 *
 * @param entries overrides in priority order; the first that matches wins
 * @example
 * const match = compileGlobOverrides([{ glob: 'legacy/**', value: 'vendored' }]);
 * match('legacy/a/b.js'); // { glob: 'legacy/**', value: 'vendored' }
 * match('src/b.js');      // null
 */
export function compileGlobOverrides<T>(entries: ReadonlyArray<{ glob: string; value: T }>): GlobOverrideMatcher<T> {
  if (entries.length === 0) return () => null;
  const compiled = entries.map(({ glob, value }) => ({
    test: picomatch(glob, { dot: true, basename: !glob.includes('/') }),
    match: Object.freeze({ glob, value }),
  }));
  return (path) => {
    for (const entry of compiled) {
      if (entry.test(path)) return entry.match;
    }
    return null;
  };
}
