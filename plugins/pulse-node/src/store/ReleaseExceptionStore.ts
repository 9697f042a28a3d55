import { Knex } from 'knex';
import { ReleaseExceptionRow } from './DecisionTypes';

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** How often a check looks for the next grant after a concurrent check used up the one it found. */
const MAX_CONSUME_ATTEMPTS = 20;

const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function toRow(row: any): ReleaseExceptionRow {
  return {
    id: Number(row.id),
    entityRef: row.entity_ref,
    reason: row.reason,
    expiresAt: Number(row.expires_at),
    grantedBy: row.granted_by,
    grantedAt: Number(row.granted_at),
    usedAt: optionalNumber(row.used_at),
    usedBy: row.used_by ?? null,
  };
}

/** What {@link ReleaseExceptionStore.revoke} did. */
export type ReleaseExceptionRevocation = 'revoked' | 'unknown' | 'used';

/** One-release exceptions: granted by owners, each used up by at most one gate check. */
export class ReleaseExceptionStore {
  constructor(private readonly db: Knex) {}

  async grant(input: { entityRef: string; reason: string; expiresAt: number; grantedBy: string; grantedAt: number }) {
    const [row] = await this.db('pulse_release_exception')
      .insert({
        entity_ref: lower(input.entityRef),
        reason: input.reason,
        expires_at: input.expiresAt,
        granted_by: input.grantedBy,
        granted_at: input.grantedAt,
      })
      .returning('*');
    return toRow(row);
  }

  /** The entity's exceptions, newest first. */
  async list(entityRef: string, limit = 100): Promise<ReleaseExceptionRow[]> {
    const rows = await this.db('pulse_release_exception')
      .where('entity_ref', lower(entityRef))
      .orderBy([
        { column: 'granted_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(toRow);
  }

  /** The oldest unused, unexpired exception: the one the next blocked check would use. Reads only. */
  async oldestActive(entityRef: string, nowMs: number, db: Knex = this.db): Promise<ReleaseExceptionRow | undefined> {
    const row = await db('pulse_release_exception')
      .where('entity_ref', lower(entityRef))
      .whereNull('used_at')
      .where('expires_at', '>', nowMs)
      .orderBy([
        { column: 'granted_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .first();
    return row ? toRow(row) : undefined;
  }

  /**
   * Uses up the oldest active exception for a check by `usedBy`. The update is conditional on the grant being still
   * unused and unexpired, so of two concurrent checks exactly one gets it (on PostgreSQL the second waits for the
   * first's row lock, then finds `used_at` set and updates nothing); the loser looks for the next grant.
   */
  async consumeOldest(
    entityRef: string,
    nowMs: number,
    usedBy: string,
    db: Knex = this.db,
  ): Promise<ReleaseExceptionRow | undefined> {
    for (let attempt = 0; attempt < MAX_CONSUME_ATTEMPTS; attempt++) {
      const candidate = await this.oldestActive(entityRef, nowMs, db);
      if (!candidate) return undefined;
      const updated = await db('pulse_release_exception')
        .where('id', candidate.id)
        .whereNull('used_at')
        .where('expires_at', '>', nowMs)
        .update({ used_at: nowMs, used_by: usedBy });
      if (updated === 1) return { ...candidate, usedAt: nowMs, usedBy };
    }
    return undefined;
  }

  /** Deletes an unused exception of the entity; a used one stays, as the record of the release it let through. */
  async revoke(entityRef: string, id: number): Promise<ReleaseExceptionRevocation> {
    const deleted = await this.db('pulse_release_exception')
      .where({ id, entity_ref: lower(entityRef) })
      .whereNull('used_at')
      .delete();
    if (deleted === 1) return 'revoked';
    const row = await this.db('pulse_release_exception').where({ id, entity_ref: lower(entityRef) }).first();
    return row ? 'used' : 'unknown';
  }
}
