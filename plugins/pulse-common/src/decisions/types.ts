/**
 * The shapes of the decisions API: error-budget policy and gate decisions, the monthly incident review, and the
 * speed-vs-reliability view.
 */
import { DoraTier } from '../dora/types';
import { SloGateDecision, SloReleaseGateResponse } from '../slo/releaseGate';
import { EntitySloReport } from '../slo/report';
import { SurveyShare } from '../survey/types';
import { GateException } from './policyGate';
import {
  ErrorBudgetPolicyOverride,
  ErrorBudgetPolicyState,
  ResolvedErrorBudgetPolicy,
} from './policy';
import { PostmortemStatus } from './postmortem';
import { ReleaseExceptionStatus } from './releaseException';
import { SpeedReliabilityPlacement, SpeedReliabilityRule } from './quadrant';

/** The body of `PUT /decisions/entities/:kind/:namespace/:name/policy`: thresholds, and optionally a forced state. */
export interface EntityPolicyOverrideInput extends ErrorBudgetPolicyOverride {
  /** Forces the entity's state whatever its budget says; needs `reason` and `expiresAt`. */
  state?: ErrorBudgetPolicyState;
  /** Why (1 to 500 characters); required with `state`. */
  reason?: string;
  /** ISO 8601 instant in the future, at most 90 days ahead; required with `state`, optional otherwise. */
  expiresAt?: string;
}

/** The entity's own override as stored, with who set it and whether it still applies. */
export interface EntityPolicyOverride extends EntityPolicyOverrideInput {
  updatedBy: string;
  updatedAt: string;
  /** False once `expiresAt` has passed: the override is kept for the record but no longer applies. */
  active: boolean;
}

/** `GET`/`PUT /decisions/entities/:kind/:namespace/:name/policy`. */
export interface EntityPolicyResponse extends ResolvedErrorBudgetPolicy {
  entityRef: string;
  /** The entity's own override, as stored; null when it has none. */
  override: EntityPolicyOverride | null;
  /** Who set the override and when (also inside `override`; kept here for older clients). */
  updatedBy?: string;
  updatedAt?: string;
  /** Whether the caller may change the policy and grant exceptions (the owners and `pulse.policy.manage` holders). */
  canEdit: boolean;
}

/** The body of `POST /decisions/entities/:kind/:namespace/:name/exceptions`. */
export interface ReleaseExceptionInput {
  reason: string;
  /** ISO 8601 instant in the future, at most 30 days ahead. */
  expiresAt: string;
}

/** A one-release exception: lets one gate check through a freeze that would block it. */
export interface ReleaseException {
  id: number;
  entityRef: string;
  reason: string;
  expiresAt: string;
  grantedBy: string;
  grantedAt: string;
  /** When a gate check used it up, and whose check that was; null while unused. */
  usedAt: string | null;
  usedBy: string | null;
}

/** `GET /decisions/entities/:kind/:namespace/:name/exceptions`, newest first. */
export interface ReleaseExceptionListResponse {
  entityRef: string;
  items: Array<ReleaseException & { status: ReleaseExceptionStatus }>;
}

/** The one-release exception a gate decision used (stored with the decision). */
export interface GateReleaseExceptionUse {
  id: number;
  grantedBy: string;
  reason: string;
}

/** The release gate under the entity's resolved policy (`GET`/`POST /slo/entities/.../release-gate`). */
export interface PolicyReleaseGateResponse extends SloReleaseGateResponse {
  state: ErrorBudgetPolicyState;
  errorBudgetPolicy: ResolvedErrorBudgetPolicy;
  exception: GateException | null;
  /**
   * The one-release exception that let a freeze through: on a check, the grant it used up (`consumed: true`); on a
   * preview, the one a check now would use (`consumed: false`). Null when none was needed or none is active.
   */
  releaseException: (GateReleaseExceptionUse & { expiresAt: string; consumed: boolean }) | null;
  /** The stored decision, on `POST` (a gate check); absent on a `GET` preview. */
  recorded?: { id: number; caller: string };
}

/** One stored gate decision. */
export interface GateDecisionRecord {
  id: number;
  entityRef: string;
  decidedAt: string;
  decision: SloGateDecision;
  state: ErrorBudgetPolicyState;
  reasons: string[];
  exception: GateException | null;
  /** The one-release exception this check used up, if any. */
  releaseException: GateReleaseExceptionUse | null;
  /** The principal that asked: `user:default/ada` or `service:<subject>`. */
  caller: string;
}

/** `GET /decisions/entities/:kind/:namespace/:name/gate-decisions`, newest first. */
export interface GateDecisionListResponse {
  entityRef: string;
  items: GateDecisionRecord[];
}

