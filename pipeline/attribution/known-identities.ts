/**
 * Built-in rosters of AI coding agents and non-AI bots, keyed by what identifies them for certain:
 * a GitHub login (unique per GitHub instance), a numeric GitHub account id (from the no-reply
 * address `<id>+<login>@users.noreply.github.com`), or an e-mail address the tool itself writes.
 *
 * Never by a bare display name: "Claude" and "Devin" are also people's names, and "cursor" is a
 * word. Display names are only trusted in the `…[bot]` form, which GitHub reserves for apps.
 */

/** One known account or tool. Logins and e-mails are lower case. */
export interface KnownIdentity {
  /** What the account is, for people reading evidence. */
  readonly tool: string;
  readonly logins: readonly string[];
  /** github.com account ids, where published in the account's own no-reply address. */
  readonly ids: readonly number[];
  readonly emails: readonly string[];
  /** Every address at these domains belongs to the tool. */
  readonly domains: readonly string[];
}

function known(tool: string, parts: Partial<Omit<KnownIdentity, 'tool'>>): KnownIdentity {
  return Object.freeze({
    tool,
    logins: Object.freeze((parts.logins ?? []).map((login) => login.toLowerCase())),
    ids: Object.freeze([...(parts.ids ?? [])]),
    emails: Object.freeze((parts.emails ?? []).map((email) => email.toLowerCase())),
    domains: Object.freeze((parts.domains ?? []).map((domain) => domain.toLowerCase())),
  });
}

/** AI coding agents that author or commit on their own account. */
export const KNOWN_AGENTS: readonly KnownIdentity[] = Object.freeze([
  known('Claude', { logins: ['claude[bot]'], ids: [209825114], emails: ['noreply@anthropic.com'] }),
  // The Copilot coding agent, Copilot CLI and Copilot chat all write the `Copilot` account's
  // no-reply address, with different account ids over time.
  known('GitHub Copilot', {
    logins: ['copilot', 'copilot-swe-agent[bot]', 'copilot[bot]', 'github-copilot[bot]'],
    ids: [198982749, 175728472, 223556219, 167198135],
    emails: ['copilot@github.com'],
  }),
  known('Cursor', { logins: ['cursor[bot]', 'cursor-agent[bot]'], ids: [206951365], emails: ['cursoragent@cursor.com'] }),
  known('Devin', { logins: ['devin-ai-integration[bot]'], ids: [158243242] }),
  known('OpenAI Codex', {
    logins: ['openai-codex[bot]', 'chatgpt-codex-connector[bot]'],
    ids: [215057067, 199175422],
    emails: ['noreply@openai.com', 'codex@openai.com'],
  }),
  known('Google Jules', { logins: ['google-labs-jules[bot]'], ids: [161369871] }),
  known('Gemini', { logins: ['gemini-cli', 'gemini-code-assist[bot]'], ids: [176961590] }),
  known('Amazon Q Developer', { logins: ['amazon-q-developer[bot]'], ids: [208079219] }),
  known('CodeRabbit', { logins: ['coderabbitai[bot]'], ids: [136622811] }),
  known('Sweep', { logins: ['sweep-ai[bot]'] }),
  known('Factory', { logins: ['factory-droid[bot]'] }),
  known('Windsurf', { logins: ['windsurf-bot[bot]'] }),
  known('Cline', { logins: ['cline[bot]'] }),
  known('Aider', { domains: ['aider.chat'] }),
  known('OpenHands', { logins: ['openhands-agent'], emails: ['openhands@all-hands.dev'] }),
  known('Amp', { emails: ['amp@ampcode.com'] }),
]);

/** Non-AI automation: dependency updaters, CI, release and merge bots. */
export const KNOWN_BOTS: readonly KnownIdentity[] = Object.freeze([
  known('Dependabot', {
    logins: ['dependabot[bot]', 'dependabot-preview[bot]', 'dependabot'],
    ids: [49699333, 27856297],
    emails: ['support@dependabot.com'],
  }),
  known('Renovate', {
    logins: ['renovate[bot]', 'renovate-bot'],
    ids: [29139614],
    emails: ['bot@renovateapp.com', 'renovate@whitesourcesoftware.com'],
  }),
  known('GitHub Actions', {
    logins: ['github-actions[bot]', 'github-actions'],
    ids: [41898282],
    emails: ['github-actions@github.com', 'actions@github.com', 'action@github.com'],
  }),
  known('Greenkeeper', {
    logins: ['greenkeeper[bot]', 'greenkeeperio-bot'],
    ids: [23040076],
    emails: ['support@greenkeeper.io'],
  }),
  known('Snyk', { logins: ['snyk-bot'], ids: [19733683], emails: ['snyk-bot@snyk.io'] }),
  known('pre-commit.ci', { logins: ['pre-commit-ci[bot]'], ids: [66853113] }),
  known('Mergify', { logins: ['mergify[bot]'], ids: [37929162] }),
  known('semantic-release', {
    logins: ['semantic-release-bot'],
    ids: [32174276],
    emails: ['semantic-release-bot@martynus.net'],
  }),
  known('All Contributors', { logins: ['allcontributors[bot]'], ids: [46447321] }),
  known('ImgBot', { logins: ['imgbot[bot]', 'imgbotapp'], emails: ['imgbothelp@gmail.com'] }),
  known('Codecov', { logins: ['codecov[bot]', 'codecov-io', 'codecov-commenter'], ids: [22429695] }),
  known('GitHub merge queue', { logins: ['github-merge-queue[bot]'], ids: [118344674] }),
  known('Kodiak', { logins: ['kodiakhq[bot]'], ids: [49736102] }),
  known('Scala Steward', { logins: ['scala-steward'], ids: [43047562] }),
  known('PyUp', { logins: ['pyup-bot'], ids: [16239342] }),
]);

/** Branch prefixes agents create their branches under (`copilot/fix-login`). */
export const DEFAULT_AGENT_BRANCH_PREFIXES: readonly string[] = Object.freeze([
  'claude/',
  'codex/',
  'copilot/',
  'cursor/',
  'devin/',
]);

