import { TableColumn } from '@backstage/core-components';
import { DoraSummary } from '@pulse/plugin-pulse-common';
import { DoraTierChip, formatDoraValue } from '../EntityDoraCard';

/** The tier and metric columns shared by the team table and a team's component table. */
export function doraSummaryColumns<T extends DoraSummary>(): TableColumn<T>[] {
  return [
    { title: 'Tier', render: row => <DoraTierChip tier={row.tier} /> },
    { title: 'Deployment frequency', render: row => formatDoraValue(row.metrics.deploymentFrequency) },
    { title: 'Lead time', render: row => formatDoraValue(row.metrics.leadTimeForChanges) },
    { title: 'Change failure rate', render: row => formatDoraValue(row.metrics.changeFailureRate) },
    { title: 'Recovery time', render: row => formatDoraValue(row.metrics.failedDeploymentRecoveryTime) },
    { title: 'Rework rate', render: row => formatDoraValue(row.metrics.reworkRate) },
  ];
}
