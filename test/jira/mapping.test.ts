import { describe, expect, it } from 'vitest';
import { defectRules } from '../../collectors/jira/defect-rules.js';
import { fieldNumber, fieldText, fieldTexts } from '../../collectors/jira/field-values.js';
import { retryAfterMs } from '../../collectors/jira/jira-http.js';
import { incrementalJql, listingJql, scopeCondition } from '../../collectors/jira/jql.js';
import { MappingReport } from '../../collectors/jira/mapping-report.js';
import { phaseMapper } from '../../collectors/jira/phase-mapping.js';
import { jqlMinute, parseJiraTime } from '../../collectors/jira/site-time.js';
import { statusCatalog } from '../../collectors/jira/status-catalog.js';
import { typeMapper } from '../../collectors/jira/type-mapping.js';
import { DEFAULT_EXCLUDED_RESOLUTIONS } from '../../pipeline/config/jira-config.js';

const noTypes = { requirement: [], bug: [], incident: [], task: [], subtask: [], other: [] };

describe('status → phase', () => {
  const mapper = phaseMapper({
    default: { '10101': 'review', 'Ready For Dev': 'develop' },
    projects: { OPS: { Warteschlange: 'blocked', 'In Review': 'test' } },
  });
  const status = (name: string | null, category: 'new' | 'indeterminate' | 'done' | null, project = 'ABC', id: string | null = null) => ({
    project,
    id,
    name,
    category,
  });

  it('uses the typical names of each phase, whole names only', () => {
    expect(mapper.phaseOf(status('PRD Review', 'indeterminate')).phase).toBe('clarify');
    expect(mapper.phaseOf(status('Code Review', 'indeterminate')).phase).toBe('review');
    expect(mapper.phaseOf(status('UAT', 'indeterminate')).phase).toBe('test');
    expect(mapper.phaseOf(status('ready for release', 'indeterminate')).phase).toBe('release');
    expect(mapper.phaseOf(status('On  Hold', 'indeterminate')).phase).toBe('blocked');
    expect(mapper.phaseOf(status('Backlog', 'new'))).toEqual({ phase: 'backlog', source: 'name' });
  });

  it('places statuses in any language by category, and by id or name when configured', () => {
    expect(mapper.phaseOf(status('In Bearbeitung', 'indeterminate'))).toEqual({ phase: 'develop', source: 'category' });
    expect(mapper.phaseOf(status('Offen', 'new'))).toEqual({ phase: 'backlog', source: 'category' });
    expect(mapper.phaseOf(status('Erledigt', 'done'))).toEqual({ phase: 'done', source: 'category' });
    expect(mapper.phaseOf(status('Prüfung', 'indeterminate', 'ABC', '10101'))).toEqual({ phase: 'review', source: 'site' });
    // A site override wins over the built-in name rule.
    expect(mapper.phaseOf(status('ready for dev', 'indeterminate'))).toEqual({ phase: 'develop', source: 'site' });
  });

  it('lets a project override the site and the name rules', () => {
    expect(mapper.phaseOf(status('Warteschlange', 'indeterminate', 'OPS'))).toEqual({ phase: 'blocked', source: 'project' });
    expect(mapper.phaseOf(status('In Review', 'indeterminate', 'OPS')).phase).toBe('test');
    expect(mapper.phaseOf(status('In Review', 'indeterminate', 'ABC')).phase).toBe('review');
  });

  it('leaves a status with no rule and no category unmapped', () => {
    expect(mapper.phaseOf(status('Legacy State', null))).toEqual({ phase: null, source: 'none' });
  });
});

describe('issue type → canonical type', () => {
  const mapper = typeMapper({ ...noTypes, requirement: ['Anforderung'], bug: ['10050'] });
  const type = (name: string, extra: { id?: string; subtask?: boolean; hierarchyLevel?: number | null } = {}) => ({
    id: extra.id ?? null,
    name,
    subtask: extra.subtask ?? false,
    hierarchyLevel: extra.hierarchyLevel ?? null,
  });

  it('applies overrides by name or id, then sub-task and hierarchy flags, then names', () => {
    expect(mapper.typeOf(type('Anforderung'))).toEqual({ type: 'requirement', source: 'override' });
    expect(mapper.typeOf(type('Fehler', { id: '10050' }))).toEqual({ type: 'bug', source: 'override' });
    expect(mapper.typeOf(type('Unteraufgabe', { subtask: true }))).toEqual({ type: 'subtask', source: 'subtask' });
    expect(mapper.typeOf(type('Großprojekt', { hierarchyLevel: 1 }))).toEqual({ type: 'other', source: 'hierarchy' });
    expect(mapper.typeOf(type('New Feature')).type).toBe('requirement');
    expect(mapper.typeOf(type('Improvement')).type).toBe('requirement');
    expect(mapper.typeOf(type('Defect')).type).toBe('bug');
    expect(mapper.typeOf(type('Incident')).type).toBe('incident');
    expect(mapper.typeOf(type('Task')).type).toBe('task');
    expect(mapper.typeOf(type('Epic'))).toEqual({ type: 'other', source: 'name' });
    expect(mapper.typeOf(type('Kaizen'))).toEqual({ type: 'other', source: 'none' });
  });
});

