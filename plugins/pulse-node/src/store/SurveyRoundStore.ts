import { Knex } from 'knex';

/** A round as stored: instants in epoch milliseconds. */
export interface SurveyRoundRecord {
  id: number;
  templateId: string;
  /** The immutable template version the round asks. */
  templateVersion: number;
  title: string;
  targetType: 'entity' | 'group' | 'components';
  /** The entity or group targeted; null for every Component. */
  targetRef: string | null;
  opensAt: number;
  closesAt: number;
  closedAt: number | null;
  /** `owners`: members of an owning group answer; `everyone`: any signed-in user. */
  audience: 'owners' | 'everyone';
  /** When the last answers were released and participation reduced to counts; null while not done. */
  finalizedAt: number | null;
  createdBy: string;
  createdAt: number;
}

/** The owner row of an asked entity that no group owns. */
export const NO_OWNER = '';

/** A round's frozen view of the catalog: each group's parent and each asked entity's owning groups. */
export interface SurveyRoundSnapshot {
  groups: Array<{ groupRef: string; parentRef: string | null }>;
  /** Every asked entity with each owning group; `NO_OWNER` for an entity no group owns. */
  owners: Array<{ entityRef: string; groupRef: string }>;
}

const columns = {
  id: 'id',
  templateId: 'template_id',
  templateVersion: 'template_version',
  title: 'title',
  targetType: 'target_type',
  targetRef: 'target_ref',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  closedAt: 'closed_at',
  audience: 'audience',
  finalizedAt: 'finalized_at',
  createdBy: 'created_by',
  createdAt: 'created_at',
};

function toRecord(row: Record<string, unknown>): SurveyRoundRecord {
  const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(row.id),
    templateId: String(row.templateId),
    templateVersion: Number(row.templateVersion),
    title: String(row.title),
    targetType: row.targetType as SurveyRoundRecord['targetType'],
    targetRef: (row.targetRef as string | null) ?? null,
    opensAt: Number(row.opensAt),
    closesAt: Number(row.closesAt),
    closedAt: nullableNumber(row.closedAt),
    audience: row.audience === 'everyone' ? 'everyone' : 'owners',
    finalizedAt: nullableNumber(row.finalizedAt),
    createdBy: String(row.createdBy),
    createdAt: Number(row.createdAt),
  };
}

/** Survey rounds: who is asked, with which template, when. */
export class SurveyRoundStore {
  constructor(private readonly db: Knex) {}

  /** Creates a round with its frozen catalog view, in one transaction. */
  async create(
    round: Omit<SurveyRoundRecord, 'id' | 'closedAt' | 'finalizedAt'>,
    snapshot: SurveyRoundSnapshot = { groups: [], owners: [] },
  ): Promise<SurveyRoundRecord> {
    return this.db.transaction(async tx => {
      const [row] = await tx('pulse_survey_round')
        .insert({
          template_id: round.templateId,
          template_version: round.templateVersion,
          title: round.title,
          target_type: round.targetType,
          target_ref: round.targetRef,
          opens_at: round.opensAt,
          closes_at: round.closesAt,
          audience: round.audience,
          created_by: round.createdBy,
          created_at: round.createdAt,
        })
        .returning('id');
      const id = Number(typeof row === 'object' ? row.id : row);
      const groups = snapshot.groups.map(g => ({ round_id: id, group_ref: g.groupRef, parent_ref: g.parentRef }));
      const owners = snapshot.owners.map(o => ({ round_id: id, entity_ref: o.entityRef, group_ref: o.groupRef }));
      for (let i = 0; i < groups.length; i += 300) await tx('pulse_survey_round_group').insert(groups.slice(i, i + 300));
      for (let i = 0; i < owners.length; i += 300) await tx('pulse_survey_round_owner').insert(owners.slice(i, i + 300));
      return { ...round, id, closedAt: null, finalizedAt: null };
    });
  }

  /**
   * The frozen group tree of some rounds: each group's parent (null at the top). Rounds created before snapshots
   * existed have none.
   */
  async groupTrees(roundIds: number[]): Promise<Map<number, Map<string, string | null>>> {
    const result = new Map<number, Map<string, string | null>>();
    if (roundIds.length === 0) return result;
    for (const g of await this.db('pulse_survey_round_group').whereIn('round_id', roundIds)) {
      const tree = result.get(Number(g.round_id)) ?? new Map<string, string | null>();
      tree.set(g.group_ref, g.parent_ref ?? null);
      result.set(Number(g.round_id), tree);
    }
    return result;
  }

