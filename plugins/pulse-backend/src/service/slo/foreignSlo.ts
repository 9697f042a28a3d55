import { SloDefinition } from '@pulse/plugin-pulse-common';
import { PYRRA_API_VERSION, pyrraSloOf } from './pyrra';
import { SLOTH_API_VERSION, slothSlosOf } from './sloth';

/** A format Pulse converts into OpenSLO. */
interface SloConverter {
  /** The resource, for messages: `Sloth PrometheusServiceLevel`. */
  what: string;
  /** Where the i-th SLO's name is in the resource. */
  namePath: (index: number) => string;
  convert: (document: unknown) => SloDefinition[];
}

/** The converters, by `apiVersion`. */
const CONVERTERS = new Map<unknown, SloConverter>([
  [
    SLOTH_API_VERSION,
    { what: 'Sloth PrometheusServiceLevel', namePath: i => `spec.slos.${i}.name`, convert: slothSlosOf },
  ],
  [
    PYRRA_API_VERSION,
    { what: 'Pyrra ServiceLevelObjective', namePath: () => 'metadata.name', convert: document => [pyrraSloOf(document)] },
  ],
]);

/**
 * The converter of a Sloth `PrometheusServiceLevel` (one SLO per entry of `spec.slos`) or a Pyrra
 * `ServiceLevelObjective` (one SLO), by the document's `apiVersion`; undefined for anything else (OpenSLO). Its
 * `convert` throws a ValidationError naming the field it cannot take.
 */
export function foreignSloConverterOf(document: unknown): SloConverter | undefined {
  return CONVERTERS.get((document as { apiVersion?: unknown } | null)?.apiVersion);
}
