import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../threads/module-worker.js';
import type { PGliteClient, PGliteResult } from './pglite-dialect.js';
import {
  WarehouseWorkerError,
  type PGliteOrigin,
  type PGliteRequest,
  type PGliteWorkerMessage,
  type PGliteWorkerSettings,
} from './pglite-worker-protocol.js';

/**
 * Where fresh (and freshly migrated) clusters are cached as templates (see pglite-template.ts):
 * a folder per user under the system's temporary directory, which may be cleared at any time —
 * a missing template is simply made again by the next fresh database.
 */
export const DEFAULT_TEMPLATE_CACHE_DIR = join(tmpdir(), `codeledger-pglite-templates-${process.getuid?.() ?? 'user'}`);

/**
 * PostgreSQL settings the embedded database starts with, on top of PGlite's own. Every one of
 * them trades crash safety that PGlite has already given up (it runs with fsync off) for less
 * writing:
 * - `full_page_writes=off`: no copy of each page in the WAL after every checkpoint. Those copies
 *   repair pages torn by a power cut mid-write — which fsync off cannot survive anyway.
 * - `wal_init_zero=off`: a new 16 MB WAL segment is not first filled with zeros.
 */
export const DEFAULT_PGLITE_SERVER_SETTINGS: Readonly<Record<string, string>> = Object.freeze({
  full_page_writes: 'off',
  wal_init_zero: 'off',
});

/** Options of {@link PGliteWorkerClient.start}. */
export interface PGliteWorkerOptions {
  /** Folder of the database (created when missing); in memory when undefined. */
  dataDir?: string;
  /**
   * Folder of the template cache, so a new database skips initdb (default
   * {@link DEFAULT_TEMPLATE_CACHE_DIR}); null turns the cache off.
   */
  templateCacheDir?: string | null;
  /** The template variant a fresh database should start from when it is cached (see pglite-template.ts). */
  preferredTemplate?: string;
  /** `-c` settings of the server (default {@link DEFAULT_PGLITE_SERVER_SETTINGS}). */
  serverSettings?: Readonly<Record<string, string>>;
}

interface PendingRequest {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * A PGlite database running in a worker thread, with the {@link PGliteClient} shape the Kysely
 * dialect expects. Statements are sent to the worker and their results come back as structured
 * clones; errors come back as {@link WarehouseWorkerError}s carrying PostgreSQL's code and detail.
 * It does not serialise callers itself — pair it with the dialect's mutex (one session).
 *
 * The worker does not keep the process alive while no request is pending, so a forgotten
 * `close()` cannot hang a program at exit (but then an on-disk database is not shut down cleanly
 * and recovers on its next start).
 *
 * @example
 * const client = await PGliteWorkerClient.start({ dataDir: '.codeledger/warehouse' });
 * const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: client }) });
 */
export class PGliteWorkerClient implements PGliteClient {
  /** Whether the database existed, was copied from a template, or was initialised afresh. */
  readonly origin: PGliteOrigin;
  /** The template variant the database was copied from, when `origin` is 'template'. */
  readonly template: string | undefined;
  readonly #worker: Worker;
  readonly #pending = new Map<number, PendingRequest>();
  #nextId = 1;
  /** Set once the worker cannot answer any more: the reason new requests fail. */
  #stopped: Error | undefined;
  #closing: Promise<void> | undefined;

