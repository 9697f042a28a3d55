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
import { SpeedReliabilityPlacement, SpeedReliabilityRule } from './quadrant';

/** `GET`/`PUT /decisions/entities/:kind/:namespace/:name/policy`. */
export interface EntityPolicyResponse extends ResolvedErrorBudgetPolicy {
  entityRef: string;
  /** The entity's own override, as stored; null when it has none. */
  override: ErrorBudgetPolicyOverride | null;
  /** Who set the override and when. */
  updatedBy?: string;
  updatedAt?: string;
}

/** The release gate under the entity's resolved policy (`GET`/`POST /slo/entities/.../release-gate`). */
export interface PolicyReleaseGateResponse extends SloReleaseGateResponse {
  state: ErrorBudgetPolicyState;
  errorBudgetPolicy: ResolvedErrorBudgetPolicy;
  exception: GateException | null;
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
}

/** `GET /decisions/review?month=YYYY-MM&groupRef=`. */
export interface IncidentReviewResponse {
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

/** `GET /decisions/entities/:kind/:namespace/:name/postmortems`: required postmortems not yet linked. */
export interface OutstandingPostmortemsResponse {
  entityRef: string;
  items: ReviewedIncident[];
}

/** `PATCH /dora/incidents/:id`. */
export interface IncidentPostmortemResponse {
  id: string;
  entityRef: string;
  postmortemUrl: string | null;
  postmortemRequired: boolean;
  postmortemStatus: PostmortemStatus;
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
