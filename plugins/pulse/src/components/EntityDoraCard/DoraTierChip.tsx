import { DoraTier, DoraTierExplanation } from '@pulse/plugin-pulse-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DORA_TIER_LABELS } from './formatDora';

const useStyles = makeStyles({
  elite: { backgroundColor: '#1b5e20', color: '#fff' },
  // Every pair meets WCAG AA's 4.5:1 for small text (white on #43a047 was 3.3:1).
  high: { backgroundColor: '#c8e6c9', color: '#1b5e20' },
  medium: { backgroundColor: '#f9a825', color: '#000' },
  low: { backgroundColor: '#c62828', color: '#fff' },
  none: {},
  rules: { margin: 0, paddingLeft: 16 },
  current: { fontWeight: 'bold' },
});

/** What a tier badge explains: a metric's value against its tiers' rules, or a sentence (the overall tier). */
export type DoraTierChipExplanation = DoraTierExplanation | string;

const ExplanationText = (props: { tier: DoraTier | null; explanation: DoraTierChipExplanation }) => {
  const classes = useStyles();
  const { tier, explanation } = props;
  if (typeof explanation === 'string') return <Typography variant="body2">{explanation}</Typography>;
  return (
    <>
      <Typography variant="body2" component="div">
        {explanation.metric}: {explanation.value}
      </Typography>
      <ul className={classes.rules}>
        {explanation.rules.map(rule => (
          <li key={rule.tier} className={rule.tier === tier ? classes.current : undefined}>
            {DORA_TIER_LABELS[rule.tier]}: {rule.rule}
            {rule.tier === tier ? ' (this one)' : ''}
          </li>
        ))}
      </ul>
    </>
  );
};

/**
 * A tier badge; "insufficient data" (or nothing, for a metric without tiers) when the API gives no tier. With an
 * explanation, hovering or focusing the badge shows the tiers' thresholds and the value judged against them.
 */
export const DoraTierChip = (props: {
  tier: DoraTier | null;
  noTierLabel?: string;
  explanation?: DoraTierChipExplanation;
}) => {
  const classes = useStyles();
  const { tier, noTierLabel = 'insufficient data', explanation } = props;
  let chip: JSX.Element;
  if (tier) {
    chip = <Chip size="small" label={DORA_TIER_LABELS[tier]} className={classes[tier]} tabIndex={explanation ? 0 : undefined} />;
  } else if (noTierLabel) {
    chip = (
      <Chip size="small" variant="outlined" label={noTierLabel} className={classes.none} tabIndex={explanation ? 0 : undefined} />
    );
  } else {
    return null;
  }
  if (!explanation) return chip;
  return (
    <Tooltip title={<ExplanationText tier={tier} explanation={explanation} />} arrow>
      {chip}
    </Tooltip>
  );
};
