import {
  ErrorBudgetPolicyOverride,
  ErrorBudgetPolicyState,
  GateException,
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
  caller: string;
}

/** A stored gate decision. */
export interface GateDecisionRow extends GateDecisionInput {
  id: number;
}

/** An entity's stored policy override. */
export interface EntityPolicyRow {
  entityRef: string;
  override: ErrorBudgetPolicyOverride;
  updatedBy: string;
  updatedAt: number;
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
