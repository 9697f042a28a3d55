import { NotFoundError } from '@backstage/errors';
import { OncallIngestResponse } from '@pulse/plugin-pulse-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';
import { doraWindowQuerySchema } from '../dora/schemas';
import { entityRefFromParams } from '../entityRefs';
import { PulseServices } from '../services';
import { batchOf, parseInput } from '../validation';
import { oncallPageSchema } from './schemas';

/**
 * The on-call endpoints: page ingestion for service principals, team and entity health for readers, and a user's own
 * counts for that user. No route lists pages or counts per named person to anyone else (docs/oncall.md, "Who sees what").
 */
export function createOncallRouter(ctx: PulseContext, { oncall }: Pick<PulseServices, 'oncall'>): express.Router {
  const router = Router();
  const windowQuery = (req: Request) => parseInput(doraWindowQuerySchema, req.query, 'window');

  router.post('/oncall/pages', async (req, res) => {
    await ctx.pulseAuth.ingester(req);
    const { items } = parseInput(batchOf(oncallPageSchema), req.body, 'pages batch');
    const body: OncallIngestResponse = { accepted: await ctx.store.oncall.ingest(items) };
    res.json(body);
  });

  router.get('/oncall/groups/:namespace/:name', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const groupRef = entityRefFromParams({ kind: 'group', ...req.params });
    const health = await oncall.group(groupRef, windowQuery(req), credentials);
    if (!health) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(health);
  });

  router.get('/oncall/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const health = await oncall.entity(entityRef, windowQuery(req), credentials);
    if (!health) throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    res.json(health);
  });

  // The caller's own pages: only a signed-in user has any, and only they see them.
  router.get('/oncall/me', async (req, res) => {
    const credentials = await ctx.pulseAuth.user(req);
    res.json(await oncall.mine(credentials.principal.userEntityRef.toLocaleLowerCase('en-US'), windowQuery(req)));
  });

  return router;
}
