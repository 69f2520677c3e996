import type { PreparedCommit } from '../effective-code/prepared-commit.js';

/** Messages from the replay worker to the thread that scores commits. */
export type WorkerMessage =
  | { type: 'batch'; commits: PreparedCommit[] }
  | { type: 'warn'; message: string; details?: Record<string, unknown> }
  | { type: 'error'; message: string; stack?: string }
  | { type: 'done' }
  | { type: 'exit' };
