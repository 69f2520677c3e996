/**
 * Linguist overrides (`linguist-generated`, `linguist-vendored`, …) declared in `.gitattributes`,
 * as they are at a given commit. git 2.39 has no `check-attr --source`, so the commit's tree is
 * read into a temporary index and `check-attr --cached` answers from there; this works the same
 * in bare repositories and working copies and never looks at the working tree.
 */
import { decodePathBytes } from './quoted-path.js';
import { GitCommandError, runGit, spawnGit } from './git-command.js';
import { withTemporaryIndex } from './temporary-index.js';

/** Overrides for one path; only attributes the repository sets or unsets appear. */
export interface LinguistAttributes {
  generated?: boolean;
  vendored?: boolean;
  documentation?: boolean;
  /** `linguist-detectable`: whether the language counts in statistics. */
  detectable?: boolean;
  /** `linguist-language=<name>`. */
  language?: string;
  /** true for `binary` or `-diff`; false for `-binary`. */
  binary?: boolean;
}

const QUERIED_ATTRIBUTES = [
  'linguist-generated',
  'linguist-vendored',
  'linguist-documentation',
  'linguist-detectable',
  'linguist-language',
  'binary',
  'diff',
] as const;

type QueriedAttribute = (typeof QUERIED_ATTRIBUTES)[number];

const BOOLEAN_ATTRIBUTES: Partial<Record<QueriedAttribute, 'generated' | 'vendored' | 'documentation' | 'detectable'>> = {
  'linguist-generated': 'generated',
  'linguist-vendored': 'vendored',
  'linguist-documentation': 'documentation',
  'linguist-detectable': 'detectable',
};

/**
 * A boolean from a check-attr value: `set` / `unset`, or Linguist's spelled-out `true` / `false`.
 * Anything else (`unspecified`, other values) is no override.
 */
function booleanValue(value: string): boolean | undefined {
  if (value === 'set' || value === 'true') return true;
  if (value === 'unset' || value === 'false') return false;
  return undefined;
}

/**
 * Looks up the Linguist attributes of `paths` as `.gitattributes` files declare them at
 * `commitish`. Paths without any override are absent from the result.
 *
 * @example
 * const attributes = await loadLinguistAttributes(repoPath, 'HEAD', ['dist/app.js', 'src/a.ts']);
 * attributes.get('dist/app.js') // { generated: true }
 */
export async function loadLinguistAttributes(
  repoPath: string,
  commitish: string,
  paths: Iterable<string>,
): Promise<Map<string, LinguistAttributes>> {
  const list = [...new Set(paths)];
  const result = new Map<string, LinguistAttributes>();
  if (list.length === 0) return result;
  const input = Buffer.from(list.map((path) => `${path}\0`).join(''), 'utf8');
  const { stdout } = await withTemporaryIndex(repoPath, commitish, (env) =>
    runGit(repoPath, ['check-attr', '--cached', '--stdin', '-z', ...QUERIED_ATTRIBUTES], { input, env }),
  );
  // -z output: "<path>\0<attribute>\0<value>\0" for every path and attribute, in input order,
  // so records are matched to the input paths by position (no re-decoding of paths).
  const fields = stdout.toString('utf8').split('\0');
  const perPath = QUERIED_ATTRIBUTES.length * 3;
  for (let index = 0; index < list.length; index += 1) {
    const attributes: LinguistAttributes = {};
    let any = false;
    for (let offset = index * perPath; offset < (index + 1) * perPath; offset += 3) {
      const attribute = fields[offset + 1] as QueriedAttribute | undefined;
      const value = fields[offset + 2];
      if (attribute === undefined || value === undefined || value === 'unspecified') continue;
      const flag = BOOLEAN_ATTRIBUTES[attribute];
      if (flag !== undefined) {
        const parsed = booleanValue(value);
        if (parsed !== undefined) {
          attributes[flag] = parsed;
          any = true;
        }
      } else if (attribute === 'linguist-language') {
        if (value !== 'set' && value !== 'unset') {
          attributes.language = value;
          any = true;
        }
      } else if (attribute === 'binary') {
        if (value === 'set') attributes.binary = true;
        else if (value === 'unset') attributes.binary ??= false;
        any ||= value === 'set' || value === 'unset';
      } else if (attribute === 'diff' && value === 'unset') {
        // `-diff` is how many repositories mark binary files without the `binary` macro.
        attributes.binary = true;
        any = true;
      }
    }
    if (any) result.set(list[index] as string, attributes);
  }
  return result;
}

/**
 * Whether any `.gitattributes` in `commitish`'s tree mentions a Linguist attribute, `binary` or
 * `-diff`. Most repositories have none, and then {@link loadLinguistAttributes} can be skipped.
 *
 * @example
 * if (await hasLinguistAttributes(repoPath, head)) attributes = await loadLinguistAttributes(repoPath, head, paths);
 */
export async function hasLinguistAttributes(repoPath: string, commitish: string): Promise<boolean> {
  const { exitCode } = await runGit(
    repoPath,
    ['grep', '--quiet', '-I', '-E', 'linguist-|(^|[[:space:]])(binary|-diff)([[:space:]]|$)', commitish, '--', ':(glob)**/.gitattributes'],
    { okExitCodes: [0, 1] },
  );
  return exitCode === 0;
}

/**
 * Every path that ever existed on `branchRef`'s first-parent history (renames counted as a
 * deletion and an addition, so both names are included).
 *
 * @example
 * const paths = await listHistoryPaths(repoPath, 'refs/heads/main'); // Set { 'src/a.ts', 'README.md', … }
 */
export async function listHistoryPaths(repoPath: string, branchRef: string): Promise<Set<string>> {
  const args = [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--name-only',
    '--no-renames',
    '--format=',
    '-z',
    branchRef,
    '--',
  ];
  const child = spawnGit(repoPath, args);
  child.stdin.end();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const paths = new Set<string>();
  let partial: Buffer = Buffer.alloc(0);
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    const buffer = partial.length > 0 ? Buffer.concat([partial, chunk]) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(0, start); end !== -1; end = buffer.indexOf(0, start)) {
      if (end > start) paths.add(decodePathBytes(buffer.subarray(start, end)).path);
      start = end + 1;
    }
    partial = buffer.subarray(start);
  }
  const code = await closed;
  if (code !== 0) throw new GitCommandError(args, code, stderr, repoPath);
  return paths;
}
