import { Entity, parseEntityRef, RELATION_OWNED_BY, stringifyEntityRef } from '@backstage/catalog-model';
import { PulseContext } from '../context';

const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner', 'relations'];
/** Refs per catalog lookup. */
const CHUNK = 500;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The owning group of an entity: its ownedBy relation, or its spec.owner where the catalog has not stitched it. */
function owningGroupOf(entity: Entity): string | undefined {
  const candidates = [
    ...(entity.relations ?? []).filter(r => r.type === RELATION_OWNED_BY).map(r => r.targetRef),
    ...(typeof entity.spec?.owner === 'string' ? [entity.spec.owner] : []),
  ];
  for (const candidate of candidates) {
    const ref = parseEntityRef(candidate, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace ?? 'default' });
    if (lower(ref.kind) === 'group') return lower(stringifyEntityRef(ref));
  }
  return undefined;
}

/** Owning groups from the catalog, fetched by ref with only the fields needed. */
export class EntityOwners {
  constructor(private readonly ctx: Pick<PulseContext, 'catalog' | 'auth'>) {}

  /** Each ref's owning group; refs unknown to the catalog or owned by a user map to undefined. */
  async ownersOf(entityRefs: string[]): Promise<Map<string, string | undefined>> {
    const owners = new Map<string, string | undefined>();
    const credentials = await this.ctx.auth.getOwnServiceCredentials();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const refs = entityRefs.slice(i, i + CHUNK);
      const { items } = await this.ctx.catalog.getEntitiesByRefs({ entityRefs: refs, fields: FIELDS }, { credentials });
      refs.forEach((ref, index) => owners.set(ref, items[index] ? owningGroupOf(items[index]!) : undefined));
    }
    return owners;
  }

  async ownerOf(entityRef: string): Promise<string | undefined> {
    return (await this.ownersOf([entityRef])).get(entityRef);
  }
}
