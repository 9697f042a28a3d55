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

/** One change (a commit). */
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
}

/** What counts as production and how incidents are attributed; from `pulse.dora` config. */
export interface DoraCountingRules {
  /** Lower-cased production environment names. */
  productionEnvironments: string[];
  /** How far before an unlinked incident its deployment may have finished. */
  incidentAttributionWindowMs: number;
}

/** The entities and window [from, to) to aggregate over. */
export interface DoraQueryScope extends DoraCountingRules {
  entityRefs: string[];
  from: number;
  to: number;
}
