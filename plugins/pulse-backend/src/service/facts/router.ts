import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';
import { entityRefFromParams } from '../entityRefs';
import { PulseServices } from '../services';

/** `GET /facts/entities/:kind/:namespace/:name`: the entity's flat facts (what the Tech Insights module reads). */
export function createFactsRouter(ctx: PulseContext, { facts }: Pick<PulseServices, 'facts'>): express.Router {
  const router = Router();
  router.get('/facts/entities/:kind/:namespace/:name', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    res.json(await facts.of(entityRefFromParams(req.params), Date.now()));
  });
  return router;
}
