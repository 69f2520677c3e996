/**
 * The pieces of a repository path that the classification rules look at, computed once per path.
 */
export interface PathFacts {
  /** The path as given, with any leading `./` removed (git paths use `/`). */
  readonly path: string;
  /** The last path segment, e.g. `index.test.ts`. */
  readonly basename: string;
  /** Lower-cased basename, for case-insensitive name lookups. */
  readonly lowerBasename: string;
  /**
   * Lower-cased suffixes of the basename from the longest to the shortest, each starting with a
   * dot: `foo.blade.php` gives `['.blade.php', '.php']`. A dotfile's leading dot does not start a
   * suffix (`.eslintrc.json` gives `['.json']`, `.bashrc` gives none).
   */
  readonly suffixes: readonly string[];
  /** The last suffix (`'.php'`), or `''` when the name has none. */
  readonly extension: string;
}

/**
 * Splits a repository-relative path into the parts the rules use.
 *
 * @example
 * describePath('src/app.test.ts');
 * // { path: 'src/app.test.ts', basename: 'app.test.ts', lowerBasename: 'app.test.ts',
 * //   suffixes: ['.test.ts', '.ts'], extension: '.ts' }
 */
export function describePath(rawPath: string): PathFacts {
  const path = rawPath.startsWith('./') ? rawPath.slice(2) : rawPath;
  const slash = path.lastIndexOf('/');
  const basename = slash === -1 ? path : path.slice(slash + 1);
  const lowerBasename = basename.toLowerCase();
  const suffixes: string[] = [];
  // Start after the first character so a dotfile's own dot is not read as an extension.
  let dot = lowerBasename.indexOf('.', 1);
  while (dot !== -1 && dot < lowerBasename.length - 1) {
    suffixes.push(lowerBasename.slice(dot));
    dot = lowerBasename.indexOf('.', dot + 1);
  }
  return {
    path,
    basename,
    lowerBasename,
    suffixes,
    extension: suffixes.length === 0 ? '' : suffixes[suffixes.length - 1],
  };
}
