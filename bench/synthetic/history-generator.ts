/**
 * Drives the whole synthetic history: picks who commits what and when, steers commit sizes
 * so the patch volume tracks the target, and writes every commit, merge and tag through one
 * fast-import stream.
 */

import { RecentEdits, type ActionContext, type ProjectState } from './action-context.js';
import { dependabotBump, regenerateArtifacts, releaseChanges, renovateUpdate } from './automation-actions.js';
import { ChangeSet, type FileChange } from './change-set.js';
import { addFeature, churnEdit, removeModule, rewriteCode, smallEdit, testWork } from './code-actions.js';
import { bodyFor, branchName, joinMessage, subjectFor, type CommitIntent } from './commit-messages.js';
import type { FastImportWriter, TreeChange } from './fast-import-writer.js';
import { INITIAL_TREE_SHARE, buildInitialTree } from './initial-tree.js';
import { commitHeaderBytes } from './patch-size.js';
import {
  AGENTS,
  AI_CO_AUTHOR_TRAILERS,
  BOTS,
  GITHUB_WEB_COMMITTER,
  buildHumanAuthors,
  type AiAssistant,
  type HumanAuthor,
  type Signature,
} from './people.js';
import { binaryAsset, configEdit, docsEdit, legacyEdit, schemaChange, sqlMigration, vendorUpdate } from './project-actions.js';
import { BLAME_IGNORE_REVS } from './project-files.js';
import { copyPaste, findReplace, moveBlock, reformat, renameFile, renameModule, splitFile } from './refactor-actions.js';
import { CODE_AREAS, type CodeArea } from './repo-layout.js';
import { RepoModel } from './repo-model.js';
import { SeededRandom } from './seeded-random.js';
import { fileContent, textFile } from './source-file.js';
import { WorkClock } from './work-clock.js';

/** Knobs of the history's shape. Shares are per main-line step unless said otherwise. */
export interface HistoryShape {
  /** Size of the final tree as a share of the total patch volume. */
  treeShare: number;
  /** Steps that are pull-request branches merged with a merge commit. */
  mergeShare: number;
  /** Steps that are large (feature modules, rewrites, removals) and absorb the volume budget. */
  bulkShare: number;
  releaseIntervalDays: number;
  /** Share of human commits with an AI co-author trailer at the start and at the end of the history. */
  aiCoAuthorStart: number;
  aiCoAuthorEnd: number;
  /** Share of steps authored by an AI agent at the start and at the end. */
  agentStart: number;
  agentEnd: number;
  /** Share of reformat commits that get listed in `.git-blame-ignore-revs`. */
  ignoreRevsShare: number;
  /**
   * git finds shorter diffs than the generator's own count (identical lines re-used by the
   * diff algorithm); the target is divided by this measured ratio.
   */
  patchEstimateRatio: number;
  /** Relative frequency of each kind of ordinary commit. */
  stepWeights: Readonly<Record<WeightedStep, number>>;
  /** A deficit of this many average commits' volume forces the next step to be a large one. */
  catchUpCommits: number;
  /** How far (as a fraction) the tree may drift from its planned size before large steps lean to growing or shrinking it. */
  treeTolerance: number;
  /** Mix of large steps while the tree is smaller than planned, about right, and larger. */
  bulkMix: Readonly<Record<'growing' | 'steady' | 'shrinking', Readonly<Record<BulkStep, number>>>>;
}

/** Defaults tuned so the result resembles a busy product monorepo (ours, not a published norm). */
export const DEFAULT_HISTORY_SHAPE: HistoryShape = Object.freeze({
  treeShare: 0.12,
  mergeShare: 0.12,
  bulkShare: 0.1,
  releaseIntervalDays: 14,
  aiCoAuthorStart: 0.03,
  aiCoAuthorEnd: 0.3,
  agentStart: 0.01,
  agentEnd: 0.06,
  ignoreRevsShare: 0.75,
  patchEstimateRatio: 0.95,
  stepWeights: Object.freeze({
    edit: 44, churn: 9, tests: 6, docs: 3.5, config: 2.5, migration: 1.2, schema: 1, rename: 2.2, renameModule: 0.4,
    move: 1.4, split: 0.5, copy: 1.5, findReplace: 0.8, reformat: 0.35, revert: 0.8, dependabot: 2.5, renovate: 1.2,
    regenerate: 0.7, vendor: 0.35, binary: 0.6, legacy: 0.2,
  }),
  catchUpCommits: 40,
  treeTolerance: 0.15,
  bulkMix: Object.freeze({
    growing: Object.freeze({ feature: 65, rewrite: 30, removeModule: 5 }),
    steady: Object.freeze({ feature: 40, rewrite: 45, removeModule: 15 }),
    shrinking: Object.freeze({ feature: 15, rewrite: 40, removeModule: 45 }),
  }),
});

