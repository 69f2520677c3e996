import type { ResolvedConfig } from '../config/types.js';
import type { AuthorshipRules } from './ai-attribution.js';

/**
 * The attribution rules a configuration adds to the built-in rosters: `agents.extraBots`,
 * `agents.extraAgents` and the people roster's kinds.
 *
 * @example
 * const classify = createAuthorshipClassifier(authorshipRulesFromConfig(config));
 */
export function authorshipRulesFromConfig(config: Pick<ResolvedConfig, 'agents' | 'people'>): AuthorshipRules {
  return {
    extraBots: config.agents.extraBots,
    extraAgents: config.agents.extraAgents,
    people: config.people,
  };
}
