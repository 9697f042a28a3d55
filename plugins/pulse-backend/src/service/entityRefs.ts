import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** Entity refs are stored in VARCHAR(255) columns. */
const MAX_ENTITY_REF_LENGTH = 255;

function bounded(ref: string): string {
  if (ref.length > MAX_ENTITY_REF_LENGTH) {
    throw new InputError(`Invalid entity ref: longer than ${MAX_ENTITY_REF_LENGTH} characters`);
  }
  return ref;
}

/** The canonical, lower-cased ref for `/entities/:kind/:namespace/:name` path parameters. */
export function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  // A ':' or '/' inside a part would make a ref that parses back to another entity, or not at all.
  if ([params.kind, params.namespace, params.name].some(part => !part || /[:/]/.test(part))) {
    throw new InputError(`Invalid entity ref: kind, namespace and name must be non-empty, without ':' or '/'`);
  }
  return bounded(
    stringifyEntityRef({
      kind: params.kind,
      namespace: params.namespace,
      name: params.name,
    }).toLocaleLowerCase('en-US'),
  );
}

/** The canonical, lower-cased ref of a ref string from a body; kind defaults to component, namespace to default. */
export function canonicalEntityRef(ref: string): string {
  try {
    return bounded(
      stringifyEntityRef(
        parseEntityRef(ref, { defaultKind: 'component', defaultNamespace: 'default' }),
      ).toLocaleLowerCase('en-US'),
    );
  } catch (e) {
    throw new InputError(`Invalid entity ref '${ref}': ${(e as Error).message}`);
  }
}

/** A `groupRef` query parameter as a canonical group ref (`payments` means `group:default/payments`); undefined when absent. */
export function groupRefOf(ref: string | undefined): string | undefined {
  return ref ? canonicalEntityRef(ref.includes(':') ? ref : `group:${ref}`) : undefined;
}
