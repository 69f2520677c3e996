/**
 * Worker-thread entry of the replay stage: streams the first-parent history from git, replays and
 * analyses it with the commit preparer, and posts prepared commits in batches. The parent
 * acknowledges each batch it has taken; the worker stops producing while `maxBatchesInFlight`
 * batches are unacknowledged, so memory stays bounded when scoring is the slower half.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openBlobReader } from '../../collectors/git/blob-reader.js';
import { streamFirstParentHistory } from '../../collectors/git/history-stream.js';
import type { PreparedCommit } from '../effective-code/prepared-commit.js';
import { createPreparer, type PreparerSpec } from './create-engine.js';
import type { WorkerMessage } from './replay-worker-protocol.js';

interface ReplayWorkerData extends PreparerSpec {
  notesRef?: string;
  maxBatchesInFlight: number;
}

/** Commits per message: large enough to amortise the hop between threads, small enough to start scoring early. */
const BATCH_COMMITS = 16;

async function run(data: ReplayWorkerData): Promise<void> {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  let inFlight = 0;
  let release: (() => void) | null = null;
  port.on('message', (message: { type: string }) => {
    if (message.type === 'ack') {
      inFlight--;
      release?.();
    }
  });
  const warn = (message: string, details?: Record<string, unknown>) => post({ type: 'warn', message, details });
  const blobs = await openBlobReader(data.repoPath);
  try {
    const preparer = await createPreparer(data, { readBlob: (id) => blobs.read(id), warn });
    let batch: PreparedCommit[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      while (inFlight >= data.maxBatchesInFlight) {
        await new Promise<void>((resolve) => (release = resolve));
        release = null;
      }
      inFlight++;
      post({ type: 'batch', commits: batch });
      batch = [];
    };
    for await (const commit of streamFirstParentHistory({
      repoPath: data.repoPath,
      branchRef: data.head,
      notesRef: data.notesRef,
      logger: { debug() {}, info() {}, warn },
    })) {
      batch.push(await preparer.prepare(commit));
      if (batch.length >= BATCH_COMMITS) await flush();
    }
    await flush();
    post({ type: 'done' });
  } finally {
    await blobs.close();
    port.close();
  }
}

run(workerData as ReplayWorkerData).catch((error: unknown) => {
  const err = error instanceof Error ? error : new Error(String(error));
  parentPort?.postMessage({ type: 'error', message: err.message, stack: err.stack } satisfies WorkerMessage);
});
