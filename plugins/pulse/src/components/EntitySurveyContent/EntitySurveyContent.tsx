import { EmptyState } from '@backstage/core-components';

/** The developer-satisfaction survey form or its results. */
export const EntitySurveyContent = () => (
  <EmptyState
    missing="data"
    title="No survey round is open"
    description="A platform team opens survey rounds through the Pulse API."
  />
);
