/*
 * What can go wrong talking to GitHub, as named errors the collector can tell apart: a refused
 * request (status and URL), a body that is not the JSON GitHub promises, GraphQL errors, and a
 * repository that cannot be read (a warning, not a failure of the source).
 */

/** GitHub answered with an error status (after retries and rate-limit waits), or did not answer (status 0). */
export class GithubHttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly detail: string,
    /** True when the refusal was a rate limit that outlasted every wait. */
    readonly rateLimited = false,
  ) {
    super(`${method} ${url} failed${status ? ` with ${status}` : ''}: ${detail}`);
    this.name = 'GithubHttpError';
  }
}

/** A response whose body is not the JSON object or array expected; nothing of it is stored. */
export class GithubMalformedResponseError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    body: unknown,
  ) {
    super(`${method} ${url} returned a body that is not the expected JSON (${describeBody(body)}); nothing from it was stored`);
    this.name = 'GithubMalformedResponseError';
  }
}

/** A GraphQL query answered with errors other than missing nodes. */
export class GithubGraphqlError extends Error {
  constructor(
    readonly url: string,
    readonly messages: readonly string[],
  ) {
    super(`POST ${url} answered with GraphQL errors: ${messages.join('; ')}`);
    this.name = 'GithubGraphqlError';
  }

  /** Whether GitHub refused access (the repository or field is not readable with this credential). */
  get forbidden(): boolean {
    return this.messages.every((message) => message.startsWith('FORBIDDEN'));
  }
}

/** One repository cannot be read (404, or 403 that is not a rate limit); the others go on. */
export class RepositoryAccessError extends Error {
  constructor(
    readonly repository: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${repository}: skipped, GitHub refused access (${status === 404 ? 'not found or no access' : `status ${status}`}): ${detail}`);
    this.name = 'RepositoryAccessError';
  }
}

function describeBody(body: unknown): string {
  if (body === null || body === undefined || body === '') return 'empty body';
  if (typeof body === 'string') {
    const single = body.replace(/\s+/g, ' ').trim();
    return `starts with ${JSON.stringify(single.length > 40 ? `${single.slice(0, 40)}…` : single)}`;
  }
  if (Array.isArray(body)) return 'a JSON array';
  return `a JSON ${typeof body}`;
}
