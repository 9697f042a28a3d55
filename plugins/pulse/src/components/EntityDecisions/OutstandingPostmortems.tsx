import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Typography } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';
import { DecisionsEntity, pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { percentText } from './format';

/** Incidents of the entity that spent enough budget to need a postmortem, and have none linked yet. */
export const OutstandingPostmortems = ({ entity }: { entity: DecisionsEntity }) => {
  const api = useApi(pulseDecisionsApiRef);
  const { value, loading, error } = useAsync(() => api.getOutstandingPostmortems(entity), [api, entity]);
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel title="Could not load postmortems" error={error} />;
  return (
    <Box data-testid="outstanding-postmortems">
      <Typography variant="subtitle1">Outstanding postmortems</Typography>
      {!value || value.items.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          None: no recent incident spent more than its share of an error budget without a postmortem linked.
        </Typography>
      ) : (
        value.items.map(incident => (
          <Typography key={incident.id} variant="body2">
            {incident.id}
            {incident.description ? ` (${incident.description})` : ''}: spent {percentText(incident.budgetShare)} of a
            budget on {new Date(incident.createdAt).toLocaleDateString()}; link one with PATCH
            /api/pulse/dora/incidents/{incident.id}
          </Typography>
        ))
      )}
    </Box>
  );
};
