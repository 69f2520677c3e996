import path from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError } from './config-error.js';
import { configErrorMap, formatIssues } from './format-issues.js';
import { resolveConfig } from './resolve-config.js';
import { createConfigSchema } from './schema.js';
import type { ResolvedConfig } from './types.js';

/** Where a config text came from and how to resolve its relative paths. */
export interface ParseConfigOptions {
  /** Directory relative paths in the file are resolved against (normally the file's directory). */
  baseDir: string;
  /** Name used in messages, e.g. the file's path. Default `codeledger.yaml`. */
  sourceName?: string;
  /** Directory whose git repository is analysed when the file lists no repos. Default `baseDir`. */
  cwd?: string;
}

/** The parsed YAML value, or its syntax problems as `file:line:column: message` lines. */
function parseYaml(yamlText: string, sourceName: string): { value: unknown } | { problems: string[] } {
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => {
        const position = error.linePos?.[0];
        const where = position ? `${sourceName}:${position.line}:${position.col}` : sourceName;
        // The library appends the position and a code excerpt; keep only the sentence.
        const sentence = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
        return `${where}: ${sentence}`;
      }),
    };
  }
  try {
    return { value: document.toJS({ maxAliasCount: 1000 }) ?? {} };
  } catch (error) {
    return { problems: [`${sourceName}: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/**
 * Parse, validate and resolve the text of a `codeledger.yaml`. Every problem is reported at once
 * as a `path: message` line of a {@link ConfigError}; the result is fully defaulted and deeply
 * frozen.
 *
 * @example
 * const config = parseConfig('weights:\n  preset: gitclear\n', { baseDir: process.cwd() });
 * config.weights.ops.delete; // 2.5
 * @throws ConfigError when the text is not valid YAML or not a valid configuration
 */
export function parseConfig(yamlText: string, options: ParseConfigOptions): ResolvedConfig {
  const sourceName = options.sourceName ?? 'codeledger.yaml';
  const baseDir = path.resolve(options.baseDir);
  const parsed = parseYaml(yamlText, sourceName);
  if ('problems' in parsed) throw new ConfigError(parsed.problems, sourceName);

  const schema = createConfigSchema({ baseDir });
  const result = schema.safeParse(parsed.value, { error: configErrorMap });
  if (!result.success) throw new ConfigError(formatIssues(schema, result.error.issues), sourceName);

  return resolveConfig(result.data, { baseDir, cwd: path.resolve(options.cwd ?? baseDir) });
}

/**
 * The configuration used when there is no config file: every default, analysing the git
 * repository that contains `baseDir`.
 *
 * @example
 * defaultConfig({ baseDir: process.cwd() }).weights.preset; // 'default'
 */
export function defaultConfig(options: { baseDir: string }): ResolvedConfig {
  return parseConfig('', { baseDir: options.baseDir, sourceName: '(defaults)' });
}
