/**
 * Worker-thread entry that runs one git command and forwards its output to the thread that
 * started it, reading ahead of that thread by up to `maxBytesAhead` bytes (see streamed-git.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { spawnGit } from './git-command.js';
import type { GitOutputControl, GitOutputMessage, GitOutputReaderData } from './git-output-protocol.js';

const data = workerData as GitOutputReaderData;
const port = parentPort!;
const post = (message: GitOutputMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);

const child = spawnGit(data.repoPath, data.args);
let ahead = 0;
let stderr = '';
child.stdin.on('error', () => undefined);
child.stdin.end();
child.stderr.setEncoding('utf8');
child.stderr.on('data', (text: string) => {
  stderr = (stderr + text).slice(-data.stderrLimit);
});
child.stdout.on('data', (chunk: Buffer) => {
  // A copy with a buffer of its own, which moves to the other thread without another copy.
  const copy = new Uint8Array(chunk);
  ahead += copy.byteLength;
  post({ type: 'data', chunk: copy }, [copy.buffer]);
  if (ahead >= data.maxBytesAhead) child.stdout.pause();
});
child.on('error', (error) => post({ type: 'error', message: error.message }));
child.on('close', (code) => {
  post({ type: 'exit', code, stderr });
  port.close();
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
