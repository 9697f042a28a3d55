import { SloIndicator } from '@pulse/plugin-pulse-common';
import { z } from 'zod';
import { ValidationError, parseInput } from '../validation';
import { OpenSloIndicators } from './openSlo';
import { openSloName, sliDocument } from './openSloIndicator';

/**
 * OpenSLO kinds read beside SLOs. SLI documents resolve `indicatorRef`s and Service documents tie SLOs to catalog
 * entities; DataSource and alerting documents are checked for shape and passed over (connections are configured in
 * app-config, and Pulse computes its own burn-rate alerts).
 */
const OTHER_KINDS = ['DataSource', 'AlertPolicy', 'AlertCondition', 'AlertNotificationTarget'] as const;

const namedDocument = (kind: string) =>
  z
    .object({
      apiVersion: z.literal('openslo/v1', { errorMap: () => ({ message: "must be 'openslo/v1'" }) }),
      kind: z.literal(kind),
      metadata: z.object({ name: openSloName, displayName: z.string().max(255).optional() }).passthrough(),
      spec: z.record(z.unknown()).optional(),
    })
    .strict();

/** The OpenSLO documents of one body or one entity's files, sorted by kind. */
export interface OpenSloBundle {
  /** The `kind: SLO` documents, unparsed, with their position for messages. */
  slos: Array<{ index: number; document: unknown }>;
  indicators: OpenSloIndicators;
  /** Names of the `kind: Service` documents. */
  services: string[];
}

/** Re-raises a document's validation errors with `documents.<index>.` in front of each path. */
function inDocument<T>(index: number, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(
      e.fieldErrors.map(f => ({ ...f, path: `documents.${index}.${f.path}` })),
      'OpenSLO documents',
    );
  }
}

/**
 * Sorts documents by kind, validating SLI, Service, DataSource and alerting documents; a kind OpenSLO v1 does not
 * define is a 400 naming `documents.<index>.kind`.
 */
export function openSloBundleOf(documents: unknown[]): OpenSloBundle {
  const bundle = { slos: [] as OpenSloBundle['slos'], indicators: new Map<string, SloIndicator>(), services: [] as string[] };
  documents.forEach((document, index) => {
    const kind = (document as { kind?: unknown } | null)?.kind;
    if (kind === 'SLO') {
      bundle.slos.push({ index, document });
    } else if (kind === 'SLI') {
      const sli = inDocument(index, () => parseInput(sliDocument, document, 'OpenSLO SLI'));
      const { name, displayName } = sli.metadata;
      bundle.indicators.set(name, { metadata: { name, ...(displayName ? { displayName } : {}) }, spec: sli.spec });
    } else if (kind === 'Service') {
      bundle.services.push(inDocument(index, () => parseInput(namedDocument('Service'), document, 'OpenSLO Service')).metadata.name);
    } else if (OTHER_KINDS.includes(kind as (typeof OTHER_KINDS)[number])) {
      inDocument(index, () => parseInput(namedDocument(kind as string), document, `OpenSLO ${kind}`));
    } else {
      throw new ValidationError(
        [
          {
            path: `documents.${index}.kind`,
            message: `must be one of SLO, SLI, Service, ${OTHER_KINDS.join(', ')} (or the document a sloth.slok.dev/v1 PrometheusServiceLevel or pyrra.dev/v1alpha1 ServiceLevelObjective)`,
          },
        ],
        'OpenSLO documents',
      );
    }
  });
  return bundle;
}
