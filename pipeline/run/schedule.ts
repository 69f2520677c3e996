import cron from 'node-cron';
import type { Logger } from '../logging/logger.js';
import { RunLockedError } from './run-lock.js';

/** What `codeledger schedule` needs. */
export interface ScheduleOptions {
  /** Cron expression (node-cron syntax, 5 or 6 fields). */
  cron: string;
  /** IANA time zone the expression is read in (the organisation's calendar zone). */
  timezone: string;
  logger: Logger;
  /** One full run: collect every source, compute, write the dashboard. */
  runOnce: () => Promise<{ status: string; commits: number; seconds: number }>;
  /** Run once immediately as well, instead of waiting for the first tick. */
  runAtStart?: boolean;
  /** Stops the schedule; the promise resolves once a run in progress has finished. */
  signal: AbortSignal;
}

/** Figures of a schedule's life, for the caller and tests. */
export interface ScheduleReport {
  runs: number;
  failed: number;
  /** Ticks skipped because another process held the warehouse's run lock. */
  skippedLocked: number;
}

/**
 * Run codeledger on a cron schedule until `signal` aborts. Ticks never overlap within this
 * process (node-cron's `noOverlap`), and across processes the warehouse run lock decides: a tick
 * that finds another scheduler or a manual run at work is skipped with a log line rather than
 * queued, because the next tick will pick up whatever it missed (every source is incremental).
 * A failing run is logged and the schedule goes on.
 *
 * @example
 * const stop = new AbortController();
 * process.once('SIGTERM', () => stop.abort());
 * await runSchedule({ cron: '0 2 * * *', timezone: 'UTC', logger, runOnce, signal: stop.signal });
 */
export async function runSchedule(options: ScheduleOptions): Promise<ScheduleReport> {
  const report: ScheduleReport = { runs: 0, failed: 0, skippedLocked: 0 };
  let current: Promise<void> | null = null;
  const tick = (reason: 'scheduled' | 'start'): Promise<void> => {
    const work = (async () => {
      options.logger.info('scheduled run starting', { reason });
      try {
        const summary = await options.runOnce();
        report.runs++;
        if (summary.status === 'failed') report.failed++;
        options.logger.info('scheduled run finished', { status: summary.status, commits: summary.commits, seconds: summary.seconds });
      } catch (error) {
        if (error instanceof RunLockedError) {
          report.skippedLocked++;
          options.logger.warn('scheduled run skipped: the warehouse is busy', { reason: error.message });
        } else {
          report.runs++;
          report.failed++;
          options.logger.error('scheduled run failed; the schedule goes on', { error: error instanceof Error ? error.message : String(error) });
        }
      }
    })();
    current = work.finally(() => {
      current = null;
    });
    return current;
  };

  const task = cron.createTask(options.cron, () => tick('scheduled'), { timezone: options.timezone, noOverlap: true, name: 'codeledger run' });
  const stopped = new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  try {
    if (options.runAtStart && !options.signal.aborted) await tick('start');
    if (!options.signal.aborted) {
      await task.start();
      options.logger.info('schedule started', { cron: options.cron, timezone: options.timezone, nextRun: task.getNextRun()?.toISOString() ?? null });
    }
    await stopped;
  } finally {
    await task.destroy();
    // Let a run in progress finish: stopping halfway would only waste the work (the next run
    // resumes correctly either way, since pages and cursors are written together).
    if (current) await current;
    options.logger.info('schedule stopped', { ...report });
  }
  return report;
}
