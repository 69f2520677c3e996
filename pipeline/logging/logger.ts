import { Writable } from 'node:stream';
import pino from 'pino';

/** The logging surface every module receives (never the console directly), so tests stay quiet. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Structured logs with pino. `format: 'json'` writes one JSON object per line (for log
 * collectors); `'text'` writes `level message key=value` lines for people at a terminal.
 *
 * @example
 * const logger = createLogger({ level: 'info', format: process.stderr.isTTY ? 'text' : 'json' });
 * logger.info('analysed repository', { repo: 'web', commits: 120 });
 */
export function createLogger(options: {
  level?: 'debug' | 'info' | 'warn' | 'error';
  format?: 'json' | 'text';
  destination?: NodeJS.WritableStream;
}): Logger {
  const destination = options.destination ?? process.stderr;
  const stream = options.format === 'text' ? textStream(destination) : destination;
  const base = pino({ level: options.level ?? 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, stream);
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (fields) base[level](fields, message);
    else base[level](message);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

const LEVEL_NAMES: Record<number, string> = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Turn pino's JSON lines into short human-readable lines. */
function textStream(destination: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        try {
          const { level, msg, time: _time, ...fields } = JSON.parse(line) as Record<string, unknown>;
          const extras = Object.entries(fields)
            .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
            .join(' ');
          const name = LEVEL_NAMES[level as number] ?? String(level);
          destination.write(`${name === 'info' ? '' : `${name}: `}${String(msg)}${extras ? `  ${extras}` : ''}\n`);
        } catch {
          destination.write(`${line}\n`);
        }
      }
      callback();
    },
  });
}
