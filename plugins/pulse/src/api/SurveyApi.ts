import { createApiRef, DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  SurveyAnswerValue,
  SurveyEntityView,
  SurveyOverview,
  SurveyRound,
  SurveyRoundInput,
  SurveyRoundSummary,
  SurveyTemplate,
} from '@pulse/plugin-pulse-common';
import { ApiRefusalError } from './ApiRefusalError';
import { entityPath, PulseHttpClient } from './PulseHttpClient';

/** Reads and writes the survey part of the Pulse API. Components render only what this returns. */
export interface SurveyApi {
  /** The entity's tab for the signed-in user: the open round, whether they answered, results and trend. */
  getEntitySurvey(entity: { kind: string; metadata: { name: string; namespace?: string } }): Promise<SurveyEntityView>;
  /** Answers a round on an entity's tab; rejects with the server's error (409 answered already, 400 bad answers). */
  submitResponse(
    roundId: number,
    input: { entityRef: string; answers: Record<string, SurveyAnswerValue> },
  ): Promise<{ roundId: number; entityRef: string }>;
  /** Every round, newest first, with its participation (or why it is hidden). */
  getRounds(): Promise<SurveyRoundSummary[]>;
  /**
   * Creates a round (needs pulse.survey.manage). The management writes reject with an ApiRefusalError: the server's
   * message, and for a 400 the fields it names (`body.errors[].path`).
   */
  createRound(input: SurveyRoundInput): Promise<SurveyRound>;
  /** Closes an open round at once (needs pulse.survey.manage); 409 when it is closed already. */
  closeRound(roundId: number): Promise<SurveyRound>;
  /** Erases a round with its answers and participation (needs pulse.survey.manage). */
  deleteRound(roundId: number): Promise<void>;
  /** The latest version of every template. */
  getTemplates(): Promise<SurveyTemplate[]>;
  /** Adds a template (needs pulse.survey.manage); 409 when its id exists, 400 naming the bad field. */
  createTemplate(template: SurveyTemplate): Promise<SurveyTemplate>;
  /**
   * Every team and the entities of a round with their scores, pain points and trend. Without `roundId`: the newest
   * opened round whose round-wide result shows, else the newest opened round.
   */
  getOverview(roundId?: number): Promise<SurveyOverview>;
  /** The overview's aggregates as CSV text, the same rows as {@link SurveyApi.getOverview}. */
  getOverviewCsv(roundId?: number): Promise<string>;
}

export const pulseSurveyApiRef = createApiRef<SurveyApi>({ id: 'plugin.pulse.survey' });

const roundQuery = (roundId?: number) => (roundId === undefined ? '' : `?roundId=${roundId}`);

/** The HTTP client of {@link SurveyApi}. */
export class SurveyClient extends PulseHttpClient implements SurveyApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super(deps);
  }

  getEntitySurvey(entity: { kind: string; metadata: { name: string; namespace?: string } }) {
    return this.request<SurveyEntityView>(`/surveys${entityPath(entity)}`);
  }

  submitResponse(roundId: number, input: { entityRef: string; answers: Record<string, SurveyAnswerValue> }) {
    return this.request<{ roundId: number; entityRef: string }>(`/surveys/rounds/${roundId}/responses`, {
      method: 'POST',
      body: input,
    });
  }

  async getRounds() {
    return (await this.request<{ items: SurveyRoundSummary[] }>('/surveys/rounds')).items;
  }

  createRound(input: SurveyRoundInput) {
    return this.write<SurveyRound>('/surveys/rounds', 'POST', input);
  }

  closeRound(roundId: number) {
    return this.write<SurveyRound>(`/surveys/rounds/${roundId}/close`, 'POST');
  }

  async deleteRound(roundId: number) {
    await this.write<void>(`/surveys/rounds/${roundId}`, 'DELETE');
  }

  async getTemplates() {
    return (await this.request<{ items: SurveyTemplate[] }>('/surveys/templates')).items;
  }

  createTemplate(template: SurveyTemplate) {
    return this.write<SurveyTemplate>('/surveys/templates', 'POST', template);
  }

  /** A management write; a refusal rejects with an {@link ApiRefusalError}: the server's message and the fields it names. */
  private async write<T>(path: string, method: string, body?: unknown): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('pulse');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await ApiRefusalError.from(response);
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  }

  getOverview(roundId?: number) {
    return this.request<SurveyOverview>(`/surveys/overview${roundQuery(roundId)}`);
  }

  async getOverviewCsv(roundId?: number) {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('pulse');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}/surveys/overview.csv${roundQuery(roundId)}`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.text();
  }
}
