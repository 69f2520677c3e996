import { UNTAGGED } from './line-tags.js';

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
const INITIAL_TAGS = 1024;

/**
 * Survival tracking in the manner of a burndown analysis: every counted added line carries a tag
 * (see `LineTags`) naming the origin row that introduced it and the weight it earned, so a later
 * removal is charged to that row as churn when it happens inside the window — no `git blame` per
 * file per commit.
 *
 * Tags are small integers: tag t stands for the pair `(tagOrigins[t], tagWeights[t])`. The lines
 * of one origin row earn only a few distinct weights, so a tag is shared by many lines.
 */
export class SurvivalTracker {
  private readonly rows: OriginRow[] = [];
  private readonly voidShas = new Set<string>();
  private readonly windowSeconds: number;
  private pending = new Map<string, ChurnEvent>();
  /** Origin row of each tag; tag 0 is {@link UNTAGGED}. */
  private tagOrigins = new Int32Array(INITIAL_TAGS);
  private tagWeights = new Float64Array(INITIAL_TAGS);
  private tagCount = 1;
  /** Tags already handed out for the origin row `internOrigin`, by weight. */
  private readonly internedWeights = new Map<number, number>();
  private internOrigin = -1;

  constructor(windowDays: number) {
    this.windowSeconds = windowDays * SECONDS_PER_DAY;
  }

  /** Register the origin row for a commit × file and return its id for the lines it adds. */
  registerOrigin(sha: string, path: string, mergedAt: number): number {
    this.rows.push({ sha, path, mergedAt });
    return this.rows.length - 1;
  }

  /**
   * The tag of a line introduced by origin row `origin` with effective-code weight `weight`.
   *
   * @example
   * const origin = tracker.registerOrigin(sha, 'src/a.ts', mergedAt);
   * tags[line] = tracker.tagFor(origin, 1.5);
   */
  tagFor(origin: number, weight: number): number {
    if (origin !== this.internOrigin) {
      this.internedWeights.clear();
      this.internOrigin = origin;
    }
    const known = this.internedWeights.get(weight);
    if (known !== undefined) return known;
    if (this.tagCount === this.tagOrigins.length) this.growTags();
    const tag = this.tagCount++;
    this.tagOrigins[tag] = origin;
    this.tagWeights[tag] = weight;
    this.internedWeights.set(weight, tag);
    return tag;
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
  recordRemoval(sha: string, mergedAt: number, tag: number): void {
    if (tag === UNTAGGED) return;
    const id = this.tagOrigins[tag]!;
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
    event.ec += this.tagWeights[tag]!;
  }

  private growTags(): void {
    const origins = new Int32Array(this.tagOrigins.length * 2);
    origins.set(this.tagOrigins);
    const weights = new Float64Array(this.tagWeights.length * 2);
    weights.set(this.tagWeights);
    this.tagOrigins = origins;
    this.tagWeights = weights;
  }

  /** Take the churn events recorded since the last call. */
  drain(): ChurnEvent[] {
    const events = [...this.pending.values()];
    this.pending = new Map();
    return events;
  }
}
