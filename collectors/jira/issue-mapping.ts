import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { IdentityRow } from '../../pipeline/warehouse/database.js';
import type { TicketRow, TicketTransitionRow } from '../../pipeline/warehouse/delivery-tables.js';
import { defectRules, type DefectRules } from './defect-rules.js';
import { fieldNumber, fieldText, fieldTexts } from './field-values.js';
import { jiraIdentity } from './jira-identities.js';
import { asArray, asRecord, ownNumber, ownRecord, ownText, type JsonRecord } from './json-access.js';
import type { MappingReport } from './mapping-report.js';
import { normaliseName } from './names.js';
import { phaseMapper, type PhaseMapper, type StatusRef } from './phase-mapping.js';
import { parseJiraTime } from './site-time.js';
import { statusCategoryOf, type StatusCatalog } from './status-catalog.js';
import { typeMapper, type TypeMapper } from './type-mapping.js';

/** Rows derived from raw pages, ready to upsert. */
export interface MappedRows {
  tickets: TicketRow[];
  transitions: TicketTransitionRow[];
  identities: IdentityRow[];
  /** Issues that could not be mapped (no creation time), for a warning. */
  skipped: string[];
}

/** Everything the mapping of one source needs, built once per extraction. */
export interface IssueMapping {
  readonly sourceId: string;
  readonly config: JiraSourceConfig;
  readonly phases: PhaseMapper;
  readonly types: TypeMapper;
  readonly defects: DefectRules;
  readonly catalog: StatusCatalog;
  readonly report: MappingReport;
}

/**
 * The mapping of a source, from its config and the site's status catalog.
 *
 * @example
 * const mapping = issueMapping('jira:acme', config, statusCatalog(statusesBody), new MappingReport());
 */
export function issueMapping(sourceId: string, config: JiraSourceConfig, catalog: StatusCatalog, report: MappingReport): IssueMapping {
  return { sourceId, config, phases: phaseMapper(config.phases), types: typeMapper(config.types), defects: defectRules(config), catalog, report };
}

/**
 * A fresh, empty set of rows.
 *
 * @example
 * const rows = emptyRows(); // { tickets: [], transitions: [], identities: [], skipped: [] }
 */
export function emptyRows(): MappedRows {
  return { tickets: [], transitions: [], identities: [], skipped: [] };
}

/**
 * The stable ticket id of a Jira key.
 *
 * @example
 * ticketId('ABC-42'); // 'jira:ABC-42'
 */
export function ticketId(key: string): string {
  return `jira:${key}`;
}

/**
 * The project key of an issue key.
 *
 * @example
 * projectOfKey('ABC-42'); // 'ABC'
 */
export function projectOfKey(key: string): string | null {
  const dash = key.lastIndexOf('-');
  return dash > 0 ? key.slice(0, dash) : null;
}

/**
 * Map one issue of a search page into a ticket, its embedded changelog into transitions, and
 * the people it names into identities (appended to `rows`).
 *
 * @example
 * const rows = emptyRows();
 * mapIssue(mapping, issue, pageId, rows);
 */
export function mapIssue(mapping: IssueMapping, issue: JsonRecord, rawPageId: number, rows: MappedRows): void {
  const key = ownText(issue, 'key');
  const fields = ownRecord(issue, 'fields');
  if (key === null || fields === null) return;
  const created = parseJiraTime(ownText(fields, 'created'));
  if (!created) {
    rows.skipped.push(key);
    return;
  }
  const { config, sourceId } = mapping;
  const project = ownText(ownRecord(fields, 'project'), 'key') ?? projectOfKey(key);

  const issueType = ownRecord(fields, 'issuetype');
  const typeName = ownText(issueType, 'name');
  const typed = mapping.types.typeOf({
    id: ownText(issueType, 'id'),
    name: typeName,
    subtask: issueType?.subtask === true,
    hierarchyLevel: ownNumber(issueType, 'hierarchyLevel'),
  });
  if (typed.source === 'none' && typeName !== null) mapping.report.unmappedType(typeName, project);

  const status = ownRecord(fields, 'status');
  const statusRef: StatusRef = {
    project,
    id: ownText(status, 'id'),
    name: ownText(status, 'name'),
    category: statusCategoryOf(ownText(ownRecord(status, 'statusCategory'), 'key')),
  };
  const phase = phaseFor(mapping, statusRef);

  const labels = asArray(fields.labels).filter((label): label is string => typeof label === 'string');
  const resolution = ownText(ownRecord(fields, 'resolution'), 'name');
  const priority = ownText(ownRecord(fields, 'priority'), 'name');
  const customField = (id: string | null): unknown => (id === null ? undefined : fields[id]);
  const defect = mapping.defects.classify({
    type: typed.type,
    resolution,
    labels,
    priority,
    escapedFieldValues: fieldTexts(customField(config.escaped.field)),
  });

  const assignee = jiraIdentity(fields.assignee, sourceId);
  const reporter = jiraIdentity(fields.reporter, sourceId);
  for (const identity of [assignee, reporter]) if (identity) rows.identities.push(identity);

  const parent = ownRecord(fields, 'parent');
  const parentKey = ownText(parent, 'key');
  rows.tickets.push({
    ticket_id: ticketId(key),
    source_id: sourceId,
    provider: 'jira',
    key,
    project,
    url: `${config.url}/browse/${key}`,
    title: ownText(fields, 'summary'),
    type: typed.type,
    type_raw: typeName,
    status_raw: statusRef.name,
    status_category: statusRef.category,
    phase,
    resolution,
    priority,
    severity: fieldText(customField(config.fields.severity)),
    created_at: created,
    updated_at: parseJiraTime(ownText(fields, 'updated')),
    resolved_at: parseJiraTime(ownText(fields, 'resolutiondate')),
    assignee_identity_id: assignee?.identity_id ?? null,
    reporter_identity_id: reporter?.identity_id ?? null,
    parent_id: parentKey === null ? null : ticketId(parentKey),
    epic_id: epicOf(customField(config.fields.epicLink), parent),
    story_points: fieldNumber(customField(config.fields.storyPoints)),
    components: JSON.stringify(asArray(fields.components).flatMap((component) => ownText(asRecord(component), 'name') ?? [])),
    labels: JSON.stringify(labels),
    fix_versions: JSON.stringify(asArray(fields.fixVersions).map(fixVersion).filter((version) => version !== null)),
    found_in_environment: fieldText(customField(config.fields.foundInEnvironment)),
    is_defect: defect.isDefect,
    is_escaped: defect.isEscaped,
    removed_at: null,
    raw_page_id: rawPageId,
  });

  const changelog = ownRecord(issue, 'changelog');
  mapHistories(mapping, key, asArray(changelog?.histories), rawPageId, rows);
}

