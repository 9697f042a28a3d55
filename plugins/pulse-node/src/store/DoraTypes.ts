import { DoraChangeFailureRateDenominator } from '@pulse/plugin-pulse-common';
import { OncallPageRecord } from './OncallTypes';

/** One deployment as the store writes it; instants are epoch milliseconds and entity refs canonical. */
export interface DoraDeploymentRecord {
  id: string;
  entityRef: string;
  environment: string;
  startedAt: number;
  finishedAt: number;
  status: 'success' | 'failure';
  /** SHAs of the changes it shipped. */
  commits: string[];
  rework: boolean;
}

/**
 * One change (a commit), keyed by its entity and SHA. `createdAt` is its commit time; `mergedAt` when it reached the
 * default branch. Changes with the same `mergedAt` reached it in the order a batch lists them (a push's commits).
 */
export interface DoraChangeRecord {
  id: string;
  entityRef: string;
  createdAt: number;
  mergedAt?: number;
}

/** One incident. Optional fields that are absent keep what an earlier event with the same id set. */
export interface DoraIncidentRecord {
  id: string;
  entityRef: string;
  createdAt: number;
  resolvedAt?: number;
  deploymentId?: string;
  environment?: string;
  description?: string;
}

/** Whatever one ingestion request carries; written in one transaction. */
export interface DoraEventBatch {
  deployments?: DoraDeploymentRecord[];
  changes?: DoraChangeRecord[];
  incidents?: DoraIncidentRecord[];
  /** On-call pages (from webhooks); written by the on-call store, not the DORA one. */
  pages?: OncallPageRecord[];
}

/** What counts as production, how incidents are attributed and how the metrics are read; from `pulse.dora` config. */
export interface DoraCountingRules {
  /** Lower-cased production environment names. */
  productionEnvironments: string[];
  /** How far before an unlinked incident its deployment may have finished. */
  incidentAttributionWindowMs: number;
  /** The IANA zone whose calendar days, ISO weeks and months deploy days and the weekly trend use. */
  timeZone: string;
  /** Changes older than this when deployed are left out of the lead time (and counted as such). */
  leadTimeCapMs: number;
  /** What the change failure rate is a share of; also which failures the recovery time measures. */
  changeFailureRateDenominator: DoraChangeFailureRateDenominator;
}

/** The entities and window [from, to) to aggregate over. */
export interface DoraQueryScope extends DoraCountingRules {
  entityRefs: string[];
  from: number;
  to: number;
}
