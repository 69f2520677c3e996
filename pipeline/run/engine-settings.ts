import type { ResolvedConfig } from '../config/types.js';
import type { EngineSettings } from '../effective-code/settings.js';

/**
 * The engine's view of the configuration. One preset-specific rule lives here: the `raw` preset
 * means "plain added + deleted lines", so removed/added pairs are never merged into one update
 * (which would count two raw lines as one); every line then counts once at weight 1.
 */
export function engineSettingsFrom(config: ResolvedConfig): EngineSettings {
  const { weights, thresholds } = config;
  return {
    ops: { ...weights.ops },
    complexity: { ...weights.complexity },
    workTypes: { ...weights.workTypes },
    testFileWeight: weights.testFileWeight,
    bulk: { ...weights.bulk },
    durability: { ...weights.durability },
    phases: { ...weights.phases },
    gates: { ...weights.gates },
    thresholds: {
      ...thresholds,
      updateSimilarity: weights.preset === 'raw' ? Number.POSITIVE_INFINITY : thresholds.updateSimilarity,
    },
  };
}
