import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

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

/** Who took part (participation) and what was answered (responses and answers), kept apart. */
export class SurveyResponseStore {
  constructor(private readonly db: Knex) {}

  /**
   * Records that a user took part and stores their anonymous response, in one transaction. The response gets a random
   * id and carries no user and no time. Returns 'duplicate' when the user already took part in the round (also under
   * concurrent double submits: the participation primary key decides).
   */
  async submit(input: {
    roundId: number;
    userRef: string;
    entityRef: string;
    groupRef: string | null;
    answers: SurveyAnswerRecord[];
  }): Promise<'created' | 'duplicate'> {
    try {
      await this.db.transaction(async tx => {
        await tx('pulse_survey_participation').insert({ round_id: input.roundId, user_ref: input.userRef });
        const responseId = randomUUID();
        await tx('pulse_survey_response').insert({
          id: responseId,
          round_id: input.roundId,
          entity_ref: input.entityRef,
          group_ref: input.groupRef,
        });
        if (input.answers.length > 0) {
          await tx('pulse_survey_answer').insert(
            input.answers.map(a => ({
              response_id: responseId,
              question_id: a.questionId,
              value_number: a.valueNumber ?? null,
              choice: a.choice ?? null,
              value_text: a.valueText ?? null,
            })),
          );
        }
      });
      return 'created';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
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
  async participantsByGroup(roundId: number, membersByGroup: Map<string, string[]>): Promise<Map<string, number>> {
    const pairs = [...membersByGroup].flatMap(([groupRef, userRefs]) =>
      [...new Set(userRefs)].map(userRef => [groupRef, userRef]),
    );
    const counts = new Map<string, number>();
    // Chunked to stay under bind-parameter limits; a pair is in one chunk only, so the counts add up.
    for (let i = 0; i < pairs.length; i += 5000) {
      const chunk = pairs.slice(i, i + 5000);
      const result = await this.db.raw(
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
}
