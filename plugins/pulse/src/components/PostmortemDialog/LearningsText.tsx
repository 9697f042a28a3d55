import { Box, Typography } from '@material-ui/core';
import { IncidentLearnings } from '@pulse/plugin-pulse-common';

/** An incident's learnings as written (line breaks kept), with who wrote them and when; a dash when there are none. */
export const LearningsText = ({ learnings }: { learnings: IncidentLearnings | null }) => (
  <Box data-testid="incident-learnings">
    {learnings ? (
      <>
        <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
          {learnings.text}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {learnings.updatedBy}, {new Date(learnings.updatedAt).toLocaleString()}
        </Typography>
      </>
    ) : (
      <Typography variant="body2" color="textSecondary">
        none yet
      </Typography>
    )}
  </Box>
);
