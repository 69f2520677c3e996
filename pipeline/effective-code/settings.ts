/**
 * The part of the configuration the effective-code engine reads. Every weight and threshold of
 * metrics.md §1 lives here (the config module fills it from `codeledger.yaml` and its preset).
 */
export interface EngineSettings {
  ops: { add: number; update: number; delete: number; findReplace: number; move: number; copyPaste: number; noop: number };
  complexity: { enabled: boolean; factor: number; cap: number };
  workTypes: Record<string, number>;
  testFileWeight: number;
  bulk: { threshold: number; factor: number };
  durability: { windowDays: number; required: boolean };
  phases: { merged: number; released: number };
  gates: {
    whitespace: boolean;
    comments: boolean;
    trivial: boolean;
    generated: boolean;
    vendored: boolean;
    docs: boolean;
    data: boolean;
    duplicates: boolean;
    blameIgnoreRevs: boolean;
    bots: boolean;
    reverts: boolean;
  };
  thresholds: {
    updateSimilarity: number;
    moveMinAlphanumeric: number;
    copyPasteMinLines: number;
    findReplaceMinLines: number;
    trivialMinAlphanumeric: number;
    minifiedAverageLineLength: number;
  };
}
