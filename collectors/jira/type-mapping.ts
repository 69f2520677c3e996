import type { CanonicalTicketType, JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import { normaliseName } from './names.js';

/**
 * Built-in issue type names per canonical type (compared with {@link normaliseName}).
 *
 * Decisions: epics (and initiatives) are `other` — they group requirements, and counting them too
 * would count the same work twice; "Problem" (service management: the cause behind incidents) is
 * `other`, so change-failure figures count each incident once; improvements and enhancements are
 * requirements.
 */
export const TYPE_NAME_RULES: Readonly<Record<CanonicalTicketType, readonly string[]>> = Object.freeze({
  requirement: ['story', 'user story', 'feature', 'new feature', 'requirement', 'improvement', 'enhancement', 'change request'],
  bug: ['bug', 'defect', 'bug report'],
  incident: ['incident', 'outage', 'production incident'],
  task: ['task', 'chore', 'spike', 'technical debt', 'tech debt'],
  subtask: ['sub task', 'subtask', 'technical task'],
  other: ['epic', 'initiative', 'theme', 'problem', 'test', 'test case', 'test plan', 'service request', 'question'],
});

/** How a type was decided; `none` is worth reporting. */
export type TypeSource = 'override' | 'subtask' | 'hierarchy' | 'name' | 'none';

/** An issue type as Jira describes it. */
export interface IssueTypeRef {
  id: string | null;
  name: string | null;
  /** `issuetype.subtask`. */
  subtask: boolean;
  /** `issuetype.hierarchyLevel` (Cloud): -1 sub-task, 0 standard, 1 epic and above. */
  hierarchyLevel: number | null;
}

/** Compiled type rules of one source. */
export interface TypeMapper {
  typeOf(issueType: IssueTypeRef): { type: CanonicalTicketType; source: TypeSource };
}

/**
 * The type rules of a source: configured names (or ids) first, then Jira's own sub-task flag and
 * hierarchy level (language-independent), then the built-in names; anything else is `other` and
 * reported.
 *
 * @example
 * const mapper = typeMapper({ requirement: ['Anforderung'], bug: [], incident: [], task: [], subtask: [], other: [] });
 * mapper.typeOf({ id: '10001', name: 'Anforderung', subtask: false, hierarchyLevel: 0 }); // { type: 'requirement', source: 'override' }
 * mapper.typeOf({ id: '10002', name: 'Bug', subtask: false, hierarchyLevel: 0 }); // { type: 'bug', source: 'name' }
 */
export function typeMapper(overrides: JiraSourceConfig['types']): TypeMapper {
  const configured = compile(overrides);
  const builtIn = compile(TYPE_NAME_RULES);
  return {
    typeOf(issueType) {
      const override = lookUp(configured, issueType);
      if (override) return { type: override, source: 'override' };
      if (issueType.subtask || issueType.hierarchyLevel === -1) return { type: 'subtask', source: 'subtask' };
      if (issueType.hierarchyLevel !== null && issueType.hierarchyLevel >= 1) return { type: 'other', source: 'hierarchy' };
      const named = lookUp(builtIn, issueType);
      if (named) return { type: named, source: 'name' };
      return { type: 'other', source: 'none' };
    },
  };
}

function compile(names: Readonly<Record<CanonicalTicketType, readonly string[]>>): ReadonlyMap<string, CanonicalTicketType> {
  const map = new Map<string, CanonicalTicketType>();
  for (const [type, list] of Object.entries(names) as [CanonicalTicketType, readonly string[]][]) {
    for (const name of list) if (!map.has(normaliseName(name))) map.set(normaliseName(name), type);
  }
  return map;
}

function lookUp(map: ReadonlyMap<string, CanonicalTicketType>, issueType: IssueTypeRef): CanonicalTicketType | undefined {
  return (issueType.id !== null ? map.get(issueType.id) : undefined) ?? (issueType.name !== null ? map.get(normaliseName(issueType.name)) : undefined);
}
