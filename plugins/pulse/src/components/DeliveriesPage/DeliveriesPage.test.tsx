import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { PulseDelivery, PulseDeliveryPage } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DeliveriesApi, pulseDeliveriesApiRef } from '../../api/DeliveriesApi';
import { Deliveries, DeliveriesPage } from './DeliveriesPage';

const delivery = (id: number, fields: Partial<PulseDelivery>): PulseDelivery => ({
  id,
  source: 'github',
  event: 'deployment_status',
  status: 'processed',
  attempts: 0,
  receivedAt: '2026-12-04T10:00:00.000Z',
  ...fields,
});

const page: PulseDeliveryPage = {
  items: [
    delivery(3, { subject: 'github.com/project-slug: acme/unknown', status: 'parked', reason: 'No component has the annotation github.com/project-slug: acme/unknown' }),
    delivery(2, { source: 'pagerduty', event: 'incident.triggered', status: 'failed', reason: 'Invalid PagerDuty webhook payload: event.data.service: Required' }),
    delivery(1, { entityRef: 'component:default/checkout' }),
  ],
  total: 3,
  limit: 20,
  offset: 0,
};

const render = (api: DeliveriesApi, canRead = true, canRetry = true) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseDeliveriesApiRef, api]]}>
      <Deliveries canRead={canRead} canRetry={canRetry} />
    </TestApiProvider>,
  );

describe('Deliveries', () => {
  it('lists each delivery with its entity, status and reason, and redelivers one', async () => {
    const listDeliveries = jest.fn(async () => page);
    const retryDelivery = jest.fn(async (id: number) => delivery(id, { status: 'processed' }));
    await render({ listDeliveries, retryDelivery });

    expect(await screen.findByText('No component has the annotation github.com/project-slug: acme/unknown')).toBeInTheDocument();
    expect(screen.getByText('github.com/project-slug: acme/unknown')).toBeInTheDocument();
    expect(screen.getByText('Invalid PagerDuty webhook payload: event.data.service: Required')).toBeInTheDocument();
    expect(screen.getByText('component:default/checkout')).toBeInTheDocument();
    expect(screen.getByText('parked')).toBeInTheDocument();
    expect(listDeliveries).toHaveBeenCalledWith({ limit: 20, offset: 0 });

    fireEvent.click(screen.getAllByRole('button', { name: 'Redeliver' })[1]);
    await waitFor(() => expect(retryDelivery).toHaveBeenCalledWith(2));
    await waitFor(() => expect(listDeliveries.mock.calls.length).toBeGreaterThan(1));
  });

  it('tells a user without pulse.deliveries.read, without asking the API', async () => {
    const listDeliveries = jest.fn(async () => page);
    await render({ listDeliveries, retryDelivery: jest.fn() }, false, false);
    expect(await screen.findByText('Deliveries are for the platform team')).toBeInTheDocument();
    expect(listDeliveries).not.toHaveBeenCalled();
  });

  it('shows no redeliver button without pulse.deliveries.retry', async () => {
    await render({ listDeliveries: async () => page, retryDelivery: jest.fn() }, true, false);
    expect(await screen.findByText('component:default/checkout')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Redeliver' })).toBeNull();
  });

  it('asks the permission API on the page', async () => {
    // AuthorizeResult.DENY of @backstage/plugin-permission-common (not a dependency of this package).
    const authorize = jest.fn(() => 'DENY' as const);
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [pulseDeliveriesApiRef, { listDeliveries: jest.fn(), retryDelivery: jest.fn() }],
          [permissionApiRef, mockApis.permission({ authorize })],
        ]}
      >
        <DeliveriesPage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Deliveries are for the platform team')).toBeInTheDocument();
    expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ permission: expect.objectContaining({ name: 'pulse.deliveries.read' }) }));
  });
});
