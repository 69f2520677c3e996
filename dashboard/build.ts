import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, version as esbuildVersion } from 'esbuild';
import { renderIndexHtml, type PageAssets } from './html-page.js';
import { DASHBOARD_APP_ENTRY, DASHBOARD_STYLESHEET, findPackageRoot } from './package-root.js';
import type { DashboardData } from './types.js';

/** Options of {@link writeDashboard}. */
export interface WriteDashboardOptions {
  /** Directory to write the site into; created when missing. */
  outDir: string;
  data: DashboardData;
}

/** Asset names, relative to `index.html`. */
const ASSETS: PageAssets = { script: 'app.js', stylesheet: 'styles.css' };

/** Credits d3, which the bundle includes, as its ISC license asks. */
const BUNDLE_BANNER = '/*! codeledger dashboard. Includes D3 (https://d3js.org), ISC License, Copyright 2010-2023 Mike Bostock. */';

/**
 * Bundles the browser code (d3 included, no CDN) into one script with esbuild.
 *
 * @example
 * const js = await bundleDashboardScript(findPackageRoot(import.meta.url));
 */
export async function bundleDashboardScript(packageRoot: string): Promise<string> {
  return (await bundleWithInputs(packageRoot)).script;
}

/** A bundle and the files it was made from (paths relative to the package root). */
interface Bundle {
  script: string;
  inputs: string[];
}

async function bundleWithInputs(packageRoot: string): Promise<Bundle> {
  const result = await build({
    entryPoints: [join(packageRoot, DASHBOARD_APP_ENTRY)],
    absWorkingDir: packageRoot,
    bundle: true,
    // A classic script: browsers refuse ES modules on file:// pages.
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    write: false,
    logLevel: 'silent',
    banner: { js: BUNDLE_BANNER },
    metafile: true,
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the dashboard');
  return { script: output.text, inputs: Object.keys(result.metafile.inputs).sort() };
}

/**
 * Written next to `app.js`: what the bundle was made from. Why: bundling takes esbuild a good
 * part of a run that finds nothing new, and the browser code only changes with codeledger itself.
 */
const BUNDLE_RECORD = '.codeledger-bundle.json';

interface BundleRecord {
  esbuild: string;
  banner: string;
  /** SHA-256 of the app.js written. */
  script: string;
  /** Each input file with its size and modification time when it was bundled. */
  inputs: Array<[path: string, size: number, mtimeMs: number]>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function describeInputs(packageRoot: string, inputs: readonly string[]): Promise<BundleRecord['inputs']> {
  return Promise.all(
    inputs.map(async (path) => {
      const info = await stat(join(packageRoot, path));
      return [path, info.size, info.mtimeMs] as [string, number, number];
    }),
  );
}

/** Whether `outDir` holds an app.js bundled by this esbuild from input files that have not changed since. */
async function bundleIsCurrent(outDir: string, packageRoot: string): Promise<boolean> {
  try {
    const record = JSON.parse(await readFile(join(outDir, BUNDLE_RECORD), 'utf8')) as BundleRecord;
    if (record.esbuild !== esbuildVersion || record.banner !== BUNDLE_BANNER || !Array.isArray(record.inputs)) return false;
    const now = await describeInputs(packageRoot, record.inputs.map(([path]) => path));
    if (now.some(([, size, mtimeMs], i) => size !== record.inputs[i]![1] || mtimeMs !== record.inputs[i]![2])) return false;
    return sha256(await readFile(join(outDir, ASSETS.script), 'utf8')) === record.script;
  } catch {
    // No record, an unreadable one, or a vanished input: bundle again.
    return false;
  }
}

/**
 * Writes the static dashboard: `index.html` with the data embedded, `app.js` (the bundled browser
 * code) and `styles.css`, all linked by relative paths so the page opens from disk with no
 * network. An `app.js` already there is kept when it was bundled from the same, unchanged
 * sources (a small record next to it says from which). Works from the sources and from the compiled `dist/` alike: the browser sources are
 * found by walking up to the package root.
 *
 * @example
 * const { indexPath } = await writeDashboard({ outDir: 'codeledger-dashboard', data });
 * console.log(`open ${indexPath}`);
 */
export async function writeDashboard(options: WriteDashboardOptions): Promise<{ indexPath: string }> {
  const packageRoot = findPackageRoot(import.meta.url);
  await mkdir(options.outDir, { recursive: true });
  if (!(await bundleIsCurrent(options.outDir, packageRoot))) {
    const bundle = await bundleWithInputs(packageRoot);
    await writeFile(join(options.outDir, ASSETS.script), bundle.script);
    const record: BundleRecord = { esbuild: esbuildVersion, banner: BUNDLE_BANNER, script: sha256(bundle.script), inputs: await describeInputs(packageRoot, bundle.inputs) };
    await writeFile(join(options.outDir, BUNDLE_RECORD), JSON.stringify(record));
  }
  await copyFile(join(packageRoot, DASHBOARD_STYLESHEET), join(options.outDir, ASSETS.stylesheet));
  // The page last, so a reader never opens an index.html whose assets are not there yet.
  const indexPath = join(options.outDir, 'index.html');
  await writeFile(indexPath, renderIndexHtml(options.data, ASSETS));
  return { indexPath };
}
