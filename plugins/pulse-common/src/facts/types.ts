import { DoraTier } from '../dora/types';
import { SloGateDecision } from '../slo/releaseGate';

/**
 * `GET /facts/entities/:kind/:namespace/:name`: one entity's Pulse numbers as flat facts, for scorecards such as
 * Backstage Tech Insights. A fact Pulse cannot state (no data, or hidden for anonymity) is null, never a guess.
 */
export interface PulseEntityFacts {
  entityRef: string;
  /** Whether the entity has at least one SLO defined. */
  hasSlo: boolean;
  /** The lowest error budget left over the entity's objectives (and composites), 0 to 1; null without data. */
  errorBudgetRemaining: number | null;
  /** What the release gate would answer now under the entity's error-budget policy (a preview, never recorded). */
  releaseGate: SloGateDecision;
  /** The overall DORA tier over the default window (90 days); null when there is too little data. */
  doraTier: DoraTier | null;
  /** Successful production deployments per week (deployment frequency per day x 7). */
  deploymentsPerWeek: number | null;
  /** Median lead time for changes, in hours. */
  leadTimeHours: number | null;
  /** Change failure rate, in percent (0 to 100). */
  changeFailureRate: number | null;
  /**
   * Mean overall satisfaction (the template's first scale question) of the results the entity page shows: the open
   * round's released batches, else the latest round with responses. Null when the anonymity rules hide them.
   */
  surveySatisfaction: number | null;
}
