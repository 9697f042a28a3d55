import { Typography, useTheme } from '@material-ui/core';
import { formatPercent } from './format';

const RADIUS = 40;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The donut of the budget left, in the same words as the text beside it: the ring fills with what is left and its
 * centre reads the same percentage. An overspent budget (below 0%) is a full red ring reading e.g. "-79.1%", never 0%:
 * a donut cannot draw less than empty, so the colour and the number carry the overspend.
 */
export const BudgetGauge = ({ remainingFraction }: { remainingFraction: number }) => {
  const { palette } = useTheme();
  const overspent = remainingFraction < 0;
  const filled = overspent ? 1 : Math.min(1, remainingFraction);
  // The thresholds of Backstage's Gauge (which shows 0% for an overspent budget): under a third is an error, under two thirds a warning.
  let colour = palette.success.main;
  if (overspent || remainingFraction < 1 / 3) colour = palette.error.main;
  else if (remainingFraction < 2 / 3) colour = palette.warning.main;
  const text = formatPercent(remainingFraction, 1);
  return (
    <div data-testid="slo-budget-gauge" role="img" aria-label={`Budget remaining ${text}${overspent ? ', overspent' : ''}`}>
      <svg viewBox="0 0 100 100" width="100%" aria-hidden="true">
        <circle cx={50} cy={50} r={RADIUS} fill="none" stroke={palette.divider} strokeWidth={12} />
        <circle
          cx={50}
          cy={50}
          r={RADIUS}
          fill="none"
          stroke={colour}
          strokeWidth={12}
          strokeDasharray={`${filled * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
          transform="rotate(-90 50 50)"
          data-testid="slo-budget-gauge-arc"
        />
        <text x={50} y={50} textAnchor="middle" dominantBaseline="central" fontSize={16} fontWeight="bold" fill={palette.text.primary}>
          {text}
        </text>
      </svg>
      {overspent && (
        <Typography variant="body2" align="center" data-testid="slo-budget-overspent">
          Overspent by {formatPercent(-remainingFraction, 1)} of the budget
        </Typography>
      )}
    </div>
  );
};
