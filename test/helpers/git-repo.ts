/**
 * Real, throw-away git repositories for tests: fixed identity, fixed and increasing dates, no
 * signing, no hooks, and no influence from the machine's global or system git configuration.
 *
 * @example
 * const repo = await createTestRepo();
 * await repo.write('src/a.ts', 'export const a = 1;\n');
 * const sha = await repo.commit('feat: add a');
 * // …
 * await repo.cleanup();
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A person as git records them. */
export interface Signature {
  name: string;
  email: string;
}

/** The identity every test commit uses unless told otherwise. */
export const TEST_AUTHOR: Readonly<Signature> = Object.freeze({ name: 'Test Author', email: 'author@example.com' });

/** The first date the test clock hands out: 2024-01-01T00:00:00Z. */
export const TEST_CLOCK_START = new Date('2024-01-01T00:00:00Z');

/** A path inside the repository; a Buffer allows names that are not valid UTF-8. */
export type RepoPath = string | Buffer;

export interface TestRepoOptions {
  /** Initial branch name (default `main`). */
  initialBranch?: string;
  /** First date of the clock (default {@link TEST_CLOCK_START}). */
  clockStart?: Date | string;
  /** Seconds the clock advances per commit, merge or annotated tag (default 3600). */
  clockStepSeconds?: number;
}

export interface CommitOptions {
  author?: Signature;
  /** Defaults to the author. */
  committer?: Signature;
  /** Author and committer date; defaults to the next tick of the repository's clock. */
  date?: string | Date;
  allowEmpty?: boolean;
}

export interface TagOptions {
  /** Makes an annotated tag with this message (lightweight without). */
  message?: string;
  /** Tagger date of an annotated tag; defaults to the next tick of the clock. */
  date?: string | Date;
}

export interface MergeOptions {
  message?: string;
  date?: string | Date;
  /** Always create a merge commit (default true, since tests usually want one). */
  noFf?: boolean;
}

export interface TestRepo {
  /** Absolute path of the working tree. */
  readonly path: string;
  /** Writes a file (creating directories), replacing its content. */
  write(file: RepoPath, content: string | Buffer): Promise<void>;
  /** Appends to a file (creating it). */
  append(file: RepoPath, content: string | Buffer): Promise<void>;
  remove(file: RepoPath): Promise<void>;
  /** Moves a file in the working tree (rename detection happens in git at diff time). */
  rename(from: RepoPath, to: RepoPath): Promise<void>;
  /** Creates a symbolic link `file` pointing at `target` (replacing `file` if it exists). */
  symlink(target: string, file: RepoPath): Promise<void>;
  /** Stages everything and commits; returns the new commit's sha. */
  commit(message: string, options?: CommitOptions): Promise<string>;
  tag(name: string, options?: TagOptions): Promise<void>;
  /** Creates a branch at HEAD without switching to it. */
  branch(name: string): Promise<void>;
  checkout(name: string): Promise<void>;
  /** Merges `branch` into the current branch; returns the resulting HEAD sha. */
  merge(branch: string, options?: MergeOptions): Promise<string>;
  /** Sha of HEAD. */
  head(): Promise<string>;
  /** Runs any git command in the repository; returns stdout without its final newline. */
  git(...args: string[]): Promise<string>;
  /** Deletes the repository and everything under its temporary directory. */
  cleanup(): Promise<void>;
}

/**
 * The environment for git in tests: no global or system configuration, no inherited repository
 * variables, English messages.
 */
export function isolatedGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith('GIT_')) delete env[name];
  }
  return {
    ...env,
    GIT_CONFIG_GLOBAL: devNull,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * Runs git with {@link isolatedGitEnv} in `cwd` (for test set-up outside a {@link TestRepo}, such
 * as cloning one). Returns stdout without its final newline.
 */
export function runTestGit(cwd: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, env: isolatedGitEnv(env), maxBuffer: 1 << 30, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout.replace(/\n$/, ''));
      },
    );
    // Nothing is ever typed in: a command waiting for stdin sees end of input, never hangs.
    child.stdin?.end();
  });
}

