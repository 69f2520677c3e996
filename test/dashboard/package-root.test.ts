import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../dashboard/package-root.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('findPackageRoot', () => {
  it('finds the project from the dashboard sources', () => {
    expect(findPackageRoot(pathToFileURL(join(projectRoot, 'dashboard', 'build.ts')).href)).toBe(projectRoot);
  });

  it('finds the project from the compiled output in dist/', () => {
    expect(findPackageRoot(pathToFileURL(join(projectRoot, 'dist', 'dashboard', 'build.js')).href)).toBe(projectRoot);
  });

  it('fails with the path it searched from when the sources are not shipped', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'codeledger-root-'));
    try {
      expect(() => findPackageRoot(pathToFileURL(join(elsewhere, 'build.js')).href)).toThrow(/cannot find the dashboard sources/);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});
