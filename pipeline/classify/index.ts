/**
 * File classification: language, kind and stack of every changed file, after GitHub Linguist's
 * rules plus per-repository overrides.
 */
export {
  createFileClassifier,
  DEFAULT_CLASSIFIER_CACHE_SIZE,
  DEFAULT_CLASSIFY_THRESHOLDS,
  FILE_KINDS,
  STACKS,
} from './classify-file.js';
export type {
  ClassifyOptions,
  ClassifyThresholds,
  FileAttributes,
  FileClassification,
  FileClassifier,
  FileKind,
  KindOverride,
  PerFileClassifyOptions,
  RepositoryClassifyOptions,
  Stack,
  StackOverride,
} from './classify-file.js';
export { createLanguageCatalog, defaultLanguageCatalog, DEFAULT_EXTENSION_PREFERENCES } from './language-catalog.js';
export type { LanguageCatalog, LanguageInfo, LanguageType } from './language-catalog.js';
export { averageLineLengthOf } from './generated-content.js';