/**
 * Map changelog histories of one issue into status transitions (one per status item; the id is
 * `<ticket id>/<history id>/<item index>`, the index counted over all items of the history) and
 * their authors into identities.
 *
 * @example
 * mapHistories(mapping, 'ABC-42', changelog.histories, pageId, rows);
 */
export function mapHistories(mapping: IssueMapping, key: string, histories: readonly unknown[], rawPageId: number, rows: MappedRows): void {
  const project = projectOfKey(key);
  for (const entry of histories) {
    const history = asRecord(entry);
    const historyId = ownText(history, 'id');
    const at = parseJiraTime(ownText(history, 'created'));
    if (!history || historyId === null || !at) continue;
    const author = jiraIdentity(history.author, mapping.sourceId);
    let authorAdded = false;
    asArray(history.items).forEach((itemValue, index) => {
      const item = asRecord(itemValue);
      if (!item || !isStatusItem(item)) return;
      if (author && !authorAdded) {
        rows.identities.push(author);
        authorAdded = true;
      }
      const from = statusSide(mapping, project, ownText(item, 'from'), ownText(item, 'fromString'));
      const to = statusSide(mapping, project, ownText(item, 'to'), ownText(item, 'toString'));
      rows.transitions.push({
        transition_id: `${ticketId(key)}/${historyId}/${index}`,
        ticket_id: ticketId(key),
        from_status: from.name,
        to_status: to.name,
        from_category: from.category,
        to_category: to.category,
        from_phase: from.phase,
        to_phase: to.phase,
        at,
        by_identity_id: author?.identity_id ?? null,
        raw_page_id: rawPageId,
      });
    });
  }
}

/** Status changes only: Cloud names the field id, Data Center only the field and its type. */
function isStatusItem(item: JsonRecord): boolean {
  const fieldId = ownText(item, 'fieldId');
  if (fieldId !== null) return fieldId === 'status';
  return ownText(item, 'field')?.toLowerCase() === 'status' && ownText(item, 'fieldtype') !== 'custom';
}

function statusSide(mapping: IssueMapping, project: string | null, id: string | null, name: string | null) {
  if (id === null && name === null) return { name: null, category: null, phase: null };
  const category = mapping.catalog.categoryOf({ id, name });
  return { name, category, phase: phaseFor(mapping, { project, id, name, category }) };
}

function phaseFor(mapping: IssueMapping, status: StatusRef): string | null {
  if (status.id === null && status.name === null) return null;
  const { phase, source } = mapping.phases.phaseOf(status);
  const label = status.name ?? status.id!;
  if (source === 'none') mapping.report.unmappedStatus(label, status.project);
  else if (source === 'category' && status.category === 'indeterminate') mapping.report.categoryOnlyStatus(label, status.project);
  return phase;
}

/** The epic: the configured epic-link field (Data Center), else a parent at epic level (Cloud). */
function epicOf(epicLink: unknown, parent: JsonRecord | null): string | null {
  const linked = typeof epicLink === 'string' ? epicLink : ownText(asRecord(epicLink), 'key');
  if (linked) return ticketId(linked);
  const parentKey = ownText(parent, 'key');
  const parentType = ownRecord(ownRecord(parent, 'fields'), 'issuetype');
  const epicLevel = ownNumber(parentType, 'hierarchyLevel') === 1 || normaliseName(ownText(parentType, 'name') ?? '') === 'epic';
  return parentKey !== null && epicLevel ? ticketId(parentKey) : null;
}

function fixVersion(value: unknown): { name: string; released: boolean; releaseDate: string | null } | null {
  const version = asRecord(value);
  const name = ownText(version, 'name');
  if (name === null) return null;
  return { name, released: version?.released === true, releaseDate: ownText(version, 'releaseDate') };
}
