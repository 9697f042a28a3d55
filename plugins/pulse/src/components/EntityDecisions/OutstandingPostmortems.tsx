import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import { ReviewedIncident } from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { DecisionsEntity, pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { PostmortemDialog } from '../PostmortemDialog';
import { percentText } from './format';

/**
 * Incidents of the entity that spent enough budget to need a postmortem, and have none linked yet; the entity's owners
 * and policy managers (`canEdit` from the API) link one, with the learnings, from here.
 */
export const OutstandingPostmortems = ({ entity }: { entity: DecisionsEntity }) => {
  const api = useApi(pulseDecisionsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(() => api.getOutstandingPostmortems(entity), [api, entity]);
  const [linking, setLinking] = useState<ReviewedIncident>();
  if (loading && !value) return <Progress />;
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
          <Box key={incident.id} display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
            <Typography variant="body2">
              {incident.id}
              {incident.description ? ` (${incident.description})` : ''}: spent {percentText(incident.budgetShare)} of a
              budget on {new Date(incident.createdAt).toLocaleDateString()}
            </Typography>
            {value.canEdit && (
              <Button size="small" variant="outlined" onClick={() => setLinking(incident)}>
                Link postmortem
              </Button>
            )}
          </Box>
        ))
      )}
      {linking && (
        <PostmortemDialog
          incident={linking}
          onClose={() => setLinking(undefined)}
          onSaved={() => {
            setLinking(undefined);
            retry();
          }}
        />
      )}
    </Box>
  );
};
