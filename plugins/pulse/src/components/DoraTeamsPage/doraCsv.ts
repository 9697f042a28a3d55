import { DoraSummary } from '@pulse/plugin-pulse-common';

/** The DORA columns of a CSV export: raw numbers (hours, percent, per day) with each metric's tier. */
export const DORA_CSV_COLUMNS = [
  'tier',
  'deployments',
  'deployments_per_day',
  'deployment_frequency_tier',
  'lead_time_hours',
  'lead_time_tier',
  'change_failure_rate_percent',
  'change_failure_rate_tier',
  'recovery_time_hours',
  'recovery_time_tier',
  'rework_rate_percent',
] as const;

export type DoraCsvColumn = (typeof DORA_CSV_COLUMNS)[number];

/** One summary as CSV cells; a missing value or tier is an empty cell. */
export function doraCsvCells(summary: DoraSummary): Record<DoraCsvColumn, string | number | null> {
  const m = summary.metrics;
  return {
    tier: summary.tier,
    deployments: summary.deployments,
    deployments_per_day: m.deploymentFrequency.value,
    deployment_frequency_tier: m.deploymentFrequency.tier,
    lead_time_hours: m.leadTimeForChanges.value,
    lead_time_tier: m.leadTimeForChanges.tier,
    change_failure_rate_percent: m.changeFailureRate.value,
    change_failure_rate_tier: m.changeFailureRate.tier,
    recovery_time_hours: m.failedDeploymentRecoveryTime.value,
    recovery_time_tier: m.failedDeploymentRecoveryTime.tier,
    rework_rate_percent: m.reworkRate.value,
  };
}