  private constructor(worker: Worker, opened: { origin: PGliteOrigin; template?: string }) {
    this.#worker = worker;
    this.origin = opened.origin;
    this.template = opened.template;
    worker.on('message', (message: PGliteWorkerMessage) => this.#receive(message));
    worker.on('error', (error) => this.#stop(new Error(`the embedded database thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.#stop(new Error(`the embedded database thread has stopped (exit code ${code})`)));
    worker.unref();
  }

  /**
   * Starts the worker and waits until its database is open.
   *
   * @throws the worker's error when the database cannot be opened (the worker is then stopped).
   */
  static async start(options: PGliteWorkerOptions = {}): Promise<PGliteWorkerClient> {
    const settings: PGliteWorkerSettings = {
      dataDir: options.dataDir,
      templateCacheDir: options.templateCacheDir === undefined ? DEFAULT_TEMPLATE_CACHE_DIR : options.templateCacheDir,
      preferredTemplate: options.preferredTemplate,
      serverSettings: { ...(options.serverSettings ?? DEFAULT_PGLITE_SERVER_SETTINGS) },
    };
    const worker = startModuleWorker(import.meta.url, 'pglite-worker', { workerData: settings, execArgv: workerExecArgv() });
    const opened = await new Promise<{ origin: PGliteOrigin; template?: string }>((resolve, reject) => {
      const onMessage = (message: PGliteWorkerMessage) => {
        if (message.kind === 'ready') settle(() => resolve({ origin: message.origin, template: message.template }));
        else if (message.kind === 'failed') settle(() => reject(new WarehouseWorkerError(message.error)));
      };
      const onError = (error: Error) => settle(() => reject(error));
      const onExit = (code: number) => settle(() => reject(new Error(`the embedded database thread stopped while starting (exit code ${code})`)));
      const settle = (finish: () => void) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        finish();
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new PGliteWorkerClient(worker, opened);
  }

  query<R>(sqlText: string, parameters: unknown[] = [], options: { rowMode?: 'object' | 'array' } = {}): Promise<PGliteResult<R>> {
    return this.#request({ id: this.#nextId++, kind: 'query', sql: sqlText, parameters, rowMode: options.rowMode ?? 'object' }) as Promise<
      PGliteResult<R>
    >;
  }

  exec(sqlText: string): Promise<Array<PGliteResult<unknown>>> {
    return this.#request({ id: this.#nextId++, kind: 'exec', sql: sqlText }) as Promise<Array<PGliteResult<unknown>>>;
  }

  /**
   * Saves the database as it is now as the cached template `variant` (nothing when the cache is
   * off). Call it only while nothing else uses the database, e.g. right after migrating a fresh one.
   */
  async saveTemplate(variant: string): Promise<void> {
    await this.#request({ id: this.#nextId++, kind: 'saveTemplate', variant });
  }

  /** Shuts the database down and ends the thread. Calling it again returns the same promise. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        if (!this.#stopped) await this.#request({ id: this.#nextId++, kind: 'close' });
      } finally {
        this.#stop(new Error('the embedded database is closed'));
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }

  #request(request: PGliteRequest): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    return new Promise((resolve, reject) => {
      // Keep the process alive while the worker owes an answer.
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(request.id, { resolve, reject });
      this.#worker.postMessage(request);
    });
  }

  #receive(message: PGliteWorkerMessage): void {
    if (message.kind !== 'reply' && message.kind !== 'error') return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if (message.kind === 'reply') pending.resolve(message.result);
    else pending.reject(new WarehouseWorkerError(message.error));
  }

  /** No more requests: fail the ones still waiting, and every later one, with `reason`. */
  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const pending of this.#pending.values()) pending.reject(this.#stopped);
    this.#pending.clear();
    this.#worker.unref();
  }
}

/** Options that describe the main program's code rather than Node's behaviour, with their values. */
const MAIN_SCRIPT_OPTIONS = new Set(['-e', '--eval', '-p', '--print']);
/** The same in `--option=value` form, and the main program's module type. */
const MAIN_SCRIPT_OPTION_WITH_VALUE = /^--(input-type|eval|print)=/;

/**
 * The process's Node options for the worker (profiling, source maps, … apply there too) minus
 * those about the main program itself: a worker started from `node --input-type=module -e …`
 * would otherwise refuse its own file.
 */
function workerExecArgv(): string[] {
  const kept: string[] = [];
  const options = process.execArgv;
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    if (MAIN_SCRIPT_OPTIONS.has(option)) i++;
    else if (!MAIN_SCRIPT_OPTION_WITH_VALUE.test(option)) kept.push(option);
  }
  return kept;
}
