import { NotFoundError } from '@backstage/errors';
import { OutcomeValuesIngestResponse, StoredOutcome } from '@pulse/plugin-pulse-common';
import { OutcomeRecord, outcomeKey } from '@pulse/plugin-pulse-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { audited } from '../access/audited';
import { PulseContext } from '../context';
import { entityRefFromParams } from '../entityRefs';
import { PulseServices } from '../services';
import { YAML_TYPES } from '../slo/openSloExport';
import { parseInput, ValidationError } from '../validation';
import { parseOutcomeRequestBody } from './outcomeBody';
import { outcomesQuerySchema, outcomeValuesBatchSchema } from './schemas';

const ENTITY = '/outcomes/entities/:kind/:namespace/:name';
const GROUP = '/outcomes/groups/:namespace/:name';

/** Outcome documents may be PUT as YAML text, as they are kept beside the catalog file. */
const yamlBody = express.text({ type: YAML_TYPES, limit: '64kb' });

const iso = (ms: number) => new Date(ms).toISOString();

function storedOutcome(record: OutcomeRecord): StoredOutcome {
  return {
    ownerRef: record.ownerRef,
    id: record.id,
    source: record.source,
    ...(record.sourceLocation ? { sourceLocation: record.sourceLocation } : {}),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    document: record.document,
  };
}

/** The outcomes endpoints: validation and authorization here, the math in pulse-common, the aggregates in the store. */
export function createOutcomesRouter(
  ctx: PulseContext,
  { access, outcomes }: Pick<PulseServices, 'access' | 'outcomes'>,
): express.Router {
  const router = Router();
  const store = ctx.store.outcomes;
  const entityOwner = (req: Request) => entityRefFromParams(req.params as any);
  const groupOwner = (req: Request) => entityRefFromParams({ kind: 'group', ...(req.params as any) });

  /** PUT and DELETE of one outcome of an owner, the same for entities and groups. */
  const documentRoutes = (base: string, ownerOf: (req: Request) => string) => {
    router.put(`${base}/outcomes/:id`, yamlBody, async (req, res) => {
      const ownerRef = ownerOf(req);
      await audited(ctx.auditor, { eventId: 'outcome-define', request: req, meta: { ownerRef, outcome: req.params.id } }, async () => {
        await access.outcomeWriter(req, ownerRef);
        const document = parseOutcomeRequestBody(req.body, req.params.id);
        const { outcome, created } = await store.upsertOutcome({ ownerRef, document, source: 'api', now: Date.now() });
        res.status(created ? 201 : 200).json(storedOutcome(outcome));
      });
    });

    router.delete(`${base}/outcomes/:id`, async (req, res) => {
      const ownerRef = ownerOf(req);
      await audited(ctx.auditor, { eventId: 'outcome-delete', request: req, meta: { ownerRef, outcome: req.params.id } }, async () => {
        await access.outcomeWriter(req, ownerRef);
        if (!(await store.deleteOutcome(ownerRef, req.params.id))) {
          throw new NotFoundError(`No outcome '${req.params.id}' is defined for ${ownerRef}`);
        }
        res.status(204).end();
      });
    });
  };
  documentRoutes(ENTITY, entityOwner);
  documentRoutes(GROUP, groupOwner);

  router.post('/outcomes/values', async (req, res) => {
    await audited(ctx.auditor, { eventId: 'outcome-values', request: req, meta: {} }, async () => {
      await access.outcomeValueWriter(req);
      const { items } = parseInput(outcomeValuesBatchSchema, req.body, 'outcome values');
      // Every value must name a defined outcome: a typo would otherwise feed a series nobody reads.
      const defined = await store.existingOutcomes(items);
      const unknown = items.flatMap((item, index) =>
        defined.has(outcomeKey(item.ownerRef, item.outcomeId))
          ? []
          : [{ index, path: `items.${index}.outcome`, message: `no outcome '${item.outcomeId}' is defined for ${item.ownerRef}` }],
      );
      if (unknown.length > 0) throw new ValidationError(unknown, 'outcome values');
      const body: OutcomeValuesIngestResponse = {
        accepted: await store.writeValues(items.map(item => ({ ...item, source: 'push' as const }))),
      };
      res.json(body);
    });
  });

  router.get(ENTITY, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const { weeks } = parseInput(outcomesQuerySchema, req.query, 'query');
    res.json(await outcomes.entity(entityOwner(req), weeks, Date.now()));
  });

  router.get('/outcomes/groups', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    res.json(await outcomes.teams(Date.now(), credentials));
  });

  router.get(GROUP, async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const { weeks } = parseInput(outcomesQuerySchema, req.query, 'query');
    const groupRef = groupOwner(req);
    const body = await outcomes.group(groupRef, weeks, Date.now(), credentials);
    if (!body) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(body);
  });

  return router;
}
