import { Box, Chip, Grid, Typography, makeStyles } from '@material-ui/core';
import { SloAlertSeverity, SloBurnRateLookback, SloDataIssue, SloObjectiveReport } from '@pulse/plugin-pulse-common';
import { StatusChip } from '../StatusChip';
import { BudgetBurndownChart } from './BudgetBurndownChart';
import { BudgetGauge } from './BudgetGauge';
import {
  formatAge,
  formatAmount,
  formatBurnRateOrGap,
  formatExhaustion,
  formatPercent,
  formatSampleAge,
  formatTarget,
  SLO_STATUS_TONE,
} from './format';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(1, 0, 2) },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: theme.spacing(0.5, 2), margin: 0 },
  chips: { display: 'flex', gap: theme.spacing(1), marginTop: theme.spacing(1) },
  gauge: { maxWidth: 160, margin: '0 auto' },
}));

const alertLabel: Record<SloAlertSeverity, string> = {
  page: 'Alert: page',
  ticket: 'Alert: ticket',
  none: 'No alert',
};

/** Why the numbers cannot be trusted yet, as the release gate words it. */
const dataIssueLabel: Record<SloDataIssue, string> = {
  'no data': 'No data in the window',
  'stale data': 'Stale data', // shown as a warning with the sample's age and the limit
  'insufficient data': 'Less than the minimum data',
};

/** One labelled number of the facts list. */
const Fact = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <>
    <Typography component="dt" variant="body2" color="textSecondary">
      {label}
    </Typography>
    <Typography component="dd" variant="body2" data-testid={testId} style={{ margin: 0 }}>
      {value}
    </Typography>
  </>
);

/** An objective: gauge of budget left, the numbers behind it, status and alert chips, and the burndown. */
export const SloObjectivePanel = ({ objective }: { objective: SloObjectiveReport }) => {
  const classes = useStyles();
  const budget = objective.errorBudget;
  const burnRate = (lookback: SloBurnRateLookback) =>
    formatBurnRateOrGap(
      lookback,
      objective.burnRates[lookback],
      objective.burnRateGaps[lookback],
      objective.sampleIntervalSeconds,
    );
  const staleAge = objective.data.issues.includes('stale data') ? objective.data.newestSampleAgeSeconds : null;
  return (
    <Grid container spacing={2} className={classes.panel} data-testid={`slo-objective-${objective.displayName}`}>
      <Grid item xs={12} sm={3}>
        <Typography variant="subtitle2" align="center">
          Budget remaining
        </Typography>
        <Box className={classes.gauge}>
          {budget.remainingFraction === null ? (
            <Typography align="center" color="textSecondary">
              No data
            </Typography>
          ) : (
            <BudgetGauge remainingFraction={budget.remainingFraction} />
          )}
        </Box>
      </Grid>
      <Grid item xs={12} sm={4}>
        <Typography variant="subtitle1">{objective.displayName}</Typography>
        <dl className={classes.facts}>
          <Fact label="Objective" value={objective.statement ?? formatTarget(objective.target)} testId="slo-target" />
          <Fact label="Achieved SLI" value={formatPercent(objective.sli)} testId="slo-sli" />
          <Fact
            label="Budget remaining"
            value={`${formatPercent(budget.remainingFraction, 1)} (${formatAmount(budget.remaining)} of ${formatAmount(budget.total)} ${budget.unit})`}
            testId="slo-budget-remaining"
          />
          <Fact label="Burn rate (1h)" value={burnRate('1h')} testId="slo-burn-rate" />
          {(['5m', '6h', '3d'] as const).map(lookback => (
            <Fact
              key={lookback}
              label={`Burn rate (${lookback})`}
              value={burnRate(lookback)}
              testId={`slo-burn-rate-${lookback}`}
            />
          ))}
          <Fact label="Time to exhaustion" value={formatExhaustion(objective.exhaustion)} testId="slo-time-to-exhaustion" />
          <Fact
            label="Last sample"
            value={formatSampleAge(objective.data.newestSampleAgeSeconds)}
            testId="slo-last-sample"
          />
        </dl>
        <Box className={classes.chips}>
          <StatusChip tone={SLO_STATUS_TONE[objective.status]} label={objective.status} data-testid="slo-status" />
          <StatusChip
            tone={objective.alert === 'none' ? 'neutral' : 'bad'}
            label={alertLabel[objective.alert]}
            data-testid="slo-alert"
          />
          {staleAge === null ? null : (
            // Older than the freshness limit the release gate uses (pulse.slo.staleAfter): the numbers describe the past.
            <StatusChip
              tone="warning"
              label={`Stale: last sample ${formatAge(staleAge)} ago (limit ${formatAge(objective.staleAfterSeconds)})`}
              data-testid="slo-stale"
            />
          )}
          {objective.data.issues
            .filter(issue => issue !== 'stale data')
            .map(issue => (
              <Chip key={issue} size="small" variant="outlined" label={dataIssueLabel[issue]} data-testid="slo-data-issue" />
            ))}
        </Box>
      </Grid>
      <Grid item xs={12} sm={5}>
        <BudgetBurndownChart history={objective.history} />
      </Grid>
    </Grid>
  );
};
