import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { CollectResult, ExtractResult, Source, SourceContext } from '../source.js';
import { collectIssues } from './collect-issues.js';
import { listScopeIfDue } from './collect-scope.js';
import { collectStatuses } from './collect-statuses.js';
import { readJiraCredentials } from './credentials.js';
import { extractJira } from './extract-jira.js';
import { createJiraClientTransport } from './jira-client-transport.js';
import { createJiraHttp, type JiraHttp, type RetryPolicy } from './jira-http.js';
import { RawPageWriter } from './raw-page-writer.js';
import { readSiteFacts } from './site-facts.js';

/** Fields asked for on every issue, besides the configured custom fields. */
export const ISSUE_FIELDS: readonly string[] = Object.freeze([
  'summary',
  'project',
  'issuetype',
  'status',
  'resolution',
  'resolutiondate',
  'priority',
  'created',
  'updated',
  'assignee',
  'reporter',
  'parent',
  'components',
  'labels',
  'fixVersions',
]);

/** Knobs for tests and embedding; a configured source needs none of them. */
export interface JiraSourceOptions {
  /** How to wait before a retry (default: a real timer). */
  sleep?: (milliseconds: number) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** Per-request timeout (default: the config's `timeoutSeconds`). */
  timeoutMs?: number;
  /** Keys per full-refresh listing page (default 1000). */
  listingPageSize?: number;
  /** Wrap (or replace) the HTTP client, e.g. to pass a fake or to stop a test run at a given request. */
  wrapHttp?: (http: JiraHttp, context: SourceContext) => JiraHttp;
}

const DEFAULT_LISTING_PAGE_SIZE = 1000;

/**
 * The {@link Source} of one Jira site: `collect` stores the site facts, statuses, incremental
 * search pages (with complete changelogs) and, when due, a full-refresh listing in raw pages;
 * `extract` maps them into core.tickets, core.ticket_transitions and core.identities.
 *
 * @example
 * const source = createJiraSource(config.sources.jira[0]);
 * await source.collect(context);
 * await source.extract(context);
 */
export function createJiraSource(config: JiraSourceConfig, options: JiraSourceOptions = {}): Source {
  const sourceId = `jira:${config.name}`;
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));

  function httpFor(context: SourceContext): JiraHttp {
    const credentials = readJiraCredentials(config, context.env);
    const transport = createJiraClientTransport({
      siteUrl: config.url,
      auth: credentials.auth,
      timeoutMs: options.timeoutMs ?? config.timeoutSeconds * 1000,
    });
    const http = createJiraHttp({
      transport,
      sourceId,
      credentialVariables: credentials.variables,
      logger: context.logger,
      sleep,
      retry: options.retry,
      now: () => context.now().getTime(),
    });
    return options.wrapHttp ? options.wrapHttp(http, context) : http;
  }

  return {
    sourceId,
    kind: 'jira',
    name: config.name,
    publicConfig: config,

    async collect(context: SourceContext): Promise<CollectResult> {
      const http = httpFor(context);
      const writer = new RawPageWriter(context.db, sourceId, context.runId);
      const result = (warnings: string[]): CollectResult => ({ requests: http.requests, pages: writer.pages, warnings });
      const facts = await readSiteFacts(http, config.deployment, writer);
      context.logger.info('Jira site', { source: sourceId, deployment: facts.deployment, timeZone: facts.timeZone, timeZoneFrom: facts.timeZoneSource });
      await collectStatuses(http, writer);
      const fields = [...new Set([...ISSUE_FIELDS, ...customFieldIds(config)])];
      const warnings = [...facts.warnings];
      warnings.push(...(await collectIssues({ db: context.db, sourceId, config, http, writer, facts, fields })));
      const listed = await listScopeIfDue({
        db: context.db,
        sourceId,
        config,
        http,
        writer,
        deployment: facts.deployment,
        now: context.now(),
        pageSize: options.listingPageSize ?? DEFAULT_LISTING_PAGE_SIZE,
      });
      if (listed) context.logger.info('Jira full refresh listed every issue in scope', { source: sourceId });
      return result(warnings);
    },

    async extract(context: SourceContext): Promise<ExtractResult> {
      return extractJira({ db: context.db, sourceId, config });
    },
  };
}

function customFieldIds(config: JiraSourceConfig): string[] {
  const { storyPoints, severity, epicLink, foundInEnvironment } = config.fields;
  return [storyPoints, severity, epicLink, foundInEnvironment, config.escaped.field].filter((id): id is string => id !== null);
}
