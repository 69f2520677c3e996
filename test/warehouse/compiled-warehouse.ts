import { mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The project's root folder. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Compiles pipeline/warehouse/*.ts file by file (no bundling, as tsc emits them) into a fresh
 * temporary folder that resolves packages from the project's node_modules, and returns the
 * folder — so a test can load the `.js` modules the way dist/ holds them, without tsx. The caller
 * removes the folder.
 */
export async function compileWarehouseModules(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'codeledger-compiled-warehouse-'));
  const sources = join(projectRoot, 'pipeline', 'warehouse');
  const entryPoints = (await readdir(sources)).filter((file) => file.endsWith('.ts')).map((file) => join(sources, file));
  await build({ entryPoints, outdir: folder, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent' });
  await writeFile(join(folder, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(projectRoot, 'node_modules'), join(folder, 'node_modules'), 'dir');
  return folder;
}
