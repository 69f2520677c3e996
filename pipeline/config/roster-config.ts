import { z } from 'zod';

/*
 * The roster sections of codeledger.yaml beyond `people`: `teams` (nested, with dated
 * memberships and owned repositories/paths) and `identities` (override file and rules).
 * (Skeleton: the identities and teams work fills in the fields it reads.)
 */

/** Schema of one `teams` entry as written. */
export function teamSchema() {
  return z.strictObject({
    name: z.string().trim().min(1),
  });
}

/** Schema of the `identities` section as written. */
export function identitiesSchema() {
  return z.strictObject({});
}

export type TeamInput = z.output<ReturnType<typeof teamSchema>>;
export type IdentitiesInput = z.output<ReturnType<typeof identitiesSchema>>;

/** One resolved team. */
export interface TeamConfig {
  readonly name: string;
}

/** How identities are merged into people beyond the built-in rules. */
export interface IdentitiesConfig {}

/** Apply defaults to the validated `teams` list. */
export function resolveTeams(input: readonly TeamInput[] | null | undefined): TeamConfig[] {
  return (input ?? []).map((team) => ({ name: team.name }));
}

/** Apply defaults to the validated `identities` section. */
export function resolveIdentities(_input: IdentitiesInput | null | undefined): IdentitiesConfig {
  return {};
}