/** The budget an incident spent of one objective. */
export interface IncidentBudgetSpend {
  slo: string;
  objective: string;
  /** Share of the objective's window budget, e.g. 0.35 for 35%. */
  share: number;
}

/** One incident as the review shows it. */
export interface ReviewedIncident {
  id: string;
  entityRef: string;
  description?: string;
  createdAt: string;
  /** Absent while the incident is open. */
  resolvedAt?: string;
  /** Minutes from created to resolved (or to now while open). */
  durationMinutes: number;
  /** The largest share of any objective's budget it spent; null when no SLO had data. */
  budgetShare: number | null;
  budgetSpent: IncidentBudgetSpend[];
  /** The deployment that caused it: named by the source, or the latest production deployment before it. */
  deployment?: { id: string; finishedAt?: string; linked: 'explicit' | 'attributed' };
  postmortemRequired: boolean;
  postmortemStatus: PostmortemStatus;
  postmortemUrl?: string;
  /** What was learned from it; null until an owner writes it. */
  learnings: IncidentLearnings | null;
}

/** The learnings of an incident, stored with it: the text and who last wrote it, when. */
export interface IncidentLearnings {
  text: string;
  /** The writer's entity ref, e.g. `user:default/ada`. */
  updatedBy: string;
  updatedAt: string;
}

/** The body of `PATCH /dora/incidents/:id`: at least one key; null clears it. */
export interface IncidentFollowUpInput {
  postmortemUrl?: string | null;
  /** 1 to 4,000 characters after trimming. */
  learnings?: string | null;
}

/** One month's incident review, as exported (Markdown, CSV) and as the JSON answer carries it. */
export interface IncidentReview {
  month: string;
  from: string;
  to: string;
  /** The team reviewed; absent for the whole organisation. */
  groupRef?: string;
  postmortemThreshold: number;
  summary: {
    incidents: number;
    totalDurationMinutes: number;
    postmortemsRequired: number;
    postmortemsDone: number;
    postmortemsOutstanding: number;
  };
  incidents: ReviewedIncident[];
}

/** `GET /decisions/review?month=YYYY-MM&groupRef=`: the review, each incident with whether the caller may edit it. */
export interface IncidentReviewResponse extends IncidentReview {
  incidents: Array<ReviewedIncident & { canEdit: boolean }>;
}

/** `GET /decisions/entities/:kind/:namespace/:name/postmortems`: required postmortems not yet linked. */
export interface OutstandingPostmortemsResponse {
  entityRef: string;
  items: ReviewedIncident[];
  /** Whether the caller may link their postmortems and write learnings (the entity's owners, policy managers). */
  canEdit: boolean;
}

/** `PATCH /dora/incidents/:id`. */
export interface IncidentPostmortemResponse {
  id: string;
  entityRef: string;
  postmortemUrl: string | null;
  postmortemRequired: boolean;
  postmortemStatus: PostmortemStatus;
  learnings: IncidentLearnings | null;
}

/** One service on the speed-vs-reliability view. */
export interface SpeedReliabilityService extends SpeedReliabilityPlacement {
  entityRef: string;
  title?: string;
  ownerRef?: string;
  deploymentsPerDay: number | null;
  deploymentFrequencyTier: DoraTier | null;
  leadTimeHours: number | null;
  leadTimeTier: DoraTier | null;
  /** Lowest remaining budget fraction across its objectives; null without SLO data. */
  budgetRemaining: number | null;
  changeFailureRatePercent: number | null;
  changeFailureRateTier: DoraTier | null;
}

/** A team's survey satisfaction next to the view, or why it is withheld. */
export type TeamSatisfaction = { groupRef: string; title?: string; roundTitle?: string } & (
  | { hidden: true; reason: string }
  | { hidden: false; respondents: number; mean: number | null; favorable: SurveyShare | null }
);

/** `GET /decisions/quadrant?groupRef=&days=`. */
export interface SpeedReliabilityResponse {
  groupRef?: string;
  window: { from: string; to: string; days: number };
  rule: SpeedReliabilityRule;
  services: SpeedReliabilityService[];
  /** Count of services per quadrant. */
  counts: Record<SpeedReliabilityPlacement['quadrant'], number>;
  /** Satisfaction of the team (or every team of the org) from the latest survey round; empty when none ran. */
  satisfaction: TeamSatisfaction[];
}

/**
 * `GET /slo/entities/:kind/:namespace/:name`: every SLO of the entity with the release gate a card shows, both from one
 * evaluation, so the card needs one request and the gate preview agrees with the numbers beside it.
 */
export interface EntitySloView extends EntitySloReport {
  releaseGate: PolicyReleaseGateResponse;
}
