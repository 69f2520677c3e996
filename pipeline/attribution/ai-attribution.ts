import type { IdentityPattern } from '../config/types.js';
import { createIdentityMatcher, type IdentityMatch, type IdentityRules } from './identity-matcher.js';
import { DEFAULT_AGENT_BRANCH_PREFIXES } from './known-identities.js';
import { parseTrailers, trailerEmail, trailerName } from './trailers.js';

export { parseGithubNoreply, type GithubNoreply } from './github-noreply.js';

/**
 * Who wrote a commit (metrics.md §3). `ai_assisted` is a human commit with recorded AI help;
 * `unknown` is a commit whose author e-mail is empty or malformed and nothing else is known.
 */
export type AuthorClass = 'human' | 'ai_assisted' | 'ai_agent' | 'bot' | 'unknown';

/** An identity pattern: `email` and `name` are case-insensitive globs, `login` a GitHub login. */
export type Pattern = IdentityPattern;

/** The commit metadata attribution looks at. */
export interface AttributionInput {
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  /** Full commit message (subject, body, trailers). */
  message: string;
  /** Branch the commit was made on, when known (a PR's head branch). */
  branch?: string | null;
  /** Content of the commit's note under `refs/notes/ai`. */
  aiNote?: string | null;
  /** The author's GitHub login, when an API reported it. */
  githubLogin?: string | null;
}

/** A class and the evidence for it: the rule and the matched value, e.g. `co-authored-by: noreply@anthropic.com`. */
export interface Attribution {
  class: AuthorClass;
  evidence: string | null;
}

/** Options of {@link createAuthorshipClassifier}. */
export interface AuthorshipRules extends IdentityRules {
  /** Branch prefixes that mark an agent's branch; default `claude/`, `codex/`, `copilot/`, `cursor/`, `devin/`. */
  agentBranchPrefixes?: readonly string[];
}

const MAX_EVIDENCE_VALUE = 120;
const VALID_EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

// Trailers whose value names the assisting tool (Linux kernel style `Assisted-by: AGENT:MODEL`).
// A value with an e-mail address names a person unless that address is a known agent's.
const ASSISTANCE_TRAILERS = new Set(['assisted-by', 'ai-assisted-by']);
// Trailers also used by ordinary code generators (`Generated-by: protoc`): they count only when
// the value names an AI tool or model. Matching tool words is safe inside these trailers only.
const AI_TOOL_TRAILERS = new Set(['generated-by', 'made-with']);
const AI_TOOL_WORD =
  /\b(claude|anthropic|copilot|chatgpt|gpt-?[0-9o]\S*|openai|codex|gemini|cursor|aider|devin|windsurf|codeium|amazon q|codewhisperer|cody|tabnine|jules|llama|mistral|codestral|deepseek|qwen|kimi|grok|openhands|cline|junie|opencode|kiro|augment|llm)\b/i;
const NEGATIVE_VALUE = /^(no|none|false|n\/a|-|0)$/i;

// Footers assistant tools write: Claude Code's "🤖 Generated with [Claude Code](…)" and the same
// robot-prefixed form used by other tools. Plain prose such as "generated with care" never matches.
const CLAUDE_CODE_FOOTER = /^(?:🤖\s*)?Generated with \[Claude Code\]/u;
const ROBOT_FOOTER = /^🤖\s*Generated with\s+\S/u;
const MARKDOWN_LINK_TARGET = /\]\([^)]*\)/g;

// Older aider versions prefix the subjects of their commits with "aider: ".
const AIDER_SUBJECT = /^aider: /;
// Aider's default attribution appends " (aider)" to the author and committer names.
const AIDER_NAME_SUFFIX = /\(aider\)$/;

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_EVIDENCE_VALUE ? `${single.slice(0, MAX_EVIDENCE_VALUE - 1)}…` : single;
}

function describeMatch(role: string, match: IdentityMatch): string {
  return `${role} ${match.rule}: ${clip(match.value)}`;
}

