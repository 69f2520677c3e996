import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig } from '../../pipeline/config/index.js';

/** The `path: message` lines a config text is rejected with (fails the test when it is accepted). */
export function problemsOf(yamlText: string, baseDir = path.join(tmpdir(), 'codeledger-config-test')): string[] {
  try {
    parseConfig(yamlText, { baseDir });
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

/** A fresh temporary directory and a function removing it. */
export function temporaryDirectory(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
