import { OutcomeDocument } from '@pulse/plugin-pulse-common';
import { parseYamlDocuments } from '../slo/openSlo';
import { parseInput, ValidationError } from '../validation';
import { outcomeDocumentSchema } from './schemas';

/**
 * The Outcome document of a PUT: a YAML text or a JSON object. `metadata.name` may be left out (the path's `:id` is
 * used); when given it must equal `:id`.
 */
export function parseOutcomeRequestBody(body: unknown, id: string): OutcomeDocument {
  let document = body;
  if (typeof body === 'string') {
    const documents = parseYamlDocuments(body);
    if (documents.length !== 1) {
      throw new ValidationError([{ path: '(body)', message: `must hold one Outcome document, got ${documents.length}` }], 'Outcome');
    }
    document = documents[0];
  }
  if (document && typeof document === 'object' && !Array.isArray(document)) {
    const metadata = (document as { metadata?: { name?: unknown } }).metadata;
    if (metadata?.name !== undefined && metadata.name !== id) {
      throw new ValidationError([{ path: 'metadata.name', message: `must equal the outcome id in the path ('${id}')` }], 'Outcome');
    }
    document = { ...document, metadata: { ...(metadata ?? {}), name: id } };
  }
  return parseInput(outcomeDocumentSchema, document, 'Outcome');
}
