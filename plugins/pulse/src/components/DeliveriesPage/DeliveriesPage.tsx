import { Content, ContentHeader, EmptyState, Header, Page, Progress } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { Grid, MenuItem, TextField } from '@material-ui/core';
import {
  PULSE_DELIVERY_STATUSES,
  pulseDeliveriesReadPermission,
  pulseDeliveriesRetryPermission,
  PulseDeliveryStatus,
} from '@pulse/plugin-pulse-common';
import { useState } from 'react';
import { DeliveriesTable, DeliveryFilters } from './DeliveriesTable';

/** The deliveries as filtered on the page (source, status, entity), for a user who may read them. */
export const Deliveries = ({ canRead, canRetry }: { canRead: boolean; canRetry: boolean }) => {
  const [filters, setFilters] = useState<DeliveryFilters>({ source: '', status: '', entity: '' });

  if (!canRead) {
    return (
      <EmptyState
        missing="info"
        title="Deliveries are for the platform team"
        description="Seeing what webhooks and CDEvents senders delivered needs the pulse.deliveries.read permission (pulse.deliveries.readers in app-config)."
      />
    );
  }
  const set = (key: keyof DeliveryFilters) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setFilters(current => ({ ...current, [key]: e.target.value }));
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <TextField select label="Source" value={filters.source} onChange={set('source')} style={{ minWidth: 160, marginRight: 16 }}>
          <MenuItem value="">Any</MenuItem>
          {['github', 'pagerduty', 'cdevents'].map(source => (
            <MenuItem key={source} value={source}>
              {source}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Status" value={filters.status} onChange={set('status')} style={{ minWidth: 160, marginRight: 16 }}>
          <MenuItem value="">Any</MenuItem>
          {PULSE_DELIVERY_STATUSES.map((status: PulseDeliveryStatus) => (
            <MenuItem key={status} value={status}>
              {status}
            </MenuItem>
          ))}
        </TextField>
        <TextField label="Entity or repository" value={filters.entity} onChange={set('entity')} style={{ minWidth: 280 }} />
      </Grid>
      <Grid item xs={12}>
        <DeliveriesTable filters={filters} canRetry={canRetry} />
      </Grid>
    </Grid>
  );
};

/** The deliveries as the signed-in user's permissions allow. */
const PermittedDeliveries = () => {
  const read = usePermission({ permission: pulseDeliveriesReadPermission });
  const retry = usePermission({ permission: pulseDeliveriesRetryPermission });
  if (read.loading) return <Progress />;
  return <Deliveries canRead={read.allowed} canRetry={!retry.loading && retry.allowed} />;
};

/** /pulse/deliveries: what arrived from GitHub, PagerDuty and CDEvents senders, and what became of it. */
export const DeliveriesPage = () => (
  <Page themeId="tool">
    <Header title="Deliveries" subtitle="What webhooks and CDEvents senders delivered, and what Pulse made of it" />
    <Content>
      <ContentHeader title="Inbox" />
      <PermittedDeliveries />
    </Content>
  </Page>
);
