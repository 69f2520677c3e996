import { describe, expect, it } from 'vitest';
import type { Logger } from '../../pipeline/logging/logger.js';
import { RunLockedError } from '../../pipeline/run/run-lock.js';
import { runSchedule } from '../../pipeline/run/schedule.js';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

describe('codeledger schedule', () => {
  it('runs on every tick, keeps going after a failure and skips ticks while the warehouse is busy', async () => {
    const logger = recordingLogger();
    const stop = new AbortController();
    const outcomes = ['ok', 'fail', 'locked', 'ok'];
    let calls = 0;
    const report = await runSchedule({
      cron: '* * * * * *',
      timezone: 'UTC',
      logger,
      runAtStart: true,
      signal: stop.signal,
      runOnce: async () => {
        const outcome = outcomes[calls++] ?? 'ok';
        if (calls >= outcomes.length) stop.abort();
        if (outcome === 'fail') throw new Error('source exploded');
        if (outcome === 'locked') throw new RunLockedError('process 1');
        return { status: 'succeeded', commits: 1, seconds: 0.1 };
      },
    });
    expect(calls).toBe(4);
    expect(report).toEqual({ runs: 3, failed: 1, skippedLocked: 1 });
    expect(logger.lines.some((line) => line.startsWith('error scheduled run failed') && line.includes('source exploded'))).toBe(true);
    expect(logger.lines.some((line) => line.startsWith('warn scheduled run skipped: the warehouse is busy'))).toBe(true);
    expect(logger.lines.at(-1)).toMatch(/^info schedule stopped/);
  }, 15_000);

  it('waits for a run in progress before it stops', async () => {
    const stop = new AbortController();
    let finished = false;
    const report = await runSchedule({
      cron: '0 2 * * *',
      timezone: 'Europe/Berlin',
      logger: recordingLogger(),
      runAtStart: true,
      signal: stop.signal,
      runOnce: async () => {
        setTimeout(() => stop.abort(), 10);
        await new Promise((resolve) => setTimeout(resolve, 200));
        finished = true;
        return { status: 'succeeded', commits: 0, seconds: 0.2 };
      },
    });
    expect(finished).toBe(true);
    expect(report.runs).toBe(1);
  });
});
