import { SloDefinition } from '@pulse/plugin-pulse-common';
import { ValidationError } from '../validation';
import { foreignSloConverterOf } from './foreignSlo';
import { parseOpenSloDocument, parseYamlDocuments } from './openSlo';
import { openSloBundleOf } from './openSloBundle';

/**
 * A Sloth or Pyrra body is that one resource, defining exactly one SLO (a Sloth resource with one entry in
 * `spec.slos`) named as the path's `:sloName`: a PUT names one SLO, and files of several go through annotation
 * discovery.
 */
function foreignDefinition(documents: unknown[], sloName: string): SloDefinition | undefined {
  const foreign = documents.findIndex(d => foreignSloConverterOf(d) !== undefined);
  if (foreign === -1) return undefined;
  const converter = foreignSloConverterOf(documents[foreign])!;
  if (documents.length !== 1) {
    throw new ValidationError(
      [{ path: `documents.${foreign}.apiVersion`, message: `a ${converter.what} is sent alone, not beside other documents` }],
      'SLO documents',
    );
  }
  const definitions = converter.convert(documents[0]);
  if (definitions.length !== 1) {
    throw new ValidationError(
      [
        {
          path: 'spec.slos',
          message: `must hold exactly one SLO in a PUT, got ${definitions.length}: the path names one SLO (annotation discovery reads files with several)`,
        },
      ],
      converter.what,
    );
  }
  if (definitions[0].metadata.name !== sloName) {
    throw new ValidationError(
      [{ path: converter.namePath(0), message: `must equal the SLO name in the path ('${sloName}')` }],
      converter.what,
    );
  }
  return definitions[0];
}

/**
 * The SLO document of a PUT: a YAML text or a parsed JSON object (or array of documents). Either one Sloth or Pyrra
 * resource (converted to OpenSLO), or exactly one OpenSLO `kind: SLO`, whose `metadata.name` must be the `:sloName` of
 * the path, optionally with the SLI documents its `indicatorRef`s name (and Service, DataSource or alerting documents).
 */
export function parseSloRequestBody(body: unknown, sloName: string): SloDefinition {
  let documents: unknown[] = Array.isArray(body) ? body : [body];
  if (typeof body === 'string') documents = parseYamlDocuments(body);
  const converted = foreignDefinition(documents, sloName);
  if (converted) return converted;
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
