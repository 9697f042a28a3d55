import { ConflictError, NotFoundError } from '@backstage/errors';
import { ReleaseException, ReleaseExceptionListResponse, releaseExceptionStatus } from '@pulse/plugin-pulse-common';
import { ReleaseExceptionRow } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';
import { audited } from '../access/audited';
import { PulseContext } from '../context';
import { entityRefFromParams } from '../entityRefs';
import { PulseServices } from '../services';
import { parseInput } from '../validation';
import { callerRef } from './callerRef';
import { releaseExceptionParams, releaseExceptionSchema } from './schemas';

const EXCEPTIONS = '/decisions/entities/:kind/:namespace/:name/exceptions';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function releaseExceptionOf(row: ReleaseExceptionRow): ReleaseException {
  return {
    id: row.id,
    entityRef: row.entityRef,
    reason: row.reason,
    expiresAt: iso(row.expiresAt)!,
    grantedBy: row.grantedBy,
    grantedAt: iso(row.grantedAt)!,
    usedAt: iso(row.usedAt),
    usedBy: row.usedBy,
  };
}

/**
 * One-release exceptions: owners and policy managers grant them, anyone signed in lists them, and a gate check the
 * policy would block uses up the oldest active one (see PolicyReleaseGate).
 */
export function createReleaseExceptionsRouter(
  ctx: PulseContext,
  { access }: Pick<PulseServices, 'access'>,
): express.Router {
  const router = Router();

  router.get(EXCEPTIONS, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const nowMs = Date.now();
    const rows = await ctx.store.decisions.releaseExceptions.list(entityRef);
    const body: ReleaseExceptionListResponse = {
      entityRef,
      items: rows.map(row => ({ ...releaseExceptionOf(row), status: releaseExceptionStatus(row, nowMs) })),
    };
    res.json(body);
  });

  router.post(EXCEPTIONS, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    await audited(ctx.auditor, { eventId: 'release-exception-grant', request: req, meta: { entityRef } }, async () => {
      const credentials = await access.policyEditor(req, entityRef);
      const nowMs = Date.now();
      const { reason, expiresAt } = parseInput(releaseExceptionSchema(nowMs), req.body, 'exception');
      const row = await ctx.store.decisions.releaseExceptions.grant({
        entityRef,
        reason,
        expiresAt,
        grantedBy: callerRef(ctx.auth, credentials),
        grantedAt: nowMs,
      });
      res.status(201).json(releaseExceptionOf(row));
    });
  });

  router.delete(`${EXCEPTIONS}/:id`, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const meta = { entityRef, exceptionId: req.params.id };
    await audited(ctx.auditor, { eventId: 'release-exception-revoke', request: req, meta }, async () => {
      await access.policyEditor(req, entityRef);
      const { id } = parseInput(releaseExceptionParams, { id: req.params.id }, 'path');
      const outcome = await ctx.store.decisions.releaseExceptions.revoke(entityRef, id);
      if (outcome === 'unknown') throw new NotFoundError(`${entityRef} has no exception ${id}`);
      if (outcome === 'used') {
        throw new ConflictError(`Exception ${id} of ${entityRef} was used by a gate check and stays on record`);
      }
      res.status(204).end();
    });
  });

  return router;
}
