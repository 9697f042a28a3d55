import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import {
  DORA_OVERALL_TIER_RULE,
  DoraMetrics,
  DoraSummary,
  doraTierExplanation,
  DoraTieredMetricKey,
  doraTierRank,
} from '@pulse/plugin-pulse-common';
import { DoraTierChip, formatDoraValue } from '../EntityDoraCard';

/** Sorts by a number; a missing one counts as the largest (last ascending, first descending). */
const byNumber =
  <T,>(of: (row: T) => number | null) =>
  (a: T, b: T) =>
    (of(a) ?? Number.POSITIVE_INFINITY) - (of(b) ?? Number.POSITIVE_INFINITY);

/** A metric's value with its own tier badge, which explains the thresholds on hover or focus. */
const metricColumn = <T extends DoraSummary>(title: string, key: keyof DoraMetrics): TableColumn<T> => {
  const tiered = key === 'reworkRate' ? undefined : (key as DoraTieredMetricKey);
  return {
    title,
    customSort: byNumber<T>(row => row.metrics[key].value),
    render: row => (
      <Box display="flex" alignItems="center" style={{ gap: 4 }} flexWrap="wrap">
        <span>{formatDoraValue(row.metrics[key])}</span>
        {tiered && row.metrics[key].value !== null && (
          <DoraTierChip tier={row.metrics[key].tier} explanation={doraTierExplanation(tiered, row.metrics)} />
        )}
      </Box>
    ),
  };
};

/** The tier and metric columns shared by the team table and a team's component table, each sortable. */
export function doraSummaryColumns<T extends DoraSummary>(): TableColumn<T>[] {
  return [
    {
      title: 'Tier',
      customSort: byNumber<T>(row => doraTierRank(row.tier)),
      render: row => <DoraTierChip tier={row.tier} explanation={DORA_OVERALL_TIER_RULE} />,
    },
    metricColumn<T>('Deployment frequency', 'deploymentFrequency'),
    metricColumn<T>('Lead time', 'leadTimeForChanges'),
    metricColumn<T>('Change failure rate', 'changeFailureRate'),
    metricColumn<T>('Recovery time', 'failedDeploymentRecoveryTime'),
    metricColumn<T>('Rework rate', 'reworkRate'),
  ];
}
