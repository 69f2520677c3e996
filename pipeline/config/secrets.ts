/**
 * Secrets never live in the config file: it is meant to be committed. They are read from
 * environment variables whose *names* the file gives (`urlEnv: DATABASE_URL`).
 */

// Key names that hold credentials. Anything ending in `Env` is the sanctioned form and is allowed.
const SECRET_KEY = /(token|passw(?:or)?d|secret|api[_-]?key|private[_-]?key|access[_-]?key|credentials?)$/i;

/**
 * Whether a config key looks like it holds a literal secret.
 *
 * @example
 * isSecretKey('password'); // true
 * isSecretKey('githubToken'); // true
 * isSecretKey('tokenEnv'); // false
 */
export function isSecretKey(key: string): boolean {
  return !/env$/i.test(key) && SECRET_KEY.test(key);
}

/**
 * The message for a literal secret under `key`, pointing to the `*Env` form. When the object
 * already has `*Env` keys (e.g. `urlEnv`), those are named, since they are where the secret
 * belongs.
 */
export function secretKeyMessage(key: string, allowedKeys: readonly string[]): string {
  const envKeys = allowedKeys.filter((allowed) => allowed.endsWith('Env'));
  const where =
    envKeys.length > 0
      ? `put it in an environment variable and give that variable's name in ${envKeys.join(' or ')}`
      : `put it in an environment variable and give that variable's name as ${key}Env`;
  return `secrets must not be written in the config file; ${where}`;
}

/**
 * Whether a URL carries a password (`scheme://user:password@host` or a `password=` query
 * parameter). Unparseable text is not a URL and so carries none.
 */
export function urlHasPassword(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.password !== '') return true;
  for (const name of url.searchParams.keys()) if (/^(password|passwd|pwd)$/i.test(name)) return true;
  return false;
}
