/**
 * Worker-thread entry of the replay stage: streams the first-parent history from git, replays and
 * analyses it with the commit preparer, and posts prepared commits in batches. The parent
 * acknowledges each batch it has taken; the worker stops producing while the batches not yet
 * acknowledged hold `maxBytesInFlight` (estimated) or more, so memory stays bounded when scoring
 * is the slower half — by bytes rather than by batches, because one commit that imports a large
 * tree outweighs thousands of ordinary ones, while small commits may run well ahead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openBlobReader } from '../../collectors/git/blob-reader.js';
import { streamFirstParentHistory } from '../../collectors/git/history-stream.js';
import { preparedCommitBytes, type PreparedCommit } from '../effective-code/prepared-commit.js';
import { createPreparer, type PreparerSpec } from './create-engine.js';
import type { WorkerMessage } from './replay-worker-protocol.js';

interface ReplayWorkerData extends PreparerSpec {
  notesRef?: string;
  maxBytesInFlight: number;
}

/** Commits per message: large enough to amortise the hop between threads, small enough to start scoring early. */
const BATCH_COMMITS = 16;
/** A batch is sent early once its commits hold this many (estimated) bytes. */
const BATCH_BYTES = 1 << 20;
/**
 * How far git's patch output may be read ahead of this thread (see streamed-git.ts): enough to
 * cover the largest commits of a history, small next to the memory the replay holds.
 */
const GIT_READ_AHEAD_BYTES = 8 << 20;

async function run(data: ReplayWorkerData): Promise<void> {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  // Estimated bytes of each batch sent and not yet acknowledged, oldest first (acks come in order).
  const unacknowledged: number[] = [];
  let bytesInFlight = 0;
  let release: (() => void) | null = null;
  port.on('message', (message: { type: string }) => {
    if (message.type === 'ack') {
      bytesInFlight -= unacknowledged.shift() ?? 0;
      release?.();
    }
  });
  const warn = (message: string, details?: Record<string, unknown>) => post({ type: 'warn', message, details });
  const blobs = await openBlobReader(data.repoPath);
  // git starts on the history while the preparer is built (reading `.gitattributes` takes git
  // calls of its own), so the first commits are parsed by the time it is ready.
  const history = streamFirstParentHistory({
    repoPath: data.repoPath,
    branchRef: data.head,
    notesRef: data.notesRef,
    logger: { debug() {}, info() {}, warn },
    readAheadBytes: GIT_READ_AHEAD_BYTES,
  })[Symbol.asyncIterator]();
  const firstStep = history.next();
  firstStep.catch(() => undefined);
  try {
    const preparer = await createPreparer(data, { readBlob: (id) => blobs.read(id), warn });
    let batch: PreparedCommit[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      // One batch may always travel, however large, so a huge commit cannot stall the stream.
      while (unacknowledged.length > 0 && bytesInFlight + batchBytes > data.maxBytesInFlight) {
        await new Promise<void>((resolve) => (release = resolve));
        release = null;
      }
      unacknowledged.push(batchBytes);
      bytesInFlight += batchBytes;
      post({ type: 'batch', commits: batch });
      batch = [];
      batchBytes = 0;
    };
    for (let step = await firstStep; !step.done; step = await history.next()) {
      const prepared = await preparer.prepare(step.value);
      batch.push(prepared);
      batchBytes += preparedCommitBytes(prepared);
      if (batch.length >= BATCH_COMMITS || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    post({ type: 'done' });
  } finally {
    await history.return(undefined);
    await blobs.close();
    port.close();
  }
}

run(workerData as ReplayWorkerData).catch((error: unknown) => {
  const err = error instanceof Error ? error : new Error(String(error));
  parentPort?.postMessage({ type: 'error', message: err.message, stack: err.stack } satisfies WorkerMessage);
});
