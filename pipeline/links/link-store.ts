import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../warehouse/database.js';
import type { NewLink } from './build-links.js';

/*
 * Writing a complete set of links without losing when each was first recorded. The links of a
 * refresh are gathered in a temporary table (cheap to write: no WAL, no other indexes), then
 * merged into core.links with three set-based statements: delete the links no longer supported,
 * insert the new ones, rewrite only the ones whose evidence changed. An unchanged link is not
 * touched, so a refresh over an unchanged warehouse writes almost nothing, and every link keeps
 * its created_at. All of it runs inside the caller's transaction, so readers see the old set or
 * the new one.
 */

/** Rows kept in memory before they are sent to the temporary table. */
const FLUSH_ROWS = 5_000;

/** The columns of core.links a refresh decides (created_at is the warehouse's). */
const COLUMNS = ['link_id', 'from_type', 'from_id', 'to_type', 'to_id', 'evidence_kind', 'evidence', 'closes'] as const;

/** What a finished refresh changed in core.links. */
export interface LinkStoreResult {
  /** Links the refresh found (the size of the new set). */
  links: number;
  /** Links inserted or rewritten. */
  written: number;
  /** Links of earlier refreshes no longer supported by any evidence. */
  removed: number;
}

/**
 * Buffered collector of one refresh's links. Create it inside a transaction with {@link LinkStore.open}.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const store = await LinkStore.open(trx);
 *   await store.add(links);
 *   await store.finish(); // { links, written, removed }
 * });
 */
export class LinkStore {
  readonly #db: Kysely<Database>;
  #pending: NewLink[] = [];

  private constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Prepares the temporary table; `db` must be a transaction (the table is dropped at its end). */
  static async open(db: Kysely<Database>): Promise<LinkStore> {
    if (!db.isTransaction) throw new Error('LinkStore.open: needs a transaction');
    // A second refresh inside the same transaction starts from an empty table too.
    await sql`DROP TABLE IF EXISTS pg_temp.links_next`.execute(db);
    await sql`
      CREATE TEMPORARY TABLE links_next (
        link_id text PRIMARY KEY, from_type text, from_id text, to_type text, to_id text,
        evidence_kind text, evidence text, closes boolean
      ) ON COMMIT DROP`.execute(db);
    return new LinkStore(db);
  }

  /** Queues links; sends them on when enough are waiting. */
  async add(links: readonly NewLink[]): Promise<void> {
    for (const link of links) this.#pending.push(link);
    if (this.#pending.length >= FLUSH_ROWS) await this.flush();
  }

  /**
   * Adds the links a query finds: `select` must return the columns of core.links except
   * created_at, in table order.
   *
   * @example
   * await store.addSelected(sql`SELECT … AS link_id, 'pr', … FROM core.pull_requests …`);
   */
  async addSelected(select: RawBuilder<unknown>): Promise<void> {
    await sql`
      INSERT INTO links_next (${sql.join(COLUMNS.map((column) => sql.ref(column)))})
      ${select}
      ON CONFLICT (link_id) DO NOTHING`.execute(this.#db);
  }

  /** Sends every queued link to the temporary table. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    const column = <K extends keyof NewLink>(key: K) => batch.map((link) => link[key]);
    await this.addSelected(sql`
      SELECT * FROM unnest(
        ${column('link_id')}::text[], ${column('from_type')}::text[], ${column('from_id')}::text[],
        ${column('to_type')}::text[], ${column('to_id')}::text[], ${column('evidence_kind')}::text[],
        ${column('evidence')}::text[], ${column('closes')}::boolean[])`);
  }

  /** Merges the gathered links into core.links. */
  async finish(): Promise<LinkStoreResult> {
    await this.flush();
    const columns = sql.join(COLUMNS.map((name) => sql.ref(name)));
    const decided = COLUMNS.filter((name) => name !== 'link_id');
    const removed = await sql`
      DELETE FROM core.links AS l
       WHERE NOT EXISTS (SELECT 1 FROM links_next AS n WHERE n.link_id = l.link_id)`.execute(this.#db);
    const written = await sql`
      INSERT INTO core.links (${columns})
      SELECT ${columns} FROM links_next
      ON CONFLICT (link_id) DO UPDATE SET
        ${sql.join(decided.map((name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`))}
      WHERE (${sql.join(decided.map((name) => sql.ref(`links.${name}`)))})
            IS DISTINCT FROM (${sql.join(decided.map((name) => sql.ref(`excluded.${name}`)))})`.execute(this.#db);
    const total = await sql<{ links: number }>`SELECT count(*)::int AS links FROM links_next`.execute(this.#db);
    return {
      links: Number(total.rows[0]?.links ?? 0),
      written: Number(written.numAffectedRows ?? 0),
      removed: Number(removed.numAffectedRows ?? 0),
    };
  }
}
