import { Command, CommanderError, Option } from 'commander';
import cron from 'node-cron';
import { ConfigError, describeConfigProblems, loadConfig } from '../config/index.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { createProgressReporter } from '../run/progress.js';
import { openConfiguredWarehouse, runPipeline, writeStatsJson, type RunOptions } from '../run/run-pipeline.js';
import { runSchedule } from '../run/schedule.js';
import { TOOL_VERSION } from '../run/tool-version.js';
import { formatCsv, formatTable, runReadOnlyQuery } from '../warehouse/read-only-query.js';

/** Where the CLI writes: injectable so tests can capture output. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Stops long-running commands (`schedule`); SIGINT and SIGTERM do the same. */
  signal?: AbortSignal;
}

const defaultIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/**
 * Run the codeledger command line.
 *
 * @example
 * await main(['node', 'codeledger', 'run', '.']);
 */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const exit = { code: 0 };
  const program = buildProgram(io, exit);
  try {
    await program.parseAsync(argv);
    return exit.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed help, the version, or what was wrong with the arguments.
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`codeledger: invalid configuration\n${describeConfigProblems(error)}\n`);
    } else {
      io.stderr.write(`codeledger: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  }
}

function loggerFor(io: CliIo, options: { logFormat?: string; quiet?: boolean }): Logger {
  const format = options.logFormat === 'json' || options.logFormat === 'text' ? options.logFormat : io.stderr.isTTY ? 'text' : 'json';
  return createLogger({ level: options.quiet ? 'warn' : 'info', format, destination: io.stderr });
}

const warehouseOptions = (command: Command): Command =>
  command
    .option('-c, --config <file>', 'configuration file (default: ./codeledger.yaml when present)')
    .option('--database-url <url>', 'PostgreSQL URL of the warehouse (default: $DATABASE_URL, else the embedded warehouse)')
    .option('--data-dir <dir>', 'directory of the embedded warehouse (default: .codeledger/warehouse)');

/** The run options `run` and `schedule` share, from their parsed flags. */
function runOptionsFrom(
  options: { config?: string; databaseUrl?: string; dataDir?: string; dashboard?: boolean },
  io: CliIo,
  logger: Logger,
): RunOptions {
  return {
    configFile: options.config,
    cwd: io.cwd,
    env: io.env,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    dashboard: options.dashboard,
    logger,
    progress: createProgressReporter({ stream: io.stderr, logger }),
  };
}

function buildProgram(io: CliIo, exit: { code: number }): Command {
  const program = new Command('codeledger')
    .description('Measure what software delivery is worth: effective code from git history, in a SQL warehouse.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addOption(new Option('--log-format <format>', 'log format').choices(['text', 'json']))
    .option('-q, --quiet', 'only warnings and errors');

  warehouseOptions(
    program
      .command('run')
      .description('analyse repositories (paths or clone URLs; default: the repository you are in) and write the dashboard')
      .argument('[targets...]', 'repository paths or clone URLs'),
  )
    .option('--no-dashboard', 'do not write the dashboard')
    .option('--full-refresh', 'forget cursors and analyse every repository from scratch')
    .option('--stats-json <file>', 'write run figures (commits, rows, peak RSS, seconds) as JSON')
    .addOption(new Option('--as-of <time>', 'evaluate durability as of this time (ISO 8601) instead of now').hideHelp())
    .action(async (targets: string[], options, command: Command) => {
      const globals = command.optsWithGlobals() as { logFormat?: string; quiet?: boolean };
      const logger = loggerFor(io, globals);
      const asOf = options.asOf ? new Date(options.asOf as string) : null;
      if (asOf && Number.isNaN(asOf.getTime())) throw new Error(`--as-of: not a date: ${options.asOf as string}`);
      const summary = await runPipeline({
        ...runOptionsFrom(options, io, logger),
        targets,
        fullRefresh: options.fullRefresh,
        now: asOf ? () => asOf : undefined,
      });
      if (options.statsJson) await writeStatsJson(options.statsJson as string, summary);
      const lines = [
        `codeledger ${summary.status}: ${summary.commits} new commits in ${summary.repositories.length} repositories (${summary.seconds.toFixed(1)} s)`,
        `warehouse: ${summary.warehouse}`,
        ...summary.failures.map((f) => `failed: ${f.target}: ${f.error}`),
        ...(summary.dashboardPath ? [`dashboard: ${summary.dashboardPath}`] : []),
      ];
      io.stdout.write(`${lines.join('\n')}\n`);
      if (summary.status !== 'succeeded') exit.code = summary.status === 'partial' ? 2 : 1;
    });

  warehouseOptions(
    program
      .command('schedule')
      .description('keep running: collect, compute and write the dashboard on a cron schedule (schedule.cron in the config)'),
  )
    .option('--cron <expression>', 'cron expression to use instead of schedule.cron (node-cron syntax, 5 or 6 fields)')
    .option('--run-now', 'also run once right away')
    .option('--no-dashboard', 'do not write the dashboard')
    .action(async (options, command: Command) => {
      const globals = command.optsWithGlobals() as { logFormat?: string; quiet?: boolean };
      const logger = loggerFor(io, globals);
      const { config } = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
      const expression = (options.cron as string | undefined) ?? config.schedule.cron;
      if (!cron.validate(expression)) throw new Error(`--cron: invalid cron expression "${expression}"`);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      io.signal?.addEventListener('abort', onSignal, { once: true });
      if (io.signal?.aborted) stop.abort();
      try {
        const report = await runSchedule({
          cron: expression,
          timezone: config.calendar.timezone,
          logger,
          runAtStart: Boolean(options.runNow),
          signal: stop.signal,
          runOnce: () => runPipeline(runOptionsFrom(options, io, logger)),
        });
        io.stdout.write(`codeledger schedule stopped: ${report.runs} runs, ${report.failed} failed, ${report.skippedLocked} skipped (warehouse busy)\n`);
        if (report.failed > 0) exit.code = 2;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });

  warehouseOptions(
    program
      .command('explain')
      .description('show how every changed line of a commit was classified and weighted, with the totals per file')
      .argument('<sha>', 'commit (full or abbreviated sha, or any revision git understands)'),
  )
    .option('--repo <name>', 'repository name (when the warehouse holds several)')
    .option('--width <n>', 'maximum width of the line text column', '60')
    .action(async (sha: string, options, command: Command) => {
      const globals = command.optsWithGlobals() as { logFormat?: string; quiet?: boolean };
      const logger = loggerFor(io, { ...globals, quiet: true });
      const { config } = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
      const warehouse = await openConfiguredWarehouse(config, { ...options, env: io.env, logger });
      try {
        const { explainCommit } = await import('../explain/explain-commit.js');
        const text = await explainCommit({ revision: sha, repoName: options.repo, config, db: warehouse.db, cwd: io.cwd, logger, width: Number(options.width) });
        io.stdout.write(text);
      } finally {
        await warehouse.close();
      }
    });

  warehouseOptions(
    program.command('sql').description('run a read-only SQL query against the warehouse and print the result').argument('<query>', 'SQL text'),
  )
    .option('--csv', 'print CSV instead of a table')
    .action(async (query: string, options) => {
      const { config } = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
      const warehouse = await openConfiguredWarehouse(config, { ...options, env: io.env });
      try {
        const result = await runReadOnlyQuery(warehouse, query);
        io.stdout.write(options.csv ? `${formatCsv(result)}\n` : `${formatTable(result)}\n`);
      } finally {
        await warehouse.close();
      }
    });

  warehouseOptions(
    program
      .command('links')
      .description('report the share of merged pull requests without a ticket (links from keys and #refs in branches, titles, bodies, commits)'),
  )
    .addOption(new Option('--by <period>', 'also break the figures down per week or month').choices(['week', 'month']))
    .option('--repo <repository>', 'only this repository (owner/name, or the analysed repository name)')
    .option('--since <date>', 'only pull requests merged at or after this time (ISO 8601)')
    .option('--examples <n>', 'how many recent pull requests without a ticket to list', '5')
    .option('--refresh', 'rebuild the links from the warehouse before reporting')
    .option('--csv', 'print the figures per repository (or per repository and period) as CSV')
    .action(async (options, command: Command) => {
      const globals = command.optsWithGlobals() as { logFormat?: string; quiet?: boolean };
      const logger = loggerFor(io, globals);
      const since = options.since ? new Date(options.since as string) : null;
      if (since && Number.isNaN(since.getTime())) throw new Error(`--since: not a date: ${options.since as string}`);
      const examples = Number(options.examples);
      if (!Number.isInteger(examples) || examples < 0) throw new Error(`--examples: expected a whole number, got ${options.examples as string}`);
      // Loaded on use, so the links module stays out of the start-up of every other command.
      const { refreshLinks } = await import('../links/refresh-links.js');
      const { ticketCoverage } = await import('../links/ticket-coverage.js');
      const { formatTicketCoverage, formatTicketCoverageCsv } = await import('../links/format-ticket-coverage.js');
      const { config } = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
      const warehouse = await openConfiguredWarehouse(config, { ...options, env: io.env, logger });
      try {
        if (options.refresh) await refreshLinks(warehouse.db, config, { logger, force: true });
        const report = await ticketCoverage(warehouse.db, { by: options.by ?? null, repository: options.repo ?? null, since, examples });
        io.stdout.write(options.csv ? formatTicketCoverageCsv(report) : formatTicketCoverage(report));
      } finally {
        await warehouse.close();
      }
    });

  warehouseOptions(
    program
      .command('identities')
      .description('report how identities were linked to people: counts per provider and rule, identities the roster does not match, ambiguous ones'),
  )
    .option('--relink', 'link identities again with the current roster and override file before reporting')
    .addOption(new Option('--csv', 'print one CSV row per identity with its status').conflicts('json'))
    .option('--json', 'print the whole report as JSON')
    .action(async (options, command: Command) => {
      const globals = command.optsWithGlobals() as { logFormat?: string; quiet?: boolean };
      const logger = loggerFor(io, { ...globals, quiet: globals.quiet ?? !options.relink });
      // Loaded on use, so the identities module stays out of the start-up of every other command.
      const { identitiesCommandOutput } = await import('../identities/identities-command.js');
      const { config } = await loadConfig({ file: options.config, cwd: io.cwd, env: io.env });
      const warehouse = await openConfiguredWarehouse(config, { ...options, env: io.env, logger });
      try {
        const format = options.json ? 'json' : options.csv ? 'csv' : 'text';
        io.stdout.write(await identitiesCommandOutput(warehouse.db, config, { relink: options.relink, format, logger, now: new Date() }));
      } finally {
        await warehouse.close();
      }
    });

  const configCommand = program.command('config').description('configuration tools');
  configCommand
    .command('check')
    .description('validate a configuration file without running anything')
    .argument('[file]', 'configuration file (default: ./codeledger.yaml)')
    .action(async (file: string | undefined) => {
      const { file: used, config } = await loadConfig({ file, cwd: io.cwd, env: io.env });
      io.stdout.write(
        `${used ?? 'no configuration file; defaults'}: valid (${config.repos.length} repositories, preset ${config.weights.preset})\n`,
      );
    });
  return program;
}
