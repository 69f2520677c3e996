import { createPrivateKey } from 'node:crypto';
import type { GithubSourceConfig } from '../../pipeline/config/github-config.js';
import { readRequiredEnv } from '../../pipeline/config/environment.js';
import { SourceAuthError, type CollectResult, type ExtractResult, type Source, type SourceContext } from '../source.js';
import { CollectSession } from './collect-session.js';
import { extractGithubSource } from './extract/extract-source.js';
import { createOctokitClient, type GithubAuth, type GithubClient, type GithubClientOptions } from './github-client.js';
import { GithubGraphqlError, GithubHttpError, RepositoryAccessError } from './github-errors.js';
import { listOrganisationRepositories, readListedRepository } from './list-repositories.js';
import { selectRepositories, type GithubRepository } from './repository-selection.js';
import { collectRepositoryStreams } from './repository-streams.js';

/** Knobs for tests and embedding; production uses the defaults. */
export interface GithubSourceOptions {
  /** Client settings: retries, the length of a "second" in waits, the request deadline, an abort signal. */
  client?: Partial<Omit<GithubClientOptions, 'baseUrl' | 'auth' | 'logger' | 'sourceId'>>;
  /** Build the client from its options (a fake in unit tests). */
  createClient?: (options: GithubClientOptions) => GithubClient;
}

/**
 * One configured GitHub organisation or repository list as a {@link Source}: `collect` stores
 * every answer in raw.api_pages with resumable per-repository cursors, `extract` turns the
 * pages into pull requests, reviews, PR commits, tickets and deployments and applies the
 * released phase.
 */
export class GithubSource implements Source {
  readonly kind = 'github';
  readonly sourceId: string;
  readonly name: string;
  readonly publicConfig: object;

  constructor(
    private readonly config: GithubSourceConfig,
    /** Position in `sources.github`, for messages naming the config path. */
    private readonly index: number,
    private readonly options: GithubSourceOptions = {},
  ) {
    this.sourceId = `github:${config.name}`;
    this.name = config.name;
    this.publicConfig = config;
  }

  async collect(context: SourceContext): Promise<CollectResult> {
    const { auth, variable } = this.readCredentials(context.env);
    const clientOptions: GithubClientOptions = {
      baseUrl: this.config.baseUrl,
      auth,
      logger: context.logger,
      sourceId: this.sourceId,
      ...this.options.client,
    };
    const client = (this.options.createClient ?? createOctokitClient)(clientOptions);
    const session = new CollectSession(context.db, client, this.config, this.sourceId, context.runId, context.logger, context.now);
    try {
      const repositories = await this.repositories(session);
      let refused = 0;
      for (const repository of repositories) {
        context.logger.info('collecting GitHub repository', { source: this.sourceId, repository: repository.fullName });
        try {
          await collectRepositoryStreams(session, repository.fullName);
        } catch (error) {
          const access = repositoryAccessError(error, repository.fullName);
          if (!access) throw error;
          if (access.status === 403) refused += 1;
          session.warn(access.message);
        }
      }
      if (repositories.length > 0 && refused === repositories.length) {
        throw new SourceAuthError(this.sourceId, variable, 'every repository answered 403');
      }
    } catch (error) {
      throw authError(error, this.sourceId, variable) ?? error;
    }
    return { requests: client.requests, pages: session.pagesStored, warnings: session.warnings };
  }

  extract(context: SourceContext): Promise<ExtractResult> {
    return extractGithubSource(context, this.sourceId, this.config);
  }

  /** The repositories to collect: the organisation's listing or the configured list, filtered. */
  private async repositories(session: CollectSession): Promise<GithubRepository[]> {
    let listed: GithubRepository[];
    if (this.config.org) {
      listed = await listOrganisationRepositories(session, this.config.org);
    } else {
      listed = [];
      for (const fullName of this.config.repos ?? []) {
        try {
          listed.push(await readListedRepository(session, fullName));
        } catch (error) {
          const access = repositoryAccessError(error, fullName);
          if (!access) throw error;
          session.warn(access.message);
        }
      }
    }
    const { selected, skipped } = selectRepositories(listed, this.config, { listing: this.config.org !== null });
    if (skipped.length > 0) {
      session.logger.info('GitHub repositories skipped by the source rules', {
        source: this.sourceId,
        skipped: skipped.map((entry) => `${entry.fullName} (${entry.reason})`),
      });
    }
    return selected;
  }

  private readCredentials(env: NodeJS.ProcessEnv): { auth: GithubAuth; variable: string } {
    const path = `sources.github[${this.index}]`;
    const neededFor = `the GitHub source "${this.config.name}"`;
    const credentials = this.config.credentials;
    if (credentials.kind === 'token') {
      const token = readRequiredEnv(env, { variable: credentials.tokenEnv, configPath: `${path}.tokenEnv`, neededFor });
      return { auth: { kind: 'token', token }, variable: credentials.tokenEnv };
    }
    const appId = readRequiredEnv(env, { variable: credentials.appIdEnv, configPath: `${path}.app.appIdEnv`, neededFor });
    // Keys pasted into one-line variables often carry their line breaks as "\n".
    const privateKey = readRequiredEnv(env, { variable: credentials.privateKeyEnv, configPath: `${path}.app.privateKeyEnv`, neededFor }).replace(/\\n/g, '\n');
    try {
      createPrivateKey(privateKey);
    } catch {
      throw new SourceAuthError(this.sourceId, credentials.privateKeyEnv, 'the value is not a PEM private key');
    }
    return { auth: { kind: 'app', appId, privateKey, installationId: credentials.installationId }, variable: credentials.privateKeyEnv };
  }
}

/** A refusal that concerns one repository only: 404, a 403 that is not a rate limit, or a GraphQL FORBIDDEN. */
function repositoryAccessError(error: unknown, repository: string): RepositoryAccessError | null {
  if (error instanceof GithubHttpError && (error.status === 404 || (error.status === 403 && !error.rateLimited))) {
    return new RepositoryAccessError(repository, error.status, error.detail);
  }
  if (error instanceof GithubGraphqlError && error.forbidden) return new RepositoryAccessError(repository, 403, error.messages.join('; '));
  return null;
}

/** A refused credential: 401 anywhere, or a 403 that is not a rate limit outside any one repository. */
function authError(error: unknown, sourceId: string, variable: string): SourceAuthError | null {
  if (error instanceof SourceAuthError) return error;
  if (error instanceof GithubHttpError && (error.status === 401 || (error.status === 403 && !error.rateLimited))) {
    return new SourceAuthError(sourceId, variable, `${error.status} from ${error.method} ${error.url}: ${error.detail}`);
  }
  return null;
}
