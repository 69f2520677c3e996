import type { Worker } from 'node:worker_threads';
import { openBlobReader } from '../../collectors/git/blob-reader.js';
import { streamFirstParentHistory } from '../../collectors/git/history-stream.js';
import type { PreparedCommit } from '../effective-code/prepared-commit.js';
import type { Logger } from '../logging/logger.js';
import { startModuleWorker } from '../threads/module-worker.js';
import { createPreparer, type PreparerSpec } from './create-engine.js';
import type { WorkerMessage } from './replay-worker-protocol.js';

/** Where the replay and source analysis run. */
export type ReplayMode = 'worker' | 'inline';

export interface PreparedHistoryOptions extends PreparerSpec {
  notesRef?: string;
  mode: ReplayMode;
  warn: (message: string, details?: Record<string, unknown>) => void;
  logger?: Logger;
}

/**
 * Estimated bytes of prepared commits allowed in flight (sent by the worker, not yet taken by
 * the scoring thread) before the worker waits: enough for the worker to run well ahead through
 * stretches of small commits, small next to the memory the replay itself holds.
 */
const MAX_BYTES_IN_FLIGHT = 24 << 20;

/**
 * The repository's first-parent history as prepared commits, oldest first.
 *
 * In `worker` mode a worker thread runs git, the patch parser, the content replay, file
 * classification and source analysis, while the caller's thread scores commits and writes them —
 * the two halves of the engine take about the same time, so both cores work. `inline` mode runs
 * the same code on the caller's thread (explain, tests, embedding).
 */
export async function* streamPreparedHistory(options: PreparedHistoryOptions): AsyncGenerator<PreparedCommit> {
  if (options.mode === 'inline') {
    yield* inlinePreparedHistory(options);
  } else {
    yield* workerPreparedHistory(options);
  }
}

async function* inlinePreparedHistory(options: PreparedHistoryOptions): AsyncGenerator<PreparedCommit> {
  const blobs = await openBlobReader(options.repoPath);
  try {
    const preparer = await createPreparer(options, { readBlob: (id) => blobs.read(id), warn: options.warn });
    const logger = { ...(options.logger ?? silent), warn: options.warn };
    for await (const commit of streamFirstParentHistory({
      repoPath: options.repoPath,
      branchRef: options.head,
      notesRef: options.notesRef,
      logger,
    })) {
      yield await preparer.prepare(commit);
    }
  } finally {
    await blobs.close();
  }
}

async function* workerPreparedHistory(options: PreparedHistoryOptions): AsyncGenerator<PreparedCommit> {
  const worker = startReplayWorker({
    repoPath: options.repoPath,
    head: options.head,
    repo: options.repo,
    settings: options.settings,
    notesRef: options.notesRef,
    maxBytesInFlight: MAX_BYTES_IN_FLIGHT,
  });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const push = (message: WorkerMessage) => {
    queue.push(message);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error) => {
    failure = error instanceof Error ? error : new Error(String(error));
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the replay worker stopped with exit code ${code}`);
    push({ type: 'exit' });
  });
  try {
    for (;;) {
      if (queue.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      const message = queue.shift()!;
      if (message.type === 'batch') {
        worker.postMessage({ type: 'ack' });
        for (const prepared of message.commits) yield prepared;
      } else if (message.type === 'warn') {
        options.warn(message.message, message.details);
      } else if (message.type === 'error') {
        const error = new Error(message.message);
        error.stack = message.stack ?? error.stack;
        throw error;
      } else if (message.type === 'done') {
        return;
      } else if (message.type === 'exit') {
        if (failure) throw failure;
        return;
      }
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Young generation of the replay worker's heap (V8 splits it into two semi-spaces and a large-object
 * space, so this allows 32 MB semi-spaces). Why: every scavenge copies the prepared commits that
 * wait for the next batch, and the worker allocates a string per changed line; with V8's default
 * the worker scavenges more often and spends about three times as long in them.
 */
const REPLAY_YOUNG_GENERATION_MB = 96;

/** Start the replay worker (see {@link startModuleWorker} for how it runs from TypeScript source too). */
function startReplayWorker(workerData: object): Worker {
  return startModuleWorker(import.meta.url, 'replay-worker', { workerData, resourceLimits: { maxYoungGenerationSizeMb: REPLAY_YOUNG_GENERATION_MB } });
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
