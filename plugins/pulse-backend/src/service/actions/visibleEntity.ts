import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { PulseContext } from '../context';
import { canonicalEntityRef } from '../entityRefs';

/** The `entityRef` input every Pulse action takes; described for the assistant that fills it in. */
export const ENTITY_REF_DESCRIPTION =
  'The catalog entity, e.g. component:default/checkout (kind defaults to component, namespace to default)';

/**
 * The canonical ref of an entity the caller can see in the catalog: actions answer with the caller's credentials, so
 * an entity hidden from them is "not found", exactly as if it did not exist.
 */
export async function visibleEntityRef(
  ctx: PulseContext,
  entityRef: string,
  credentials: BackstageCredentials,
): Promise<string> {
  const ref = canonicalEntityRef(entityRef);
  const entity = await ctx.catalog.getEntityByRef(ref, { credentials });
  if (!entity) throw new NotFoundError(`No entity ${ref} in the catalog`);
  return ref;
}
