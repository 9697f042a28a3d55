import { NotFoundError } from '@backstage/errors';
import { PulseDoraWebhook } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';
import { readDoraConfig } from '../dora/config';
import { AnnotatedComponents } from './AnnotatedComponents';

/** Largest delivery accepted; GitHub caps its payloads at 25 MB, but DORA events are far smaller. */
const BODY_LIMIT = '5mb';

/** What a webhook delivery gets back: 200 with the events written, or 202 with the reason it was not recorded. */
export type PulseWebhookResponse = { entityRef: string; accepted: number } | { ignored: string };

/**
 * `POST /webhooks/:name` for the webhooks that modules registered. The raw body is kept for the signature check,
 * so this router must be mounted before any JSON body parser.
 */
export function createWebhookRouter(ctx: PulseContext, webhooks: ReadonlyMap<string, PulseDoraWebhook>): express.Router {
  const router = Router();
  const config = readDoraConfig(ctx.config);
  const components = new AnnotatedComponents(ctx.catalog, ctx.auth, config.serviceIdRefreshMs);

  router.post('/webhooks/:name', express.raw({ type: () => true, limit: BODY_LIMIT }), async (req, res) => {
    const webhook = webhooks.get(req.params.name);
    if (!webhook) {
      throw new NotFoundError(`No webhook '${req.params.name}': install the Pulse backend module that provides it`);
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = await webhook.receive({ headers: req.headers, body });
    if ('ignored' in result) {
      const response: PulseWebhookResponse = { ignored: result.ignored };
      res.status(202).json(response);
      return;
    }
    const { annotation, value } = result.entity;
    const entityRef = await components.find(annotation, value);
    if (!entityRef) {
      const response: PulseWebhookResponse = { ignored: `No component has the annotation ${annotation}: ${value}` };
      res.status(202).json(response);
      return;
    }
    const response: PulseWebhookResponse = {
      entityRef,
      accepted: await ctx.store.dora.ingest(result.toBatch(entityRef), config),
    };
    res.json(response);
  });

  return router;
}
