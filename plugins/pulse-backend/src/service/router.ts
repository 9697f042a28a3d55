import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { PulseHealth } from '@pulse/plugin-pulse-common';
import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from './context';
import { PulseServices } from './services';
import { createDecisionsRouter } from './decisions/router';
import { createReviewRouter } from './decisions/reviewRouter';
import { createDoraRouter } from './dora/router';
import { createFactsRouter } from './facts/router';
import { createOncallRouter } from './oncall/router';
import { createOutcomesRouter } from './outcomes/router';
import { createSloRouter } from './slo/router';
import { createSurveyRouter } from './survey/router';
import {
  bodyParserErrorHandler,
  databaseValueErrorHandler,
  rejectNulCharacters,
  validationErrorHandler,
} from './validation';

/** Largest JSON body accepted: a full batch of 1,000 items with room to spare. */
const BODY_LIMIT = '2mb';

/** JSON and its suffixed types (application/cloudevents+json, application/cloudevents-batch+json). */
const JSON_TYPES = ['application/json', 'application/*+json'];

/** The Pulse REST API: validation and authorization here, everything else in the store and pulse-common. */
export async function createRouter(ctx: PulseContext, services: PulseServices): Promise<express.Router> {
  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT, type: JSON_TYPES }));
  router.use(rejectNulCharacters);

  // Open to anyone, but only signed-in callers learn the database client and migration names.
  router.get('/health', async (req, res) => {
    const signedIn = await ctx.pulseAuth.isSignedIn(req);
    const body: PulseHealth = signedIn ? { status: 'ok', store: await ctx.store.health() } : { status: 'ok' };
    res.json(body);
  });

  router.use(createSloRouter(ctx, services));
  router.use(createDoraRouter(ctx, services));
  router.use(createSurveyRouter(ctx, services));
  router.use(createDecisionsRouter(ctx, services));
  router.use(createOncallRouter(ctx, services));
  router.use(createReviewRouter(ctx, services));
  router.use(createFactsRouter(ctx, services));
  router.use(createOutcomesRouter(ctx, services));

  router.use(bodyParserErrorHandler);
  router.use(databaseValueErrorHandler);
  router.use(validationErrorHandler);
  // No stack traces in answers, not even in development: they are logged for 5xx instead.
  router.use(MiddlewareFactory.create({ config: ctx.config, logger: ctx.logger }).error({ showStackTraces: false }));
  return router;
}
