import { Knex } from 'knex';

/** Survey templates, rounds, participation and anonymous answers. */
export class SurveyRepository {
  constructor(private readonly db: Knex) {}

  /** How many rounds exist. */
  async countRounds(): Promise<number> {
    const row = await this.db('pulse_survey_round').count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }
}
