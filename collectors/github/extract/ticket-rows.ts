import type { GithubIssueLabels } from '../../../pipeline/config/github-config.js';
import type { TicketRow, TicketType } from '../../../pipeline/warehouse/delivery-tables.js';
import type { JsonObject } from '../list-stream.js';
import { integer, labelNames, object, text, time } from './json-fields.js';
import { restAccount } from './pull-request-rows.js';
import { itemId, type RowContext } from './row-context.js';

/** Closing reasons that mean "not a real defect" (metrics.md §4 excludes duplicates and won't-fix). */
const EXCLUDED_REASONS = new Set(['not_planned', 'duplicate']);

/** GitHub issue types (the organisation-level `type` field) and the canonical type each means. */
const ISSUE_TYPE_NAMES: Readonly<Record<string, TicketType>> = {
  bug: 'bug',
  incident: 'incident',
  feature: 'requirement',
  story: 'requirement',
  enhancement: 'requirement',
  task: 'task',
};

/**
 * The canonical type of an issue: configured labels first (incident, then bug, then
 * requirement), then GitHub's own issue type, else `other`. Returns what decided it too.
 *
 * @example
 * issueType(['Bug', 'ui'], null, DEFAULT_LABELS); // { type: 'bug', raw: 'Bug' }
 */
export function issueType(labels: readonly string[], typeName: string | null, rules: GithubIssueLabels): { type: TicketType; raw: string | null } {
  const lower = new Map(labels.map((label) => [label.toLowerCase(), label]));
  const pick = (candidates: readonly string[]) => candidates.map((label) => lower.get(label.toLowerCase())).find((label) => label !== undefined);
  for (const [type, candidates] of [
    ['incident', rules.incidentLabels],
    ['bug', rules.bugLabels],
    ['requirement', rules.requirementLabels],
  ] as const) {
    const label = pick(candidates);
    if (label) return { type, raw: label };
  }
  const mapped = typeName ? ISSUE_TYPE_NAMES[typeName.toLowerCase()] : undefined;
  if (mapped) return { type: mapped, raw: typeName };
  return { type: 'other', raw: typeName };
}

/**
 * The ticket row of a GitHub issue; pull requests (which the issues list includes, marked with
 * `pull_request`) give null.
 *
 * @example
 * ticketRow(issue, context)?.key; // 'acme/web#31'
 */
export function ticketRow(issue: JsonObject, context: RowContext): TicketRow | null {
  if (issue.pull_request !== undefined) return null;
  const number = integer(issue.number);
  const created = time(issue.created_at);
  if (number === null || created === null) return null;
  const labels = labelNames(issue.labels);
  const typeObject = object(issue.type);
  const { type, raw } = issueType(labels, typeObject ? text(typeObject.name) : null, context.config.issues);
  const closed = text(issue.state) === 'closed';
  const reason = closed ? text(issue.state_reason) : null;
  const excluded = reason !== null && EXCLUDED_REASONS.has(reason);
  const escapedLabels = new Set(context.config.issues.escapedLabels.map((label) => label.toLowerCase()));
  const foundInProduction = type === 'incident' || labels.some((label) => escapedLabels.has(label.toLowerCase()));
  return {
    ticket_id: itemId(context.repository, number),
    source_id: context.sourceId,
    provider: 'github',
    key: `${context.repository}#${number}`,
    project: context.repository,
    url: text(issue.html_url),
    title: text(issue.title),
    type,
    type_raw: raw,
    status_raw: text(issue.state),
    status_category: closed ? 'done' : 'new',
    phase: closed ? 'done' : 'backlog',
    resolution: reason,
    priority: null,
    severity: null,
    created_at: created,
    updated_at: time(issue.updated_at),
    resolved_at: closed ? time(issue.closed_at) : null,
    assignee_identity_id: context.identities.see(restAccount(object(issue.assignee))),
    reporter_identity_id: context.identities.see(restAccount(object(issue.user), created)),
    parent_id: null,
    epic_id: null,
    story_points: null,
    components: '[]',
    labels: JSON.stringify(labels),
    fix_versions: '[]',
    found_in_environment: (type === 'bug' || type === 'incident') && foundInProduction ? 'production' : null,
    is_defect: type === 'bug' && !excluded,
    is_escaped: ((type === 'bug' && foundInProduction) || type === 'incident') && !excluded,
    removed_at: null,
    raw_page_id: context.pageId,
  };
}