/** Kinds of ordinary commits, chosen by {@link HistoryShape.stepWeights}. */
type WeightedStep =
  | 'edit' | 'churn' | 'tests' | 'docs' | 'config' | 'migration' | 'schema' | 'rename' | 'renameModule' | 'move' | 'split'
  | 'copy' | 'findReplace' | 'reformat' | 'revert' | 'dependabot' | 'renovate' | 'regenerate' | 'vendor' | 'binary' | 'legacy';
/** Large steps that absorb the volume budget. */
type BulkStep = 'feature' | 'rewrite' | 'removeModule';
type StepKind = WeightedStep | BulkStep | 'renamePure' | 'renameEdited';

/** Steps forced at evenly spaced points so even a small history contains every feature. */
const REQUIRED_STEPS = [
  'renamePure', 'merge', 'dependabot', 'copy', 'reformat', 'aiClaude', 'renovate', 'move', 'revert', 'agentPr',
  'regenerate', 'findReplace', 'aiCopilot', 'renameEdited', 'vendor', 'binary', 'agentSquash', 'aiCursor', 'legacy',
  'feature', 'churn', 'schema', 'renameModule', 'split',
] as const;

type RequiredStep = (typeof REQUIRED_STEPS)[number];

const BRANCH_WEIGHTS = { edit: 50, churn: 10, tests: 10, copy: 3, move: 2, rename: 2, feature: 8 } as const;

/** Options of one history generation. */
export interface HistoryOptions {
  commits: number;
  targetPatchBytes: number;
  seed: number;
  shape?: Partial<HistoryShape>;
  /** Called every few hundred commits. */
  onProgress?: (commitsWritten: number, commitsTotal: number, estimatedPatchBytes: number) => void;
}

/** What was generated. */
export interface HistorySummary {
  commits: number;
  firstParentCommits: number;
  mergeCommits: number;
  tags: string[];
  estimatedPatchBytes: number;
  finalTreeSize: number;
  files: number;
}

interface MainCommitRecord {
  mark: number;
  subject: string;
  changes: Map<string, FileChange>;
  patchBytes: number;
  revertible: boolean;
}

interface CommitMeta {
  author: Signature;
  committer: Signature;
  message: string;
}

/** The temporary ref pull-request branches are built on (deleted after the import). */
export const PULL_REQUEST_REF = 'refs/heads/pull-request';

/** Generates the history into a fast-import stream. */
export class HistoryGenerator {
  private readonly random: SeededRandom;
  private readonly model = new RepoModel();
  private readonly clock: WorkClock;
  private readonly humans: HumanAuthor[];
  private readonly shape: HistoryShape;
  private readonly recent = new RecentEdits();
  private readonly history: MainCommitRecord[] = [];
  private readonly targetBytes: number;
  private readonly finalTreeSize: number;
  private project!: ProjectState;
  private commitCount = 0;
  private firstParentCount = 0;
  private mergeCount = 0;
  private estimated = 0;
  private mainTip = 0;
  private pullRequestNumber = 100;
  private readonly tags: string[] = [];
  private lastRelease = 0;
  private releaseEntries: string[] = [];
  private readonly pendingIgnoreRevs: Array<{ mark: number; subject: string; author: Signature }> = [];
  private readonly required: Array<{ at: number; step: RequiredStep; attempts: number }> = [];
  private lastProgressReport = 0;
  /** Reverts need real commit ids, so they are decided apart from the other step kinds, at the same rate. */
  private readonly revertShare: number;

