import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { SurveyScope } from '@pulse/plugin-pulse-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { audited } from '../access/audited';
import { PulseContext } from '../context';
import { canonicalEntityRef, entityRefFromParams } from '../entityRefs';
import { parseInput } from '../validation';
import { PulseServices } from '../services';
import { surveyOverviewCsv } from './csv';
import { overviewQuery, responseInput, roundId, roundInput, scopeQuery, templateInput } from './schemas';
import { toSurveyRound } from './rounds';

/** The scope of `?entityRef=` / `?groupRef=`; the whole round when neither is given. */
function scopeOf(query: unknown): SurveyScope {
  const { entityRef, groupRef } = parseInput(scopeQuery, query, 'query');
  if (entityRef) return { type: 'entity', entityRef: canonicalEntityRef(entityRef) };
  if (groupRef) {
    return { type: 'group', groupRef: canonicalEntityRef(groupRef.includes(':') ? groupRef : `group:${groupRef}`) };
  }
  return { type: 'round' };
}

/** The survey endpoints of the Pulse API, under `/surveys`. */
export function createSurveyRouter(
  ctx: PulseContext,
  services: Pick<PulseServices, 'access' | 'surveys' | 'surveyResults' | 'surveyOverview' | 'defaultTemplate'>,
): express.Router {
  const { access, surveys, surveyResults: results, surveyOverview: overviews, defaultTemplate } = services;
  const manager = (req: Request) => access.surveyManager(req);
  const principalRef = (credentials: BackstageCredentials) =>
    ctx.auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : `service:${ctx.auth.isPrincipal(credentials, 'service') ? credentials.principal.subject : 'unknown'}`;
  const roundIdOf = (req: Request) => parseInput(roundId, req.params.id, 'round id');

  const router = Router();
  router.use('/surveys', async (_req, _res, next) => {
    await defaultTemplate.ready();
    next();
  });

  router.get('/surveys/templates', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    res.json({ items: await ctx.store.survey.templates.list() });
  });

  router.post('/surveys/templates', async (req, res) => {
    await audited(ctx.auditor, { eventId: 'survey-template-create', request: req }, async () => {
      await manager(req);
      const template = parseInput(templateInput, req.body, 'template');
      res.status(201).json(await surveys.createTemplate(template, Date.now()));
    });
  });

  router.post('/surveys/rounds', async (req, res) => {
    await audited(ctx.auditor, { eventId: 'survey-round-create', request: req }, async () => {
      const credentials = await manager(req);
      const input = parseInput(roundInput, req.body, 'round');
      res.status(201).json(await surveys.createRound(input, principalRef(credentials), Date.now()));
    });
  });

  router.get('/surveys/rounds', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const now = Date.now();
    const rounds = await ctx.store.survey.rounds.list();
    const participation = await results.roundsParticipation(rounds);
    res.json({ items: rounds.map(r => ({ ...toSurveyRound(r, now), participation: participation.get(r.id) })) });
  });

  router.get('/surveys/rounds/:id', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const round = await surveys.round(roundIdOf(req));
    res.json({ ...toSurveyRound(round, Date.now()), template: await results.roundTemplate(round) });
  });

  router.post('/surveys/rounds/:id/close', async (req, res) => {
    await audited(ctx.auditor, { eventId: 'survey-round-close', request: req, meta: { roundId: req.params.id } }, async () => {
      await manager(req);
      res.json(await surveys.closeRound(roundIdOf(req), Date.now()));
    });
  });

  // Erasure: the round with its answers (released and pending), participation and counts.
  router.delete('/surveys/rounds/:id', async (req, res) => {
    await audited(ctx.auditor, { eventId: 'survey-round-delete', request: req, meta: { roundId: req.params.id } }, async () => {
      await manager(req);
      await surveys.deleteRound(roundIdOf(req));
      res.status(204).end();
    });
  });

  router.post('/surveys/rounds/:id/responses', async (req, res) => {
    const credentials = await ctx.pulseAuth.user(req);
    const id = roundIdOf(req);
    const input = parseInput(responseInput, req.body, 'response');
    const userRef = credentials.principal.userEntityRef.toLocaleLowerCase('en-US');
    res.status(201).json(await surveys.submit(id, userRef, input, Date.now()));
  });

  router.get('/surveys/rounds/:id/results', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const round = await surveys.round(roundIdOf(req));
    res.json(await results.results(round, scopeOf(req.query)));
  });

  router.get('/surveys/entities/:kind/:namespace/:name', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const userRef = ctx.auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef.toLocaleLowerCase('en-US')
      : undefined;
    res.json(await surveys.entityView(entityRefFromParams(req.params), userRef, Date.now()));
  });

  router.get('/surveys/trends', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const scope = scopeOf(req.query);
    res.json({ scope, points: await results.trend(scope) });
  });

  const overviewOf = async (req: Request) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const { roundId: id } = parseInput(overviewQuery, req.query, 'query');
    const overview = await overviews.overview(id, Date.now(), credentials);
    if (!overview) throw new NotFoundError(`No survey round ${id} has opened`);
    return overview;
  };

  router.get('/surveys/overview', async (req, res) => {
    res.json(await overviewOf(req));
  });

  router.get('/surveys/overview.csv', async (req, res) => {
    const overview = await overviewOf(req);
    res
      .type('text/csv')
      .attachment(`pulse-survey-${overview.round?.id ?? 'none'}.csv`)
      .send(surveyOverviewCsv(overview));
  });

  return router;
}
