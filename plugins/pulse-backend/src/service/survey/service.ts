import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  DEFAULT_SURVEY_TEMPLATE_ID,
  SurveyAnswerValue,
  surveyAnswerErrors,
  surveyAnswersToStore,
  SurveyEntityView,
  SurveyRound,
  SurveyRoundInput,
  SurveyTemplate,
} from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';
import { canonicalEntityRef } from '../entityRefs';
import { ValidationError } from '../validation';
import { surveyAnswerRows } from './answerRows';
import { SurveyCatalog } from './catalog';
import { SurveyThresholds } from './config';
import { SurveyResultsService } from './results';
import { assertRoundOpen, roundTargets, storedTarget, SurveyRoundRecord, toSurveyRound } from './rounds';

/** Rounds and responses: what the router delegates to once a request is valid and allowed. */
export class SurveyService {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly catalog: SurveyCatalog,
    private readonly results: SurveyResultsService,
    private readonly thresholds: SurveyThresholds,
  ) {}

  async round(id: number): Promise<SurveyRoundRecord> {
    const round = await this.repository.rounds.get(id);
    if (!round) throw new NotFoundError(`No survey round ${id}`);
    return round;
  }

  async createTemplate(template: SurveyTemplate, now: number): Promise<SurveyTemplate> {
    if (!(await this.repository.templates.create(template, now))) {
      throw new ConflictError(`A survey template '${template.id}' exists already`);
    }
    return (await this.repository.templates.get(template.id))!;
  }

  async createRound(input: SurveyRoundInput, createdBy: string, now: number): Promise<SurveyRound> {
    const templateId = input.templateId ?? DEFAULT_SURVEY_TEMPLATE_ID;
    if (!(await this.repository.templates.get(templateId))) {
      throw new ValidationError([{ path: 'templateId', message: `no survey template '${templateId}'` }]);
    }
    const record = await this.repository.rounds.create({
      templateId,
      title: input.title,
      ...storedTarget(input.target),
      opensAt: Date.parse(input.opensAt),
      closesAt: Date.parse(input.closesAt),
      createdBy,
      createdAt: now,
    });
    return toSurveyRound(record, now);
  }

  async closeRound(id: number, now: number): Promise<SurveyRound> {
    await this.round(id);
    if (!(await this.repository.rounds.close(id, now))) {
      throw new ConflictError(`Survey round ${id} is closed already`);
    }
    return toSurveyRound(await this.round(id), now);
  }

  /**
   * Stores a user's answers: the round must be open and ask about the entity, the answers must fit its questions,
   * and the user must not have taken part yet (409).
   */
  async submit(
    roundId: number,
    userRef: string,
    input: { entityRef: string; answers: Record<string, unknown> },
    now: number,
  ): Promise<{ roundId: number; entityRef: string }> {
    const round = await this.round(roundId);
    assertRoundOpen(round, now);
    const entityRef = canonicalEntityRef(input.entityRef);
    const { ownerRef } = await this.catalog.ownerOf(entityRef);
    if (!roundTargets(round, entityRef, ownerRef)) {
      throw new InputError(`Survey round ${roundId} does not ask about ${entityRef}`);
    }
    const template = await this.results.template(round.templateId);
    const answers = input.answers as Record<string, SurveyAnswerValue>;
    const errors = surveyAnswerErrors(template.questions, answers);
    if (errors.length > 0) {
      throw new ValidationError(
        errors.map(e => ({ path: `answers.${e.questionId}`, message: e.message })),
        'answers',
      );
    }
    const outcome = await this.repository.responses.submit({
      roundId,
      userRef,
      entityRef,
      groupRef: ownerRef ?? null,
      answers: surveyAnswerRows(surveyAnswersToStore(template.questions, answers).map(a => [a.question.id, a.value])),
    });
    if (outcome === 'duplicate') {
      throw new ConflictError(`You have already answered survey round ${roundId}`);
    }
    return { roundId, entityRef };
  }

  /** The tab of an entity for a user: the open round to answer, whether they did, results and trend. */
  async entityView(entityRef: string, userRef: string | undefined, now: number): Promise<SurveyEntityView> {
    const { ownerRef } = await this.catalog.ownerOf(entityRef);
    const open = await this.repository.rounds.openFor(
      { entityRef, ownerRef, isComponent: entityRef.startsWith('component:') },
      now,
    );
    const answered = new Set<number>();
    for (const round of userRef ? open : []) {
      if (await this.repository.responses.hasResponded(round.id, userRef!)) answered.add(round.id);
    }
    const current = open.find(r => !answered.has(r.id)) ?? open[0];
    const trend = await this.results.trend({ type: 'entity', entityRef });
    const resultsRound = current ?? (await this.latestRoundWithResponses(trend.map(p => p.roundId)));
    return {
      entityRef,
      round: current
        ? { ...toSurveyRound(current, now), template: await this.results.template(current.templateId) }
        : null,
      hasResponded: current ? answered.has(current.id) : false,
      results: resultsRound ? await this.results.results(resultsRound, { type: 'entity', entityRef }) : null,
      trend,
      minRespondents: this.thresholds.minRespondents,
    };
  }

  private async latestRoundWithResponses(roundIds: number[]): Promise<SurveyRoundRecord | undefined> {
    const rounds = await this.repository.rounds.getMany(roundIds);
    return rounds[rounds.length - 1];
  }
}
