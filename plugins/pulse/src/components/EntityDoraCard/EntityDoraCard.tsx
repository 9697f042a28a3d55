import { EmptyState, InfoCard } from '@backstage/core-components';

/** The five DORA metrics with tiers. */
export const EntityDoraCard = () => (
  <InfoCard title="DORA">
    <EmptyState
      missing="data"
      title="No deployments recorded yet"
      description="POST deployments, changes and incidents to the Pulse API, or send CDEvents."
    />
  </InfoCard>
);
