import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { OutcomeDocument, PULSE_OUTCOMES_ANNOTATION } from '@pulse/plugin-pulse-common';
import { readFile } from 'node:fs/promises';
import { PulseContext } from '../context';
import { OpenSloLocation, openSloLocationOf } from '../slo/discovery';
import { parseYamlDocuments } from '../slo/openSlo';
import { fieldErrorsOf } from '../validation';
import { outcomeDocumentSchema } from './schemas';

/** Outcome of one discovery run, for the log. */
export interface OutcomeDiscoveryResult {
  owners: number;
  upserted: number;
  skipped: number;
}

/** The text of one file or URL of the annotation (resolved like `pulse.dev/openslo`: relative to the catalog file). */
async function readLocation(ctx: PulseContext, location: OpenSloLocation): Promise<{ where: string; text: string }> {
  if (location.type === 'file') return { where: `file:${location.target}`, text: await readFile(location.target, 'utf8') };
  const response = await ctx.urlReader.readUrl(location.target);
  return { where: `url:${location.target}`, text: (await response.buffer()).toString('utf8') };
}

/** The owner's Outcome documents in its files; a bad document is logged (with the fields at fault) and counted. */
function outcomeDocumentsOf(ctx: PulseContext, files: Array<{ where: string; text: string }>) {
  const documents: Array<{ where: string; document: OutcomeDocument }> = [];
  let invalid = 0;
  for (const { where, text } of files) {
    for (const [i, raw] of parseYamlDocuments(text).entries()) {
      const parsed = outcomeDocumentSchema.safeParse(raw);
      if (parsed.success) {
        documents.push({ where, document: parsed.data });
      } else {
        invalid += 1;
        const fields = fieldErrorsOf(parsed.error).map(e => `${e.path}: ${e.message}`).join('; ');
        ctx.logger.warn(`Pulse outcome discovery: skipping document ${i + 1} of ${where}: ${fields}`);
      }
    }
  }
  return { documents, invalid };
}

/** Upserts one owner's outcomes; prunes its old annotation outcomes when every document parsed. */
async function discoverOwnerOutcomes(ctx: PulseContext, entity: Entity, now: number) {
  const ownerRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const entries = (entity.metadata.annotations?.[PULSE_OUTCOMES_ANNOTATION] ?? '')
    .split(',')
    .map(entry => entry.trim())
    .filter(entry => entry.length > 0);
  const files = await Promise.all(entries.map(entry => readLocation(ctx, openSloLocationOf(entity, entry))));
  const { documents, invalid } = outcomeDocumentsOf(ctx, files);
  for (const { where, document } of documents) {
    await ctx.store.outcomes.upsertOutcome({ ownerRef, document, source: 'annotation', sourceLocation: where, now });
  }
  if (invalid === 0) {
    const removed = await ctx.store.outcomes.deleteOutcomesExcept(
      ownerRef,
      'annotation',
      documents.map(d => d.document.metadata.name),
    );
    if (removed.length > 0) {
      ctx.logger.info(`Pulse outcome discovery: removed ${removed.join(', ')} of ${ownerRef}, gone from its files`);
    }
  }
  return { upserted: documents.length, skipped: invalid };
}

/**
 * Upserts the outcomes of every entity or group with the `pulse.dev/outcomes` annotation (source `annotation`). A bad
 * file or document is logged and skipped; the run goes on.
 */
export async function discoverAnnotatedOutcomes(ctx: PulseContext, now = Date.now()): Promise<OutcomeDiscoveryResult> {
  const { items } = await ctx.catalog.getEntities(
    {
      filter: { [`metadata.annotations.${PULSE_OUTCOMES_ANNOTATION}`]: CATALOG_FILTER_EXISTS },
      fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.annotations'],
    },
    { credentials: await ctx.auth.getOwnServiceCredentials() },
  );
  const result: OutcomeDiscoveryResult = { owners: items.length, upserted: 0, skipped: 0 };
  for (const entity of items) {
    try {
      const outcome = await discoverOwnerOutcomes(ctx, entity, now);
      result.upserted += outcome.upserted;
      result.skipped += outcome.skipped;
    } catch (e) {
      result.skipped += 1;
      ctx.logger.warn(`Pulse outcome discovery: skipping ${stringifyEntityRef(entity)}: ${(e as Error).message}`);
    }
  }
  return result;
}
