import type { CanonicalTicketType, JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import { nameSet, normaliseName } from './names.js';

/** What the defect rules look at. */
export interface DefectFacts {
  type: CanonicalTicketType;
  resolution: string | null;
  labels: readonly string[];
  priority: string | null;
  /** Texts of the escaped rule's field (e.g. the found-in environment). */
  escapedFieldValues: readonly string[];
}

/** Compiled defect rules of one source. */
export interface DefectRules {
  classify(facts: DefectFacts): { isDefect: boolean; isEscaped: boolean };
}

/**
 * The defect rules of a source (metrics §4): a defect is a bug not closed with an excluded
 * resolution; it escaped when its found-in field holds a production value, it carries an
 * escaped label, or its priority is one of the configured ones. Incidents (not closed with an
 * excluded resolution) always count as escaped; they are not defects themselves.
 *
 * @example
 * const rules = defectRules({ excludedResolutions: ['Duplicate'], escaped: { field: null, values: ['production'], labels: [], priorities: [] } });
 * rules.classify({ type: 'bug', resolution: null, labels: [], priority: null, escapedFieldValues: ['Production'] }); // { isDefect: true, isEscaped: true }
 * rules.classify({ type: 'bug', resolution: 'Duplicate', labels: [], priority: null, escapedFieldValues: [] }); // { isDefect: false, isEscaped: false }
 */
export function defectRules(config: Pick<JiraSourceConfig, 'excludedResolutions' | 'escaped'>): DefectRules {
  const excluded = nameSet(config.excludedResolutions);
  const values = nameSet(config.escaped.values);
  const labels = nameSet(config.escaped.labels);
  const priorities = nameSet(config.escaped.priorities);
  return {
    classify(facts) {
      const counted = facts.resolution === null || !excluded.has(normaliseName(facts.resolution));
      if (!counted) return { isDefect: false, isEscaped: false };
      if (facts.type === 'incident') return { isDefect: false, isEscaped: true };
      if (facts.type !== 'bug') return { isDefect: false, isEscaped: false };
      const escaped =
        facts.escapedFieldValues.some((value) => values.has(normaliseName(value))) ||
        facts.labels.some((label) => labels.has(normaliseName(label))) ||
        (facts.priority !== null && priorities.has(normaliseName(facts.priority)));
      return { isDefect: true, isEscaped: escaped };
    },
  };
}
