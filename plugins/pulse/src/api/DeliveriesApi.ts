import { createApiRef } from '@backstage/core-plugin-api';
import { PulseDelivery, PulseDeliveryPage, PulseDeliveryStatus } from '@pulse/plugin-pulse-common';
import { PulseHttpClient } from './PulseHttpClient';

/** Filters and page of `GET /api/pulse/deliveries`. */
export interface DeliveriesQuery {
  source?: string;
  status?: PulseDeliveryStatus;
  entity?: string;
  limit: number;
  offset: number;
}

/** The deliveries page's part of the Pulse API (pulse.deliveries.read, pulse.deliveries.retry). */
export interface DeliveriesApi {
  /** A page of stored deliveries, newest first. */
  listDeliveries(query: DeliveriesQuery): Promise<PulseDeliveryPage>;
  /** Queues a delivery again and answers with what became of it. */
  retryDelivery(id: number): Promise<PulseDelivery>;
}

export const pulseDeliveriesApiRef = createApiRef<DeliveriesApi>({ id: 'plugin.pulse.deliveries' });

/** The HTTP client of {@link DeliveriesApi}. */
export class DeliveriesClient extends PulseHttpClient implements DeliveriesApi {
  listDeliveries(query: DeliveriesQuery): Promise<PulseDeliveryPage> {
    const search = new URLSearchParams();
    Object.entries(query).forEach(([key, value]) => value !== undefined && value !== '' && search.set(key, String(value)));
    return this.request(`/deliveries?${search}`);
  }

  retryDelivery(id: number): Promise<PulseDelivery> {
    return this.request(`/deliveries/${id}/retry`, { method: 'POST' });
  }
}
