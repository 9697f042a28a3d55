import Typography from '@material-ui/core/Typography';
import { OutcomeSummary } from '@pulse/plugin-pulse-common';

/** The outcomes column of the teams table: "1 of 2 on track", or "none" for a team without outcomes. */
export const OutcomesCell = ({ summary }: { summary?: OutcomeSummary }) => {
  if (!summary) return null;
  if (summary.total === 0) return <Typography variant="caption">none</Typography>;
  return (
    <span data-testid="outcomes-cell" title={summary.sentence}>
      {summary.onTrack} of {summary.total} on track
    </span>
  );
};
