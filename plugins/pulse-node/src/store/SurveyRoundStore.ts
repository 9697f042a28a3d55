import { Knex } from 'knex';

/** A round as stored: instants in epoch milliseconds. */
export interface SurveyRoundRecord {
  id: number;
  templateId: string;
  title: string;
  targetType: 'entity' | 'group' | 'components';
  /** The entity or group targeted; null for every Component. */
  targetRef: string | null;
  opensAt: number;
  closesAt: number;
  closedAt: number | null;
  createdBy: string;
  createdAt: number;
}

const columns = {
  id: 'id',
  templateId: 'template_id',
  title: 'title',
  targetType: 'target_type',
  targetRef: 'target_ref',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  closedAt: 'closed_at',
  createdBy: 'created_by',
  createdAt: 'created_at',
};

function toRecord(row: Record<string, unknown>): SurveyRoundRecord {
  const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(row.id),
    templateId: String(row.templateId),
    title: String(row.title),
    targetType: row.targetType as SurveyRoundRecord['targetType'],
    targetRef: (row.targetRef as string | null) ?? null,
    opensAt: Number(row.opensAt),
    closesAt: Number(row.closesAt),
    closedAt: nullableNumber(row.closedAt),
    createdBy: String(row.createdBy),
    createdAt: Number(row.createdAt),
  };
}

/** Survey rounds: who is asked, with which template, when. */
export class SurveyRoundStore {
  constructor(private readonly db: Knex) {}

  async create(round: Omit<SurveyRoundRecord, 'id' | 'closedAt'>): Promise<SurveyRoundRecord> {
    const [row] = await this.db('pulse_survey_round')
      .insert({
        template_id: round.templateId,
        title: round.title,
        target_type: round.targetType,
        target_ref: round.targetRef,
        opens_at: round.opensAt,
        closes_at: round.closesAt,
        created_by: round.createdBy,
        created_at: round.createdAt,
      })
      .returning('id');
    return { ...round, id: Number(typeof row === 'object' ? row.id : row), closedAt: null };
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
   * Rounds open at `now` that target an entity: the entity itself, its owning group, or every Component. Newest first.
   */
  async openFor(target: { entityRef: string; ownerRef?: string; isComponent: boolean }, now: number) {
    const rows = await this.db('pulse_survey_round')
      .select(columns)
      .whereNull('closed_at')
      .where('opens_at', '<=', now)
      .where('closes_at', '>', now)
      .where(q => {
        q.where({ target_type: 'entity', target_ref: target.entityRef });
        if (target.ownerRef) q.orWhere({ target_type: 'group', target_ref: target.ownerRef });
        if (target.isComponent) q.orWhere({ target_type: 'components' });
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
