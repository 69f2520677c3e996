import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
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
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no output for the dashboard');
  return output.text;
}

/**
 * Writes the static dashboard: `index.html` with the data embedded, `app.js` (the bundled browser
 * code) and `styles.css`, all linked by relative paths so the page opens from disk with no
 * network. Works from the sources and from the compiled `dist/` alike: the browser sources are
 * found by walking up to the package root.
 *
 * @example
 * const { indexPath } = await writeDashboard({ outDir: 'codeledger-dashboard', data });
 * console.log(`open ${indexPath}`);
 */
export async function writeDashboard(options: WriteDashboardOptions): Promise<{ indexPath: string }> {
  const packageRoot = findPackageRoot(import.meta.url);
  const script = await bundleDashboardScript(packageRoot);
  await mkdir(options.outDir, { recursive: true });
  await writeFile(join(options.outDir, ASSETS.script), script);
  await copyFile(join(packageRoot, DASHBOARD_STYLESHEET), join(options.outDir, ASSETS.stylesheet));
  // The page last, so a reader never opens an index.html whose assets are not there yet.
  const indexPath = join(options.outDir, 'index.html');
  await writeFile(indexPath, renderIndexHtml(options.data, ASSETS));
  return { indexPath };
}
