/**
 * Line operations inside one commit: what happened to each changed line (no-op, comment,
 * trivial, move, copy/paste, update, find/replace, add, delete).
 */
export type {
  FileOps,
  LineOp,
  OpsContextRegion,
  OpsFile,
  OpsHunk,
  OpsLimits,
  OpsLine,
  OpsTextHunk,
  OpsThresholds,
} from './types.js';
export { OPS_LINE_COMMENT, OPS_LINE_KEYWORD_ONLY } from './types.js';
export { DEFAULT_OPS_LIMITS, DEFAULT_OPS_THRESHOLDS, assertValidOpsLimits, assertValidOpsThresholds } from './defaults.js';
export { alphanumericCount, analyseLine, hashString, normaliseLine, type LineAnalysis } from './normalise.js';
export { createLineScanColumns, normalisedEquals, scanLine, scanLineInto, type LineScan, type LineScanColumns } from './line-scan.js';
export { detectLineOps } from './detect-line-ops.js';
export { CopyPasteHistory, CopyPasteHistoryFormatError, type CopyPasteHistorySettings } from './copy-paste-history.js';
export { bigramDice } from './line-similarity.js';
export { findTokenSubstitution, tokenizeLine, type TokenSubstitution } from './token-substitution.js';
export { isWindowLine, windowHash } from './window-hash.js';