  constructor(
    private readonly writer: FastImportWriter,
    private readonly options: HistoryOptions,
  ) {
    this.random = new SeededRandom(options.seed);
    this.clock = new WorkClock(this.random);
    this.humans = buildHumanAuthors(this.random);
    this.shape = { ...DEFAULT_HISTORY_SHAPE, ...options.shape };
    this.targetBytes = options.targetPatchBytes / this.shape.patchEstimateRatio;
    this.finalTreeSize = options.targetPatchBytes * this.shape.treeShare;
    const weights = Object.values<number>(this.shape.stepWeights);
    this.revertShare = this.shape.stepWeights.revert / weights.reduce((sum, weight) => sum + weight, 0);
    REQUIRED_STEPS.forEach((step, i) => {
      this.required.push({ at: Math.floor(options.commits * (0.05 + (0.85 * i) / REQUIRED_STEPS.length)), step, attempts: 0 });
    });
  }

  /** Writes the whole history; fast-import must be finished by the caller. */
  async run(): Promise<HistorySummary> {
    await this.initialCommit();
    while (this.commitCount < this.options.commits) {
      if (this.pendingIgnoreRevs.length > 0) await this.ignoreRevsCommit();
      else if (this.releaseDue()) await this.release();
      else await this.mainStep();
      if (this.writer.shouldFlush) await this.writer.flush();
      if (this.commitCount - this.lastProgressReport >= 200) {
        this.lastProgressReport = this.commitCount;
        this.options.onProgress?.(this.commitCount, this.options.commits, this.estimated * this.shape.patchEstimateRatio);
      }
    }
    await this.writer.flush();
    return {
      commits: this.commitCount,
      firstParentCommits: this.firstParentCount,
      mergeCommits: this.mergeCount,
      tags: this.tags.slice(),
      estimatedPatchBytes: Math.round(this.estimated * this.shape.patchEstimateRatio),
      finalTreeSize: this.model.totalSize,
      files: this.model.fileCount,
    };
  }

  private get progress(): number {
    return this.commitCount / this.options.commits;
  }

  private get remaining(): number {
    return this.options.commits - this.commitCount;
  }

  // ---- people -------------------------------------------------------------------------

  private pickHuman(): HumanAuthor {
    const p = this.progress;
    let total = 0;
    for (const human of this.humans) if (human.activeFrom <= p && p <= human.activeUntil) total += human.activity;
    let target = this.random.float() * total;
    for (const human of this.humans) {
      if (human.activeFrom > p || p > human.activeUntil) continue;
      target -= human.activity;
      if (target < 0) return human;
    }
    return this.humans[0]!;
  }

  private signatureOf(human: HumanAuthor): Signature {
    return human.identities.length > 1 && this.random.chance(0.15) ? this.random.pick(human.identities.slice(1)) : human.identities[0]!;
  }

  private areaOf(human: HumanAuthor): CodeArea {
    const byName = (name: string): CodeArea => CODE_AREAS.find((area) => area.name === name)!;
    if (this.random.chance(0.15)) return this.random.pick(CODE_AREAS);
    switch (human.focus) {
      case 'frontend': return byName('web');
      case 'java': return byName(this.random.chance(0.6) ? 'orders' : 'inventory');
      case 'go': return byName(this.random.chance(0.6) ? 'billing' : 'gateway');
      case 'data': return byName('data');
      case 'infra': return this.random.pick(CODE_AREAS);
    }
  }

  private indentQuirk(human: HumanAuthor): boolean {
    return this.humans.indexOf(human) % 5 === 3;
  }

  // ---- volume steering ----------------------------------------------------------------

  private deficit(): number {
    return (this.targetBytes * this.commitCount) / this.options.commits - this.estimated;
  }

  private bulkBudget(): number {
    const perCommit = this.targetBytes / this.options.commits;
    const min = Math.max(8_000, perCommit);
    const max = Math.max(this.targetBytes * 0.01, (4 * perCommit) / this.shape.bulkShare);
    return Math.min(max, Math.max(min, this.deficit() * (0.6 + 0.4 * this.random.float())));
  }

  private wantsBulk(): boolean {
    const perCommit = this.targetBytes / this.options.commits;
    const deficit = this.deficit();
    // Near the end there is no time left to catch up gradually.
    if (this.remaining <= 5 && deficit > 5 * perCommit) return true;
    return deficit > this.shape.catchUpCommits * perCommit || this.random.chance(this.shape.bulkShare);
  }

