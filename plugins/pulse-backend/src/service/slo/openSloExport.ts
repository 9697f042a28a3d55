import { SloDefinition } from '@pulse/plugin-pulse-common';
import { stringify } from 'yaml';
import { z } from 'zod';

/** `GET .../slos/:sloName` query: `format=openslo` answers the stored definition itself, `as` picks JSON or YAML. */
export const storedSloQuery = z
  .object({
    format: z.enum(['openslo'], { errorMap: () => ({ message: "must be 'openslo' (or absent for the stored SLO)" }) }).optional(),
    as: z.enum(['json', 'yaml'], { errorMap: () => ({ message: "must be 'json' or 'yaml'" }) }).optional(),
  })
  .passthrough()
  .refine(q => q.as === undefined || q.format !== undefined, { path: ['as'], message: 'is only used with format=openslo' });

/** The YAML media types Pulse reads and writes OpenSLO as. */
export const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml'];

/** How a GET of one SLO answers: the stored SLO (JSON), or its OpenSLO definition as JSON or YAML. */
export type StoredSloRepresentation = 'stored' | 'openslo-json' | 'openslo-yaml';

/**
 * `as` decides; else an Accept that prefers YAML over JSON (`accepted`, from express's `req.accepts`) asks for OpenSLO
 * YAML, the only YAML there is, even without `format`; else `format=openslo` is JSON and no format the stored SLO.
 */
export function storedSloRepresentation(
  query: z.infer<typeof storedSloQuery>,
  accepted: string | false,
): StoredSloRepresentation {
  if (query.as) return `openslo-${query.as}`;
  if (accepted && YAML_TYPES.includes(accepted)) return 'openslo-yaml';
  return query.format === 'openslo' ? 'openslo-json' : 'stored';
}

/** The definition as one OpenSLO v1 YAML document. */
export const openSloYaml = (definition: SloDefinition) => stringify(definition, { lineWidth: 0 });
