import { ANNOTATION_LOCATION, Entity, parseLocationRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { PULSE_OPENSLO_ANNOTATION, SloDefinition, SloIndicator, pulseServiceIdOf } from '@pulse/plugin-pulse-common';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PulseContext } from '../context';
import { foreignSloConverterOf } from './foreignSlo';
import { parseOpenSloDocument, parseYamlDocuments } from './openSlo';
import { openSloBundleOf } from './openSloBundle';

/** Where an entity's OpenSLO file or folder is: a URL for the UrlReader, or a local path (UrlReader does not read those). */
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

/** Files of a folder that hold OpenSLO documents. */
const OPENSLO_FILE = /\.(ya?ml|json)$/i;

/**
 * Resolves one entry of the `pulse.dev/openslo` annotation: an http(s) URL as is, anything else relative to the
 * location the entity was read from (`backstage.io/managed-by-location`, `url:` or `file:`).
 */
export function openSloLocationOf(entity: Entity, entry?: string): OpenSloLocation {
  const value = (entry ?? entity.metadata.annotations?.[PULSE_OPENSLO_ANNOTATION] ?? '').trim();
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

/** The annotation's locations: a comma-separated list of files and folders (a folder URL ends with `/`). */
export function openSloLocationsOf(entity: Entity): OpenSloLocation[] {
  const value = entity.metadata.annotations?.[PULSE_OPENSLO_ANNOTATION] ?? '';
  return value
    .split(',')
    .map(entry => entry.trim())
    .filter(entry => entry.length > 0)
    .map(entry => openSloLocationOf(entity, entry));
}

/** The texts of a location: one file, or every .yaml, .yml and .json file of a folder (sorted, not recursive). */
async function readLocation(ctx: PulseContext, location: OpenSloLocation): Promise<Array<{ where: string; text: string }>> {
  if (location.type === 'file') {
    if (!(await stat(location.target)).isDirectory()) {
      return [{ where: `file:${location.target}`, text: await readFile(location.target, 'utf8') }];
    }
    const names = (await readdir(location.target)).filter(name => OPENSLO_FILE.test(name)).sort();
    return Promise.all(
      names.map(async name => {
        const file = path.join(location.target, name);
        return { where: `file:${file}`, text: await readFile(file, 'utf8') };
      }),
    );
  }
  if (location.target.endsWith('/')) {
    const tree = await ctx.urlReader.readTree(location.target, { filter: p => OPENSLO_FILE.test(p) });
    const files = (await tree.files()).filter(f => !f.path.includes('/')).sort((a, b) => a.path.localeCompare(b.path));
    return Promise.all(
      files.map(async f => ({ where: `url:${new URL(f.path, location.target)}`, text: (await f.content()).toString('utf8') })),
    );
  }
  const response = await ctx.urlReader.readUrl(location.target);
  return [{ where: `url:${location.target}`, text: (await response.buffer()).toString('utf8') }];
}

/**
 * The entity's SLOs from all its files: OpenSLO `kind: SLO` documents, and Sloth and Pyrra resources converted to
 * OpenSLO (a Sloth resource gives one SLO per entry of `spec.slos`). SLI documents anywhere among them resolve `indicatorRef`s. An SLO whose
 * `spec.service` names a `kind: Service` document that is not this entity (by `pulse.dev/service-id`, else name) belongs
 * to another entity sharing the files and is passed over.
 */
function sloDefinitionsOf(ctx: PulseContext, entity: Entity, files: Array<{ where: string; text: string }>) {
  const slos: Array<{ where: string; document: unknown; position: string }> = [];
  const converted: Array<{ where: string; definition: SloDefinition }> = [];
  const indicators = new Map<string, SloIndicator>();
  const services = new Set<string>();
  let invalid = 0;
  for (const { where, text } of files) {
    for (const [i, document] of parseYamlDocuments(text).entries()) {
      try {
        const converter = foreignSloConverterOf(document);
        if (converter) {
          converter.convert(document).forEach(definition => converted.push({ where, definition }));
          continue;
        }
        const bundle = openSloBundleOf([document]);
        bundle.slos.forEach(s => slos.push({ where, document: s.document, position: `document ${i + 1} of ${where}` }));
        bundle.indicators.forEach((indicator, name) => indicators.set(name, indicator));
        bundle.services.forEach(name => services.add(name));
      } catch (e) {
        invalid += 1;
        ctx.logger.warn(`Pulse SLO discovery: skipping document ${i + 1} of ${where}: ${(e as Error).message}`);
      }
    }
  }
  const entityServices = new Set([pulseServiceIdOf(entity), entity.metadata.name]);
  const parsed = [...converted];
  for (const { where, document, position } of slos) {
    try {
      parsed.push({ where, definition: parseOpenSloDocument(document, indicators) });
    } catch (e) {
      invalid += 1;
      ctx.logger.warn(`Pulse SLO discovery: skipping ${position}: ${(e as Error).message}`);
    }
  }
  const definitions = parsed.filter(({ definition: { spec } }) => {
    return !(spec.service && services.has(spec.service) && !entityServices.has(spec.service));
  });
  return { definitions, invalid };
}

/** Reads one entity's OpenSLO files and upserts its SLOs; prunes the entity's old annotation SLOs when all parsed. */
async function discoverEntitySlos(ctx: PulseContext, entity: Entity, now: number) {
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const files = (await Promise.all(openSloLocationsOf(entity).map(location => readLocation(ctx, location)))).flat();
  const { definitions, invalid } = sloDefinitionsOf(ctx, entity, files);
  for (const { where, definition } of definitions) {
    await ctx.store.slo.upsertSlo({ entityRef, definition, source: 'annotation', sourceLocation: where, now });
  }
  if (invalid === 0) {
    const removed = await ctx.store.slo.deleteSlosExcept(
      entityRef,
      'annotation',
      definitions.map(d => d.definition.metadata.name),
    );
    if (removed.length > 0) {
      ctx.logger.info(`Pulse SLO discovery: removed ${removed.join(', ')} of ${entityRef}, gone from its OpenSLO files`);
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
