import { HttpRouterService } from '@backstage/backend-plugin-api';
import { PulseContext } from '../context';
import { PulseSourceRegistry } from './PulseSourceRegistry';
import { scheduleSliSources } from './scheduleSliSources';
import { createWebhookRouter } from './webhookRouter';

/**
 * Starts what modules registered: a scheduled task per SLI source, and the webhook routes, whose signature is their
 * authentication. Call before the JSON API router is mounted: the webhooks need the raw body.
 */
export async function startPulseSources(
  ctx: PulseContext,
  registry: PulseSourceRegistry,
  httpRouter: HttpRouterService,
): Promise<void> {
  await scheduleSliSources(ctx, registry.sliSources.values());
  if (registry.webhooks.size > 0) {
    httpRouter.use(createWebhookRouter(ctx, registry.webhooks));
    httpRouter.addAuthPolicy({ path: '/webhooks', allow: 'unauthenticated' });
  }
}
