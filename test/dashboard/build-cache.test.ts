import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleDashboardScript, writeDashboard } from '../../dashboard/build.js';
import { findPackageRoot } from '../../dashboard/package-root.js';
import { fixtureDashboardData } from './fixtures.js';

describe('writeDashboard bundle reuse', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps an app.js bundled from unchanged sources and bundles again when it was altered or its record is gone', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'codeledger-dashboard-'));
    dirs.push(outDir);
    const appJs = join(outDir, 'app.js');
    const expected = await bundleDashboardScript(findPackageRoot(import.meta.url));

    await writeDashboard({ outDir, data: fixtureDashboardData() });
    expect(await readFile(appJs, 'utf8')).toBe(expected);
    const written = (await stat(appJs)).mtimeMs;

    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeDashboard({ outDir, data: fixtureDashboardData() });
    expect((await stat(appJs)).mtimeMs).toBe(written);

    await writeFile(appJs, '/* edited */');
    await writeDashboard({ outDir, data: fixtureDashboardData() });
    expect(await readFile(appJs, 'utf8')).toBe(expected);

    await rm(join(outDir, '.codeledger-bundle.json'));
    await writeFile(appJs, '/* stale */');
    await writeDashboard({ outDir, data: fixtureDashboardData() });
    expect(await readFile(appJs, 'utf8')).toBe(expected);
  });
});
