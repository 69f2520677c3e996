import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on the module `name` that lies next to the calling module (`callerUrl`
 * is the caller's `import.meta.url`): the compiled JavaScript in dist/ directly, or — when the
 * caller is the TypeScript source, under tsx or vitest — through a two-line bootstrap that
 * registers tsx's loader in the new thread and then imports the source. Why not
 * `execArgv: ['--import', 'tsx']`: on Node 20 a worker's entry module is resolved before such
 * preloaded hooks take effect, and fails with "Unknown file extension .ts". tsx is resolved from
 * here, not from the working directory.
 *
 * @example
 * const worker = startModuleWorker(import.meta.url, 'replay-worker', { workerData });
 */
export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const workerModule = new URL(`./${name}.ts`, callerUrl).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerModule)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
