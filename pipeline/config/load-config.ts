import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from './config-error.js';
import { DEFAULT_CONFIG_FILE_NAMES } from './defaults.js';
import { resolveWarehouseUrl } from './environment.js';
import { parseConfig } from './parse-config.js';
import type { ResolvedConfig } from './types.js';

export interface LoadConfigOptions {
  /** Config file to read (relative to `cwd`); without it `codeledger.yaml` in `cwd` is used when present. */
  file?: string;
  /** The working directory. */
  cwd: string;
  /** Environment, for the variables the file names. */
  env: NodeJS.ProcessEnv;
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Load the configuration: the named file, else `codeledger.yaml` (or `.yml`) in the working
 * directory, else every default. Relative paths in a file resolve against the file's directory.
 * Environment variables the file names explicitly are checked here, so a missing one fails
 * before any work starts.
 *
 * @example
 * const { config, file } = await loadConfig({ cwd: process.cwd(), env: process.env });
 * @throws ConfigError when the named file is missing, the file is invalid, or a variable it names is unset
 */
export async function loadConfig(options: LoadConfigOptions): Promise<{ config: ResolvedConfig; file: string | null }> {
  const cwd = path.resolve(options.cwd);
  let file: string | null = null;
  let text: string | null = null;

  if (options.file !== undefined) {
    file = path.resolve(cwd, options.file);
    text = await readIfPresent(file);
    if (text === null) throw new ConfigError([`${options.file}: config file not found (looked for ${file})`]);
  } else {
    for (const name of DEFAULT_CONFIG_FILE_NAMES) {
      const candidate = path.join(cwd, name);
      text = await readIfPresent(candidate);
      if (text !== null) {
        file = candidate;
        break;
      }
    }
  }

  const config =
    file === null || text === null
      ? parseConfig('', { baseDir: cwd, cwd, sourceName: '(defaults)' })
      : parseConfig(text, { baseDir: path.dirname(file), cwd, sourceName: path.relative(cwd, file) || file });

  resolveWarehouseUrl(config, options.env);
  return { config, file };
}
