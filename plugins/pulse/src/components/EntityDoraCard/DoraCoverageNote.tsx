import Typography from '@material-ui/core/Typography';
import { DoraCoverage } from '@pulse/plugin-pulse-common';

/**
 * "Data since 2026-09-05 (90 of 180 days)", or null when the data covers the whole window: otherwise a window longer
 * than the history reads as a slump. The rates beside it are taken over the covered days (docs/dora.md).
 */
export function doraCoverageSentence(coverage: DoraCoverage): string | null {
  if (coverage.firstEventAt === null || coverage.coveredDays >= coverage.windowDays) return null;
  const since = coverage.firstEventAt.slice(0, 10);
  return `Data since ${since} (${Math.round(coverage.coveredDays)} of ${Math.round(coverage.windowDays)} days)`;
}

/** The coverage sentence as a caption; nothing when the window is fully covered. */
export const DoraCoverageNote = ({ coverage, name }: { coverage: DoraCoverage; name?: string }) => {
  const sentence = doraCoverageSentence(coverage);
  if (!sentence) return null;
  return (
    // Text colour, not the secondary grey: on the page background that is 4.47:1, under WCAG AA.
    <Typography variant="caption" component="p" data-testid="dora-coverage">
      {name ? `${name}: ${sentence}` : sentence}
    </Typography>
  );
};
