import { ConflictError, InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
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
import { SurveyReleases } from './releases';
import { SurveyResultsService } from './results';
import { assertRoundOpen, roundTargets, storedTarget, SurveyRoundRecord, toSurveyRound } from './rounds';

/** Rounds and responses: what the router delegates to once a request is valid and allowed. */
export class SurveyService {
  constructor(
    private readonly repository: SurveyRepository,
    private readonly catalog: SurveyCatalog,
    private readonly results: SurveyResultsService,
    private readonly releases: SurveyReleases,
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

  /** Creates a round on the latest version of its template, with the catalog's group tree and owners frozen. */
  async createRound(input: SurveyRoundInput, createdBy: string, now: number): Promise<SurveyRound> {
    const templateId = input.templateId ?? DEFAULT_SURVEY_TEMPLATE_ID;
    const template = await this.repository.templates.get(templateId);
    if (!template) {
      throw new ValidationError([{ path: 'templateId', message: `no survey template '${templateId}'` }]);
    }
    const target = storedTarget(input.target);
    const record = await this.repository.rounds.create(
      {
        templateId,
        templateVersion: template.version ?? 1,
        title: input.title,
        ...target,
        opensAt: Date.parse(input.opensAt),
        closesAt: Date.parse(input.closesAt),
        audience: input.audience ?? 'owners',
        createdBy,
        createdAt: now,
      },
      await this.catalog.roundSnapshot(target),
    );
    return toSurveyRound(record, now);
  }

  /** Closes a round and finalizes it at once: its last answers released, participation reduced to counts. */
  async closeRound(id: number, now: number): Promise<SurveyRound> {
    await this.round(id);
    if (!(await this.repository.rounds.close(id, now))) {
      throw new ConflictError(`Survey round ${id} is closed already`);
    }
    await this.releases.finalize(await this.round(id), now);
    return toSurveyRound(await this.round(id), now);
  }

  /** Erases a round: its answers (released and pending), participation and counts, and the round. */
  async deleteRound(id: number): Promise<void> {
    if (!(await this.repository.rounds.delete(id))) throw new NotFoundError(`No survey round ${id}`);
  }

  /**
   * Where a user may answer in a round: the entity must be asked, and unless the round is open to everyone, owned by
   * a group the user belongs to, directly or through a child group (in the round's frozen tree). Returns the owning
   * group the response is counted under (the first by ref), or throws.
   */
  private async answeringGroup(round: SurveyRoundRecord, userRef: string, entityRef: string): Promise<string | null> {
    const frozen = await this.repository.rounds.ownersInRound(round.id, entityRef);
    const owners = frozen ? frozen.owners : await this.catalog.ownersOf(entityRef);
    const asked = frozen ? frozen.asked : roundTargets(round, entityRef, owners);
    if (!asked) throw new InputError(`Survey round ${round.id} does not ask about ${entityRef}`);
    if (round.audience === 'owners' && !(await this.belongsToAny(round, userRef, owners))) {
      // The owning groups are not named: the round's frozen tree may hold groups the caller's catalog view hides.
      throw new NotAllowedError(`Survey round ${round.id} asks only members of the groups owning ${entityRef}`);
    }
    return owners[0] ?? null;
  }

  /** Whether a user is a member of one of the groups, directly or through a child group, in the round's tree. */
  private async belongsToAny(round: SurveyRoundRecord, userRef: string, groupRefs: string[]): Promise<boolean> {
    const parents = (await this.repository.rounds.groupTrees([round.id])).get(round.id) ?? new Map();
    const mine = new Set<string>();
    for (const group of await this.catalog.groupsOfUser(userRef)) {
      for (let ref: string | null | undefined = group; ref && !mine.has(ref); ref = parents.get(ref)) mine.add(ref);
    }
    return groupRefs.some(group => mine.has(group));
  }

  /** The open rounds a user may answer on an entity (all of them for a reader who is not a user). */
  private async answerable(rounds: SurveyRoundRecord[], userRef: string | undefined, entityRef: string) {
    if (!userRef) return rounds;
    const allowed: SurveyRoundRecord[] = [];
    for (const round of rounds) {
      if (round.audience === 'everyone') allowed.push(round);
      else {
        const owners = (await this.repository.rounds.ownersInRound(round.id, entityRef))?.owners ?? (await this.catalog.ownersOf(entityRef));
        if (await this.belongsToAny(round, userRef, owners)) allowed.push(round);
      }
    }
    return allowed;
  }

  /**
   * Stores a user's answers: the round must be open and ask them about the entity, the answers must fit its questions,
   * and the user must not have taken part yet (409). The answers wait in the pending pool; full leaves are released.
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
    const groupRef = await this.answeringGroup(round, userRef, entityRef);
    const template = await this.results.roundTemplate(round);
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
      groupRef,
      answers: surveyAnswerRows(surveyAnswersToStore(template.questions, answers).map(a => [a.question.id, a.value])),
    });
    if (outcome === 'duplicate') {
      throw new ConflictError(`You have already answered survey round ${roundId}`);
    }
    await this.releases.releaseFullLeaves(roundId);
    return { roundId, entityRef };
  }

  /** The tab of an entity for a user: the open round to answer, whether they did, results and trend. */
  async entityView(entityRef: string, userRef: string | undefined, now: number): Promise<SurveyEntityView> {
    const ownerRefs = await this.catalog.ownersOf(entityRef);
    // A round the user may not answer here is not offered to them (its results still show, by the same rules).
    const open = await this.answerable(
      await this.repository.rounds.openFor({ entityRef, ownerRefs, isComponent: entityRef.startsWith('component:') }, now),
      userRef,
      entityRef,
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
      round: current ? { ...toSurveyRound(current, now), template: await this.results.roundTemplate(current) } : null,
      hasResponded: current ? answered.has(current.id) : false,
      results: resultsRound ? await this.results.results(resultsRound, { type: 'entity', entityRef }) : null,
      trend,
      minRespondents: this.thresholds.minRespondents,
      openResults: this.thresholds.openResults,
    };
  }

  private async latestRoundWithResponses(roundIds: number[]): Promise<SurveyRoundRecord | undefined> {
    const rounds = await this.repository.rounds.getMany(roundIds);
    return rounds[rounds.length - 1];
  }
}