describe('defects and escaped defects', () => {
  const rules = defectRules({
    excludedResolutions: DEFAULT_EXCLUDED_RESOLUTIONS,
    escaped: { field: 'customfield_1', values: ['production'], labels: ['escaped'], priorities: ['Blocker'] },
  });
  const facts = (overrides: Partial<Parameters<typeof rules.classify>[0]>) => ({
    type: 'bug' as const,
    resolution: null,
    labels: [],
    priority: null,
    escapedFieldValues: [],
    ...overrides,
  });

  it('counts bugs unless an excluded resolution closed them (any apostrophe, any case)', () => {
    expect(rules.classify(facts({}))).toEqual({ isDefect: true, isEscaped: false });
    expect(rules.classify(facts({ resolution: 'Fixed' })).isDefect).toBe(true);
    expect(rules.classify(facts({ resolution: 'won’t fix' })).isDefect).toBe(false);
    expect(rules.classify(facts({ resolution: 'NOT A BUG' })).isDefect).toBe(false);
    expect(rules.classify(facts({ type: 'requirement' })).isDefect).toBe(false);
  });

  it('marks escapes by field value, label or priority, and every incident', () => {
    expect(rules.classify(facts({ escapedFieldValues: ['Staging', 'Production'] })).isEscaped).toBe(true);
    expect(rules.classify(facts({ labels: ['Escaped'] })).isEscaped).toBe(true);
    expect(rules.classify(facts({ priority: 'blocker' })).isEscaped).toBe(true);
    expect(rules.classify(facts({ escapedFieldValues: ['Staging'] })).isEscaped).toBe(false);
    expect(rules.classify(facts({ type: 'incident' }))).toEqual({ isDefect: false, isEscaped: true });
    expect(rules.classify(facts({ type: 'incident', resolution: 'Duplicate' }))).toEqual({ isDefect: false, isEscaped: false });
  });
});

describe('field values', () => {
  it('reads options, cascades, lists, numbers and rich text', () => {
    expect(fieldText({ value: 'Critical', id: '3' })).toBe('Critical');
    expect(fieldTexts({ value: 'EU', child: { value: 'Production' } })).toEqual(['EU', 'Production']);
    expect(fieldText([{ value: 'prod' }, { name: 'web' }])).toBe('prod, web');
    expect(fieldText({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Found in' }, { type: 'text', text: 'production' }] }] })).toBe(
      'Found in production',
    );
    expect(fieldText(null)).toBeNull();
    expect(fieldNumber('3.5')).toBe(3.5);
    expect(fieldNumber({ value: 3 })).toBeNull();
  });
});

describe('site times and JQL', () => {
  it('writes JQL minutes in the site zone and reads Jira offsets', () => {
    expect(jqlMinute(new Date('2024-03-10T09:30:59Z'), 'Europe/Berlin')).toBe('2024-03-10 10:30');
    expect(jqlMinute(new Date('2024-07-01T03:05:00Z'), 'America/New_York')).toBe('2024-06-30 23:05');
    expect(jqlMinute(new Date('2024-03-31T01:00:00Z'), 'Europe/Berlin')).toBe('2024-03-31 03:00');
    expect(parseJiraTime('2024-03-10T10:30:12.345+0100')?.toISOString()).toBe('2024-03-10T09:30:12.345Z');
    expect(parseJiraTime('2024-03-10T04:30:12.000-05:00')?.toISOString()).toBe('2024-03-10T09:30:12.000Z');
    expect(parseJiraTime('10/Mar/24 10:30 AM')).toBeNull();
  });

  it('bounds, orders and combines the scope', () => {
    expect(scopeCondition({ projects: ['ABC'], jql: 'labels = backend' })).toBe('project in ("ABC") AND (labels = backend)');
    expect(incrementalJql({ projects: [], jql: 'filter = 10001' }, '2024-03-10 10:29')).toBe(
      '(filter = 10001) AND updated >= "2024-03-10 10:29" ORDER BY updated ASC, key ASC',
    );
    expect(incrementalJql({ projects: ['ABC', 'OPS'], jql: null }, null)).toBe('project in ("ABC", "OPS") ORDER BY updated ASC, key ASC');
    expect(listingJql({ projects: ['ABC'], jql: null })).toBe('project in ("ABC") ORDER BY key ASC');
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2024-03-10T10:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 10 Mar 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});

describe('status catalog and the mapping report', () => {
  it('gives historic statuses their category by id, then by name', () => {
    const catalog = statusCatalog([
      { id: '3', name: 'In Arbeit', statusCategory: { key: 'indeterminate' } },
      { id: '4', name: 'Fertig', statusCategory: { key: 'done' } },
      { id: '5', name: 'Ohne', statusCategory: { key: 'undefined' } },
    ]);
    expect(catalog.categoryOf({ id: '3', name: 'renamed since' })).toBe('indeterminate');
    expect(catalog.categoryOf({ id: null, name: 'fertig' })).toBe('done');
    expect(catalog.categoryOf({ id: '5', name: 'Ohne' })).toBeNull();
    expect(catalog.categoryOf({ id: '9', name: 'Gone' })).toBeNull();
  });

  it('lists each unmapped status and type once with its projects', () => {
    const report = new MappingReport();
    report.unmappedStatus('Legacy', 'ABC');
    report.unmappedStatus('Legacy', 'OPS');
    report.unmappedStatus('Legacy', 'ABC');
    report.unmappedType('Kaizen', 'ABC');
    expect(report.warnings()).toEqual([
      'Jira statuses with no phase (phase left empty; name them under phases): "Legacy" (ABC, OPS)',
      'Jira issue types with no mapping (counted as other; name them under types): "Kaizen" (ABC)',
    ]);
  });
});
