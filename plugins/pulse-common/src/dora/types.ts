import { DoraCoverage } from './coverage';

/** A DORA performance tier, best first. */
export type DoraTier = 'elite' | 'high' | 'medium' | 'low';

/** Every tier, best first. */
export const DORA_TIERS: readonly DoraTier[] = ['elite', 'high', 'medium', 'low'];

/** The unit a DORA metric value is expressed in. */
export type DoraUnit = 'deployments/day' | 'hours' | 'percent';

/** One metric over a window. `value` and `tier` are null when there is nothing to measure or too little data. */
export interface DoraMetric {
  value: number | null;
  unit: DoraUnit;
  tier: DoraTier | null;
  /** How many events the value is computed from (deployments, changes or recoveries). */
  sampleSize: number;
}

/** Deployment frequency: successful production deployments per day, tiered by deploy days per week and month. */
export interface DoraDeploymentFrequency extends DoraMetric {
  unit: 'deployments/day';
  /**
   * Median over the window's whole ISO weeks (of `pulse.dora.timeZone`) of the number of calendar days with at least
   * one successful deployment.
   */
  deployDaysPerWeekMedian: number;
  /** Median over the window's whole calendar months of the number of days with a successful deployment. */
  deployDaysPerMonthMedian: number;
}

/** Lead time for changes: median hours from a change's commit time to the production deployment that shipped it. */
export interface DoraLeadTime extends DoraMetric {
  unit: 'hours';
  /** The 90th percentile, in hours. */
  p90: number | null;
  /** Changes shipped in the window but left out because they were older than `pulse.dora.leadTimeCap`. */
  olderThanCap: number;
}

/** The five DORA metrics. */
export interface DoraMetrics {
  deploymentFrequency: DoraDeploymentFrequency;
  leadTimeForChanges: DoraLeadTime;
  changeFailureRate: DoraMetric;
  failedDeploymentRecoveryTime: DoraMetric;
  /** Share of production deployments marked rework; DORA publishes no tiers for it, so `tier` is always null. */
  reworkRate: DoraMetric;
}

/** The window a scorecard covers: [from, to). */
export interface DoraWindow {
  from: string;
  to: string;
  days: number;
}

/** One calendar week (ISO, in `pulse.dora.timeZone`) of the trend, clipped to the window. */
export interface DoraWeek {
  start: string;
  end: string;
  /** Successful production deployments. */
  deployments: number;
  deploymentsPerDay: number;
  leadTimeHours: number | null;
  changeFailureRate: number | null;
  recoveryTimeHours: number | null;
  reworkRate: number | null;
}

/** The metrics and the overall tier, without the trend (a row of a table). */
export interface DoraSummary {
  /** The part of the window Pulse has data for; rates per day and per week are taken over it (docs/dora.md). */
  coverage: DoraCoverage;
  /** The overall tier; null when there is too little data. */
  tier: DoraTier | null;
  /** True when the window holds fewer than 2 production deployments: no tier is given. */
  insufficientData: boolean;
  /** Production deployments in the window, successful or failed. */
  deployments: number;
  metrics: DoraMetrics;
}

/** The metrics, the overall tier and the weekly trend over a window. */
export interface DoraScorecard extends DoraSummary {
  window: DoraWindow;
  weekly: DoraWeek[];
}

/** `GET /dora/entities/:kind/:namespace/:name`. */
export interface DoraEntityScorecard extends DoraScorecard {
  entityRef: string;
}

/** One entity of a group roll-up. */
export interface DoraEntityRow extends DoraSummary {
  entityRef: string;
  title?: string;
}

/** `GET /dora/groups/:namespace/:name`: the pooled scorecard of everything the group and its child groups own. */
export interface DoraGroupScorecard extends DoraScorecard {
  groupRef: string;
  title?: string;
  /** The group and every descendant group whose entities are included. */
  groupRefs: string[];
  entities: DoraEntityRow[];
}

/** One team of the ranking. */
export interface DoraTeamRow extends DoraSummary {
  groupRef: string;
  title?: string;
  entityCount: number;
  weekly: DoraWeek[];
}

/** `GET /dora/groups`: every team, best tier first. */
export interface DoraTeamRanking {
  window: DoraWindow;
  teams: DoraTeamRow[];
}

/** The answer of every ingestion endpoint. */
export interface DoraIngestResponse {
  /** How many items were written (after de-duplicating by id within the batch). */
  accepted: number;
}
