import cliProgress from 'cli-progress';
import type { Logger } from '../logging/logger.js';

/** One repository's progress. */
export interface ProgressTask {
  /** Commits processed so far (replayed and analysed). */
  tick(done: number): void;
  stop(): void;
}

/** Reports long analyses: a live bar on a terminal, periodic log lines otherwise. */
export interface ProgressReporter {
  start(label: string, total: number, alreadyDone: number): ProgressTask;
}

/** Reports nothing (tests, `explain`). */
export const silentProgress: ProgressReporter = { start: () => ({ tick() {}, stop() {} }) };

/**
 * Choose the reporter for the output: a cli-progress bar (commits done / total, commits per
 * second, ETA) when `stream` is a TTY, otherwise a log line every `intervalMs` with the same
 * figures, so CI and cron logs show progress without control characters.
 */
export function createProgressReporter(options: {
  stream: NodeJS.WriteStream;
  logger: Logger;
  intervalMs?: number;
  clock?: () => number;
}): ProgressReporter {
  const clock = options.clock ?? Date.now;
  if (options.stream.isTTY) {
    return {
      start(label, total, alreadyDone) {
        const bar = new cliProgress.SingleBar(
          {
            stream: options.stream,
            format: `${label} [{bar}] {value}/{total} commits | {speed} commits/s | ETA {eta_formatted}`,
            hideCursor: true,
            etaBuffer: 200,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = clock();
        bar.start(total, alreadyDone, { speed: '0' });
        return {
          tick(done) {
            const seconds = (clock() - started) / 1000;
            if (done % 25 === 0 || done === total) {
              bar.update(done, { speed: seconds > 0 ? ((done - alreadyDone) / seconds).toFixed(0) : '0' });
            }
          },
          stop() {
            bar.stop();
          },
        };
      },
    };
  }
  const intervalMs = options.intervalMs ?? 10_000;
  return {
    start(label, total, alreadyDone) {
      const started = clock();
      let last = started;
      return {
        tick(done) {
          const now = clock();
          if (now - last < intervalMs) return;
          last = now;
          const rate = (done - alreadyDone) / Math.max(0.001, (now - started) / 1000);
          const remaining = rate > 0 ? Math.round((total - done) / rate) : null;
          options.logger.info('progress', {
            repo: label,
            commits: `${done}/${total}`,
            commitsPerSecond: Math.round(rate),
            etaSeconds: remaining,
          });
        },
        stop() {},
      };
    },
  };
}
