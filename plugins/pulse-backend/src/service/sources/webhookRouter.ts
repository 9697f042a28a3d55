import { NotFoundError } from '@backstage/errors';
import { PulseDoraWebhook } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';
import { DeliveryInbox } from '../deliveries/DeliveryInbox';
import { intakeErrorHandlers } from '../deliveries/errorHandlers';

/**
 * `POST /webhooks/:name` for the webhooks that modules registered: the signature is checked on the raw body (401,
 * nothing stored), then the delivery is stored and answered 202 with what became of it so far (see DeliveryIntake).
 * The raw body is kept for the signature, so this router must be mounted before any JSON body parser.
 */
export function createWebhookRouter(
  ctx: PulseContext,
  webhooks: ReadonlyMap<string, PulseDoraWebhook>,
  inbox: DeliveryInbox,
): express.Router {
  const router = Router();

  router.post(
    '/webhooks/:name',
    express.raw({ type: () => true, limit: inbox.config.maxPayloadBytes }),
    async (req, res) => {
      const webhook = webhooks.get(req.params.name);
      const handler = inbox.handlers.get(req.params.name);
      if (!webhook || !handler) {
        throw new NotFoundError(`No webhook '${req.params.name}': install the Pulse backend module that provides it`);
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const { id, event } = await webhook.verify({ headers: req.headers, body });
      const [receipt] = await inbox.intake.receive(handler, [{ externalId: id, event, payload: body.toString('utf8') }]);
      res.status(202).json(receipt);
    },
  );

  router.use('/webhooks', intakeErrorHandlers(ctx));
  return router;
}
