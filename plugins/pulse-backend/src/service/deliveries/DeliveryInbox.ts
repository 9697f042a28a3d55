import { PulseDoraWebhook } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../context';
import { DoraServiceIds } from '../dora/DoraServiceIds';
import { AnnotatedComponents } from '../sources/AnnotatedComponents';
import { DeliveriesConfig } from './config';
import { cdeventsHandler, DeliveryHandler, webhookHandler } from './DeliveryHandler';
import { DeliveryIntake } from './DeliveryIntake';
import { DeliveryProcessor } from './DeliveryProcessor';

/** The inbox's parts, built once: a handler per source, the processor the worker runs, the intake the routes call. */
export class DeliveryInbox {
  static create(ctx: PulseContext, webhooks: ReadonlyMap<string, PulseDoraWebhook>): DeliveryInbox {
    const { dora, deliveries } = ctx.pulseConfig;
    const components = new AnnotatedComponents(ctx.catalog, ctx.auth, dora.serviceIdRefreshMs);
    const users = new AnnotatedComponents(ctx.catalog, ctx.auth, dora.serviceIdRefreshMs, Date.now, 'user');
    const handlers = new Map<string, DeliveryHandler>();
    for (const webhook of webhooks.values()) handlers.set(webhook.name, webhookHandler(webhook, components, users));
    const cdevents = cdeventsHandler(new DoraServiceIds(ctx.catalog, ctx.auth, dora.serviceIdRefreshMs));
    handlers.set(cdevents.source, cdevents);
    const processor = new DeliveryProcessor(ctx.store, handlers, dora, deliveries, ctx.logger);
    return new DeliveryInbox(handlers, processor, new DeliveryIntake(ctx.store, processor, deliveries), deliveries);
  }

  private constructor(
    readonly handlers: ReadonlyMap<string, DeliveryHandler>,
    readonly processor: DeliveryProcessor,
    readonly intake: DeliveryIntake,
    readonly config: DeliveriesConfig,
  ) {}
}