  private bulkKind(): StepKind {
    const treeTarget = this.finalTreeSize * (INITIAL_TREE_SHARE + (1 - INITIAL_TREE_SHARE) * this.progress);
    const ratio = this.model.totalSize / treeTarget;
    const { bulkMix, treeTolerance } = this.shape;
    if (ratio < 1 - treeTolerance) return this.random.weighted(bulkMix.growing);
    if (ratio > 1 + treeTolerance) return this.random.weighted(bulkMix.shrinking);
    return this.random.weighted(bulkMix.steady);
  }

  // ---- actions ------------------------------------------------------------------------

  private context(changes: ChangeSet, area: CodeArea, human: HumanAuthor | null, budget: number): ActionContext {
    return {
      random: this.random,
      model: this.model,
      changes,
      area,
      budget,
      commitIndex: this.commitCount,
      recent: this.recent,
      project: this.project,
      indentQuirk: human ? this.indentQuirk(human) : false,
    };
  }

  private runAction(kind: StepKind, ctx: ActionContext): CommitIntent | null {
    switch (kind) {
      case 'edit': return smallEdit(ctx);
      case 'churn': return churnEdit(ctx);
      case 'tests': return testWork(ctx);
      case 'docs': return docsEdit(ctx);
      case 'config': return configEdit(ctx);
      case 'migration': return sqlMigration(ctx);
      case 'schema': return schemaChange(ctx);
      case 'rename': return renameFile(ctx, this.random.chance(0.45));
      case 'renamePure': return renameFile(ctx, false);
      case 'renameEdited': return renameFile(ctx, true);
      case 'renameModule': return renameModule(ctx);
      case 'move': return moveBlock(ctx);
      case 'split': return splitFile(ctx);
      case 'copy': return copyPaste(ctx);
      case 'findReplace': return findReplace(ctx);
      case 'reformat': return reformat(ctx);
      case 'dependabot': return dependabotBump(ctx);
      case 'renovate': return renovateUpdate(ctx);
      case 'regenerate': return regenerateArtifacts(ctx);
      case 'vendor': return vendorUpdate(ctx);
      case 'binary': return binaryAsset(ctx);
      case 'legacy': return legacyEdit(ctx);
      case 'feature': return addFeature(ctx);
      case 'rewrite': return rewriteCode(ctx);
      case 'removeModule': return removeModule(ctx);
      case 'revert': return null;
    }
  }

  /** Runs `kind`, falling back to an ordinary edit (then docs) when it finds nothing to do. */
  private act(kind: StepKind, ctx: ActionContext): { intent: CommitIntent; achieved: boolean } {
    const intent = this.runAction(kind, ctx);
    if (intent && !ctx.changes.isEmpty) return { intent, achieved: true };
    const fallback = smallEdit(ctx) ?? docsEdit(ctx);
    if (fallback && !ctx.changes.isEmpty) return { intent: fallback, achieved: false };
    const path = `docs/notes-${this.commitCount}.md`;
    ctx.changes.write(path, textFile('markdown', 'docs', ['# Notes', '', `Notes for change ${this.commitCount}.`], '  '));
    return { intent: { type: 'docs', description: 'add notes' }, achieved: false };
  }

  // ---- messages -----------------------------------------------------------------------

  private assistantFor(forced?: AiAssistant): AiAssistant | null {
    if (forced) return forced;
    const share = this.shape.aiCoAuthorStart + (this.shape.aiCoAuthorEnd - this.shape.aiCoAuthorStart) * this.progress;
    if (!this.random.chance(share)) return null;
    return this.random.weighted({ claude: 50, copilot: 25, cursor: 20, aider: 5 });
  }

  private humanMessage(intent: CommitIntent, options: { pullRequest: boolean; assistant: AiAssistant | null }): string {
    let subject = intent.subject ?? subjectFor(this.random, intent, this.progress);
    let body = intent.body ?? bodyFor(this.random);
    const trailers: string[] = [];
    if (options.assistant) {
      if (options.assistant === 'claude') body = body ? `${body}\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)` : '🤖 Generated with [Claude Code](https://claude.com/claude-code)';
      if (options.assistant === 'aider') subject = `aider: ${subject}`;
      trailers.push(AI_CO_AUTHOR_TRAILERS[options.assistant]);
    }
    if (this.random.chance(0.03)) {
      const pair = this.signatureOf(this.pickHuman());
      trailers.push(`Co-authored-by: ${pair.name} <${pair.email}>`);
    }
    if (options.pullRequest) subject += ` (#${this.pullRequestNumber++})`;
    if (intent.type === 'feat' || intent.type === 'fix' || intent.type === 'perf') this.releaseEntries.push(subject);
    return joinMessage(subject, body, trailers);
  }

