import {
  surveyHeadline,
  SurveyHiddenCause,
  surveyHiddenReason,
  SurveyParticipation,
  SurveyQuestion,
  surveyQuestionResult,
  SurveyQuestionResult,
  SurveyResults,
  SurveyRoundParticipation,
  SurveyScope,
  SurveyTemplate,
  SurveyTrendPoint,
  SurveyVisibility,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyAudiences } from './audience';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';
import { SurveyRoundRecord } from './rounds';

/** Why nothing of an open round shows in `closed` mode. */
export const RESULTS_WHEN_CLOSED = 'Results show when the round closes';
/** Why an optional question of an open round is withheld in `batched` mode: not every answer in a batch answers it. */
export const OPTIONAL_WHEN_CLOSED = 'Answers to optional questions show when the round closes';

/** Why free-text answers of an open round are withheld (a required text question included). */
export const COMMENTS_WHEN_CLOSED = 'Free-text answers show when the round closes';

/** Why a round's participation is not listed before it is finalized: until then it would tick with each answer. */
export const PARTICIPATION_WHEN_FINAL = 'Participation shows once the round has closed';
/** Why a round of every Component lists no round-wide participation: there is no one owning group to count. */
export const PARTICIPATION_PER_TEAM = 'Counted per team for a round of all components: see the Teams table of the round';

/** Whether a round's last answers are released: then its results no longer change. */
export const isFinal = (round: SurveyRoundRecord) => round.finalizedAt !== null;

