import { NotFoundError } from '@backstage/errors';
import { DoraIngestResponse, IncidentPostmortemResponse, postmortemStatusOf } from '@pulse/plugin-pulse-common';
import { DoraEventBatch } from '@pulse/plugin-pulse-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { audited } from '../access/audited';
import { PulseContext } from '../context';
import { callerRef } from '../decisions/callerRef';
import { incidentFollowUpSchema } from '../decisions/schemas';
import { entityRefFromParams } from '../entityRefs';
import { batchOf, parseInput } from '../validation';
import { PulseServices } from '../services';
import {
  doraChangeSchema,
  doraDeploymentSchema,
  doraIncidentSchema,
  doraWindowOf,
  doraWindowQuerySchema,
} from './schemas';

/** The learnings part of an incident PATCH: absent leaves them, null clears them, text is stored with who and when. */
function learningsChange(learnings: string | null | undefined, updatedBy: string, nowMs: number) {
  if (learnings === undefined) return {};
  return { learnings: learnings === null ? null : { text: learnings, updatedBy, updatedAt: nowMs } };
}

/** The DORA endpoints: ingestion for service principals, scorecards for readers (CDEvents: deliveries/router.ts). */
export function createDoraRouter(
  ctx: PulseContext,
  { access, scorecards }: Pick<PulseServices, 'access' | 'scorecards'>,
): express.Router {
  const router = Router();
  const config = ctx.pulseConfig.dora;

  const ingest = async (batch: DoraEventBatch): Promise<DoraIngestResponse> => ({
    accepted: await ctx.store.dora.ingest(batch, config),
  });

  /** `POST /dora/<kind>` with `{ items }`, validated as a whole before one transaction writes it. */
  const ingestionRoute = <S extends z.ZodTypeAny>(path: string, schema: S, key: keyof DoraEventBatch) =>
    router.post(path, async (req, res) => {
      await ctx.pulseAuth.ingester(req);
      const { items } = parseInput(batchOf(schema), req.body, `${key} batch`);
      res.json(await ingest({ [key]: items }));
    });

  ingestionRoute('/dora/deployments', doraDeploymentSchema, 'deployments');
  ingestionRoute('/dora/changes', doraChangeSchema, 'changes');
  ingestionRoute('/dora/incidents', doraIncidentSchema, 'incidents');


  const windowOf = (req: Request) => doraWindowOf(parseInput(doraWindowQuerySchema, req.query, 'window'), Date.now(), config.timeZone);

  // Only the owners of the incident's entity (or policy managers) link its postmortem and write its learnings: the
  // link clears a review item, and the learnings are published with the review.
  router.patch('/dora/incidents/:id', async (req, res) => {
    const incidentId = req.params.id;
    await audited(ctx.auditor, { eventId: 'postmortem-link', request: req, meta: { incidentId } }, async () => {
      await ctx.pulseAuth.user(req);
      const entityRef = await ctx.store.decisions.incidents.entityRefOf(incidentId);
      if (!entityRef) throw new NotFoundError(`No incident '${incidentId}'`);
      const credentials = await access.postmortemLinker(req, entityRef);
      const { postmortemUrl, learnings } = parseInput(incidentFollowUpSchema, req.body, 'incident');
      const incident = await ctx.store.decisions.incidents.updateFollowUp(incidentId, {
        postmortemUrl,
        ...learningsChange(learnings, callerRef(ctx.auth, credentials), Date.now()),
      });
      if (!incident) throw new NotFoundError(`No incident '${incidentId}'`);
      const body: IncidentPostmortemResponse = {
        ...incident,
        postmortemStatus: postmortemStatusOf(incident.postmortemRequired, incident.postmortemUrl),
        learnings: incident.learnings && { ...incident.learnings, updatedAt: new Date(incident.learnings.updatedAt).toISOString() },
      };
      res.json(body);
    });
  });

  router.get('/dora/entities/:kind/:namespace/:name', async (req, res) => {
    await ctx.pulseAuth.reader(req);
    res.json(await scorecards.entity(entityRefFromParams(req.params), windowOf(req)));
  });

  router.get('/dora/groups', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    res.json(await scorecards.teams(windowOf(req), credentials));
  });

  router.get('/dora/groups/:namespace/:name', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const groupRef = entityRefFromParams({ kind: 'group', ...req.params });
    const scorecard = await scorecards.group(groupRef, windowOf(req), credentials);
    if (!scorecard) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(scorecard);
  });

  return router;
}