  // ---- writing ------------------------------------------------------------------------

  private treeChanges(changes: Map<string, FileChange>): TreeChange[] {
    const tree: TreeChange[] = [];
    for (const [path, change] of changes) {
      if (change.before === change.after) continue;
      if (change.after === null) {
        if (change.before !== null) tree.push({ path, deleted: true });
        continue;
      }
      if (change.after.mark === 0) change.after.mark = this.writer.blob(fileContent(change.after));
      tree.push({ path, mark: change.after.mark });
    }
    return tree;
  }

  private writeCommit(ref: string, from: number | undefined, merges: number[], changes: Map<string, FileChange>, meta: CommitMeta, time: number): number {
    const tree = this.treeChanges(changes);
    const mark = this.writer.commit({ ref, author: meta.author, committer: meta.committer, authorTime: time, committerTime: time, message: meta.message, from, merges, changes: tree });
    this.commitCount++;
    return mark;
  }

  private commitMain(changes: ChangeSet | Map<string, FileChange>, patchBytes: number, meta: CommitMeta, options: { merge?: number; revertible: boolean }): number {
    const files = changes instanceof ChangeSet ? changes.files : changes;
    const time = this.clock.next();
    const mark = this.writeCommit('refs/heads/main', this.mainTip || undefined, options.merge ? [options.merge] : [], files, meta, time);
    this.mainTip = mark;
    this.firstParentCount++;
    const bytes = patchBytes + commitHeaderBytes(meta.message, meta.author.name + meta.author.email, options.merge !== undefined);
    this.estimated += bytes;
    this.history.push({ mark, subject: meta.message.slice(0, meta.message.indexOf('\n')), changes: files, patchBytes: bytes, revertible: options.revertible && files.size <= 8 });
    if (this.history.length > 40) this.history.shift();
    return mark;
  }

  // ---- steps --------------------------------------------------------------------------

  private async initialCommit(): Promise<void> {
    const changes = new ChangeSet(this.model);
    this.project = buildInitialTree(this.random, this.model, changes, this.finalTreeSize);
    const founder = this.humans[0]!;
    const signature = founder.identities[0]!;
    this.commitMain(changes, changes.patchBytes, { author: signature, committer: signature, message: 'chore: import existing code base\n' }, { revertible: false });
  }

  private nextRequired(): RequiredStep | undefined {
    const next = this.required[0];
    return next && next.at <= this.commitCount ? next.step : undefined;
  }

  private async mainStep(): Promise<void> {
    const required = this.nextRequired();
    if (!required) {
      if (this.remaining >= 3 && this.random.chance(this.shape.mergeShare)) this.pullRequest(this.agentTurn());
      else if (this.random.chance(this.revertShare)) {
        if (!(await this.revert())) this.singleCommit('edit', {});
      } else this.singleCommit(this.chooseKind(), { agentSquash: this.agentTurn() });
      return;
    }
    const achieved = await this.requiredStep(required);
    const next = this.required[0]!;
    next.attempts++;
    // A step that keeps finding nothing to work on is given up after a few tries.
    if (achieved || next.attempts >= 6) this.required.shift();
  }

  private async requiredStep(step: RequiredStep): Promise<boolean> {
    switch (step) {
      case 'merge':
      case 'agentPr':
        if (this.remaining >= 2 && this.pullRequest(step === 'agentPr')) return true;
        this.singleCommit('edit', {});
        return false;
      case 'revert':
        if (await this.revert()) return true;
        this.singleCommit('edit', {});
        return false;
      case 'aiClaude': return this.singleCommit('edit', { assistant: 'claude' }).achieved;
      case 'aiCopilot': return this.singleCommit('edit', { assistant: 'copilot' }).achieved;
      case 'aiCursor': return this.singleCommit('edit', { assistant: 'cursor' }).achieved;
      case 'agentSquash': return this.singleCommit('edit', { agentSquash: true }).achieved;
      default: return this.singleCommit(step, {}).achieved;
    }
  }

  private agentTurn(): boolean {
    const share = this.shape.agentStart + (this.shape.agentEnd - this.shape.agentStart) * this.progress;
    return this.random.chance(share);
  }

