/**
 * The exact shape of the `git log` output the patch parser reads, kept in one place so the
 * command line and the parser cannot drift apart.
 *
 * Every commit record starts with a NUL byte at the beginning of a line, followed by
 * {@link COMMIT_RECORD_FIELDS} NUL-terminated fields. Diff lines never start with NUL (they start
 * with a keyword, `+`, `-`, space, `\` or `@`), commit messages and notes cannot contain NUL, so a
 * record can never be confused with diff text, whatever the message says.
 */

/** Field order of one commit record. */
export const COMMIT_RECORD_FIELDS = [
  'sha',
  'parents',
  'authorName',
  'authorEmail',
  'authorTime',
  'committerName',
  'committerEmail',
  'committerTime',
  'message',
  'note',
] as const;

const RECORD_WITHOUT_NOTE = '%x00%H%x00%P%x00%aN%x00%aE%x00%at%x00%cN%x00%cE%x00%ct%x00%B%x00';

/**
 * `--format` for a commit record; `%aN`/`%aE`/`%cN`/`%cE` apply `.mailmap`. Without a notes ref
 * the note field is left empty (git would print a literal `%N` under `--no-notes`).
 */
export function commitRecordFormat(notesRef: string | undefined): string {
  return notesRef ? `${RECORD_WITHOUT_NOTE}%N%x00` : `${RECORD_WITHOUT_NOTE}%x00`;
}

/**
 * Configuration that would change the patch text's shape, pinned so that a user's own git
 * config cannot break parsing (passed as `git -c key=value` before the subcommand).
 */
export const PINNED_CONFIG: readonly string[] = [
  // ASCII-only headers, so paths can be decoded exactly (see quoted-path.ts).
  'core.quotePath=true',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'log.showSignature=false',
  'color.ui=never',
];

/** Diff options shared by the history stream and the per-commit fallback. */
export const PATCH_OPTIONS: readonly string[] = [
  '-p',
  '-M',
  '--unified=0',
  '--inter-hunk-context=0',
  '--full-index',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--submodule=short',
  '--ignore-submodules=none',
];

/**
 * Configuration for the speed of the history walk, not its output. git keeps inflated delta
 * bases in a cache (96 MiB by default); a long `log -p` over a packed repository needs the same
 * bases again and again, and with a larger cache inflates them far less often. Measured on the
 * synthetic benchmark repository (450 MB of patch): git's CPU time 12.3 s → 9.5 s, for about
 * 160 MB more of git's own memory (most of it the mapped pack).
 */
export const HISTORY_READ_CONFIG: readonly string[] = ['core.deltaBaseCacheLimit=256m'];

/** Builds the `git -c …` prefix (the pinned settings, then `extra`) plus a subcommand's arguments. */
export function withPinnedConfig(args: readonly string[], extra: readonly string[] = []): string[] {
  const prefix: string[] = [];
  for (const setting of [...PINNED_CONFIG, ...extra]) prefix.push('-c', setting);
  return [...prefix, ...args];
}

/** Arguments that select notes: `--notes=<ref>` when a notes ref is in use, else `--no-notes`. */
export function notesArguments(notesRef: string | undefined): string[] {
  return notesRef ? [`--notes=${notesRef}`] : ['--no-notes'];
}
