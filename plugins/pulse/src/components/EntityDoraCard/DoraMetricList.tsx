import {
  DoraMetrics,
  doraTierExplanation,
  DoraTieredMetricKey,
  DoraWeek,
  formatDurationHours,
  pluralize,
} from '@pulse/plugin-pulse-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { DoraSparkline } from './DoraSparkline';
import { DoraTierChip } from './DoraTierChip';
import { formatDoraValue } from './formatDora';

/** The five metrics with value, detail, tier badge and weekly sparkline. */
export const DoraMetricList = (props: { metrics: DoraMetrics; weekly: DoraWeek[] }) => {
  const { metrics, weekly } = props;
  const lead = metrics.leadTimeForChanges;
  const rows: Array<{
    name: string;
    metric: DoraMetrics[keyof DoraMetrics];
    /** The tiered metric; rework rate has no tiers to explain. */
    key?: DoraTieredMetricKey;
    detail: string;
    trend: JSX.Element;
  }> = [
    {
      name: 'Deployment frequency',
      key: 'deploymentFrequency',
      metric: metrics.deploymentFrequency,
      detail: `${metrics.deploymentFrequency.deployDaysPerWeekMedian} deploy days / week (median)`,
      trend: <DoraSparkline weekly={weekly} field="deploymentsPerDay" label="Deployments per day" />,
    },
    {
      name: 'Lead time for changes',
      metric: lead,
      key: 'leadTimeForChanges',
      detail: [
        `median of ${pluralize(lead.sampleSize, 'change')}${lead.p90 === null ? '' : `, p90 ${formatDurationHours(lead.p90)}`}`,
        ...(lead.olderThanCap > 0 ? [`${lead.olderThanCap} older than the cap left out`] : []),
      ].join('; '),
      trend: <DoraSparkline weekly={weekly} field="leadTimeHours" label="Lead time (h)" />,
    },
    {
      name: 'Change failure rate',
      metric: metrics.changeFailureRate,
      key: 'changeFailureRate',
      detail: `of ${pluralize(metrics.changeFailureRate.sampleSize, 'deployment')}`,
      trend: <DoraSparkline weekly={weekly} field="changeFailureRate" label="Change failure rate (%)" />,
    },
    {
      name: 'Failed deployment recovery time',
      metric: metrics.failedDeploymentRecoveryTime,
      key: 'failedDeploymentRecoveryTime',
      detail: `median of ${pluralize(metrics.failedDeploymentRecoveryTime.sampleSize, 'recovery', 'recoveries')}`,
      trend: <DoraSparkline weekly={weekly} field="recoveryTimeHours" label="Recovery time (h)" />,
    },
    {
      name: 'Deployment rework rate',
      metric: metrics.reworkRate,
      detail: `of ${pluralize(metrics.reworkRate.sampleSize, 'deployment')}`,
      trend: <DoraSparkline weekly={weekly} field="reworkRate" label="Rework rate (%)" />,
    },
  ];
  return (
    <Table size="small">
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.name}>
            <TableCell>
              <Typography variant="body2">{row.name}</Typography>
              <Typography variant="caption" color="textSecondary">
                {row.detail}
              </Typography>
            </TableCell>
            <TableCell>
              <Typography variant="h6" component="span">
                {formatDoraValue(row.metric)}
              </Typography>
            </TableCell>
            <TableCell>
              <DoraTierChip
                tier={row.metric.tier}
                noTierLabel={row.key ? undefined : ''}
                explanation={row.key && doraTierExplanation(row.key, metrics)}
              />
            </TableCell>
            <TableCell>{row.trend}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
