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
    let total = 0;
    // Chunked to stay under bind-parameter limits for very large groups.
    for (let i = 0; i < userRefs.length; i += 500) {
      const row = await this.db('pulse_survey_participation')
        .where('round_id', roundId)
        .whereIn('user_ref', userRefs.slice(i, i + 500))
        .count({ n: '*' })
        .first();
      total += Number(row?.n ?? 0);
    }
    return total;
  }
}