/** Makes a fresh directory under the system's temporary directory. */
export function makeTempDir(prefix = 'codeledger-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** git's raw date format: seconds since the epoch and a UTC offset. */
function gitDate(date: Date | string): string {
  const time = new Date(date).getTime();
  if (Number.isNaN(time)) throw new Error(`Invalid date: ${String(date)}`);
  return `${Math.floor(time / 1000)} +0000`;
}

/** Creates an empty repository in a new temporary directory. */
export async function createTestRepo(options: TestRepoOptions = {}): Promise<TestRepo> {
  const root = await makeTempDir();
  const path = join(root, 'repo');
  await mkdir(path);
  const step = (options.clockStepSeconds ?? 3600) * 1000;
  let nextTime = new Date(options.clockStart ?? TEST_CLOCK_START).getTime();
  const tick = (explicit?: string | Date): string => {
    if (explicit !== undefined) return gitDate(explicit);
    const date = gitDate(new Date(nextTime));
    nextTime += step;
    return date;
  };
  const resolvePath = (file: RepoPath): string | Buffer =>
    typeof file === 'string' ? join(path, file) : Buffer.concat([Buffer.from(`${path}/`), file]);
  const ensureParent = async (file: RepoPath): Promise<void> => {
    const full = resolvePath(file);
    if (typeof full === 'string') await mkdir(dirname(full), { recursive: true });
    else {
      const slash = full.lastIndexOf(0x2f);
      await mkdir(full.subarray(0, slash), { recursive: true });
    }
  };
  const git = (args: readonly string[], env?: Record<string, string>): Promise<string> => runTestGit(path, args, env);

  await git(['init', '--quiet', '--template=', `--initial-branch=${options.initialBranch ?? 'main'}`]);
  for (const [key, value] of [
    ['user.name', TEST_AUTHOR.name],
    ['user.email', TEST_AUTHOR.email],
    ['commit.gpgSign', 'false'],
    ['tag.gpgSign', 'false'],
    ['core.autocrlf', 'false'],
    ['advice.detachedHead', 'false'],
  ] as const) {
    await git(['config', key, value]);
  }

  const identityEnv = (author: Signature, committer: Signature, date: string): Record<string, string> => ({
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: date,
  });

  const repo: TestRepo = {
    path,
    async write(file, content) {
      await ensureParent(file);
      await writeFile(resolvePath(file), content);
    },
    async append(file, content) {
      await ensureParent(file);
      await appendFile(resolvePath(file), content);
    },
    async remove(file) {
      await rm(resolvePath(file), { recursive: true, force: false });
    },
    async rename(from, to) {
      await ensureParent(to);
      await rename(resolvePath(from), resolvePath(to));
    },
    async symlink(target, file) {
      await ensureParent(file);
      await rm(resolvePath(file), { force: true });
      await symlink(target, resolvePath(file));
    },
    async commit(message, commitOptions = {}) {
      await git(['add', '--all']);
      const author = commitOptions.author ?? TEST_AUTHOR;
      const committer = commitOptions.committer ?? author;
      const args = ['commit', '--quiet', '--no-verify', '--message', message];
      if (commitOptions.allowEmpty) args.push('--allow-empty');
      await git(args, identityEnv(author, committer, tick(commitOptions.date)));
      return git(['rev-parse', 'HEAD']);
    },
    async tag(name, tagOptions = {}) {
      if (tagOptions.message === undefined) {
        await git(['tag', name]);
        return;
      }
      await git(['tag', '--annotate', '--message', tagOptions.message, name], identityEnv(TEST_AUTHOR, TEST_AUTHOR, tick(tagOptions.date)));
    },
    async branch(name) {
      await git(['branch', name]);
    },
    async checkout(name) {
      await git(['checkout', '--quiet', name]);
    },
    async merge(branch, mergeOptions = {}) {
      const args = ['merge', '--quiet', '--no-verify', '--no-edit'];
      if (mergeOptions.noFf ?? true) args.push('--no-ff');
      if (mergeOptions.message !== undefined) args.push('--message', mergeOptions.message);
      args.push(branch);
      await git(args, identityEnv(TEST_AUTHOR, TEST_AUTHOR, tick(mergeOptions.date)));
      return git(['rev-parse', 'HEAD']);
    },
    head() {
      return git(['rev-parse', 'HEAD']);
    },
    git(...args) {
      return git(args);
    },
    async cleanup() {
      await rm(root, { recursive: true, force: true });
    },
  };
  return repo;
}
