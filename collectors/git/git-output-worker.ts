/**
 * Worker-thread entry that runs one git command and forwards its output to the thread that
 * started it, reading ahead of that thread by up to `maxBytesAhead` bytes (see streamed-git.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { spawnGit } from './git-command.js';
import type { GitOutputControl, GitOutputMessage, GitOutputReaderData } from './git-output-protocol.js';

const data = workerData as GitOutputReaderData;
const port = parentPort!;
let finished = false;
const post = (message: GitOutputMessage, transfer?: ArrayBuffer[]) => {
  if (!finished) port.postMessage(message, transfer);
};
/** The last message: after it the port closes, so this thread ends once git's streams are done. */
const finish = (message: GitOutputMessage) => {
  if (finished) return;
  if (flushTimer !== null) clearTimeout(flushTimer);
  post(message);
  finished = true;
  port.close();
};

const child = spawnGit(data.repoPath, data.args);
let ahead = 0;
let stderr = '';
child.stdin.on('error', () => undefined);
child.stdin.end();
child.stderr.setEncoding('utf8');
child.stderr.on('data', (text: string) => {
  stderr = (stderr + text).slice(-data.stderrLimit);
});
/**
 * git writes a few KiB at a time, and every message costs both threads a wake-up and the parser
 * a chunk boundary: reads are gathered into messages of at least this many bytes, or whatever
 * has arrived once FLUSH_DELAY_MS have passed (so a slow git still streams).
 */
const MESSAGE_BYTES = 256 * 1024;
const FLUSH_DELAY_MS = 2;
let gathered: Buffer[] = [];
let gatheredBytes = 0;
let flushTimer: NodeJS.Timeout | null = null;

function flush(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  if (gatheredBytes === 0) return;
  // One copy with a buffer of its own, which moves to the other thread without another copy.
  const message = new Uint8Array(gatheredBytes);
  let at = 0;
  for (const chunk of gathered) {
    message.set(chunk, at);
    at += chunk.length;
  }
  gathered = [];
  gatheredBytes = 0;
  post({ type: 'data', chunk: message }, [message.buffer]);
}

child.stdout.on('data', (chunk: Buffer) => {
  gathered.push(chunk);
  gatheredBytes += chunk.length;
  ahead += chunk.length;
  if (gatheredBytes >= MESSAGE_BYTES) flush();
  else flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
  if (ahead >= data.maxBytesAhead) {
    flush();
    child.stdout.pause();
  }
});
// git could not be started (or stopped): Node may not emit 'close' after this, so end here.
child.on('error', (error) => finish({ type: 'error', message: error.message }));
child.on('close', (code) => {
  flush();
  finish({ type: 'exit', code, stderr });
});
port.on('message', (message: GitOutputControl) => {
  if (message.type === 'taken') {
    ahead -= message.bytes;
    if (ahead < data.maxBytesAhead && child.stdout.isPaused()) child.stdout.resume();
  } else if (message.type === 'stop') {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    child.stdout.resume();
  }
});
