import { OutcomeStatus, OutcomeView } from '@pulse/plugin-pulse-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { StatusChip, StatusTone } from '../StatusChip';
import { directionText, formatOutcomeValue } from './formatOutcome';

const STATUS: Record<OutcomeStatus, { tone: StatusTone; label: string }> = {
  'on-track': { tone: 'good', label: 'On track' },
  behind: { tone: 'warning', label: 'Behind' },
  'no-data': { tone: 'neutral', label: 'No data' },
};

/** What the bar says, in words: where the key result is, how far it has come and how far it should have. */
function progressText(outcome: OutcomeView): string {
  const { keyResult: kr } = outcome;
  const range = `from ${formatOutcomeValue(kr.baseline, kr.unit)} to ${formatOutcomeValue(kr.target, kr.unit)} by ${kr.due}`;
  if (!kr.current || outcome.progressPercent === null) return `${kr.name}: no value yet, ${range}`;
  const expected = outcome.expectedPercent === null ? '' : `, ${Math.round(outcome.expectedPercent)}% expected`;
  return `${kr.name}: ${formatOutcomeValue(kr.current.value, kr.unit)} now, ${range}: ${Math.round(outcome.progressPercent)}% of the way${expected}`;
}

/** One outcome: its title and objective, status, progress bar from baseline to target and its customer signal. */
export const OutcomeProgress = ({ outcome }: { outcome: OutcomeView }) => {
  const status = STATUS[outcome.status];
  const text = progressText(outcome);
  const signal = outcome.customerSignal;
  return (
    <Box data-testid="outcome-progress" mb={2}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1" component="h3">
          {outcome.title}
        </Typography>
        <StatusChip tone={status.tone} label={status.label} />
      </Box>
      <Typography variant="body2">{outcome.objective}</Typography>
      <Box my={1}>
        <LinearProgress
          variant="determinate"
          value={outcome.progressPercent ?? 0}
          aria-label={`Progress of ${outcome.title}`}
          aria-valuetext={text}
        />
      </Box>
      <Typography variant="body2">{text}</Typography>
      <Typography variant="body2">
        Customer signal: {signal.name}
        {signal.current ? `: ${formatOutcomeValue(signal.current.value, signal.unit)}` : ': no value yet'} (
        {directionText(signal.direction)})
      </Typography>
    </Box>
  );
};
