import { NotFoundError } from '@backstage/errors';
import { SliSampleIngestResponse, SloListResponse, StoredSlo } from '@pulse/plugin-pulse-common';
import { SloRecord } from '@pulse/plugin-pulse-node';
import express from 'express';
import Router from 'express-promise-router';
import { audited } from '../access/audited';
import { PulseContext } from '../context';
import { callerRef } from '../decisions/callerRef';
import { PulseServices } from '../services';
import { gateCheckSchema, gatePreviewQuery } from '../decisions/schemas';
import { entityRefFromParams } from '../entityRefs';
import { parseInput } from '../validation';
import { parseSloRequestBody } from './definitionBody';
import { YAML_TYPES, openSloYaml, storedSloQuery, storedSloRepresentation } from './openSloExport';
import { parseSampleBatch } from './samples';

const ENTITY = '/slo/entities/:kind/:namespace/:name';

/** SLO documents (OpenSLO, Sloth, Pyrra) may be PUT as YAML text; JSON bodies are parsed by the Pulse router already. */
const yamlBody = express.text({
  type: YAML_TYPES,
  limit: '256kb',
});

const iso = (ms: number) => new Date(ms).toISOString();

function storedSlo(record: SloRecord): StoredSlo {
  return {
    entityRef: record.entityRef,
    name: record.name,
    ...(record.description ? { description: record.description } : {}),
    source: record.source,
    ...(record.sourceLocation ? { sourceLocation: record.sourceLocation } : {}),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    definition: record.definition,
  };
}

/** The slo endpoints of the Pulse API: validation and authorization here, the numbers in pulse-common. */
export function createSloRouter(
  ctx: PulseContext,
  { access, gate, teamSlos }: Pick<PulseServices, 'access' | 'gate' | 'teamSlos'>,
): express.Router {
  const router = Router();
  const slos = ctx.store.slo;

  router.put(`${ENTITY}/slos/:sloName`, yamlBody, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const meta = { entityRef, slo: req.params.sloName };
    await audited(ctx.auditor, { eventId: 'slo-define', request: req, meta }, async () => {
      await access.sloWriter(req, entityRef);
      const definition = parseSloRequestBody(req.body, req.params.sloName);
      const { slo, created } = await slos.upsertSlo({ entityRef, definition, source: 'api', now: Date.now() });
      res.status(created ? 201 : 200).json(storedSlo(slo));
    });
  });

  router.get(`${ENTITY}/slos`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const body: SloListResponse = { entityRef, items: (await slos.listSlos(entityRef)).map(storedSlo) };
    res.json(body);
  });

  router.get(`${ENTITY}/slos/:sloName`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const entityRef = entityRefFromParams(req.params);
    const query = parseInput(storedSloQuery, req.query, 'query');
    const representation = storedSloRepresentation(query, req.accepts(['application/json', ...YAML_TYPES]));
    const slo = await slos.getSlo(entityRef, req.params.sloName);
    if (!slo) throw new NotFoundError(`No SLO '${req.params.sloName}' is defined for ${entityRef}`);
    if (representation === 'openslo-yaml') {
      res.type('application/yaml').send(openSloYaml(slo.definition));
    } else {
      res.json(representation === 'stored' ? storedSlo(slo) : slo.definition);
    }
  });

  router.delete(`${ENTITY}/slos/:sloName`, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    const meta = { entityRef, slo: req.params.sloName };
    await audited(ctx.auditor, { eventId: 'slo-delete', request: req, meta }, async () => {
      await access.sloWriter(req, entityRef);
      if (!(await slos.deleteSlo(entityRef, req.params.sloName))) {
        throw new NotFoundError(`No SLO '${req.params.sloName}' is defined for ${entityRef}`);
      }
      res.status(204).end();
    });
  });

  router.post('/slo/samples', async (req, res) => {
    await ctx.pulseAuth.ingester(req);
    const { samples, values } = await parseSampleBatch(req.body, slos);
    const body: SliSampleIngestResponse = { accepted: await slos.writeSamples(samples, values) };
    res.json(body);
  });

  router.get(ENTITY, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    res.json(await gate.view(entityRefFromParams(req.params), Date.now()));
  });

  // A team's services in one answer (the team page's SLO table), so the browser never asks once per service.
  router.get('/slo/groups/:namespace/:name', async (req, res) => {
    const credentials = await ctx.pulseAuth.reader(req);
    const groupRef = entityRefFromParams({ kind: 'group', ...req.params });
    const body = await teamSlos.of(groupRef, Date.now(), credentials);
    if (!body) throw new NotFoundError(`No group ${groupRef} in the catalog`);
    res.json(body);
  });

  // The gate under the entity's resolved error-budget policy: GET previews it and writes nothing, whoever asks;
  // POST is a gate check (what `pulse gate` sends), stored with its caller and audited.
  router.get(`${ENTITY}/release-gate`, async (req, res) => {
    await ctx.pulseAuth.reader(req);
    const { reason } = parseInput(gatePreviewQuery, req.query, 'query');
    res.json(await gate.evaluate(entityRefFromParams(req.params), { reason, nowMs: Date.now() }));
  });

  router.post(`${ENTITY}/release-gate`, async (req, res) => {
    const entityRef = entityRefFromParams(req.params);
    await audited(ctx.auditor, { eventId: 'gate-decision', request: req, meta: { entityRef } }, async () => {
      const credentials = await ctx.pulseAuth.reader(req);
      const { reason } = parseInput(gateCheckSchema, req.body ?? {}, 'gate check');
      const caller = callerRef(ctx.auth, credentials);
      const mayUseException = await access.mayUseReleaseException(credentials, entityRef);
      res.json(await gate.check(entityRef, { reason, caller, mayUseException, nowMs: Date.now() }));
    });
  });

  return router;
}
