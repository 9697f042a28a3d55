import { HttpRouterService } from '@backstage/backend-plugin-api';
import { PulseContext } from '../context';
import { DeliveryInbox } from '../deliveries/DeliveryInbox';
import { scheduleDeliveryJobs } from '../deliveries/jobs';
import { createDeliveriesRouter } from '../deliveries/router';
import { PulseSourceRegistry } from './PulseSourceRegistry';
import { scheduleSliSources } from './scheduleSliSources';
import { createWebhookRouter } from './webhookRouter';

/**
 * Starts what modules registered and the inbox: a scheduled task per SLI source; the webhook routes, whose signature
 * is their authentication; the CDEvents intake and the deliveries page; the worker that processes stored deliveries.
 * Call before the JSON API router is mounted: the webhooks need the raw body.
 */
export async function startPulseSources(
  ctx: PulseContext,
  registry: PulseSourceRegistry,
  httpRouter: HttpRouterService,
): Promise<void> {
  await scheduleSliSources(ctx, registry.sliSources.values());
  const inbox = DeliveryInbox.create(ctx, registry.webhooks);
  await scheduleDeliveryJobs(ctx, inbox.processor);
  if (registry.webhooks.size > 0) {
    httpRouter.use(createWebhookRouter(ctx, registry.webhooks, inbox));
    httpRouter.addAuthPolicy({ path: '/webhooks', allow: 'unauthenticated' });
  }
  httpRouter.use(createDeliveriesRouter(ctx, inbox));
}
