import { NO_ORIGIN, type LineTag } from './line-tags.js';

/** Lines of one origin row (commit × file) that a later commit changed inside the durability window. */
export interface ChurnEvent {
  originCommitSha: string;
  originPath: string;
  churnCommitSha: string;
  lines: number;
  /** Sum of the churned lines' effective-code weights (ec_base units). */
  ec: number;
  /** Days from the origin's merge to the churning commit's merge. */
  days: number;
}

interface OriginRow {
  sha: string;
  path: string;
  mergedAt: number;
}

const SECONDS_PER_DAY = 86_400;

/**
 * Survival tracking in the manner of a burndown analysis: every counted added line carries the id
 * of the origin row that introduced it (see FileState), so a later removal is charged to that row
 * as churn when it happens inside the window — no `git blame` per file per commit.
 */
export class SurvivalTracker {
  private readonly rows: OriginRow[] = [];
  private readonly voidShas = new Set<string>();
  private readonly windowSeconds: number;
  private pending = new Map<string, ChurnEvent>();

  constructor(windowDays: number) {
    this.windowSeconds = windowDays * SECONDS_PER_DAY;
  }

  /** Register the origin row for a commit × file and return its id for the lines it adds. */
  registerOrigin(sha: string, path: string, mergedAt: number): number {
    this.rows.push({ sha, path, mergedAt });
    return this.rows.length - 1;
  }

  /** A commit whose lines no longer count (it was reverted): its lines stop producing churn. */
  voidCommit(sha: string): void {
    this.voidShas.add(sha);
  }

  /**
   * Record the removal (delete, or the old side of an update) of a line by commit `sha` merged at
   * `mergedAt`. Lines without a tracked origin, of a voided commit, or older than the window are
   * settled and ignored.
   */
  recordRemoval(sha: string, mergedAt: number, tag: LineTag): void {
    const id = tag.origin;
    if (id === NO_ORIGIN) return;
    const origin = this.rows[id]!;
    if (this.voidShas.has(origin.sha) || origin.sha === sha) return;
    const age = mergedAt - origin.mergedAt;
    if (age >= this.windowSeconds) return;
    const key = `${id}\u0000${sha}`;
    let event = this.pending.get(key);
    if (!event) {
      event = {
        originCommitSha: origin.sha,
        originPath: origin.path,
        churnCommitSha: sha,
        lines: 0,
        ec: 0,
        days: Math.max(0, age) / SECONDS_PER_DAY,
      };
      this.pending.set(key, event);
    }
    event.lines += 1;
    event.ec += tag.weight;
  }

  /** Take the churn events recorded since the last call. */
  drain(): ChurnEvent[] {
    const events = [...this.pending.values()];
    this.pending = new Map();
    return events;
  }
}
