import { constants, existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import type { PGliteOrigin } from './pglite-worker-protocol.js';

/*
 * Why templates: a fresh PGlite database runs initdb — bootstrap, the system catalogs,
 * information_schema — inside WebAssembly, which costs seconds of CPU (more than the rest of a
 * small analysis), and then the warehouse's migrations, another second or more. What both leave
 * behind is the same every time for one PGlite version and one set of migrations, so it is kept
 * in a cache folder and later fresh databases start from a copy.
 *
 * - A template has a variant name: `cluster` for what initdb leaves, `schema-<digest>` for that
 *   plus the migrations whose digest it names (see openWarehouse).
 * - A database on disk is saved as a folder and started by copying the folder (native file
 *   copies; PostgreSQL then opens it like any existing database). A database in memory is saved
 *   as a gzip tarball and started through PGlite's `loadDataDir` (the mechanism of its
 *   `clone()`). A database on disk started from a tarball, for want of a folder, leaves the
 *   folder form behind for the next one.
 * - Saving happens after a CHECKPOINT, while the worker runs nothing else, so the files are a
 *   consistent image; the server's lock file is left out. Templates are written under a
 *   temporary name and renamed, so concurrent processes never see half of one, and a template
 *   that fails to start is deleted and the next candidate (finally initdb) is used.
 * - Databases made from one template share PostgreSQL's "system identifier", which only
 *   matters for physical replication — not something an embedded warehouse does.
 * - Only a cache folder this user owns and nobody else can write is used (see isPrivateFolder).
 */

/** The variant name of the template initdb leaves (no migrations). */
export const CLUSTER_TEMPLATE = 'cluster';

/** Options of {@link openPGliteDatabase}. */
export interface OpenPGliteDatabaseOptions {
  /** Folder of the database on disk (created when missing); in memory when undefined. */
  dataDir?: string;
  /** Folder of the template cache; null: always run initdb and cache nothing. */
  templateCacheDir: string | null;
  /** A template variant to start a fresh database from, when cached, before {@link CLUSTER_TEMPLATE}. */
  preferredTemplate?: string;
  /** Everything else PGlite is created with (parsers, start parameters). */
  pgliteOptions?: Omit<PGliteOptions, 'dataDir' | 'loadDataDir'>;
}

/** An open database and how it came to be. */
export interface OpenedPGlite {
  pglite: PGlite;
  origin: PGliteOrigin;
  /** The variant it was copied from, when `origin` is 'template'. */
  template?: string;
}

/**
 * Opens a PGlite database: the existing one in `dataDir`, or a fresh one — copied from the
 * preferred template or the plain cluster template when cached, else initialised by initdb and
 * then saved as the cluster template. A folder holding files but no database is left to PGlite
 * (nothing is copied over it).
 *
 * @example
 * const { pglite, origin } = await openPGliteDatabase({ dataDir: 'warehouse', templateCacheDir: join(tmpdir(), 'templates') });
 */
export async function openPGliteDatabase(options: OpenPGliteDatabaseOptions): Promise<OpenedPGlite> {
  const { dataDir, templateCacheDir, pgliteOptions = {} } = options;
  if (dataDir !== undefined) {
    if (existsSync(join(dataDir, 'PG_VERSION'))) return { pglite: await PGlite.create({ ...pgliteOptions, dataDir }), origin: 'existing' };
    await mkdir(dataDir, { recursive: true });
  }
  const fresh = dataDir === undefined || (await readdir(dataDir)).length === 0;
  const cacheUsable = templateCacheDir !== null && fresh && (await isPrivateFolder(templateCacheDir));
  if (cacheUsable) {
    const variants = [...new Set([options.preferredTemplate ?? CLUSTER_TEMPLATE, CLUSTER_TEMPLATE])];
    for (const variant of variants) {
      const started = await startFromTemplate(templateCacheDir, variant, dataDir, pgliteOptions);
      if (!started) continue;
      if (dataDir !== undefined && started.form === 'tarball') {
        // On disk a folder starts faster than a tarball; keep one for next time (best effort).
        await saveTemplate(started.pglite, { templateCacheDir, variant, dataDir }).catch(() => undefined);
      }
      return { pglite: started.pglite, origin: 'template', template: variant };
    }
  }
  const pglite = await PGlite.create({ ...pgliteOptions, dataDir });
  if (cacheUsable) {
    // A template only saves time; a cache folder that cannot be written must not fail the open.
    await saveTemplate(pglite, { templateCacheDir, variant: CLUSTER_TEMPLATE, dataDir }).catch(() => undefined);
  }
  return { pglite, origin: 'initdb' };
}

/** A variant name becomes part of a file name, so it is kept plain. */
const VARIANT_NAME = /^[\w-]+$/;

/** Where a template is saved. */
export interface TemplateTarget {
  templateCacheDir: string;
  /** Its variant name: letters, digits, `-` and `_`. */
  variant: string;
  /** The database's folder when it is on disk (saved as a folder); undefined in memory (a tarball). */
  dataDir?: string;
}

/**
 * Saves the database as it is now as the template `variant`: a folder copy for a database on
 * disk, a gzip tarball for one in memory. Nothing else may use the database meanwhile. Other
 * `schema-*` templates of the same form are removed, so old schemas do not pile up.
 *
 * @example
 * await saveTemplate(pglite, { templateCacheDir, variant: 'schema-3f2a9c0d1e4b5a6f', dataDir });
 */
export async function saveTemplate(pglite: PGlite, target: TemplateTarget): Promise<void> {
  if (!VARIANT_NAME.test(target.variant)) throw new Error(`a template variant is a plain name, got "${target.variant}"`);
  if (!(await isPrivateFolder(target.templateCacheDir))) return;
  // All changes written to the data files first, so the copy needs no WAL replay.
  await pglite.exec('CHECKPOINT');
  const form = target.dataDir === undefined ? 'tarball' : 'folder';
  const path = templatePath(target.templateCacheDir, target.variant, form);
  const partial = `${path}.${process.pid}-${Date.now()}.partial`;
  try {
    if (target.dataDir === undefined) {
      const tarball = await pglite.dumpDataDir('gzip');
      await writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
    } else {
      await copyCluster(target.dataDir, partial);
    }
    // A folder cannot replace another by rename; whoever saved the same template first wins.
    if (form === 'folder' && existsSync(path)) return;
    await rename(partial, path);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  if (target.variant.startsWith('schema-')) await removeOtherSchemaTemplates(target.templateCacheDir, path, form);
}

/**
 * The template's file or folder name: the PGlite version decides what initdb produces, and `v1`
 * names this way of packing it.
 *
 * @example
 * templateName('cluster', 'tarball'); // 'pglite-0.5.16-cluster-v1.tar.gz'
 * templateName('cluster', 'folder'); // 'pglite-0.5.16-cluster-v1'
 */
export function templateName(variant: string, form: 'tarball' | 'folder'): string {
  return `pglite-${pgliteVersion()}-${variant}-v1${form === 'tarball' ? '.tar.gz' : ''}`;
}

function templatePath(templateCacheDir: string, variant: string, form: 'tarball' | 'folder'): string {
  return join(templateCacheDir, templateName(variant, form));
}

/**
 * Starts a fresh database from the cached template `variant` — its folder form for a database
 * on disk when there is one, else its tarball — and says which form it used. Returns undefined
 * when the template is not cached or fails to start (it is then deleted, and the data folder
 * emptied again).
 */
async function startFromTemplate(
  templateCacheDir: string,
  variant: string,
  dataDir: string | undefined,
  pgliteOptions: Omit<PGliteOptions, 'dataDir' | 'loadDataDir'>,
): Promise<{ pglite: PGlite; form: 'tarball' | 'folder' } | undefined> {
  const folder = templatePath(templateCacheDir, variant, 'folder');
  if (dataDir !== undefined && existsSync(folder)) {
    try {
      await copyCluster(folder, dataDir);
      return { pglite: await PGlite.create({ ...pgliteOptions, dataDir }), form: 'folder' };
    } catch {
      await forget(folder, dataDir);
    }
  }
  const tarballPath = templatePath(templateCacheDir, variant, 'tarball');
  const tarball = await readFile(tarballPath).catch(() => undefined);
  if (!tarball) return undefined;
  try {
    return { pglite: await PGlite.create({ ...pgliteOptions, dataDir, loadDataDir: new Blob([tarball]) }), form: 'tarball' };
  } catch {
    await forget(tarballPath, dataDir);
    return undefined;
  }
}

/** Drops a template that failed to start and whatever of it reached the data folder. */
async function forget(template: string, dataDir: string | undefined): Promise<void> {
  await rm(template, { recursive: true, force: true });
  if (dataDir === undefined) return;
  for (const entry of await readdir(dataDir)) await rm(join(dataDir, entry), { recursive: true, force: true });
}

/**
 * Creates the cache folder when missing (readable by its owner only) and says whether it is
 * safe to use: owned by this user and writable by nobody else. Why: a template becomes a whole
 * database, functions and triggers included, so one planted by another user of a shared
 * temporary directory must never be loaded. Where there are no user ids (Windows) the folder is
 * trusted, as the temporary directory is per user there.
 */
async function isPrivateFolder(folder: string): Promise<boolean> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const info = await stat(folder);
    if (!info.isDirectory()) return false;
    if (typeof process.getuid !== 'function') return true;
    return info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The server's lock file: it names a running server, so a copy must not carry it. */
const LOCK_FILE = 'postmaster.pid';

async function copyCluster(from: string, to: string): Promise<void> {
  await cp(from, to, {
    recursive: true,
    // Clone the blocks where the file system can (copy-on-write); copy them where it cannot.
    mode: constants.COPYFILE_FICLONE,
    filter: (source) => basename(source) !== LOCK_FILE,
  });
}

async function removeOtherSchemaTemplates(templateCacheDir: string, kept: string, form: 'tarball' | 'folder'): Promise<void> {
  const prefix = `pglite-${pgliteVersion()}-schema-`;
  const suffix = form === 'tarball' ? '-v1.tar.gz' : '-v1';
  for (const entry of await readdir(templateCacheDir)) {
    const path = join(templateCacheDir, entry);
    if (path !== kept && entry.startsWith(prefix) && entry.endsWith(suffix)) await rm(path, { recursive: true, force: true });
  }
}

let cachedVersion: string | undefined;

/** The installed PGlite's version, from its package.json (which the package does not export). */
function pgliteVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  let folder = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const candidate = join(folder, 'package.json');
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === '@electric-sql/pglite' && manifest.version) return (cachedVersion = manifest.version);
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the version of @electric-sql/pglite');
    folder = parent;
  }
}
