import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { BasicPermission, AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  PULSE_DELIVERY_STATUSES,
  pulseDeliveriesReadPermission,
  pulseDeliveriesRetryPermission,
  PulseDeliveryPage,
  PulseDeliveryStatus,
} from '@pulse/plugin-pulse-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { PulseContext } from '../context';
import { readCdevents } from '../dora/cdevents';
import { parseInput, rejectNulCharacters } from '../validation';
import { CDEVENTS_SOURCE } from './DeliveryHandler';
import { DeliveryInbox } from './DeliveryInbox';
import { deliveryView } from './deliveryView';
import { intakeErrorHandlers } from './errorHandlers';

/** JSON and its suffixed types (application/cloudevents+json, application/cloudevents-batch+json). */
const JSON_TYPES = ['application/json', 'application/*+json'];

const pageQuery = z
  .object({
    source: z.string().min(1).max(64).optional(),
    status: z.enum(PULSE_DELIVERY_STATUSES as [string, ...string[]]).optional(),
    entity: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/**
 * `POST /events` (CDEvents, for service principals: validated, then stored and answered 202 like a webhook),
 * `GET /deliveries` and `POST /deliveries/:id/retry` (users holding pulse.deliveries.read / pulse.deliveries.retry).
 * Mounted beside the main API router, with the same body parsing and error answers.
 */
export function createDeliveriesRouter(ctx: PulseContext, inbox: DeliveryInbox): express.Router {
  const router = Router();
  const paths = ['/events', '/deliveries'];
  router.use(paths, express.json({ limit: inbox.config.maxPayloadBytes, type: JSON_TYPES }), rejectNulCharacters);

  const authorize = async (req: Request, permission: BasicPermission) => {
    const credentials = await ctx.pulseAuth.user(req);
    const [decision] = await ctx.permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`This needs the ${permission.name} permission`);
    }
  };

  router.post('/events', async (req, res) => {
    await ctx.pulseAuth.ingester(req);
    const events = readCdevents(req.body);
    const handler = inbox.handlers.get(CDEVENTS_SOURCE)!;
    const deliveries = await inbox.intake.receive(
      handler,
      events.map(e => ({ externalId: e.externalId, event: e.type, payload: JSON.stringify(e.raw) })),
    );
    res.status(202).json({ deliveries });
  });

  router.get('/deliveries', async (req, res) => {
    await authorize(req, pulseDeliveriesReadPermission);
    const query = parseInput(pageQuery, req.query, 'query');
    const { items, total } = await ctx.store.deliveries.list({ ...query, status: query.status as PulseDeliveryStatus | undefined });
    const page: PulseDeliveryPage = { items: items.map(deliveryView), total, limit: query.limit, offset: query.offset };
    res.json(page);
  });

  router.post('/deliveries/:id/retry', async (req, res) => {
    await authorize(req, pulseDeliveriesRetryPermission);
    const { id } = parseInput(idParams, req.params, 'path');
    const delivery = await inbox.intake.retry(id);
    if (!delivery) throw new NotFoundError(`No delivery ${id}`);
    res.status(202).json(delivery);
  });

  router.use(paths, intakeErrorHandlers(ctx));
  return router;
}
