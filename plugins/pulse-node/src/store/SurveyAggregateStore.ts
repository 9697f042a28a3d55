import { SurveyQuestionAggregate, SurveyRespondentCount } from '@pulse/plugin-pulse-common';
import { Knex } from 'knex';

type Row = Record<string, unknown>;

/** Which responses an aggregate covers: one entity, the responses owned by some groups, or all of the round. */
export type SurveyAggregateScope = { entityRef: string } | { groupRefs: string[] } | {};

/** Aggregates by round, then by question id. */
export type SurveyRoundAggregates = Map<number, Map<string, SurveyQuestionAggregate>>;

function applyScope(query: Knex.QueryBuilder, scope: SurveyAggregateScope): Knex.QueryBuilder {
  if ('entityRef' in scope) return query.where('r.entity_ref', scope.entityRef);
  if ('groupRefs' in scope) return query.whereIn('r.group_ref', scope.groupRefs);
  return query;
}

function aggregateOf(byRound: SurveyRoundAggregates, roundId: number, questionId: string) {
  const byQuestion = byRound.get(roundId) ?? new Map<string, SurveyQuestionAggregate>();
  byRound.set(roundId, byQuestion);
  const aggregate = byQuestion.get(questionId) ?? { answered: 0, distribution: {} };
  byQuestion.set(questionId, aggregate);
  return aggregate;
}

/** Survey results aggregated in SQL: counts by entity and group, and distributions per question. */
export class SurveyAggregateStore {
  constructor(private readonly db: Knex) {}

  /** Responses per round, entity and owning group (the audience tree's leaves). */
  async respondentCounts(roundIds: number[]): Promise<Array<SurveyRespondentCount & { roundId: number }>> {
    if (roundIds.length === 0) return [];
    const rows = (await this.db('pulse_survey_response')
      .whereIn('round_id', roundIds)
      .groupBy('round_id', 'entity_ref', 'group_ref')
      .select({ roundId: 'round_id', entityRef: 'entity_ref', groupRef: 'group_ref' })
      .count({ n: '*' })) as Row[];
    return rows.map(row => ({
      roundId: Number(row.roundId),
      entityRef: String(row.entityRef),
      groupRef: (row.groupRef as string | null) ?? null,
      respondents: Number(row.n),
    }));
  }

  /**
   * Per round, leaf (entity and owning group) and question: how many responses answered the question. The anonymity
   * rules run on these counts per question, as they run on respondents.
   */
  async questionCountsByLeaf(roundIds: number[]) {
    if (roundIds.length === 0) return [];
    const rows = (await this.db('pulse_survey_answer as a')
      .join('pulse_survey_response as r', 'r.id', 'a.response_id')
      .whereIn('r.round_id', roundIds)
      .groupBy('r.round_id', 'r.entity_ref', 'r.group_ref', 'a.question_id')
      .select({ roundId: 'r.round_id', entityRef: 'r.entity_ref', groupRef: 'r.group_ref', questionId: 'a.question_id' })
      .countDistinct({ n: 'a.response_id' })) as Row[];
    return rows.map(row => ({
      roundId: Number(row.roundId),
      entityRef: String(row.entityRef),
      groupRef: (row.groupRef as string | null) ?? null,
      questionId: String(row.questionId),
      respondents: Number(row.n),
    }));
  }

  /** Ids of the rounds with at least `minimum` responses (one GROUP BY on the round index). */
  async roundsWithAtLeast(minimum: number): Promise<Set<number>> {
    const rows = (await this.db('pulse_survey_response')
      .groupBy('round_id')
      .havingRaw('count(*) >= ?', [minimum])
      .select({ roundId: 'round_id' })) as Row[];
    return new Set(rows.map(row => Number(row.roundId)));
  }

