import {
  ErrorBudgetPolicyOverride,
  ErrorBudgetPolicyState,
  GateException,
  GateReleaseExceptionUse,
  IncidentReviewInput,
  SloGateDecision,
} from '@pulse/plugin-pulse-common';

/** A gate decision to store; instants are epoch milliseconds. */
export interface GateDecisionInput {
  entityRef: string;
  decidedAt: number;
  decision: SloGateDecision;
  state: ErrorBudgetPolicyState;
  reasons: string[];
  exception: GateException | null;
  /** The one-release exception the check used up, if any. */
  releaseException: GateReleaseExceptionUse | null;
  caller: string;
}

/** A stored gate decision. */
export interface GateDecisionRow extends GateDecisionInput {
  id: number;
}

/** What an entity's policy override sets: thresholds, and optionally a forced state with why and until when. */
export interface EntityPolicyInput {
  override: ErrorBudgetPolicyOverride;
  state?: ErrorBudgetPolicyState;
  reason?: string;
  /** Epoch ms after which the override no longer applies; absent: until removed. */
  expiresAt?: number;
}

/** An entity's stored policy override. */
export interface EntityPolicyRow extends EntityPolicyInput {
  entityRef: string;
  updatedBy: string;
  updatedAt: number;
}

/** A stored one-release exception; instants are epoch milliseconds. */
export interface ReleaseExceptionRow {
  id: number;
  entityRef: string;
  reason: string;
  expiresAt: number;
  grantedBy: string;
  grantedAt: number;
  usedAt: number | null;
  usedBy: string | null;
}

/** An incident whose budget spend is to be (re)computed. */
export interface IncidentToAssess {
  id: string;
  entityRef: string;
  createdAt: number;
  resolvedAt?: number;
}

/** Which incidents a review covers: created in [from, to), production ones, of these entities (all when absent). */
export interface IncidentReviewScope {
  from: number;
  to: number;
  entityRefs?: string[];
  /** Lower-cased production environment names (incidents without an environment count as production). */
  productionEnvironments: string[];
  /** How long before an unlinked incident its deployment may have finished. */
  incidentAttributionWindowMs: number;
}

/** One incident of a review with its deployment, budget spend and postmortem. */
export type IncidentReviewRow = IncidentReviewInput;
