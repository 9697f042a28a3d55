import {
  surveyHeadline,
  SurveyHiddenCause,
  surveyHiddenReason,
  SurveyParticipation,
  surveyQuestionResult,
  SurveyQuestionResult,
  SurveyResults,
  SurveyScope,
  SurveyTemplate,
  SurveyTrendPoint,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyAudiences } from './audience';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';
import { SurveyRoundRecord } from './rounds';

/**
 * Survey results under the anonymity rules: the store aggregates (GROUP BY), pulse-common scores, and the audience tree
 * decides what may show.
 */
export class SurveyResultsService {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly catalog: SurveyCatalog,
    private readonly thresholds: SurveyThresholds,
  ) {}

  private hiddenReason(cause: SurveyHiddenCause): string {
    return surveyHiddenReason(cause, this.thresholds.minRespondents);
  }

  private commentsHiddenReason(cause: SurveyHiddenCause): string {
    return cause === 'below-minimum'
      ? `Free-text answers show from ${this.thresholds.minTextRespondents} responses`
      : surveyHiddenReason('subtraction', this.thresholds.minTextRespondents);
  }

  async template(templateId: string): Promise<SurveyTemplate> {
    return (await this.repository.templates.get(templateId)) ?? { id: templateId, title: templateId, questions: [] };
  }

  audiences(roundIds: number[]): Promise<SurveyAudiences> {
    return SurveyAudiences.load(this.repository, this.catalog, this.thresholds, roundIds);
  }

  /** One round's results for a scope: every question, the headline and participation, or hidden with the reason. */
  async results(round: SurveyRoundRecord, scope: SurveyScope): Promise<SurveyResults> {
    const audiences = await this.audiences([round.id]);
    const visibility = audiences.visibilityOf(round.id, scope);
    if (visibility.hidden) {
      return { roundId: round.id, scope, hidden: true, reason: this.hiddenReason(visibility.cause) };
    }
    const template = await this.template(round.templateId);
    const aggregateScope = audiences.aggregateScope(scope);
    const aggregates = (await this.repository.aggregates.questionAggregates([round.id], aggregateScope)).get(round.id);
    const textVisibility = audiences.visibilityOf(round.id, scope, true);
    const questions: SurveyQuestionResult[] = [];
    for (const question of template.questions) {
      const aggregate = aggregates?.get(question.id) ?? { answered: 0, distribution: {} };
      const comments =
        question.type === 'text' && !textVisibility.hidden
          ? await this.repository.aggregates.textAnswers(round.id, question.id, aggregateScope)
          : undefined;
      questions.push(
        surveyQuestionResult(question, aggregate, {
          minRespondents: this.thresholds.minRespondents,
          comments,
          commentsHiddenReason: textVisibility.hidden ? this.commentsHiddenReason(textVisibility.cause) : undefined,
        }),
      );
    }
    const respondents = audiences.respondentsOf(round.id, scope);
    const participation = await this.participation(round, scope, audiences);
    return {
      roundId: round.id,
      scope,
      hidden: false,
      ...surveyHeadline(respondents, questions),
      questions,
      ...(participation ? { participation } : {}),
    };
  }

  /** The owning group whose members are the scope's audience, when known. */
  private audienceGroup(round: SurveyRoundRecord, scope: SurveyScope, audiences: SurveyAudiences) {
    if (scope.type === 'group') return scope.groupRef;
    if (scope.type === 'entity') return audiences.ownerInRound(round.id, scope.entityRef);
    if (round.targetType === 'group') return round.targetRef ?? undefined;
    if (round.targetType === 'entity' && round.targetRef) return audiences.ownerInRound(round.id, round.targetRef);
    return undefined;
  }

  /** Members of the owning group who took part, out of all its members. */
  async participation(
    round: SurveyRoundRecord,
    scope: SurveyScope,
    audiences: SurveyAudiences,
  ): Promise<SurveyParticipation | undefined> {
    const groupRef = this.audienceGroup(round, scope, audiences);
    return groupRef ? (await this.groupParticipation(round, [groupRef])).get(groupRef) : undefined;
  }

  /**
   * The participation of many groups in a round with one catalog query and one SQL query; groups without members are
   * absent.
   */
  async groupParticipation(round: SurveyRoundRecord, groupRefs: string[]): Promise<Map<string, SurveyParticipation>> {
    const membersByGroup = await this.catalog.membersOfGroups(groupRefs);
    const participantsByGroup = await this.repository.responses.participantsByGroup(round.id, membersByGroup);
    const result = new Map<string, SurveyParticipation>();
    for (const [groupRef, members] of membersByGroup) {
      if (members.length === 0) continue;
      const participants = participantsByGroup.get(groupRef) ?? 0;
      result.set(groupRef, { audienceSize: members.length, participants, rate: participants / members.length });
    }
    return result;
  }

  /** The headline of a scope in every round that has responses for it, oldest first. */
  async trend(scope: SurveyScope): Promise<SurveyTrendPoint[]> {
    const roundIds = await this.repository.aggregates.roundsWithResponses(
      scope.type === 'entity' ? { entityRef: scope.entityRef } : {},
    );
    return this.trendOf(scope, await this.repository.rounds.getMany(roundIds), await this.audiences(roundIds));
  }

  /**
   * `trend` over rounds and audiences the caller has loaded already (rounds oldest first; rounds without responses in
   * the scope are skipped): one SQL query for the numeric answers of every round.
   */
  async trendOf(scope: SurveyScope, rounds: SurveyRoundRecord[], audiences: SurveyAudiences): Promise<SurveyTrendPoint[]> {
    const withResponses = rounds.filter(round => audiences.respondentsOf(round.id, scope) > 0);
    const aggregates = await this.repository.aggregates.numericAggregates(
      withResponses.filter(round => !audiences.visibilityOf(round.id, scope).hidden).map(round => round.id),
      audiences.aggregateScope(scope),
    );
    const templates = new Map<string, SurveyTemplate>();
    const points: SurveyTrendPoint[] = [];
    for (const round of withResponses) {
      const respondents = audiences.respondentsOf(round.id, scope);
      const base = { roundId: round.id, title: round.title, opensAt: new Date(round.opensAt).toISOString() };
      const visibility = audiences.visibilityOf(round.id, scope);
      if (visibility.hidden) {
        points.push({ ...base, hidden: true, reason: this.hiddenReason(visibility.cause) });
        continue;
      }
      if (!templates.has(round.templateId)) templates.set(round.templateId, await this.template(round.templateId));
      const questions = templates
        .get(round.templateId)!
        .questions.filter(q => q.type === 'scale' || q.type === 'nps')
        .map(q =>
          surveyQuestionResult(q, aggregates.get(round.id)?.get(q.id) ?? { answered: 0, distribution: {} }, {
            minRespondents: this.thresholds.minRespondents,
          }),
        );
      points.push({ ...base, hidden: false, ...surveyHeadline(respondents, questions) });
    }
    return points;
  }
}
