import picomatch from 'picomatch';
import { readBlameIgnoreRevs } from '../../collectors/git/blame-ignore-revs.js';
import { hasLinguistAttributes, listHistoryPaths, loadLinguistAttributes } from '../../collectors/git/linguist-attributes.js';
import { createAuthorshipClassifier } from '../attribution/ai-attribution.js';
import { authorshipRulesFromConfig } from '../attribution/rules-from-config.js';
import { createFileClassifier } from '../classify/classify-file.js';
import type { RepoConfig, ResolvedConfig } from '../config/types.js';
import { EffectiveCodeEngine } from '../effective-code/engine.js';
import type { EngineSettings } from '../effective-code/settings.js';

/**
 * Build the effective-code engine for one repository at `head`: the file classifier with the
 * repository's overrides and `.gitattributes`, the authorship classifier with the configured
 * extra bots and agents, and the commits of `.git-blame-ignore-revs`.
 */
export async function createEngineForRepository(options: {
  repoId: string;
  repoPath: string;
  head: string;
  repo: RepoConfig;
  config: ResolvedConfig;
  settings: EngineSettings;
  readBlob: (objectId: string) => Promise<Buffer | null>;
  warn: (message: string, details?: Record<string, unknown>) => void;
}): Promise<EffectiveCodeEngine> {
  const { repoPath, head, repo, config, settings } = options;
  const [ignoreRevs, withAttributes] = await Promise.all([readBlameIgnoreRevs(repoPath, head), hasLinguistAttributes(repoPath, head)]);
  const attributes = withAttributes ? await loadLinguistAttributes(repoPath, head, await listHistoryPaths(repoPath, head)) : undefined;
  const exclude = repo.exclude.length > 0 ? picomatch([...repo.exclude], { dot: true }) : () => false;
  return new EffectiveCodeEngine({
    repoId: options.repoId,
    settings,
    classifyFile: createFileClassifier({
      overrides: { kinds: [...repo.kinds], stacks: [...repo.stacks] },
      defaultStack: repo.stack ?? undefined,
      thresholds: { minifiedAverageLineLength: settings.thresholds.minifiedAverageLineLength },
    }),
    classifyAuthorship: createAuthorshipClassifier(authorshipRulesFromConfig(config)),
    attributes,
    ignoreRevs,
    isExcluded: exclude,
    readBlob: options.readBlob,
    warn: options.warn,
  });
}