  /**
   * Whether a round asks about an entity and its owning groups there (sorted): undefined when the round has no
   * snapshot (created before snapshots existed), `asked: false` when the snapshot does not list the entity.
   */
  async ownersInRound(roundId: number, entityRef: string): Promise<{ asked: boolean; owners: string[] } | undefined> {
    const hasSnapshot = await this.db('pulse_survey_round_owner').where('round_id', roundId).first(this.db.raw('1 as present'));
    if (!hasSnapshot) return undefined;
    const rows: string[] = await this.db('pulse_survey_round_owner')
      .where({ round_id: roundId, entity_ref: entityRef })
      .orderBy('group_ref')
      .pluck('group_ref');
    return { asked: rows.length > 0, owners: rows.filter(ref => ref !== NO_OWNER) };
  }

  /** Rounds past their close (by time or by a manager) whose last answers are not released yet. */
  async dueForFinalization(now: number): Promise<SurveyRoundRecord[]> {
    const rows = await this.db('pulse_survey_round')
      .select(columns)
      .whereNull('finalized_at')
      .where(q => q.whereNotNull('closed_at').orWhere('closes_at', '<=', now));
    return rows.map(toRecord);
  }

  async markFinalized(id: number, now: number): Promise<void> {
    await this.db('pulse_survey_round').where('id', id).whereNull('finalized_at').update({ finalized_at: now });
  }

  /**
   * Erases a round: its answers (released and pending), participation and counts, snapshot and the round itself, in
   * one transaction. False when there is no such round.
   */
  async delete(id: number): Promise<boolean> {
    return this.db.transaction(async tx => {
      // Erasure: on SQLite the deleted answers and participation are overwritten, not left readable in free pages
      // (the setting is per connection: one that never released or finalized anything has it off).
      if (String(this.db.client.config.client).includes('sqlite')) await tx.raw('PRAGMA secure_delete = ON');
      await tx('pulse_survey_answer')
        .whereIn('response_id', tx('pulse_survey_response').where('round_id', id).select('id'))
        .delete();
      for (const table of [
        'pulse_survey_response',
        'pulse_survey_pending',
        'pulse_survey_participation',
        'pulse_survey_participation_count',
        'pulse_survey_round_group',
        'pulse_survey_round_owner',
        'pulse_survey_late',
      ]) {
        await tx(table).where('round_id', id).delete();
      }
      return (await tx('pulse_survey_round').where('id', id).delete()) > 0;
    });
  }

  /** Every round, newest first. */
  async list(): Promise<SurveyRoundRecord[]> {
    const rows = await this.db('pulse_survey_round').select(columns).orderBy([
      { column: 'opens_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    return rows.map(toRecord);
  }

  async get(id: number): Promise<SurveyRoundRecord | undefined> {
    const row = await this.db('pulse_survey_round').select(columns).where('id', id).first();
    return row ? toRecord(row) : undefined;
  }

  /** Closes a round that is not closed yet; false when it was closed already (by a manager or by its close time). */
  async close(id: number, now: number): Promise<boolean> {
    const updated = await this.db('pulse_survey_round')
      .where('id', id)
      .whereNull('closed_at')
      .where('closes_at', '>', now)
      .update({ closed_at: now });
    return updated > 0;
  }

  /**
   * Rounds open at `now` that ask about an entity: those whose snapshot lists it; rounds created before snapshots
   * existed match on their target (the entity itself, one of its owning groups, or every Component). Newest first.
   */
  async openFor(target: { entityRef: string; ownerRefs: string[]; isComponent: boolean }, now: number) {
    const snapshotOf = (q: Knex.QueryBuilder) =>
      q.select(this.db.raw('1')).from('pulse_survey_round_owner as o').whereRaw('o.round_id = pulse_survey_round.id');
    const rows = await this.db('pulse_survey_round')
      .select(columns)
      .whereNull('closed_at')
      .where('opens_at', '<=', now)
      .where('closes_at', '>', now)
      .where(q => {
        q.whereExists(inner => snapshotOf(inner).where('o.entity_ref', target.entityRef));
        q.orWhere(legacy => {
          legacy.whereNotExists(inner => snapshotOf(inner));
          legacy.where(t => {
            t.where({ target_type: 'entity', target_ref: target.entityRef });
            if (target.ownerRefs.length > 0) t.orWhere(g => g.where('target_type', 'group').whereIn('target_ref', target.ownerRefs));
            if (target.isComponent) t.orWhere({ target_type: 'components' });
          });
        });
      })
      .orderBy([
        { column: 'opens_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ]);
    return rows.map(toRecord);
  }

  /** Rounds by id, oldest first. */
  async getMany(ids: number[]): Promise<SurveyRoundRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db('pulse_survey_round')
      .select(columns)
      .whereIn('id', ids)
      .orderBy([
        { column: 'opens_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(toRecord);
  }
}
