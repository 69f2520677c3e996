import type { CollectResult, ExtractResult, Source, SourceContext } from '../../collectors/source.js';
import type { ResolvedConfig } from '../config/types.js';
import { clearCursors, registerSource } from '../warehouse/raw-pages.js';

/**
 * Every HTTP source the configuration names, GitHub first, then Jira. A collector's modules (and
 * its HTTP client library) are loaded only when the configuration uses it, so a git-only run
 * does not pay for them.
 */
export async function createSources(config: ResolvedConfig): Promise<Source[]> {
  const sources: Source[] = [];
  if (config.sources.github.length > 0) {
    const { createGithubSources } = await import('../../collectors/github/index.js');
    sources.push(...createGithubSources(config.sources.github));
  }
  if (config.sources.jira.length > 0) {
    const { createJiraSources } = await import('../../collectors/jira/index.js');
    sources.push(...createJiraSources(config.sources.jira));
  }
  return sources;
}

/** What one source did in a run. */
export interface SourceOutcome {
  sourceId: string;
  status: 'succeeded' | 'failed';
  collect: CollectResult | null;
  extract: ExtractResult | null;
  error: string | null;
  seconds: number;
}

/**
 * Collect and extract every source in turn. A failing source is logged and reported and does
 * not stop the others (its cursors stay where its last stored page left them).
 */
export async function collectSources(sources: readonly Source[], context: SourceContext): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = [];
  for (const source of sources) {
    const started = Date.now();
    const outcome: SourceOutcome = { sourceId: source.sourceId, status: 'succeeded', collect: null, extract: null, error: null, seconds: 0 };
    try {
      await registerSource(context.db, source);
      if (context.fullRefresh) await clearCursors(context.db, source.sourceId);
      context.logger.info('collecting source', { source: source.sourceId });
      outcome.collect = await source.collect(context);
      outcome.extract = await source.extract(context);
      for (const warning of [...outcome.collect.warnings, ...outcome.extract.warnings]) {
        context.logger.warn(warning, { source: source.sourceId });
      }
      context.logger.info('source done', {
        source: source.sourceId,
        requests: outcome.collect.requests,
        pages: outcome.collect.pages,
        rows: outcome.extract.rows,
      });
    } catch (error) {
      outcome.status = 'failed';
      const message = error instanceof Error ? error.message : String(error);
      // Errors from a source often name it already; the run summary adds the name itself.
      outcome.error = message.startsWith(`${source.sourceId}: `) ? message.slice(source.sourceId.length + 2) : message;
      context.logger.error('source failed; continuing with the others', { source: source.sourceId, error: outcome.error });
    }
    outcome.seconds = (Date.now() - started) / 1000;
    outcomes.push(outcome);
  }
  return outcomes;
}
