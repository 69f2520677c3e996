/**
 * What the mapping could not place, collected over one extraction and turned into warnings for
 * the run log. The same facts stay queryable: unmapped statuses leave `phase` null, unmapped
 * types are `other` with `type_raw` kept.
 */
export class MappingReport {
  private readonly unmappedStatuses = new Map<string, Set<string>>();
  private readonly categoryOnlyStatuses = new Map<string, Set<string>>();
  private readonly unmappedTypes = new Map<string, Set<string>>();

  /** A status with no phase at all (no override, no name rule, no known category). */
  unmappedStatus(name: string, project: string | null): void {
    add(this.unmappedStatuses, name, project);
  }

  /**
   * An in-progress status placed by its category alone (develop): review, test, release and
   * blocked statuses in other languages land here until an override names them.
   */
  categoryOnlyStatus(name: string, project: string | null): void {
    add(this.categoryOnlyStatuses, name, project);
  }

  /** An issue type no rule knows (counted as other). */
  unmappedType(name: string, project: string | null): void {
    add(this.unmappedTypes, name, project);
  }

  /**
   * The warnings, one per kind, naming each status or type and its projects.
   *
   * @example
   * report.unmappedType('Spike', 'ABC');
   * report.warnings(); // ['Jira issue types with no mapping (counted as other; name them under types): "Spike" (ABC)']
   */
  warnings(): string[] {
    const warnings: string[] = [];
    if (this.unmappedStatuses.size > 0) {
      warnings.push(`Jira statuses with no phase (phase left empty; name them under phases): ${describe(this.unmappedStatuses)}`);
    }
    if (this.categoryOnlyStatuses.size > 0) {
      warnings.push(
        `Jira statuses mapped by their category alone (in progress → develop; name them under phases to place them in review, test, release or blocked): ${describe(this.categoryOnlyStatuses)}`,
      );
    }
    if (this.unmappedTypes.size > 0) {
      warnings.push(`Jira issue types with no mapping (counted as other; name them under types): ${describe(this.unmappedTypes)}`);
    }
    return warnings;
  }
}

function add(map: Map<string, Set<string>>, name: string, project: string | null): void {
  let projects = map.get(name);
  if (!projects) map.set(name, (projects = new Set()));
  if (project !== null) projects.add(project);
}

function describe(map: ReadonlyMap<string, ReadonlySet<string>>): string {
  return [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, projects]) => (projects.size > 0 ? `"${name}" (${[...projects].sort().join(', ')})` : `"${name}"`))
    .join(', ');
}
