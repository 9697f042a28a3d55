import { InputError } from '@backstage/errors';
import { SloDefinition } from '@pulse/plugin-pulse-common';
import { ValidationError } from '../validation';
import { parseOpenSloDocument, parseYamlDocuments } from './openSlo';

/**
 * The OpenSLO document of a PUT: a YAML text (one document) or a parsed JSON object, whose `metadata.name` must be
 * the `:sloName` of the path.
 */
export function parseSloRequestBody(body: unknown, sloName: string): SloDefinition {
  let document = body;
  if (typeof body === 'string') {
    const documents = parseYamlDocuments(body);
    if (documents.length !== 1) {
      throw new InputError(`Expected one OpenSLO document, got ${documents.length}`);
    }
    document = documents[0];
  }
  const definition = parseOpenSloDocument(document);
  if (definition.metadata.name !== sloName) {
    throw new ValidationError(
      [{ path: 'metadata.name', message: `must equal the SLO name in the path ('${sloName}')` }],
      'OpenSLO document',
    );
  }
  return definition;
}
