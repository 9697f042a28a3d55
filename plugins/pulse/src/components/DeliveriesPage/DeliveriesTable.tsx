import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Button, Typography } from '@material-ui/core';
import { PulseDelivery, PulseDeliveryStatus } from '@pulse/plugin-pulse-common';
import { useEffect, useRef, useState } from 'react';
import { pulseDeliveriesApiRef } from '../../api/DeliveriesApi';

/** What the table is filtered by; empty strings mean "any". */
export interface DeliveryFilters {
  source: string;
  status: PulseDeliveryStatus | '';
  entity: string;
}

const PAGE_SIZE = 20;

/** The status, and for `ignored`, `parked`, `failed` and a retrying `pending` the reason the API gives. */
const StatusCell = ({ delivery }: { delivery: PulseDelivery }) => (
  <>
    <Typography variant="body2" component="span" style={{ fontWeight: 600 }}>
      {delivery.status}
    </Typography>
    {delivery.reason && (
      <Typography variant="caption" display="block" color={delivery.status === 'failed' ? 'error' : 'textSecondary'}>
        {delivery.reason}
      </Typography>
    )}
  </>
);

/** One page of deliveries at a time from `GET /api/pulse/deliveries`, newest first, with a redeliver button. */
export const DeliveriesTable = ({ filters, canRetry }: { filters: DeliveryFilters; canRetry: boolean }) => {
  const api = useApi(pulseDeliveriesApiRef);
  const tableRef = useRef<any>();
  const [retrying, setRetrying] = useState<number>();

  useEffect(() => {
    tableRef.current?.onQueryChange?.();
  }, [filters]);

  const redeliver = async (id: number) => {
    setRetrying(id);
    try {
      await api.retryDelivery(id);
    } finally {
      setRetrying(undefined);
      tableRef.current?.onQueryChange?.();
    }
  };

  const columns: TableColumn<PulseDelivery>[] = [
    { title: 'Received', field: 'receivedAt', render: d => new Date(d.receivedAt).toLocaleString() },
    { title: 'Source', field: 'source' },
    { title: 'Event', field: 'event' },
    { title: 'Entity', render: d => d.entityRef ?? d.subject ?? '' },
    { title: 'Status', field: 'status', render: d => <StatusCell delivery={d} /> },
    { title: 'Attempts', field: 'attempts', type: 'numeric' },
    {
      title: '',
      render: d =>
        canRetry && (
          <Button size="small" variant="outlined" disabled={retrying === d.id} onClick={() => redeliver(d.id)}>
            Redeliver
          </Button>
        ),
    },
  ];

  return (
    <Table<PulseDelivery>
      tableRef={tableRef}
      title="Deliveries"
      columns={columns}
      options={{ search: false, sorting: false, paging: true, pageSize: PAGE_SIZE, pageSizeOptions: [PAGE_SIZE] }}
      data={async query => {
        const page = await api.listDeliveries({
          source: filters.source || undefined,
          status: filters.status || undefined,
          entity: filters.entity || undefined,
          limit: PAGE_SIZE,
          offset: query.page * PAGE_SIZE,
        });
        return { data: page.items, page: query.page, totalCount: page.total };
      }}
    />
  );
};
