import picomatch from 'picomatch';
import { readBlameIgnoreRevs } from '../../collectors/git/blame-ignore-revs.js';
import { hasLinguistAttributes, listHistoryPaths, loadLinguistAttributes } from '../../collectors/git/linguist-attributes.js';
import { createAuthorshipClassifier } from '../attribution/ai-attribution.js';
import { authorshipRulesFromConfig } from '../attribution/rules-from-config.js';
import { createFileClassifier } from '../classify/classify-file.js';
import type { RepoConfig, ResolvedConfig } from '../config/types.js';
import { CommitPreparer } from '../effective-code/commit-preparer.js';
import { EffectiveCodeEngine } from '../effective-code/engine.js';
import type { EngineSettings } from '../effective-code/settings.js';

/** Everything needed to build a repository's commit preparer; plain data, so it can cross to a worker thread. */
export interface PreparerSpec {
  repoPath: string;
  head: string;
  repo: RepoConfig;
  settings: EngineSettings;
}

/**
 * Build the preparer (replay, classification, source analysis) for one repository at `head`: the
 * file classifier with the repository's overrides and `.gitattributes`, and the exclusion globs.
 */
export async function createPreparer(
  spec: PreparerSpec,
  io: { readBlob: (objectId: string) => Promise<Buffer | null>; warn: (message: string, details?: Record<string, unknown>) => void },
): Promise<CommitPreparer> {
  const { repoPath, head, repo, settings } = spec;
  const attributes = (await hasLinguistAttributes(repoPath, head))
    ? await loadLinguistAttributes(repoPath, head, await listHistoryPaths(repoPath, head))
    : undefined;
  const exclude = repo.exclude.length > 0 ? picomatch([...repo.exclude], { dot: true }) : () => false;
  return new CommitPreparer({
    settings,
    classifyFile: createFileClassifier({
      overrides: { kinds: [...repo.kinds], stacks: [...repo.stacks] },
      defaultStack: repo.stack ?? undefined,
      thresholds: { minifiedAverageLineLength: settings.thresholds.minifiedAverageLineLength },
    }),
    attributes,
    isExcluded: exclude,
    readBlob: io.readBlob,
    warn: io.warn,
  });
}

/**
 * Build the scoring engine for one repository at `head`: the authorship classifier with the
 * configured roster, extra bots and agents, and the commits of `.git-blame-ignore-revs`.
 */
export async function createScoringEngine(options: {
  repoId: string;
  repoPath: string;
  head: string;
  config: ResolvedConfig;
  settings: EngineSettings;
}): Promise<EffectiveCodeEngine> {
  return new EffectiveCodeEngine({
    repoId: options.repoId,
    settings: options.settings,
    classifyAuthorship: createAuthorshipClassifier(authorshipRulesFromConfig(options.config)),
    ignoreRevs: await readBlameIgnoreRevs(options.repoPath, options.head),
  });
}
