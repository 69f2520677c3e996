/** What the git output reader thread is started with. */
export interface GitOutputReaderData {
  repoPath: string;
  args: readonly string[];
  /** Output read from git and not yet taken by the parent before the reader stops reading. */
  maxBytesAhead: number;
  /** Keep at most this many characters of git's stderr. */
  stderrLimit: number;
}

/** Messages from the reader thread. */
export type GitOutputMessage =
  | { type: 'data'; chunk: Uint8Array }
  | { type: 'exit'; code: number | null; stderr: string }
  | { type: 'error'; message: string };

/** Messages to the reader thread: output taken (so it may read more), or stop git now. */
export type GitOutputControl = { type: 'taken'; bytes: number } | { type: 'stop' };
