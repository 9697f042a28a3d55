import { DoraTier } from '@pulse/plugin-pulse-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { DORA_TIER_LABELS } from './formatDora';

const useStyles = makeStyles({
  elite: { backgroundColor: '#1b5e20', color: '#fff' },
  // Every pair meets WCAG AA's 4.5:1 for small text (white on #43a047 was 3.3:1).
  high: { backgroundColor: '#c8e6c9', color: '#1b5e20' },
  medium: { backgroundColor: '#f9a825', color: '#000' },
  low: { backgroundColor: '#c62828', color: '#fff' },
  none: {},
});

/** A tier badge; "insufficient data" (or nothing, for a metric without tiers) when the API gives no tier. */
export const DoraTierChip = (props: { tier: DoraTier | null; noTierLabel?: string }) => {
  const classes = useStyles();
  const { tier, noTierLabel = 'insufficient data' } = props;
  if (!tier) {
    return noTierLabel ? <Chip size="small" variant="outlined" label={noTierLabel} className={classes.none} /> : null;
  }
  return <Chip size="small" label={DORA_TIER_LABELS[tier]} className={classes[tier]} />;
};