  private chooseKind(): StepKind {
    if (this.wantsBulk()) return this.bulkKind();
    const kind: WeightedStep = this.random.weighted(this.shape.stepWeights);
    return kind === 'revert' ? 'edit' : kind;
  }

  private botFor(kind: StepKind): Signature | null {
    if (kind === 'dependabot') return BOTS.dependabot;
    if (kind === 'renovate') return BOTS.renovate;
    if (kind === 'regenerate') return BOTS.githubActions;
    return null;
  }

  private singleCommit(kind: StepKind, options: { assistant?: AiAssistant; agentSquash?: boolean }): { achieved: boolean; mark: number } {
    const bot = this.botFor(kind);
    const human = this.pickHuman();
    const area = this.areaOf(human);
    const changes = new ChangeSet(this.model);
    const bulk = kind === 'feature' || kind === 'rewrite' || kind === 'removeModule' || kind === 'reformat' || kind === 'vendor';
    const ctx = this.context(changes, area, human, bulk ? this.bulkBudget() : 0);
    const { intent, achieved } = this.act(kind, ctx);
    let meta: CommitMeta;
    if (bot) {
      meta = { author: bot, committer: bot, message: joinMessage(intent.subject ?? subjectFor(this.random, intent, this.progress), intent.body ?? '', []) };
    } else if (options.agentSquash && !bot) {
      const agent = this.random.pick(AGENTS);
      const owner = this.signatureOf(human);
      let subject = intent.subject ?? subjectFor(this.random, intent, this.progress);
      subject += ` (#${this.pullRequestNumber++})`;
      meta = { author: agent.signature, committer: GITHUB_WEB_COMMITTER, message: joinMessage(subject, bodyFor(this.random), [`Co-authored-by: ${owner.name} <${owner.email}>`]) };
    } else {
      const signature = this.signatureOf(human);
      const pullRequest = this.random.chance(0.55);
      const message = this.humanMessage(intent, { pullRequest, assistant: kind === 'reformat' ? null : this.assistantFor(options.assistant) });
      meta = { author: signature, committer: pullRequest ? GITHUB_WEB_COMMITTER : signature, message };
    }
    const revertible = !bot && kind !== 'reformat' && kind !== 'feature' && kind !== 'removeModule';
    const mark = this.commitMain(changes, changes.patchBytes, meta, { revertible });
    if (kind === 'reformat' && achieved && (!this.model.has(BLAME_IGNORE_REVS) || this.random.chance(this.shape.ignoreRevsShare))) {
      this.pendingIgnoreRevs.push({ mark, subject: meta.message.slice(0, meta.message.indexOf('\n')), author: meta.author });
    }
    return { achieved, mark };
  }

  /** A pull request: one to four branch commits, then a merge commit on main (--no-ff). */
  private pullRequest(byAgent: boolean): boolean {
    const owner = this.pickHuman();
    const area = this.areaOf(owner);
    const agent = byAgent ? this.random.pick(AGENTS) : null;
    const commits = Math.min(this.remaining - 1, this.random.int(1, 4));
    if (commits < 1) return false;
    const union = new Map<string, FileChange>();
    let branchTip = 0;
    let patchBytes = 0;
    let title = '';
    let branch = '';
    const authorSignature = agent ? agent.signature : this.signatureOf(owner);
    for (let i = 0; i < commits; i++) {
      const changes = new ChangeSet(this.model);
      const kind: StepKind = this.wantsBulk() && i === 0 ? 'feature' : this.random.weighted(BRANCH_WEIGHTS);
      const ctx = this.context(changes, area, owner, kind === 'feature' ? this.bulkBudget() : 0);
      const { intent } = this.act(kind, ctx);
      if (i === 0) {
        title = intent.subject ?? subjectFor(this.random, intent, this.progress);
        branch = branchName(this.random, intent, this.progress, agent?.branchPrefix);
      }
      const message = agent ? joinMessage(subjectFor(this.random, intent, this.progress), '', []) : this.humanMessage(intent, { pullRequest: false, assistant: this.assistantFor() });
      const time = this.clock.next();
      branchTip = this.writeCommit(PULL_REQUEST_REF, i === 0 ? this.mainTip : branchTip, [], changes.files, { author: authorSignature, committer: authorSignature, message }, time);
      patchBytes += changes.patchBytes;
      for (const [path, change] of changes.files) {
        const existing = union.get(path);
        if (existing) existing.after = change.after;
        else union.set(path, { before: change.before, after: change.after });
      }
    }
    const merger = this.random.chance(0.7) ? owner : this.pickHuman();
    const number = this.pullRequestNumber++;
    const message = `Merge pull request #${number} from acme/${branch}\n\n${title}\n`;
    this.commitMain(union, patchBytes, { author: this.signatureOf(merger), committer: GITHUB_WEB_COMMITTER, message }, { merge: branchTip, revertible: false });
    this.mergeCount++;
    return true;
  }