/**
 * Survey results under the anonymity rules: the store aggregates (GROUP BY), pulse-common scores, and the audience tree
 * decides what may show, for respondents and for each question.
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

  /**
   * Why free-text answers are withheld, or undefined when they may show. They show only once the round is final: a
   * batch adds `minRespondents` answers, fewer than `minTextRespondents`, so comparing the comments before and after
   * a batch would narrow their authors below the free-text minimum.
   */
  private commentsWithheldReason(round: SurveyRoundRecord, textVisibility: SurveyVisibility): string | undefined {
    if (!isFinal(round)) return COMMENTS_WHEN_CLOSED;
    return textVisibility.hidden ? this.commentsHiddenReason(textVisibility.cause) : undefined;
  }

  /** A round's results are withheld until it closes in `closed` mode; in `batched` mode they show batch by batch. */
  withheldUntilClosed(round: SurveyRoundRecord): boolean {
    return this.thresholds.openResults === 'closed' && !isFinal(round);
  }

  /** The template version a round asks (the latest version without one). */
  async template(templateId: string, version?: number): Promise<SurveyTemplate> {
    return (
      (await this.repository.templates.get(templateId, version)) ?? { id: templateId, title: templateId, questions: [] }
    );
  }

  roundTemplate(round: SurveyRoundRecord): Promise<SurveyTemplate> {
    return this.template(round.templateId, round.templateVersion);
  }

  audiences(roundIds: number[]): Promise<SurveyAudiences> {
    return SurveyAudiences.load(this.repository, this.catalog, this.thresholds, roundIds);
  }

  /** Why a question is withheld in a scope, or undefined when its answers may show. */
  questionHiddenReason(
    round: SurveyRoundRecord,
    question: SurveyQuestion,
    scope: SurveyScope,
    audiences: SurveyAudiences,
  ): string | undefined {
    if (!question.required && !isFinal(round)) return OPTIONAL_WHEN_CLOSED;
    const visibility = audiences.questionVisibilityOf(round.id, scope, question);
    return visibility.hidden ? this.hiddenReason(visibility.cause) : undefined;
  }

  /** One round's results for a scope: every question, the headline and participation, or hidden with the reason. */
  async results(round: SurveyRoundRecord, scope: SurveyScope): Promise<SurveyResults> {
    if (this.withheldUntilClosed(round)) return { roundId: round.id, scope, hidden: true, reason: RESULTS_WHEN_CLOSED };
    const audiences = await this.audiences([round.id]);
    const visibility = audiences.visibilityOf(round.id, scope);
    if (visibility.hidden) {
      return { roundId: round.id, scope, hidden: true, reason: this.hiddenReason(visibility.cause) };
    }
    const template = await this.roundTemplate(round);
    await audiences.loadQuestionCounts([round.id]);
    const aggregateScope = audiences.aggregateScope(round.id, scope);
    const aggregates = (await this.repository.aggregates.questionAggregates([round.id], aggregateScope)).get(round.id);
    const questions: SurveyQuestionResult[] = [];
    for (const question of template.questions) {
      const reason = this.questionHiddenReason(round, question, scope, audiences);
      if (reason) {
        questions.push({ questionId: question.id, type: question.type, prompt: question.prompt, hidden: true, reason });
        continue;
      }
      const commentsHiddenReason = this.commentsWithheldReason(
        round,
        audiences.questionVisibilityOf(round.id, scope, question, true),
      );
      const comments =
        question.type === 'text' && !commentsHiddenReason
          ? await this.repository.aggregates.textAnswers(round.id, question.id, aggregateScope)
          : undefined;
      questions.push(
        surveyQuestionResult(question, aggregates?.get(question.id) ?? { answered: 0, distribution: {} }, {
          minRespondents: this.thresholds.minRespondents,
          comments,
          commentsHiddenReason,
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

  /** Members of the owning group who took part, out of all its members; shown once the round is final. */
  async participation(
    round: SurveyRoundRecord,
    scope: SurveyScope,
    audiences: SurveyAudiences,
  ): Promise<SurveyParticipation | undefined> {
    const groupRef = this.audienceGroup(round, scope, audiences);
    return groupRef ? (await this.groupParticipation(round, [groupRef])).get(groupRef) : undefined;
  }

  /**
   * The participation of groups in a round, as reduced to counts when the round was finalized: before that it would
   * tick with each answer, so it is not shown. Groups with fewer than `minRespondents` members are absent.
   */
  async groupParticipation(round: SurveyRoundRecord, groupRefs: string[]): Promise<Map<string, SurveyParticipation>> {
    const result = new Map<string, SurveyParticipation>();
    if (!isFinal(round)) return result;
    const counts = await this.repository.responses.participationCounts(round.id);
    for (const groupRef of groupRefs) {
      const count = counts.get(groupRef);
      // A group of fewer members than the minimum would tell whether each of them took part.
      if (!count || count.members < this.thresholds.minRespondents) continue;
      result.set(groupRef, {
        audienceSize: count.members,
        participants: count.participants,
        rate: count.participants / count.members,
      });
    }
    return result;
  }

  /**
   * The round-wide participation of each round, or why it is not shown: exactly what the round's results would carry
   * (finalized, an owning group of at least minRespondents members, the round-wide result shown), so the list tells
   * nothing the results do not. One audience load for every round that could show a figure.
   */
  async roundsParticipation(rounds: SurveyRoundRecord[]): Promise<Map<number, SurveyRoundParticipation>> {
    const result = new Map<number, SurveyRoundParticipation>();
    const candidates: SurveyRoundRecord[] = [];
    for (const round of rounds) {
      if (!isFinal(round)) result.set(round.id, { hidden: true, reason: PARTICIPATION_WHEN_FINAL });
      else if (round.targetType === 'components') result.set(round.id, { hidden: true, reason: PARTICIPATION_PER_TEAM });
      else candidates.push(round);
    }
    if (candidates.length === 0) return result;
    const audiences = await this.audiences(candidates.map(r => r.id));
    const scope: SurveyScope = { type: 'round' };
    for (const round of candidates) {
      const visibility = audiences.visibilityOf(round.id, scope);
      if (visibility.hidden) {
        result.set(round.id, { hidden: true, reason: this.hiddenReason(visibility.cause) });
        continue;
      }
      const participation = await this.participation(round, scope, audiences);
      result.set(
        round.id,
        participation
          ? { hidden: false, ...participation }
          : {
              hidden: true,
              reason: `Not shown for a group of fewer than ${this.thresholds.minRespondents} members: it would tell whether each of them took part`,
            },
      );
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
   * the scope, and rounds withheld until they close, are skipped): one SQL query for the numeric answers of the rounds that share a group tree.
   */
  async trendOf(scope: SurveyScope, rounds: SurveyRoundRecord[], audiences: SurveyAudiences): Promise<SurveyTrendPoint[]> {
    // A round withheld until it closes has no point yet: a hidden point appearing would tell that a batch was released.
    const withResponses = rounds.filter(
      round => !this.withheldUntilClosed(round) && audiences.respondentsOf(round.id, scope) > 0,
    );
    const shown = withResponses.filter(round => !audiences.visibilityOf(round.id, scope).hidden);
    const aggregates = await this.numericAggregatesByTree(scope, shown, audiences);
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
      const key = `${round.templateId}@${round.templateVersion}`;
      if (!templates.has(key)) templates.set(key, await this.roundTemplate(round));
      const questions = templates
        .get(key)!
        .questions.filter(q => (q.type === 'scale' || q.type === 'nps') && !this.questionHiddenReason(round, q, scope, audiences))
        .map(q =>
          surveyQuestionResult(q, aggregates.get(round.id)?.get(q.id) ?? { answered: 0, distribution: {} }, {
            minRespondents: this.thresholds.minRespondents,
          }),
        );
      points.push({ ...base, hidden: false, ...surveyHeadline(respondents, questions) });
    }
    return points;
  }

  /** Numeric aggregates of some rounds in a scope: one query per distinct group subtree (rounds freeze their tree). */
  private async numericAggregatesByTree(scope: SurveyScope, rounds: SurveyRoundRecord[], audiences: SurveyAudiences) {
    const byScope = new Map<string, { scope: ReturnType<SurveyAudiences['aggregateScope']>; roundIds: number[] }>();
    for (const round of rounds) {
      const aggregateScope = audiences.aggregateScope(round.id, scope);
      const key = JSON.stringify(aggregateScope);
      const entry = byScope.get(key) ?? { scope: aggregateScope, roundIds: [] };
      entry.roundIds.push(round.id);
      byScope.set(key, entry);
    }
    const merged: Awaited<ReturnType<SurveyRepository['aggregates']['numericAggregates']>> = new Map();
    for (const { scope: aggregateScope, roundIds } of byScope.values()) {
      for (const [roundId, byQuestion] of await this.repository.aggregates.numericAggregates(roundIds, aggregateScope)) {
        merged.set(roundId, byQuestion);
      }
    }
    return merged;
  }
}