  /**
   * Per round and question: how many responses answered, and the count of each scale point or choice. Two GROUP BY
   * queries; no answer row leaves the database.
   */
  async questionAggregates(roundIds: number[], scope: SurveyAggregateScope): Promise<SurveyRoundAggregates> {
    const byRound: SurveyRoundAggregates = new Map();
    if (roundIds.length === 0) return byRound;
    const base = () =>
      applyScope(
        this.db('pulse_survey_answer as a')
          .join('pulse_survey_response as r', 'r.id', 'a.response_id')
          .whereIn('r.round_id', roundIds),
        scope,
      );
    const answered = await base()
      .groupBy('r.round_id', 'a.question_id')
      .select({ roundId: 'r.round_id', questionId: 'a.question_id' })
      .countDistinct({ n: 'a.response_id' });
    for (const row of answered) {
      aggregateOf(byRound, Number(row.roundId), String(row.questionId)).answered = Number(row.n);
    }
    const buckets = await base()
      .whereNull('a.value_text')
      .where(q => q.whereNotNull('a.value_number').orWhereNotNull('a.choice'))
      .groupBy('r.round_id', 'a.question_id', 'a.value_number', 'a.choice')
      .select({ roundId: 'r.round_id', questionId: 'a.question_id', value: 'a.value_number', choice: 'a.choice' })
      .count({ n: '*' });
    for (const row of buckets) {
      const key = row.choice !== null ? String(row.choice) : String(Number(row.value));
      aggregateOf(byRound, Number(row.roundId), String(row.questionId)).distribution[key] = Number(row.n);
    }
    return byRound;
  }

  /**
   * Headline buckets of one round for every entity and owning group at once (for the overview): counts per scale point
   * of the given numeric questions, grouped by entity, group, question and value.
   */
  async numericBucketsByEntity(roundId: number, questionIds: string[]) {
    const rows = (await this.db('pulse_survey_answer as a')
      .join('pulse_survey_response as r', 'r.id', 'a.response_id')
      .where('r.round_id', roundId)
      .whereIn('a.question_id', questionIds)
      .whereNotNull('a.value_number')
      .groupBy('r.entity_ref', 'r.group_ref', 'a.question_id', 'a.value_number')
      .select({ entityRef: 'r.entity_ref', groupRef: 'r.group_ref', questionId: 'a.question_id', value: 'a.value_number' })
      .count({ n: '*' })) as Row[];
    return rows.map(row => ({
      entityRef: String(row.entityRef),
      groupRef: (row.groupRef as string | null) ?? null,
      questionId: String(row.questionId),
      value: Number(row.value),
      count: Number(row.n),
    }));
  }

  /**
   * Per round and question, the distribution of the numeric (scale and NPS) answers in a scope: one GROUP BY for
   * every round of a trend. A response stores one row per numeric question it answered, so `answered` is the sum.
   */
  async numericAggregates(roundIds: number[], scope: SurveyAggregateScope): Promise<SurveyRoundAggregates> {
    const byRound: SurveyRoundAggregates = new Map();
    if (roundIds.length === 0) return byRound;
    const rows = (await applyScope(
      this.db('pulse_survey_answer as a')
        .join('pulse_survey_response as r', 'r.id', 'a.response_id')
        .whereIn('r.round_id', roundIds)
        .whereNotNull('a.value_number'),
      scope,
    )
      .groupBy('r.round_id', 'a.question_id', 'a.value_number')
      .select({ roundId: 'r.round_id', questionId: 'a.question_id', value: 'a.value_number' })
      .count({ n: '*' })) as Row[];
    for (const row of rows) {
      const aggregate = aggregateOf(byRound, Number(row.roundId), String(row.questionId));
      aggregate.answered += Number(row.n);
      aggregate.distribution[String(Number(row.value))] = Number(row.n);
    }
    return byRound;
  }

  /** The free-text answers to a question in a scope, sorted so that their order says nothing about who or when. */
  async textAnswers(roundId: number, questionId: string, scope: SurveyAggregateScope, limit = 500): Promise<string[]> {
    const rows: Row[] = await applyScope(
      this.db('pulse_survey_answer as a')
        .join('pulse_survey_response as r', 'r.id', 'a.response_id')
        .where('r.round_id', roundId)
        .where('a.question_id', questionId)
        .whereNotNull('a.value_text'),
      scope,
    )
      .orderBy('a.value_text')
      .limit(limit)
      .select({ text: 'a.value_text' });
    return rows.map(row => String(row.text));
  }

  /** Rounds with at least one response in the scope, for trends. */
  async roundsWithResponses(scope: SurveyAggregateScope): Promise<number[]> {
    const rows: Row[] = await applyScope(this.db('pulse_survey_response as r'), scope).distinct({ roundId: 'r.round_id' });
    return rows.map(row => Number(row.roundId));
  }
}
