import { SloDefinition } from '@pulse/plugin-pulse-common';
import { ValidationError } from '../validation';
import { parseOpenSloDocument, parseYamlDocuments } from './openSlo';
import { openSloBundleOf } from './openSloBundle';

/**
 * The OpenSLO document of a PUT: a YAML text or a parsed JSON object (or array of documents) holding exactly one
 * `kind: SLO`, whose `metadata.name` must be the `:sloName` of the path, and optionally the SLI documents its
 * `indicatorRef`s name (and Service, DataSource or alerting documents).
 */
export function parseSloRequestBody(body: unknown, sloName: string): SloDefinition {
  let documents: unknown[] = Array.isArray(body) ? body : [body];
  if (typeof body === 'string') documents = parseYamlDocuments(body);
  const bundle = openSloBundleOf(documents);
  if (bundle.slos.length !== 1) {
    throw new ValidationError(
      [{ path: 'kind', message: `expected exactly one kind: SLO document, got ${bundle.slos.length}` }],
      'OpenSLO document',
    );
  }
  const definition = parseOpenSloDocument(bundle.slos[0].document, bundle.indicators);
  if (definition.metadata.name !== sloName) {
    throw new ValidationError(
      [{ path: 'metadata.name', message: `must equal the SLO name in the path ('${sloName}')` }],
      'OpenSLO document',
    );
  }
  return definition;
}
