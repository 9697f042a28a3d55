import { SloDefinition, SloMetricSource, tidySloNumber } from '@pulse/plugin-pulse-common';
import { z } from 'zod';
import { FieldError, ValidationError } from '../validation';
import { parseOpenSloDocument } from './openSlo';

/** Says where a converted SLO came from: `<apiVersion> <kind> <resource name>` (docs/slo.md, "Sloth and Pyrra"). */
export const CONVERTED_FROM_ANNOTATION = 'pulse.dev/converted-from';

/** A Sloth or Pyrra resource's Kubernetes metadata: only the name is used; the rest is Kubernetes bookkeeping. */
export const kubernetesMetadata = z
  .object({
    name: z.string().max(253).optional(),
    namespace: z.string().max(253).optional(),
    labels: z.record(z.string().max(1024)).optional(),
    annotations: z.record(z.string()).optional(),
  })
  .passthrough();

/** An SLO name Pulse can store: OpenSLO's DNS label. */
export const convertedSloName = z
  .string()
  .max(63, 'must be at most 63 characters (an OpenSLO name is a DNS label)')
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lower-case DNS label such as checkout-availability');

/** A percentage objective, a number or a numeric string (Pyrra's `target: '99.5'`), 0 < p < 100. */
export const percentObjective = z.preprocess(
  value => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
  z
    .number({ required_error: 'is required', invalid_type_error: 'must be a percentage such as 99.9' })
    .gt(0, 'must be above 0')
    .lt(100, 'must be below 100 (a 100% objective has no error budget)'),
);

/** A percentage objective (`99.9`) as OpenSLO's target (`0.999`). */
export const targetOfPercent = (percent: number) => tidySloNumber(percent / 100);

/** A PromQL query for Pulse's Prometheus source, on the default server (`pulse.prometheus.baseUrl`). */
export const prometheusSource = (query: string): SloMetricSource => ({
  metricSource: { type: 'Prometheus', spec: { query } },
});

/**
 * Validates a converted document with the OpenSLO parser, so it is stored exactly as the OpenSLO path would store it.
 * The converters check every field first; an error here is a gap in a converter, reported under `what`.
 */
export function convertedDefinition(document: object, what: string): SloDefinition {
  try {
    return parseOpenSloDocument(document);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const fieldErrors: FieldError[] = e.fieldErrors.map(f => ({ ...f, path: `(converted OpenSLO) ${f.path}` }));
    throw new ValidationError(fieldErrors, what);
  }
}
