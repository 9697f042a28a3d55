import { DoraMetrics, DoraWeek } from '@pulse/plugin-pulse-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { DoraSparkline } from './DoraSparkline';
import { DoraTierChip } from './DoraTierChip';
import { formatDoraHours, formatDoraValue } from './formatDora';

/** The five metrics with value, detail, tier badge and weekly sparkline. */
export const DoraMetricList = (props: { metrics: DoraMetrics; weekly: DoraWeek[] }) => {
  const { metrics, weekly } = props;
  const lead = metrics.leadTimeForChanges;
  const rows = [
    {
      name: 'Deployment frequency',
      metric: metrics.deploymentFrequency,
      detail: `${metrics.deploymentFrequency.deployDaysPerWeekMedian} deploy days / week (median)`,
      trend: <DoraSparkline weekly={weekly} field="deploymentsPerDay" label="Deployments per day" />,
    },
    {
      name: 'Lead time for changes',
      metric: lead,
      detail: [
        `median of ${lead.sampleSize} changes${lead.p90 === null ? '' : `, p90 ${formatDoraHours(lead.p90)}`}`,
        ...(lead.olderThanCap > 0 ? [`${lead.olderThanCap} older than the cap left out`] : []),
      ].join('; '),
      trend: <DoraSparkline weekly={weekly} field="leadTimeHours" label="Lead time (h)" />,
    },
    {
      name: 'Change failure rate',
      metric: metrics.changeFailureRate,
      detail: `of ${metrics.changeFailureRate.sampleSize} deployments`,
      trend: <DoraSparkline weekly={weekly} field="changeFailureRate" label="Change failure rate (%)" />,
    },
    {
      name: 'Failed deployment recovery time',
      metric: metrics.failedDeploymentRecoveryTime,
      detail: `median of ${metrics.failedDeploymentRecoveryTime.sampleSize} recoveries`,
      trend: <DoraSparkline weekly={weekly} field="recoveryTimeHours" label="Recovery time (h)" />,
    },
    {
      name: 'Deployment rework rate',
      metric: metrics.reworkRate,
      detail: `of ${metrics.reworkRate.sampleSize} deployments`,
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
              <DoraTierChip tier={row.metric.tier} noTierLabel={row.metric === metrics.reworkRate ? '' : undefined} />
            </TableCell>
            <TableCell>{row.trend}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
