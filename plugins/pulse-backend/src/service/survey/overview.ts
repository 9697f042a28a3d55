import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  rankSurveyPainPoints,
  SurveyHeadline,
  surveyHeadline,
  surveyHiddenReason,
  SurveyOverview,
  SurveyOverviewRow,
  SurveyParticipation,
  SurveyQuestion,
  SurveyQuestionAggregate,
  surveyQuestionResult,
  SurveyScope,
  surveyRoundStatus,
  SurveyTemplate,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { SurveyAudiences } from './audience';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';
import { RESULTS_WHEN_CLOSED, SurveyResultsService } from './results';
import { SurveyRoundRecord, toSurveyRound } from './rounds';

type Buckets = Awaited<ReturnType<SurveyRepository['aggregates']['numericBucketsByEntity']>>;

/** Sums per-entity buckets into one aggregate per question. */
function aggregatesOf(buckets: Buckets) {
  const byQuestion = new Map<string, SurveyQuestionAggregate>();
  for (const bucket of buckets) {
    const aggregate = byQuestion.get(bucket.questionId) ?? { answered: 0, distribution: {} };
    aggregate.answered += bucket.count;
    aggregate.distribution[String(bucket.value)] = (aggregate.distribution[String(bucket.value)] ?? 0) + bucket.count;
    byQuestion.set(bucket.questionId, aggregate);
  }
  return byQuestion;
}

/** Buckets indexed by a key, so that each row reads only its own (not every bucket of the round). */
function indexBy(buckets: Buckets, keyOf: (bucket: Buckets[number]) => string | null): Map<string, Buckets> {
  const index = new Map<string, Buckets>();
  for (const bucket of buckets) {
    const key = keyOf(bucket);
    if (key === null) continue;
    const list = index.get(key) ?? [];
    list.push(bucket);
    index.set(key, list);
  }
  return index;
}

/** A team with no response in a round: nothing to hide, but nothing to show either. */
const NO_RESPONSES_REASON = 'No responses in this round';

/** The name in a ref, for entities the catalog no longer knows. */
const nameOf = (ref: string) => parseEntityRef(ref).name;

const byTitle = (a: SurveyOverviewRow, b: SurveyOverviewRow) =>
  a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.ref.localeCompare(b.ref);

