/**
 * Everything wrong with a configuration, reported at once. Each problem is one
 * `path: message` line, e.g. `weights.opz: unknown key; did you mean "ops"?`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];

  /**
   * @param problems one `path: message` line per problem (at least one)
   * @param sourceName the file the problems are in, for the summary line
   */
  constructor(problems: readonly string[], sourceName?: string) {
    const where = sourceName ? ` in ${sourceName}` : '';
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid configuration${where} (${count}):\n${problems.map((line) => `  ${line}`).join('\n')}`);
    this.problems = [...problems];
  }
}

/**
 * The problems of a {@link ConfigError}, one `path: message` per line, for printing.
 *
 * @example
 * try { parseConfig(text, { baseDir }); }
 * catch (error) { if (error instanceof ConfigError) console.error(describeConfigProblems(error)); }
 */
export function describeConfigProblems(error: ConfigError): string {
  return error.problems.join('\n');
}
