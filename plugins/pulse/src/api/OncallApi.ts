import { createApiRef } from '@backstage/core-plugin-api';
import { OncallHealth, SurveyResults, SurveyRoundSummary } from '@pulse/plugin-pulse-common';
import { entityPath, PulseHttpClient } from './PulseHttpClient';

/** The on-call question of the default survey template (docs/surveys.md). */
export const ONCALL_SURVEY_QUESTION_ID = 'on-call';

/** The team's answer to the on-call question in the latest closed round, or why it is not shown. */
export type OncallSurveyScore =
  | { roundTitle: string; mean: number; count: number }
  | { roundTitle: string; hidden: string };

type EntityLike = { kind: string; metadata: { name: string; namespace?: string } };

/** Reads the on-call part of the Pulse API. Components render only what this returns. */
export interface OncallApi {
  /** A team's (Group's) on-call health over the last 28 days; never names a responder. */
  getGroupHealth(group: EntityLike): Promise<OncallHealth>;
  /** An entity's on-call health over the last 28 days. */
  getEntityHealth(entity: EntityLike): Promise<OncallHealth>;
  /**
   * The survey's on-call score beside the figures: the latest closed round's result for the group or entity, as the
   * survey's anonymity rules show it; undefined when no closed round asked the question.
   */
  getSurveyScore(scope: { groupRef: string } | { entityRef: string }): Promise<OncallSurveyScore | undefined>;
}

export const pulseOncallApiRef = createApiRef<OncallApi>({ id: 'plugin.pulse.oncall' });

/** The HTTP client of {@link OncallApi}. */
export class OncallClient extends PulseHttpClient implements OncallApi {
  getGroupHealth(group: EntityLike): Promise<OncallHealth> {
    const path = [group.metadata.namespace ?? 'default', group.metadata.name].map(p => encodeURIComponent(p.toLocaleLowerCase('en-US')));
    return this.request(`/oncall/groups/${path.join('/')}`);
  }

  getEntityHealth(entity: EntityLike): Promise<OncallHealth> {
    return this.request(`/oncall${entityPath(entity)}`);
  }

  async getSurveyScore(scope: { groupRef: string } | { entityRef: string }): Promise<OncallSurveyScore | undefined> {
    const { items } = await this.request<{ items: SurveyRoundSummary[] }>('/surveys/rounds');
    const round = items.find(candidate => candidate.status === 'closed');
    if (!round) return undefined;
    const query = 'groupRef' in scope ? `groupRef=${encodeURIComponent(scope.groupRef)}` : `entityRef=${encodeURIComponent(scope.entityRef)}`;
    const results = await this.request<SurveyResults>(`/surveys/rounds/${round.id}/results?${query}`);
    if (results.hidden) return { roundTitle: round.title, hidden: results.reason };
    const question = results.questions.find(q => q.questionId === ONCALL_SURVEY_QUESTION_ID);
    if (!question) return undefined;
    if (question.hidden || question.mean === undefined) {
      return { roundTitle: round.title, hidden: question.reason ?? 'Not shown in this round' };
    }
    return { roundTitle: round.title, mean: question.mean, count: question.count ?? 0 };
  }
}
