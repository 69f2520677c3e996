import { ConfigError } from './config-error.js';
import type { ResolvedConfig } from './types.js';

/** What reads an environment variable, for the message when it is missing. */
export interface EnvironmentNeed {
  /** Name of the variable. */
  variable: string;
  /** Config path that names it, e.g. `warehouse.urlEnv`. */
  configPath: string;
  /** What needs the value, e.g. `the warehouse connection`. */
  neededFor: string;
}

/**
 * The value of an environment variable the configuration names, failing fast when it is unset
 * or empty.
 *
 * @example
 * readRequiredEnv(process.env, { variable: 'GITHUB_TOKEN', configPath: 'github.tokenEnv', neededFor: 'the GitHub collector' });
 * @throws ConfigError naming the variable and what needs it
 */
export function readRequiredEnv(env: NodeJS.ProcessEnv, need: EnvironmentNeed): string {
  const value = env[need.variable];
  if (value === undefined || value === '') {
    throw new ConfigError([
      `${need.configPath}: environment variable ${need.variable} is not set; ${need.neededFor} needs it`,
    ]);
  }
  return value;
}

/**
 * The PostgreSQL connection URL of the warehouse: `warehouse.url` when given, else the value of
 * the variable named by `warehouse.urlEnv` when set, else null for the embedded warehouse.
 * A variable named explicitly in the file must be set.
 *
 * @example
 * resolveWarehouseUrl(config, { DATABASE_URL: 'postgres://db/metrics' }); // 'postgres://db/metrics'
 * resolveWarehouseUrl(defaultConfig({ baseDir }), {}); // null (embedded PGlite)
 * @throws ConfigError when `warehouse.urlEnv` was set in the file and the variable is missing
 */
export function resolveWarehouseUrl(config: ResolvedConfig, env: NodeJS.ProcessEnv): string | null {
  const { url, urlEnv, urlEnvRequired } = config.warehouse;
  if (url !== null) return url;
  if (urlEnvRequired) {
    return readRequiredEnv(env, { variable: urlEnv, configPath: 'warehouse.urlEnv', neededFor: 'the warehouse connection' });
  }
  const value = env[urlEnv];
  return value === undefined || value === '' ? null : value;
}
