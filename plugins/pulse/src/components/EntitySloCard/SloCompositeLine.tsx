import { Box, Typography, makeStyles } from '@material-ui/core';
import { SloCompositeReport } from '@pulse/plugin-pulse-common';
import { StatusChip } from '../StatusChip';
import { formatBurnRate, formatPercent, formatTimeToExhaustion, SLO_STATUS_TONE } from './format';

const useStyles = makeStyles(theme => ({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(1), padding: theme.spacing(1, 0) },
}));

/** How much each objective has spent of the composite's budget: "Orders ×1: 80.0%". */
const sharesText = (composite: SloCompositeReport) =>
  composite.objectives
    .map(o => `${o.displayName} ×${o.weight}: ${formatPercent(o.weightedConsumedFraction, 1)}`)
    .join(', ');

/**
 * A composite SLO's composite line: its budget burns when any objective burns, each at its weight (OpenSLO). Shown
 * above the objectives' own panels, in words and numbers only.
 */
export const SloCompositeLine = ({ composite }: { composite: SloCompositeReport }) => {
  const classes = useStyles();
  return (
    <Box className={classes.line} data-testid="slo-composite">
      <Typography variant="subtitle1" component="span">
        Composite
      </Typography>
      <Typography variant="body2" component="span" data-testid="slo-composite-remaining">
        {`${formatPercent(composite.remainingFraction, 1)} of the budget remaining`}
      </Typography>
      <Typography variant="body2" component="span" color="textSecondary">
        {`burn rate (1h) ${formatBurnRate(composite.burnRates['1h'])}, time to exhaustion ${formatTimeToExhaustion(composite.timeToExhaustion)}`}
      </Typography>
      <StatusChip tone={SLO_STATUS_TONE[composite.status]} label={composite.status} data-testid="slo-composite-status" />
      {composite.alert !== 'none' && (
        <StatusChip tone="bad" label={`Alert: ${composite.alert}`} data-testid="slo-composite-alert" />
      )}
      <Typography variant="caption" color="textSecondary" component="p" style={{ width: '100%' }}>
        {`Spent of the composite budget, by weighted objective: ${sharesText(composite)}`}
      </Typography>
    </Box>
  );
};
