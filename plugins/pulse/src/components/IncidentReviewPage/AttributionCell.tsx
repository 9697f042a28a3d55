import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import type { ReviewRow } from './IncidentReviewTable';

/** The attribution rule in words (docs/decisions.md, "Which deployment caused an incident"). */
export const BY_TIME_RULE =
  "The incident named no deployment, so it is attributed by time: to the service's latest successful production " +
  'deployment that finished within the attribution window before it (pulse.dora.incidentAttributionWindow, 24 h by ' +
  'default), the rule the DORA change failure rate uses.';

const useStyles = makeStyles({
  // Reads as the text around it, underlined dotted to say that it explains itself.
  byTime: { font: 'inherit', color: 'inherit', background: 'none', border: 'none', padding: 0, cursor: 'help', textDecoration: 'underline dotted' },
});

/** The causing deployment; one attributed by time says so, and explains the rule on hover or keyboard focus. */
export const AttributionCell = ({ deployment }: { deployment: ReviewRow['deployment'] }) => {
  const classes = useStyles();
  if (!deployment) return <>–</>;
  if (deployment.linked !== 'attributed') return <>{deployment.id}</>;
  return (
    <>
      {deployment.id}{' '}
      <Tooltip title={BY_TIME_RULE} arrow>
        {/* A button, so keyboard users reach the explanation too (a toggletip). */}
        <button type="button" data-testid="review-attribution-by-time" className={classes.byTime}>
          (by time)
        </button>
      </Tooltip>
    </>
  );
};
