import { ANNOTATION_LOCATION, Entity, parseLocationRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { PULSE_OPENSLO_ANNOTATION, SloDefinition } from '@pulse/plugin-pulse-common';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PulseContext } from '../context';
import { parseOpenSloDocument, parseYamlDocuments } from './openSlo';

/** Where an entity's OpenSLO file is: a URL for the UrlReader, or a local file (UrlReader does not read those). */
export interface OpenSloLocation {
  type: 'url' | 'file';
  target: string;
}

/** Outcome of one discovery run, for the log. */
export interface SloDiscoveryResult {
  entities: number;
  upserted: number;
  skipped: number;
}

/**
 * Resolves the `pulse.dev/openslo` annotation: an http(s) URL as is, anything else relative to the location the
 * entity was read from (`backstage.io/managed-by-location`, `url:` or `file:`).
 */
export function openSloLocationOf(entity: Entity): OpenSloLocation {
  const value = entity.metadata.annotations?.[PULSE_OPENSLO_ANNOTATION]?.trim() ?? '';
  if (/^https?:\/\//i.test(value)) return { type: 'url', target: value };
  const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!managedBy) {
    throw new Error(`'${value}' is relative but the entity has no ${ANNOTATION_LOCATION} annotation`);
  }
  const base = parseLocationRef(managedBy);
  if (base.type === 'file') {
    return { type: 'file', target: path.resolve(path.dirname(base.target), value) };
  }
  return { type: 'url', target: new URL(value, base.target).toString() };
}

async function readLocation(ctx: PulseContext, location: OpenSloLocation): Promise<string> {
  if (location.type === 'file') return readFile(location.target, 'utf8');
  const response = await ctx.urlReader.readUrl(location.target);
  return (await response.buffer()).toString('utf8');
}

/** The SLO documents of a file; other OpenSLO kinds (SLI, Service, ...) are passed over. */
function sloDefinitionsOf(
  ctx: PulseContext,
  text: string,
  where: string,
): { definitions: SloDefinition[]; invalid: number } {
  const definitions: SloDefinition[] = [];
  let invalid = 0;
  for (const [i, document] of parseYamlDocuments(text).entries()) {
    if ((document as { kind?: unknown } | null)?.kind !== 'SLO') continue;
    try {
      definitions.push(parseOpenSloDocument(document));
    } catch (e) {
      invalid += 1;
      ctx.logger.warn(`Pulse SLO discovery: skipping document ${i + 1} of ${where}: ${(e as Error).message}`);
    }
  }
  return { definitions, invalid };
}

/** Reads one entity's OpenSLO file and upserts its SLOs; prunes the entity's old annotation SLOs when all parsed. */
async function discoverEntitySlos(ctx: PulseContext, entity: Entity, now: number) {
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const location = openSloLocationOf(entity);
  const sourceLocation = `${location.type}:${location.target}`;
  const { definitions, invalid } = sloDefinitionsOf(ctx, await readLocation(ctx, location), sourceLocation);
  for (const definition of definitions) {
    await ctx.store.slo.upsertSlo({ entityRef, definition, source: 'annotation', sourceLocation, now });
  }
  if (invalid === 0) {
    const removed = await ctx.store.slo.deleteSlosExcept(
      entityRef,
      'annotation',
      definitions.map(d => d.metadata.name),
    );
    if (removed.length > 0) {
      ctx.logger.info(`Pulse SLO discovery: removed ${removed.join(', ')} of ${entityRef}, gone from ${sourceLocation}`);
    }
  }
  return { upserted: definitions.length, skipped: invalid };
}

/**
 * Upserts the SLOs of every entity with the `pulse.dev/openslo` annotation (source `annotation`). A bad file or
 * document is logged and skipped; the run goes on.
 */
export async function discoverAnnotatedSlos(ctx: PulseContext, now = Date.now()): Promise<SloDiscoveryResult> {
  const { items } = await ctx.catalog.getEntities(
    {
      filter: { [`metadata.annotations.${PULSE_OPENSLO_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'],
    },
    { credentials: await ctx.auth.getOwnServiceCredentials() },
  );
  const result: SloDiscoveryResult = { entities: items.length, upserted: 0, skipped: 0 };
  for (const entity of items) {
    try {
      const outcome = await discoverEntitySlos(ctx, entity, now);
      result.upserted += outcome.upserted;
      result.skipped += outcome.skipped;
    } catch (e) {
      result.skipped += 1;
      ctx.logger.warn(
        `Pulse SLO discovery: skipping ${stringifyEntityRef(entity)}: ${(e as Error).message}`,
      );
    }
  }
  return result;
}
