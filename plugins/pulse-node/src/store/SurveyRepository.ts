import { Knex } from 'knex';
import { SurveyAggregateStore } from './SurveyAggregateStore';
import { SurveyResponseStore } from './SurveyResponseStore';
import { SurveyRoundStore } from './SurveyRoundStore';
import { SurveyTemplateStore } from './SurveyTemplateStore';

export type { SurveyRoundRecord, SurveyRoundSnapshot } from './SurveyRoundStore';
export { NO_OWNER as SURVEY_NO_OWNER } from './SurveyRoundStore';
export type { SurveyAnswerRecord } from './SurveyResponseStore';
export type { SurveyAggregateScope, SurveyRoundAggregates } from './SurveyAggregateStore';

/**
 * Survey templates, rounds, participation and anonymous answers; one store per job. Participation (who) and answers
 * (what) are written in separate transactions and never read together; answers reach the response tables only in
 * shuffled batches (`responses.release`).
 */
export class SurveyRepository {
  readonly templates: SurveyTemplateStore;
  readonly rounds: SurveyRoundStore;
  readonly responses: SurveyResponseStore;
  readonly aggregates: SurveyAggregateStore;

  constructor(db: Knex) {
    this.templates = new SurveyTemplateStore(db);
    this.rounds = new SurveyRoundStore(db);
    this.responses = new SurveyResponseStore(db);
    this.aggregates = new SurveyAggregateStore(db);
  }
}
