import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The top directory of the git working tree containing `startDir` (the nearest ancestor with a
 * `.git` directory or file), or null when there is none.
 *
 * @example
 * findGitRoot('/home/me/web/src/components'); // '/home/me/web'
 */
export function findGitRoot(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
