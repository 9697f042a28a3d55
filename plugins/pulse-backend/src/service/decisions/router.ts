import { NotFoundError } from '@backstage/errors';
import { EntityPolicyResponse, GateDecisionListResponse, GateDecisionRecord } from '@pulse/plugin-pulse-common';
import { GateDecisionRow } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';
import { PulseContext } from '../context';
import { DoraCatalog } from '../dora/DoraCatalog';
import { readDoraConfig } from '../dora/config';
import { canonicalEntityRef, entityRefFromParams } from '../entityRefs';
import { SurveyCatalog } from '../survey/catalog';
import { readSurveyThresholds } from '../survey/config';
import { SurveyOverviewService } from '../survey/overview';
import { SurveyResultsService } from '../survey/results';
import { parseInput } from '../validation';
import { callerRef } from './callerRef';
import { readDecisionsConfig } from './config';
import { EntityOwners } from './EntityOwners';
import { assertMayEditPolicy } from './policyEditors';
import { IncidentReviews } from './IncidentReviews';
import { PolicyResolver } from './PolicyResolver';
import { gateDecisionsQuery, policyOverrideSchema, quadrantQuery, reviewQuery } from './schemas';
import { SpeedReliability } from './SpeedReliability';

const ENTITY = '/decisions/entities/:kind/:namespace/:name';

const iso = (ms: number) => new Date(ms).toISOString();

const groupRefOf = (ref: string | undefined) =>
  ref ? canonicalEntityRef(ref.includes(':') ? ref : `group:${ref}`) : undefined;

function gateDecisionRecord(row: GateDecisionRow): GateDecisionRecord {
  return { ...row, decidedAt: iso(row.decidedAt) };
}

/** The decisions endpoints: policies, the gate decision log, postmortems, the monthly review and the quadrant. */
export function createDecisionsRouter(ctx: PulseContext): express.Router {
  const config = readDecisionsConfig(ctx.config);
  const dora = readDoraConfig(ctx.config);
  const catalog = new DoraCatalog(ctx.catalog, ctx.auth);
  const owners = new EntityOwners(ctx);
  const resolver = new PolicyResolver(ctx.store, config);
  const reviews = new IncidentReviews(ctx.store, catalog, config, dora);
  const thresholds = readSurveyThresholds(ctx.config, ctx.logger);
  const surveyCatalog = new SurveyCatalog(ctx);
  const surveyResults = new SurveyResultsService(ctx.store.survey, surveyCatalog, thresholds);
  const quadrant = new SpeedReliability(
    ctx.store,
    catalog,
    new SurveyOverviewService(ctx.store.survey, surveyCatalog, surveyResults, thresholds),
    config,
    dora,
  );

  const policyResponse = async (entityRef: string): Promise<EntityPolicyResponse> => {
    const { resolved, override } = await resolver.resolve(entityRef, await owners.ownerOf(entityRef));
    return {
      entityRef,
      ...resolved,
      override: override?.override ?? null,
      ...(override ? { updatedBy: override.updatedBy, updatedAt: iso(override.updatedAt) } : {}),
    };
  };

  const router = Router();

  router.get(`${ENTITY}/policy`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    res.json(await policyResponse(entityRefFromParams(req.params)));
  });

  router.put(`${ENTITY}/policy`, async (req, res) => {
    const credentials = await ctx.pulseAuth.user(req);
    const entityRef = entityRefFromParams(req.params);
    const override = parseInput(policyOverrideSchema, req.body, 'policy');
    await assertMayEditPolicy(ctx, owners, credentials, entityRef);
    await ctx.store.decisions.policies.put(entityRef, override, callerRef(ctx.auth, credentials), Date.now());
    res.json(await policyResponse(entityRef));
  });

  router.delete(`${ENTITY}/policy`, async (req, res) => {
    const credentials = await ctx.pulseAuth.user(req);
    const entityRef = entityRefFromParams(req.params);
    await assertMayEditPolicy(ctx, owners, credentials, entityRef);
    if (!(await ctx.store.decisions.policies.delete(entityRef))) {
      throw new NotFoundError(`${entityRef} has no policy override`);
    }
    res.status(204).end();
  });

  router.get(`${ENTITY}/gate-decisions`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(gateDecisionsQuery, req.query, 'query');
    const rows = await ctx.store.decisions.gateDecisions.list(entityRef, limit);
    const body: GateDecisionListResponse = { entityRef, items: rows.map(gateDecisionRecord) };
    res.json(body);
  });

  router.get(`${ENTITY}/postmortems`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    res.json(await reviews.outstanding(entityRefFromParams(req.params), Date.now()));
  });

  router.get('/decisions/review', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const query = parseInput(reviewQuery, req.query, 'query');
    const groupRef = groupRefOf(query.groupRef);
    const review = await reviews.review(query.month, groupRef, Date.now());
    if (!review) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(review);
  });

  router.get('/decisions/quadrant', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const query = parseInput(quadrantQuery, req.query, 'query');
    const groupRef = groupRefOf(query.groupRef);
    const view = await quadrant.view(groupRef, query.days, Date.now());
    if (!view) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(view);
  });

  return router;
}