function branchName(branch: string): string {
  return branch
    .trim()
    .replace(/^refs\/heads\//, '')
    .replace(/^refs\/remotes\/[^/]+\//, '')
    .toLowerCase();
}

type Matcher = ReturnType<typeof createIdentityMatcher>;

/** The first piece of evidence of AI assistance in a commit, strongest first, or null. */
function findAssistance(input: AttributionInput, matcher: Matcher, branchPrefixes: readonly string[]): string | null {
  const note = input.aiNote?.trim();
  if (note) return `git-note: ${clip(note.split('\n')[0]!)}`;

  const trailers = parseTrailers(input.message);
  for (const trailer of trailers) {
    if (trailer.normalizedKey !== 'co-authored-by') continue;
    const email = trailerEmail(trailer.value);
    if (email && matcher({ name: trailerName(trailer.value), email })?.kind === 'ai_agent') {
      return `co-authored-by: ${clip(email)}`;
    }
  }
  for (const trailer of trailers) {
    const value = trailer.value.trim();
    if (value === '' || NEGATIVE_VALUE.test(value)) continue;
    if (ASSISTANCE_TRAILERS.has(trailer.normalizedKey)) {
      const email = trailerEmail(value);
      if (email === null || matcher({ name: trailerName(value), email })?.kind === 'ai_agent') {
        return `${trailer.normalizedKey}: ${clip(value)}`;
      }
    } else if (AI_TOOL_TRAILERS.has(trailer.normalizedKey) && AI_TOOL_WORD.test(value)) {
      return `${trailer.normalizedKey}: ${clip(value)}`;
    }
  }

  if (input.message.includes('Generated with')) {
    const lines = input.message.split('\n');
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index]!.trim();
      if (CLAUDE_CODE_FOOTER.test(line) || ROBOT_FOOTER.test(line)) {
        return `footer: ${clip(line.replace(MARKDOWN_LINK_TARGET, ']'))}`;
      }
    }
  }

  if (AIDER_SUBJECT.test(input.message)) return 'subject: aider:';
  for (const [role, name] of [
    ['author', input.authorName],
    ['committer', input.committerName],
  ] as const) {
    if (AIDER_NAME_SUFFIX.test(name.trim())) return `${role} name: ${clip(name)}`;
  }

  if (input.branch) {
    const branch = branchName(input.branch);
    if (branchPrefixes.some((prefix) => branch.startsWith(prefix))) return `branch: ${clip(branch)}`;
  }
  return null;
}

/**
 * Build the commit classifier of metrics.md §3. Precedence: a bot author makes a `bot` commit;
 * an AI agent as author or committer makes an `ai_agent` commit; any evidence of assistance
 * (git note under `refs/notes/ai`, agent `Co-authored-by:` e-mail, `Assisted-by:` /
 * `Generated-by:` trailer naming a tool, "Generated with [Claude Code]" or "🤖 Generated with"
 * footer, `aider:` subject, aider's "(aider)" name suffix, agent branch prefix) makes an
 * `ai_assisted` commit; otherwise `human`, or `unknown` when the author e-mail is empty or
 * malformed. Committers never make a commit a bot: GitHub's `web-flow` commits every web merge.
 *
 * @example
 * const classify = createAuthorshipClassifier({ extraBots: [{ email: 'deploy@ci.example.com' }] });
 * classify({
 *   authorName: 'Ann', authorEmail: 'ann@example.com', committerName: 'GitHub', committerEmail: 'noreply@github.com',
 *   message: 'Add export\n\nCo-authored-by: Claude <noreply@anthropic.com>',
 * }); // { class: 'ai_assisted', evidence: 'co-authored-by: noreply@anthropic.com' }
 */
export function createAuthorshipClassifier(extra: AuthorshipRules = {}): (input: AttributionInput) => Attribution {
  const matcher = createIdentityMatcher(extra);
  const branchPrefixes = (extra.agentBranchPrefixes ?? DEFAULT_AGENT_BRANCH_PREFIXES).map((prefix) => prefix.toLowerCase());

  return (input) => {
    const author = matcher({ name: input.authorName, email: input.authorEmail, login: input.githubLogin ?? null });
    if (author) return { class: author.kind === 'bot' ? 'bot' : 'ai_agent', evidence: describeMatch('author', author) };

    const committer = matcher({ name: input.committerName, email: input.committerEmail });
    if (committer?.kind === 'ai_agent') return { class: 'ai_agent', evidence: describeMatch('committer', committer) };

    const assistance = findAssistance(input, matcher, branchPrefixes);
    if (assistance) return { class: 'ai_assisted', evidence: assistance };

    const email = input.authorEmail.trim();
    if (!VALID_EMAIL.test(email)) {
      return { class: 'unknown', evidence: email === '' ? 'author email: (empty)' : `author email: ${clip(email)}` };
    }
    return { class: 'human', evidence: null };
  };
}

/** The kind of a person's identity and why, for the people and identities tables. */
export interface IdentityKind {
  kind: 'human' | 'ai_agent' | 'bot';
  evidence: string | null;
}

/**
 * Build an identity classifier with extra rules (config patterns, roster), for linking
 * identities to people.
 *
 * @example
 * const kindOf = createIdentityClassifier({ extraAgents: [{ email: 'agent@tools.example.com' }] });
 * kindOf('Agent', 'agent@tools.example.com'); // { kind: 'ai_agent', evidence: 'pattern: email=agent@tools.example.com' }
 */
export function createIdentityClassifier(
  rules: IdentityRules = {},
): (name: string, email: string, login?: string | null) => IdentityKind {
  const matcher = createIdentityMatcher(rules);
  return (name, email, login) => {
    const match = matcher({ name, email, login: login ?? null });
    return match ? { kind: match.kind, evidence: `${match.rule}: ${clip(match.value)}` } : { kind: 'human', evidence: null };
  };
}

const builtInIdentityKind = createIdentityClassifier();

/**
 * Whether an identity is a human, an AI agent or a bot, by the built-in rosters.
 *
 * @example
 * identityKind('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'); // { kind: 'bot', evidence: 'login: dependabot[bot]' }
 * identityKind('Claude Monet', 'claude@monet.example'); // { kind: 'human', evidence: null }
 */
export function identityKind(name: string, email: string, login?: string | null): IdentityKind {
  return builtInIdentityKind(name, email, login);
}
