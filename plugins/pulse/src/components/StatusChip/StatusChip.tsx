import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

/** What a status means to the reader, not a theme colour. */
export type StatusTone = 'good' | 'warning' | 'bad' | 'neutral';

// Fixed pairs that meet WCAG AA's 4.5:1 for small text on any theme; the default theme's "secondary" chip (white on
// #f50057) is 4.2:1 and failed the accessibility scan.
const useStyles = makeStyles({
  good: { backgroundColor: '#c8e6c9', color: '#1b5e20' },
  warning: { backgroundColor: '#ffe0b2', color: '#7a3b00' },
  bad: { backgroundColor: '#b71c1c', color: '#ffffff' },
  neutral: {},
});

/** A small status badge (SLO status, alert, policy state, postmortem) in readable colours. */
export const StatusChip = (props: { tone: StatusTone; label: string; 'data-testid'?: string }) => {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      data-testid={props['data-testid']}
      label={props.label}
      className={classes[props.tone]}
      variant={props.tone === 'neutral' ? 'outlined' : 'default'}
    />
  );
};
