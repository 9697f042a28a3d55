import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityPolicyOverrideInput,
  EntityPolicyResponse,
  GateDecisionListResponse,
  IncidentFollowUpInput,
  IncidentPostmortemResponse,
  IncidentReviewResponse,
  OutstandingPostmortemsResponse,
  PolicyReleaseGateResponse,
  ReleaseException,
  ReleaseExceptionInput,
  ReleaseExceptionListResponse,
  SpeedReliabilityResponse,
} from '@pulse/plugin-pulse-common';
import { entityPath, PulseHttpClient } from './PulseHttpClient';

/** The entity a decisions call is about. */
export type DecisionsEntity = Parameters<typeof entityPath>[0];

/** The decisions part of the Pulse API: policies and exceptions, gate decisions, postmortems, the review and the quadrant. */
export interface DecisionsApi {
  /** The entity's resolved error-budget policy and its own override. */
  getPolicy(entity: DecisionsEntity): Promise<EntityPolicyResponse>;
  /** Sets the entity's policy override (merged over its group's and the portal's), optionally forcing a state. */
  putPolicy(entity: DecisionsEntity, override: EntityPolicyOverrideInput): Promise<EntityPolicyResponse>;
  /** Removes the entity's policy override. */
  deletePolicy(entity: DecisionsEntity): Promise<void>;
  /** The release gate as a check now would decide it; a preview, nothing is stored or used up. */
  getReleaseGate(entity: DecisionsEntity): Promise<PolicyReleaseGateResponse>;
  /** The entity's one-release exceptions, newest first, with their status. */
  getReleaseExceptions(entity: DecisionsEntity): Promise<ReleaseExceptionListResponse>;
  /** Grants a one-release exception. */
  grantReleaseException(entity: DecisionsEntity, input: ReleaseExceptionInput): Promise<ReleaseException>;
  /** Revokes an unused one-release exception. */
  revokeReleaseException(entity: DecisionsEntity, id: number): Promise<void>;
  /** The entity's stored gate decisions, newest first. */
  getGateDecisions(entity: DecisionsEntity, options?: { limit?: number }): Promise<GateDecisionListResponse>;
  /** The entity's required postmortems that have no link yet. */
  getOutstandingPostmortems(entity: DecisionsEntity): Promise<OutstandingPostmortemsResponse>;
  /** The incidents of a month (`YYYY-MM`) for a team, or for the organisation without one. */
  getIncidentReview(options: { month: string; groupRef?: string }): Promise<IncidentReviewResponse>;
  /** The month's review as a file to publish: Markdown or CSV text. */
  getIncidentReviewExport(options: { month: string; groupRef?: string; format: 'md' | 'csv' }): Promise<string>;
  /** Links or unlinks an incident's postmortem and/or writes or clears its learnings (null clears, absent keeps). */
  updateIncidentFollowUp(incidentId: string, input: IncidentFollowUpInput): Promise<IncidentPostmortemResponse>;
  /** Every service of a team, or of the organisation, placed by speed against reliability. */
  getSpeedReliability(options?: { groupRef?: string; days?: number }): Promise<SpeedReliabilityResponse>;
}

export const pulseDecisionsApiRef = createApiRef<DecisionsApi>({ id: 'plugin.pulse.decisions' });

const query = (params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => value !== undefined && search.set(key, String(value)));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The HTTP client of {@link DecisionsApi}. */
export class DecisionsClient extends PulseHttpClient implements DecisionsApi {
  getPolicy(entity: DecisionsEntity): Promise<EntityPolicyResponse> {
    return this.request(`/decisions${entityPath(entity)}/policy`);
  }

  putPolicy(entity: DecisionsEntity, override: EntityPolicyOverrideInput): Promise<EntityPolicyResponse> {
    return this.request(`/decisions${entityPath(entity)}/policy`, { method: 'PUT', body: override });
  }

  deletePolicy(entity: DecisionsEntity): Promise<void> {
    return this.request(`/decisions${entityPath(entity)}/policy`, { method: 'DELETE' });
  }

  getReleaseGate(entity: DecisionsEntity): Promise<PolicyReleaseGateResponse> {
    return this.request(`/slo${entityPath(entity)}/release-gate`);
  }

  getReleaseExceptions(entity: DecisionsEntity): Promise<ReleaseExceptionListResponse> {
    return this.request(`/decisions${entityPath(entity)}/exceptions`);
  }

  grantReleaseException(entity: DecisionsEntity, input: ReleaseExceptionInput): Promise<ReleaseException> {
    return this.request(`/decisions${entityPath(entity)}/exceptions`, { method: 'POST', body: input });
  }

  revokeReleaseException(entity: DecisionsEntity, id: number): Promise<void> {
    return this.request(`/decisions${entityPath(entity)}/exceptions/${id}`, { method: 'DELETE' });
  }

  getGateDecisions(entity: DecisionsEntity, options?: { limit?: number }): Promise<GateDecisionListResponse> {
    return this.request(`/decisions${entityPath(entity)}/gate-decisions${query({ limit: options?.limit })}`);
  }

  getOutstandingPostmortems(entity: DecisionsEntity): Promise<OutstandingPostmortemsResponse> {
    return this.request(`/decisions${entityPath(entity)}/postmortems`);
  }

  getIncidentReview(options: { month: string; groupRef?: string }): Promise<IncidentReviewResponse> {
    return this.request(`/decisions/review${query(options)}`);
  }

  getIncidentReviewExport(options: { month: string; groupRef?: string; format: 'md' | 'csv' }): Promise<string> {
    return this.requestText(`/decisions/review.${options.format}${query({ month: options.month, groupRef: options.groupRef })}`);
  }

  updateIncidentFollowUp(incidentId: string, input: IncidentFollowUpInput): Promise<IncidentPostmortemResponse> {
    return this.request(`/dora/incidents/${encodeURIComponent(incidentId)}`, { method: 'PATCH', body: input });
  }

  getSpeedReliability(options?: { groupRef?: string; days?: number }): Promise<SpeedReliabilityResponse> {
    return this.request(`/decisions/quadrant${query({ groupRef: options?.groupRef, days: options?.days })}`);
  }
}
