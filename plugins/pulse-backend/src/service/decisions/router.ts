import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  EntityPolicyOverride,
  EntityPolicyResponse,
  GateDecisionListResponse,
  GateDecisionRecord,
} from '@pulse/plugin-pulse-common';
import { EntityPolicyRow, GateDecisionRow } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';
import { audited } from '../access/audited';
import { PulseContext } from '../context';
import { entityRefFromParams, groupRefOf } from '../entityRefs';
import { PulseServices } from '../services';
import { parseInput } from '../validation';
import { callerRef } from './callerRef';
import { createReleaseExceptionsRouter } from './releaseExceptionsRouter';
import { entityPolicyPutSchema, gateDecisionsQuery, quadrantQuery } from './schemas';

const ENTITY = '/decisions/entities/:kind/:namespace/:name';

const iso = (ms: number) => new Date(ms).toISOString();

function gateDecisionRecord(row: GateDecisionRow): GateDecisionRecord {
  return { ...row, decidedAt: iso(row.decidedAt) };
}

/** The stored override as the policy API shows it: thresholds, the forced state, who set it, whether it applies. */
function entityPolicyOverrideOf(row: EntityPolicyRow, active: boolean): EntityPolicyOverride {
  return {
    ...row.override,
    ...(row.state ? { state: row.state } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.expiresAt !== undefined ? { expiresAt: iso(row.expiresAt) } : {}),
    updatedBy: row.updatedBy,
    updatedAt: iso(row.updatedAt),
    active,
  };
}

/** The decisions endpoints: policies, the gate decision log and the quadrant (postmortems and the review: reviewRouter). */
export function createDecisionsRouter(
  ctx: PulseContext,
  { access, resolver, quadrant }: Pick<PulseServices, 'access' | 'resolver' | 'quadrant'>,
): express.Router {
  const policyResponse = async (entityRef: string, credentials: BackstageCredentials): Promise<EntityPolicyResponse> => {
    const nowMs = Date.now();
    const [{ resolved, override, overrideActive }, canEdit] = await Promise.all([
      resolver.resolve(entityRef, await ctx.pulseCatalog.primaryGroupOf(entityRef), nowMs),
      access.mayEditPolicy(credentials, entityRef),
    ]);
    return {
      entityRef,
      ...resolved,
      override: override ? entityPolicyOverrideOf(override, overrideActive) : null,
      ...(override ? { updatedBy: override.updatedBy, updatedAt: iso(override.updatedAt) } : {}),
      canEdit,
    };
  };

  const router = Router();

  router.get(`${ENTITY}/policy`, async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    res.json(await policyResponse(entityRefFromParams(req.params), credentials));
  });

  router.put(`${ENTITY}/policy`, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    await audited(ctx.auditor, { eventId: 'policy-change', request: req, meta: { entityRef } }, async () => {
      const credentials = await access.policyEditor(req, entityRef);
      const { state, reason, expiresAt, ...override } = parseInput(entityPolicyPutSchema(Date.now()), req.body, 'policy');
      await ctx.store.decisions.policies.put(
        entityRef,
        { override, ...(state ? { state } : {}), ...(reason ? { reason } : {}), ...(expiresAt ? { expiresAt } : {}) },
        callerRef(ctx.auth, credentials),
        Date.now(),
      );
      res.json(await policyResponse(entityRef, credentials));
    });
  });

  router.delete(`${ENTITY}/policy`, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    await audited(ctx.auditor, { eventId: 'policy-delete', request: req, meta: { entityRef } }, async () => {
      await access.policyEditor(req, entityRef);
      if (!(await ctx.store.decisions.policies.delete(entityRef))) {
        throw new NotFoundError(`${entityRef} has no policy override`);
      }
      res.status(204).end();
    });
  });

  router.use(createReleaseExceptionsRouter(ctx, { access }));

  router.get(`${ENTITY}/gate-decisions`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const { limit } = parseInput(gateDecisionsQuery, req.query, 'query');
    const rows = await ctx.store.decisions.gateDecisions.list(entityRef, limit);
    const body: GateDecisionListResponse = { entityRef, items: rows.map(gateDecisionRecord) };
    res.json(body);
  });

  router.get('/decisions/quadrant', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const query = parseInput(quadrantQuery, req.query, 'query');
    const groupRef = groupRefOf(query.groupRef);
    const view = await quadrant.view(groupRef, query.days, Date.now(), credentials);
    if (!view) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(view);
  });

  return router;
}
