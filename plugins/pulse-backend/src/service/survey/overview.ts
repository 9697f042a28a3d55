import {
  rankSurveyPainPoints,
  SurveyHeadline,
  surveyHeadline,
  surveyHiddenReason,
  SurveyOverview,
  SurveyOverviewRow,
  SurveyQuestionAggregate,
  surveyQuestionResult,
  SurveyScope,
  surveyRoundStatus,
  SurveyTemplate,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyAudiences } from './audience';
import { SurveyThresholds } from './config';
import { SurveyResultsService } from './results';
import { SurveyRoundRecord, toSurveyRound } from './rounds';

type Buckets = Awaited<ReturnType<SurveyRepository['aggregates']['numericBucketsByEntity']>>;

/** Sums the per-entity buckets of the entities in a scope into one aggregate per question. */
function aggregatesOf(buckets: Buckets, inScope: (b: Buckets[number]) => boolean) {
  const byQuestion = new Map<string, SurveyQuestionAggregate>();
  for (const bucket of buckets.filter(inScope)) {
    const aggregate = byQuestion.get(bucket.questionId) ?? { answered: 0, distribution: {} };
    aggregate.answered += bucket.count;
    aggregate.distribution[String(bucket.value)] = (aggregate.distribution[String(bucket.value)] ?? 0) + bucket.count;
    byQuestion.set(bucket.questionId, aggregate);
  }
  return byQuestion;
}

/** The platform page: every team and entity of a round with its headline, org-wide pain points and the org trend. */
export class SurveyOverviewService {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly results: SurveyResultsService,
    private readonly thresholds: SurveyThresholds,
  ) {}

  /** The latest round that has opened, and the one of the same template before it. */
  private async pickRounds(roundId: number | undefined, now: number) {
    const rounds = (await this.repository.rounds.list()).filter(r => surveyRoundStatus(r, now) !== 'scheduled');
    const round = roundId === undefined ? rounds[0] : rounds.find(r => r.id === roundId);
    const previous = round
      ? rounds.find(r => r.templateId === round.templateId && r.opensAt < round.opensAt)
      : undefined;
    return { round, previous };
  }

  async overview(roundId: number | undefined, now: number): Promise<SurveyOverview | undefined> {
    const { round, previous } = await this.pickRounds(roundId, now);
    if (roundId !== undefined && !round) return undefined;
    const empty = {
      round: null,
      previousRound: null,
      minRespondents: this.thresholds.minRespondents,
      overall: null,
      teams: [],
      entities: [],
      painPoints: [],
    };
    if (!round) return { ...empty, trend: [] };
    const template = await this.results.template(round.templateId);
    const audiences = await this.results.audiences(previous ? [round.id, previous.id] : [round.id]);
    const headlineIds = template.questions.filter(q => q.type === 'scale' || q.type === 'nps').map(q => q.id);
    const buckets = await this.repository.aggregates.numericBucketsByEntity(round.id, headlineIds);

    const row = async (ref: string, scope: SurveyScope, inScope: (b: Buckets[number]) => boolean) => {
      const visibility = audiences.visibilityOf(round.id, scope);
      if (visibility.hidden) {
        return { ref, hidden: true, reason: surveyHiddenReason(visibility.cause, this.thresholds.minRespondents) } as const;
      }
      const headline = this.headline(template, audiences.respondentsOf(round.id, scope), aggregatesOf(buckets, inScope));
      const participation = scope.type === 'group' ? await this.results.participation(round, scope, audiences) : undefined;
      return { ref, hidden: false, ...headline, ...(participation ? { participation } : {}) } as const;
    };

    const teams: SurveyOverviewRow[] = [];
    for (const groupRef of audiences.groupsOf(round.id).sort()) {
      const scope = { type: 'group', groupRef } as const;
      const groups = new Set((audiences.aggregateScope(scope) as { groupRefs: string[] }).groupRefs);
      teams.push(await row(groupRef, scope, b => b.groupRef !== null && groups.has(b.groupRef)));
    }
    const entityRefs = [...new Set(audiences.entitiesOf(round.id).map(c => c.entityRef))].sort();
    const entities: SurveyOverviewRow[] = [];
    for (const entityRef of entityRefs) {
      const groupRef = audiences.ownerInRound(round.id, entityRef);
      const entityRow = await row(entityRef, { type: 'entity', entityRef }, b => b.entityRef === entityRef);
      entities.push({ ...entityRow, ...(groupRef ? { groupRef } : {}) });
    }
    const overall = await row('round', { type: 'round' }, () => true);

    return {
      round: toSurveyRound(round, now),
      previousRound: previous ? toSurveyRound(previous, now) : null,
      minRespondents: this.thresholds.minRespondents,
      overall,
      teams,
      entities,
      painPoints: await this.painPoints(template, round, previous, audiences),
      trend: await this.results.trend({ type: 'round' }),
    };
  }

  private headline(
    template: SurveyTemplate,
    respondents: number,
    aggregates: Map<string, SurveyQuestionAggregate>,
  ): SurveyHeadline {
    const questions = template.questions
      .filter(q => aggregates.has(q.id))
      .map(q => surveyQuestionResult(q, aggregates.get(q.id)!, { minRespondents: this.thresholds.minRespondents }));
    return surveyHeadline(respondents, questions);
  }

  /** Org-wide pain points (the template's first multiple-choice question), when the whole round may show. */
  private async painPoints(
    template: SurveyTemplate,
    round: SurveyRoundRecord,
    previous: SurveyRoundRecord | undefined,
    audiences: SurveyAudiences,
  ) {
    const question = template.questions.find(q => q.type === 'choice');
    if (!question || audiences.visibilityOf(round.id, { type: 'round' }).hidden) return [];
    const previousShown = previous && !audiences.visibilityOf(previous.id, { type: 'round' }).hidden;
    const roundIds = previous && previousShown ? [round.id, previous.id] : [round.id];
    const aggregates = await this.repository.aggregates.questionAggregates(roundIds, {});
    const current = aggregates.get(round.id)?.get(question.id);
    if (!current || current.answered < this.thresholds.minRespondents) return [];
    const before = previousShown ? aggregates.get(previous.id)?.get(question.id) : undefined;
    return rankSurveyPainPoints(question, current, before);
  }
}
