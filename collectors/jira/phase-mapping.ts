import type { JiraSourceConfig, TicketPhase } from '../../pipeline/config/jira-config.js';
import type { StatusCategory } from '../../pipeline/warehouse/delivery-tables.js';
import { normaliseName } from './names.js';

/**
 * Built-in status names per phase (compared with {@link normaliseName}). Exact names, not
 * substrings: "PRD Review" is a clarify status although it contains "review".
 */
export const PHASE_NAME_RULES: Readonly<Record<TicketPhase, readonly string[]>> = Object.freeze({
  backlog: ['created', 'to do', 'todo', 'open', 'backlog', 'new', 'reopened', 'triage'],
  clarify: [
    'analysis',
    'in analysis',
    'prd review',
    'design',
    'in design',
    'ready for dev',
    'ready for development',
    'refinement',
    'in refinement',
    'specification',
    'selected for development',
  ],
  develop: ['in progress', 'in development', 'development', 'doing', 'implementing'],
  review: ['in review', 'code review', 'review', 'peer review', 'pr review', 'awaiting review'],
  test: ['qa', 'in qa', 'ready for qa', 'testing', 'in testing', 'in test', 'ready for test', 'verification', 'verify', 'uat', 'acceptance'],
  release: ['ready for release', 'ready to release', 'ready for deploy', 'ready to deploy', 'awaiting release', 'ready for production'],
  blocked: ['blocked', 'on hold', 'waiting', 'impeded', 'paused'],
  done: ['done', 'closed', 'resolved', 'released', 'complete', 'completed', 'cancelled', 'canceled', "won't do"],
});

/** Jira's status category when no name decides (metrics §5). */
export const CATEGORY_PHASES: Readonly<Record<StatusCategory, TicketPhase>> = Object.freeze({
  new: 'backlog',
  indeterminate: 'develop',
  done: 'done',
});

/** How a phase was decided; `category` and `none` are worth reporting. */
export type PhaseSource = 'project' | 'site' | 'name' | 'category' | 'none';

/** A status as it is looked up. */
export interface StatusRef {
  project: string | null;
  id: string | null;
  name: string | null;
  category: StatusCategory | null;
}

/** Compiled phase rules of one source. */
export interface PhaseMapper {
  phaseOf(status: StatusRef): { phase: TicketPhase | null; source: PhaseSource };
}

/**
 * The phase rules of a source: the project's overrides, then the site's, then the built-in
 * names, then the status category. Overrides match a status by id or by name, so statuses in
 * any language can be placed by their id.
 *
 * @example
 * const mapper = phaseMapper({ default: { Prüfung: 'review' }, projects: {} });
 * mapper.phaseOf({ project: 'ABC', id: '10400', name: 'Prüfung', category: 'indeterminate' }); // { phase: 'review', source: 'site' }
 * mapper.phaseOf({ project: 'ABC', id: '10401', name: 'In Bearbeitung', category: 'indeterminate' }); // { phase: 'develop', source: 'category' }
 */
export function phaseMapper(phases: JiraSourceConfig['phases']): PhaseMapper {
  const site = compileOverrides(phases.default);
  const projects = new Map(Object.entries(phases.projects).map(([key, overrides]) => [key, compileOverrides(overrides)]));
  const byName = new Map<string, TicketPhase>();
  for (const [phase, names] of Object.entries(PHASE_NAME_RULES) as [TicketPhase, readonly string[]][]) {
    for (const name of names) byName.set(normaliseName(name), phase);
  }
  return {
    phaseOf(status) {
      const project = status.project === null ? undefined : projects.get(status.project);
      const fromProject = project && lookUp(project, status);
      if (fromProject) return { phase: fromProject, source: 'project' };
      const fromSite = lookUp(site, status);
      if (fromSite) return { phase: fromSite, source: 'site' };
      const fromName = status.name === null ? undefined : byName.get(normaliseName(status.name));
      if (fromName) return { phase: fromName, source: 'name' };
      if (status.category) return { phase: CATEGORY_PHASES[status.category], source: 'category' };
      return { phase: null, source: 'none' };
    },
  };
}

type Overrides = ReadonlyMap<string, TicketPhase>;

function compileOverrides(overrides: Readonly<Record<string, TicketPhase>>): Overrides {
  return new Map(Object.entries(overrides).map(([key, phase]) => [normaliseName(key), phase]));
}

function lookUp(overrides: Overrides, status: StatusRef): TicketPhase | undefined {
  return (status.id !== null ? overrides.get(status.id) : undefined) ?? (status.name !== null ? overrides.get(normaliseName(status.name)) : undefined);
}
