import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** The canonical, lower-cased ref for `/entities/:kind/:namespace/:name` path parameters. */
export function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return stringifyEntityRef({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  }).toLocaleLowerCase('en-US');
}

/** The canonical, lower-cased ref of a ref string from a body; kind defaults to component, namespace to default. */
export function canonicalEntityRef(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: 'component', defaultNamespace: 'default' }),
    ).toLocaleLowerCase('en-US');
  } catch (e) {
    throw new InputError(`Invalid entity ref '${ref}': ${(e as Error).message}`);
  }
}
