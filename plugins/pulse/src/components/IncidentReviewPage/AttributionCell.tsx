import Tooltip from '@material-ui/core/Tooltip';
import type { ReviewRow } from './IncidentReviewTable';

/** The attribution rule in words (docs/decisions.md, "Which deployment caused an incident"). */
export const BY_TIME_RULE =
  "The incident named no deployment, so it is attributed by time: to the service's latest successful production " +
  'deployment that finished within the attribution window before it (pulse.dora.incidentAttributionWindow, 24 h by ' +
  'default), the rule the DORA change failure rate uses.';

/** The causing deployment; one attributed by time says so, and explains the rule on hover or keyboard focus. */
export const AttributionCell = ({ deployment }: { deployment: ReviewRow['deployment'] }) => {
  if (!deployment) return <>–</>;
  if (deployment.linked !== 'attributed') return <>{deployment.id}</>;
  return (
    <>
      {deployment.id}{' '}
      <Tooltip title={BY_TIME_RULE} arrow>
        <span tabIndex={0} data-testid="review-attribution-by-time" style={{ textDecoration: 'underline dotted' }}>
          (by time)
        </span>
      </Tooltip>
    </>
  );
};
