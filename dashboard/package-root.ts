import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the browser entry point lives, relative to the package root. */
export const DASHBOARD_APP_ENTRY = join('dashboard', 'src', 'app.ts');
/** Where the stylesheet lives, relative to the package root. */
export const DASHBOARD_STYLESHEET = join('dashboard', 'src', 'styles.css');

/**
 * Finds the package root that ships the dashboard's sources, walking up from a module's URL.
 * The same code runs from the TypeScript sources (`dashboard/`) and from the compiled output
 * (`dist/dashboard/`), and the browser sources are only in the source tree, so the root is the
 * first directory up holding both `package.json` and the dashboard's entry point.
 *
 * @example
 * const root = findPackageRoot(import.meta.url);
 * join(root, DASHBOARD_APP_ENTRY); // …/dashboard/src/app.ts
 */
export function findPackageRoot(fromUrl: string): string {
  let directory = dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(join(directory, 'package.json')) && existsSync(join(directory, DASHBOARD_APP_ENTRY))) return directory;
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error(`cannot find the dashboard sources (${DASHBOARD_APP_ENTRY}) above ${fileURLToPath(fromUrl)}`);
    }
    directory = parent;
  }
}
