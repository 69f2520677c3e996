/**
 * The part of the project's logger the git collector uses: a message plus structured fields.
 * The pipeline's logger satisfies it; tests can pass an object that records the calls.
 */
export interface Logger {
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that discards everything, used when the caller passes none. */
export const SILENT_LOGGER: Logger = Object.freeze({
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
});