  /** Reverts a recent commit whose files nobody has touched since. */
  private async revert(): Promise<boolean> {
    let target: MainCommitRecord | undefined;
    for (let i = this.history.length - 1; i >= 0 && !target; i--) {
      const candidate = this.history[i]!;
      if (!candidate.revertible) continue;
      let untouched = true;
      for (const [path, change] of candidate.changes) if ((this.model.get(path) ?? null) !== change.after) untouched = false;
      if (untouched) target = candidate;
    }
    if (!target) return false;
    const sha = await this.writer.objectId(target.mark);
    const changes = new ChangeSet(this.model);
    for (const [path, change] of target.changes) {
      if (change.before) changes.write(path, change.before, 0);
      else changes.remove(path);
    }
    target.revertible = false;
    const human = this.pickHuman();
    const signature = this.signatureOf(human);
    const quoted = target.subject.startsWith('Revert "') ? target.subject : `Revert "${target.subject}"`;
    const message = `${quoted}\n\nThis reverts commit ${sha}.\n`;
    // A revert's patch mirrors the reverted commit's.
    this.commitMain(changes, target.patchBytes, { author: signature, committer: signature, message }, { revertible: false });
    return true;
  }

  private releaseDue(): boolean {
    if (this.tags.length === 0) return this.commitCount >= Math.min(300, Math.max(3, Math.floor(this.options.commits * 0.04)));
    return this.clock.now - this.lastRelease >= this.shape.releaseIntervalDays * 86400;
  }

  private nextVersion(): string {
    const count = this.tags.length;
    if (count === 0) return 'v1.0.0';
    const [major = 1, minor = 0, patch = 0] = this.tags[count - 1]!.slice(1).split('.').map(Number);
    if (count % 13 === 0) return `v${major + 1}.0.0`;
    return this.random.chance(0.2) ? `v${major}.${minor}.${patch + 1}` : `v${major}.${minor + 1}.0`;
  }

  /** A release: a changelog commit by the release bot, tagged by the release manager. */
  private async release(): Promise<void> {
    const version = this.nextVersion();
    const changes = new ChangeSet(this.model);
    const ctx = this.context(changes, CODE_AREAS[0]!, null, 0);
    const date = new Date(this.clock.now * 1000).toISOString().slice(0, 10);
    const intent = releaseChanges(ctx, version, date, this.releaseEntries.slice(-40));
    this.releaseEntries = [];
    const bot = BOTS.githubActions;
    const mark = this.commitMain(changes, changes.patchBytes, { author: bot, committer: bot, message: `${intent.subject}\n` }, { revertible: false });
    const manager = this.humans[1]!.identities[0]!;
    this.writer.tag({ name: version, target: mark, tagger: manager, time: this.clock.now + 120, message: `Release ${version}\n` });
    this.tags.push(version);
    this.lastRelease = this.clock.now;
  }

  /** Lists reformat commits in `.git-blame-ignore-revs` (needs their real ids). */
  private async ignoreRevsCommit(): Promise<void> {
    const entries = this.pendingIgnoreRevs.splice(0);
    const changes = new ChangeSet(this.model);
    const current = this.model.get(BLAME_IGNORE_REVS);
    const lines = current ? current.lines.slice() : ['# Bulk formatting commits hidden from git blame', '# Use: git config blame.ignoreRevsFile .git-blame-ignore-revs'];
    for (const entry of entries) lines.push('', `# ${entry.subject}`, await this.writer.objectId(entry.mark));
    changes.write(BLAME_IGNORE_REVS, textFile('text', 'config', lines, '  '));
    const author = entries[0]!.author;
    this.commitMain(changes, changes.patchBytes, { author, committer: author, message: 'chore: ignore formatting commits in git blame\n' }, { revertible: false });
  }
}
