/**
 * Attribution: who wrote a commit (human, AI-assisted, AI agent, bot) and what kind of work it was.
 */
export {
  createAuthorshipClassifier,
  createIdentityClassifier,
  identityKind,
  parseGithubNoreply,
  type Attribution,
  type AttributionInput,
  type AuthorClass,
  type AuthorshipRules,
  type GithubNoreply,
  type IdentityKind,
  type Pattern,
} from './ai-attribution.js';
export { createIdentityMatcher, type IdentityFacts, type IdentityMatch, type IdentityRules } from './identity-matcher.js';
export { DEFAULT_AGENT_BRANCH_PREFIXES, KNOWN_AGENTS, KNOWN_BOTS, type KnownIdentity } from './known-identities.js';
export { authorshipRulesFromConfig } from './rules-from-config.js';
export { parseTrailers, trailerEmail, trailerName, type Trailer } from './trailers.js';
export {
  classifyWorkType,
  DEFAULT_WORK_TYPE_ALIASES,
  parseRevert,
  type RevertInfo,
  type WorkTypeResult,
} from './work-type.js';
