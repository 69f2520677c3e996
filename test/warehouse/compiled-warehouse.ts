import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The project's root folder. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Compiles pipeline/warehouse/*.ts and the thread helpers it uses (pipeline/threads/*.ts) file
 * by file (no bundling, as tsc emits them) into a fresh temporary folder laid out like
 * `pipeline/` (`warehouse/`, `threads/`) that resolves packages from the project's node_modules,
 * and returns the folder's `warehouse/` — so a test can load the `.js` modules the way dist/
 * holds them, without tsx. The caller removes the folder's parent with {@link removeCompiled}.
 */
export async function compileWarehouseModules(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'codeledger-compiled-warehouse-'));
  const pipeline = join(projectRoot, 'pipeline');
  const entryPoints: string[] = [];
  for (const part of ['warehouse', 'threads']) {
    const sources = join(pipeline, part);
    for (const file of await readdir(sources)) if (file.endsWith('.ts')) entryPoints.push(join(sources, file));
  }
  await build({ entryPoints, outdir: folder, outbase: pipeline, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent' });
  await writeFile(join(folder, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(projectRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return join(folder, 'warehouse');
}

/** Removes what {@link compileWarehouseModules} made. */
export async function removeCompiled(warehouseFolder: string): Promise<void> {
  await rm(dirname(warehouseFolder), { recursive: true, force: true });
}
