import { Knex } from 'knex';
import { SurveyReleaseStore } from './SurveyReleaseStore';

/** One stored answer: a number, one selected choice, or free text. A choice question answered with none is all null. */
export interface SurveyAnswerRecord {
  questionId: string;
  valueNumber?: number;
  choice?: string;
  valueText?: string;
}

/** Rows of the participation primary key already present: a second submission. */
function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Who took part (participation) and what was answered (the pending pool, then the response tables), kept apart:
 * participation and the answers are written in two transactions, and answers reach the response tables only in
 * shuffled batches released by {@link SurveyReleaseStore}.
 */
export class SurveyResponseStore {
  readonly release: SurveyReleaseStore;

  constructor(private readonly db: Knex) {
    this.release = new SurveyReleaseStore(db);
  }

  /**
   * Records that a user took part, then, in a separate transaction, puts their answers in the pending pool under a
   * random id with no user and no time, shuffled with the answers waiting in the same leaf (see `addPending`). Returns 'duplicate' when the user already took part in the round (also under
   * concurrent double submits: the participation primary key decides). When the pending write fails, the
   * participation is withdrawn so that the user may try again.
   */
  async submit(input: {
    roundId: number;
    userRef: string;
    entityRef: string;
    groupRef: string | null;
    answers: SurveyAnswerRecord[];
  }): Promise<'created' | 'duplicate'> {
    try {
      await this.db('pulse_survey_participation').insert({ round_id: input.roundId, user_ref: input.userRef });
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
    try {
      await this.release.addPending(
        { roundId: input.roundId, entityRef: input.entityRef, groupRef: input.groupRef },
        JSON.stringify(input.answers),
      );
    } catch (error) {
      await this.db('pulse_survey_participation').where({ round_id: input.roundId, user_ref: input.userRef }).delete();
      throw error;
    }
    return 'created';
  }

  async hasResponded(roundId: number, userRef: string): Promise<boolean> {
    const row = await this.db('pulse_survey_participation')
      .where({ round_id: roundId, user_ref: userRef })
      .first(this.db.raw('1 as present'));
    return Boolean(row);
  }

  /** How many of the given users took part in a round (for participation rates). */
  async countParticipants(roundId: number, userRefs: string[]): Promise<number> {
    return (await this.participantsByGroup(roundId, new Map([['', userRefs]]))).get('') ?? 0;
  }

  /**
   * How many members of each group took part in a round, for many groups at once: the group-to-member mapping is
   * inlined as VALUES, joined to the round's participation and counted per group. Groups without a participant are
   * absent.
   */
  async participantsByGroup(
    roundId: number,
    membersByGroup: Map<string, string[]>,
    db: Knex = this.db,
  ): Promise<Map<string, number>> {
    const pairs = [...membersByGroup].flatMap(([groupRef, userRefs]) =>
      [...new Set(userRefs)].map(userRef => [groupRef, userRef]),
    );
    const counts = new Map<string, number>();
    // Chunked to stay under bind-parameter limits; a pair is in one chunk only, so the counts add up.
    for (let i = 0; i < pairs.length; i += 5000) {
      const chunk = pairs.slice(i, i + 5000);
      const result = await db.raw(
        `WITH member (group_ref, user_ref) AS (VALUES ${chunk.map(() => '(?, ?)').join(', ')})
         SELECT m.group_ref AS group_ref, COUNT(*) AS n
         FROM member m JOIN pulse_survey_participation p ON p.round_id = ? AND p.user_ref = m.user_ref
         GROUP BY m.group_ref`,
        [...chunk.flat(), roundId],
      );
      const rows: Array<{ group_ref: string; n: string | number }> = Array.isArray(result) ? result : result.rows;
      for (const row of rows) counts.set(row.group_ref, (counts.get(row.group_ref) ?? 0) + Number(row.n));
    }
    return counts;
  }

  /**
   * Reduces who took part in a closed round to counts per group (members and participants), then deletes the
   * per-person rows, in one transaction. Run once the round's last answers are released.
   */
  async reduceParticipation(roundId: number, membersByGroup: Map<string, string[]>): Promise<void> {
    await this.db.transaction(async tx => {
      await this.release.secureDelete(tx);
      const participants = await this.participantsByGroup(roundId, membersByGroup, tx);
      const rows = [...membersByGroup].map(([groupRef, members]) => ({
        round_id: roundId,
        group_ref: groupRef,
        members: new Set(members).size,
        participants: participants.get(groupRef) ?? 0,
      }));
      await tx('pulse_survey_participation_count').where('round_id', roundId).delete();
      for (let i = 0; i < rows.length; i += 300) await tx('pulse_survey_participation_count').insert(rows.slice(i, i + 300));
      await tx('pulse_survey_participation').where('round_id', roundId).delete();
    });
  }

  /** Members and participants per group of a closed round, as reduced; groups not counted are absent. */
  async participationCounts(roundId: number): Promise<Map<string, { members: number; participants: number }>> {
    const rows = await this.db('pulse_survey_participation_count').where('round_id', roundId);
    return new Map(rows.map(r => [r.group_ref, { members: Number(r.members), participants: Number(r.participants) }]));
  }
}