/** The platform page: every team and entity of a round with its headline, org-wide pain points and the org trend. */
export class SurveyOverviewService {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly catalog: SurveyCatalog,
    private readonly results: SurveyResultsService,
    private readonly thresholds: SurveyThresholds,
  ) {}

  /**
   * The asked round (undefined when it does not exist or has not opened) or by default the newest opened round whose
   * round-wide result shows (else the newest opened round); and the round of the same template before it.
   */
  private async pickRounds(rounds: SurveyRoundRecord[], audiences: SurveyAudiences, roundId: number | undefined, now: number) {
    const opened = rounds.filter(r => surveyRoundStatus(r, now) !== 'scheduled');
    const round = roundId === undefined ? await this.defaultRound(opened, audiences) : opened.find(r => r.id === roundId);
    const previous = round
      ? opened.find(r => r.templateId === round.templateId && r.opensAt < round.opensAt)
      : undefined;
    return { round, previous };
  }

  /** Newest first: the first round whose round-wide result shows; rounds below the minimum are skipped unread. */
  private async defaultRound(opened: SurveyRoundRecord[], audiences: SurveyAudiences) {
    const largeEnough = await this.repository.aggregates.roundsWithAtLeast(this.thresholds.minRespondents);
    const shown = opened.find(
      r =>
        largeEnough.has(r.id) &&
        !this.results.withheldUntilClosed(r) &&
        !audiences.visibilityOf(r.id, { type: 'round' }).hidden,
    );
    return shown ?? opened[0];
  }

  /**
   * A fixed number of queries whatever the size of the organisation: the rounds and their audiences once (for the
   * round, the previous round and the trend), one catalog query for every team's members and one SQL query for their
   * participation.
   */
  async overview(
    roundId: number | undefined,
    now: number,
    onBehalfOf?: BackstageCredentials,
  ): Promise<SurveyOverview | undefined> {
    const rounds = await this.repository.rounds.list();
    const audiences = await this.results.audiences(rounds.map(r => r.id));
    const { round, previous } = await this.pickRounds(rounds, audiences, roundId, now);
    if (roundId !== undefined && !round) return undefined;
    if (!round) {
      return {
        round: null,
        previousRound: null,
        minRespondents: this.thresholds.minRespondents,
        openResults: this.thresholds.openResults,
        overall: null,
        teams: [],
        entities: [],
        painPoints: [],
        trend: [],
      };
    }
    const template = await this.results.roundTemplate(round);
    const headlineIds = template.questions.filter(q => q.type === 'scale' || q.type === 'nps').map(q => q.id);
    const buckets = await this.repository.aggregates.numericBucketsByEntity(round.id, headlineIds);
    const bucketsByEntity = indexBy(buckets, b => b.entityRef);
    const bucketsByGroup = indexBy(buckets, b => b.groupRef);

    // In `closed` mode an open round lists no group or entity by its responses: which ones have some says when
    // batches were released.
    const withheld = this.results.withheldUntilClosed(round);
    const isShown = (scope: SurveyScope) =>
      audiences.respondentsOf(round.id, scope) > 0 && !audiences.visibilityOf(round.id, scope).hidden;
    const row = (
      ref: string,
      title: string,
      scope: SurveyScope,
      scopeBuckets: () => Buckets,
      participation?: SurveyParticipation,
    ): SurveyOverviewRow => {
      // Withheld first: "no responses" turning into "withheld" would tell that a batch was released.
      if (withheld) return { ref, title, hidden: true, reason: RESULTS_WHEN_CLOSED };
      const respondents = audiences.respondentsOf(round.id, scope);
      if (respondents === 0) return { ref, title, hidden: true, reason: NO_RESPONSES_REASON };
      const visibility = audiences.visibilityOf(round.id, scope);
      if (visibility.hidden) {
        const reason = surveyHiddenReason(visibility.cause, this.thresholds.minRespondents);
        return { ref, title, hidden: true, reason };
      }
      const questions = template.questions.filter(
        q => !this.results.questionHiddenReason(round, q, scope, audiences),
      );
      const headline = this.headline(questions, respondents, aggregatesOf(scopeBuckets()));
      return { ref, title, hidden: false, ...headline, ...(participation ? { participation } : {}) };
    };

    // Every team of the catalog, and every group (with its ancestors) that has responses in the round.
    // Titles are shown to the reader: read with their credentials.
    const groups = await this.catalog.groups(onBehalfOf);
    const groupTitles = new Map(groups.map(g => [g.ref, g.title]));
    const answered = withheld ? [] : audiences.groupsOf(round.id);
    const teamRefs = [...new Set([...groups.filter(g => g.isTeam).map(g => g.ref), ...answered])];
    const participation = await this.results.groupParticipation(
      round,
      teamRefs.filter(groupRef => isShown({ type: 'group', groupRef })),
    );
    const teams = teamRefs.map(groupRef => {
      const scope = { type: 'group', groupRef } as const;
      const subtree = (audiences.aggregateScope(round.id, scope) as { groupRefs: string[] }).groupRefs;
      const title = groupTitles.get(groupRef) ?? nameOf(groupRef);
      const teamBuckets = () => subtree.flatMap(ref => bucketsByGroup.get(ref) ?? []);
      return row(groupRef, title, scope, teamBuckets, participation.get(groupRef));
    });

    const entityRefs = withheld ? [] : [...new Set(audiences.entitiesOf(round.id).map(c => c.entityRef))];
    const entityTitles = await this.catalog.titlesOf(entityRefs, onBehalfOf);
    const entities = entityRefs.map(entityRef => {
      const groupRef = audiences.ownerInRound(round.id, entityRef);
      const title = entityTitles.get(entityRef) ?? nameOf(entityRef);
      const entityRow = row(entityRef, title, { type: 'entity', entityRef }, () => bucketsByEntity.get(entityRef) ?? []);
      return { ...entityRow, ...(groupRef ? { groupRef } : {}) };
    });

    return {
      round: toSurveyRound(round, now),
      previousRound: previous ? toSurveyRound(previous, now) : null,
      minRespondents: this.thresholds.minRespondents,
      openResults: this.thresholds.openResults,
      overall: row('round', round.title, { type: 'round' }, () => buckets),
      teams: teams.sort(byTitle),
      entities: entities.sort(byTitle),
      painPoints: await this.painPoints(template, round, previous, audiences),
      trend: await this.results.trendOf({ type: 'round' }, [...rounds].reverse(), audiences),
    };
  }

  /** The headline over the questions that may show in the row's scope. */
  private headline(
    shownQuestions: SurveyQuestion[],
    respondents: number,
    aggregates: Map<string, SurveyQuestionAggregate>,
  ): SurveyHeadline {
    const questions = shownQuestions
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
    await audiences.loadQuestionCounts(previous ? [round.id, previous.id] : [round.id]);
    const wholeRound = { type: 'round' } as const;
    const shows = (r: SurveyRoundRecord) =>
      !this.results.withheldUntilClosed(r) &&
      !audiences.visibilityOf(r.id, wholeRound).hidden &&
      !!question &&
      !this.results.questionHiddenReason(r, question, wholeRound, audiences);
    if (!question || !shows(round)) return [];
    const previousShown = previous && shows(previous);
    const roundIds = previous && previousShown ? [round.id, previous.id] : [round.id];
    const aggregates = await this.repository.aggregates.questionAggregates(roundIds, {});
    const current = aggregates.get(round.id)?.get(question.id);
    if (!current) return [];
    const before = previousShown ? aggregates.get(previous.id)?.get(question.id) : undefined;
    return rankSurveyPainPoints(question, current, before);
  }
}
