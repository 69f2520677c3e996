import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import { readRequiredEnv } from '../../pipeline/config/environment.js';
import type { JiraClientAuth } from './jira-client-transport.js';

/** A source's credential, and the variable names to blame when it is refused. */
export interface JiraCredentials {
  auth: JiraClientAuth;
  /** E.g. `JIRA_EMAIL and JIRA_API_TOKEN`; never the values. */
  variables: string;
  /** The secret values, so tests and checks can make sure they are stored nowhere. */
  secrets: readonly string[];
}

/**
 * Read a Jira source's credential from the environment: e-mail and API token (Cloud, basic
 * auth) or a personal access token (Data Center, bearer). A missing variable fails fast with the
 * config path and the variable named.
 *
 * @example
 * readJiraCredentials(config, process.env).variables; // 'JIRA_EMAIL and JIRA_API_TOKEN'
 * @throws ConfigError when a variable is unset or empty
 */
export function readJiraCredentials(config: JiraSourceConfig, env: NodeJS.ProcessEnv): JiraCredentials {
  const where = `sources.jira (${config.name})`;
  const neededFor = `the Jira source "${config.name}"`;
  if (config.auth.kind === 'bearer') {
    const token = readRequiredEnv(env, { variable: config.auth.tokenEnv, configPath: `${where}.tokenEnv`, neededFor });
    return { auth: { bearer: token }, variables: config.auth.tokenEnv, secrets: [token] };
  }
  const email = readRequiredEnv(env, { variable: config.auth.emailEnv, configPath: `${where}.emailEnv`, neededFor });
  const token = readRequiredEnv(env, { variable: config.auth.apiTokenEnv, configPath: `${where}.apiTokenEnv`, neededFor });
  return { auth: { username: email, password: token }, variables: `${config.auth.emailEnv} and ${config.auth.apiTokenEnv}`, secrets: [token] };
}
