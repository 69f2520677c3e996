/**
 * The working tree of the synthetic repository as the generator sees it: path → file version,
 * pools of paths by area and role for random picks, the feature modules, and the total size.
 */

import { IndexedList } from './indexed-list.js';
import { areaOf, type AreaName, type FeatureModule } from './repo-layout.js';
import type { SeededRandom } from './seeded-random.js';
import type { FileRole, SourceFile } from './source-file.js';

function poolKey(area: AreaName, role: FileRole): string {
  return `${area}:${role}`;
}

/** Current tree of the repository being generated. */
export class RepoModel {
  private readonly files = new Map<string, SourceFile>();
  private readonly pools = new Map<string, IndexedList<string>>();
  /** Feature modules present in the tree. */
  readonly modules = new IndexedList<FeatureModule>();
  private size = 0;

  /** Characters (bytes for binaries) of all files at the tip. */
  get totalSize(): number {
    return this.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  get(path: string): SourceFile | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Every path, in insertion order. */
  paths(): IterableIterator<string> {
    return this.files.keys();
  }

  private pool(area: AreaName, role: FileRole): IndexedList<string> {
    const key = poolKey(area, role);
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new IndexedList<string>();
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Adds or replaces the file at `path`. */
  set(path: string, file: SourceFile): void {
    const previous = this.files.get(path);
    if (previous) {
      this.size -= previous.size;
      if (previous.role !== file.role) this.pool(areaOf(path), previous.role).delete(path);
    }
    this.files.set(path, file);
    this.size += file.size;
    this.pool(areaOf(path), file.role).add(path);
  }

  /** Removes the file at `path` (no-op when absent). */
  delete(path: string): void {
    const previous = this.files.get(path);
    if (!previous) return;
    this.size -= previous.size;
    this.files.delete(path);
    this.pool(areaOf(path), previous.role).delete(path);
  }

  /** A random path of `role` in `area`, or undefined when there is none. */
  pick(random: SeededRandom, area: AreaName, role: FileRole): string | undefined {
    return this.pools.get(poolKey(area, role))?.pick(random);
  }

  /** Paths of `role` in `area` (a live read-only view; copy before changing the model). */
  pathsOf(area: AreaName, role: FileRole): readonly string[] {
    return this.pools.get(poolKey(area, role))?.values() ?? [];
  }

  /** How many files of `role` `area` holds. */
  count(area: AreaName, role: FileRole): number {
    return this.pools.get(poolKey(area, role))?.size ?? 0;
  }

  /** Paths under `dir` (a directory path without trailing slash). */
  pathsUnder(dir: string): string[] {
    const prefix = `${dir}/`;
    const found: string[] = [];
    for (const path of this.files.keys()) if (path.startsWith(prefix)) found.push(path);
    return found;
  }
}
