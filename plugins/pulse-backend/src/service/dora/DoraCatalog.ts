import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How deep child groups are followed; guards against cycles and runaway hierarchies. */
const MAX_GROUP_DEPTH = 20;

const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.children',
  'spec.profile.displayName',
  'relations',
];
const OWNED_FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'spec.owner', 'relations'];

/** The canonical, lower-cased ref of a catalog entity. */
export const refOf = (entity: Entity) => stringifyEntityRef(entity).toLocaleLowerCase('en-US');

/** A group's or entity's display title. */
export const titleOf = (entity: Entity): string | undefined =>
  entity.metadata.title ?? (entity.spec?.profile as { displayName?: string } | undefined)?.displayName;

/** Refs a relation of the given type points to, lower-cased. */
const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => r.targetRef.toLocaleLowerCase('en-US'));

/** The owner refs of an entity: its ownedBy relations, or its spec.owner where the catalog has not stitched them. */
function ownersOf(entity: Entity): string[] {
  const owners = relationTargets(entity, RELATION_OWNED_BY);
  const specOwner = entity.spec?.owner;
  if (owners.length === 0 && typeof specOwner === 'string') {
    const ref = parseEntityRef(specOwner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace ?? 'default' });
    owners.push(stringifyEntityRef(ref).toLocaleLowerCase('en-US'));
  }
  return owners;
}

/** The ways spec.owner may name a group: full ref, ref without namespace, or bare name in the default namespace. */
function ownerSpellings(groupRef: string): string[] {
  const { namespace, name } = parseEntityRef(groupRef);
  return namespace === 'default' ? [groupRef, `group:${name}`, name] : [groupRef];
}

/** A component owned by one or more groups. */
export interface DoraOwnedEntity {
  entityRef: string;
  title?: string;
  owners: string[];
}

/** The catalog lookups of the DORA pages: groups, their child groups and the components they own. */
export class DoraCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async credentials() {
    return { credentials: await this.auth.getOwnServiceCredentials() };
  }

  /** A group and every descendant group, or undefined when the group does not exist. */
  async groupTree(groupRef: string): Promise<{ group: Entity; groupRefs: string[] } | undefined> {
    const options = await this.credentials();
    const { items } = await this.catalog.getEntitiesByRefs({ entityRefs: [groupRef], fields: GROUP_FIELDS }, options);
    const group = items[0];
    if (!group || group.kind.toLocaleLowerCase('en-US') !== 'group') return undefined;

    const seen = new Set([refOf(group)]);
    let level = [group];
    for (let depth = 0; depth < MAX_GROUP_DEPTH && level.length > 0; depth++) {
      const childRefs = level.flatMap(parent => this.childRefsOf(parent)).filter(ref => !seen.has(ref));
      if (childRefs.length === 0) break;
      const children = await this.catalog.getEntitiesByRefs({ entityRefs: [...new Set(childRefs)], fields: GROUP_FIELDS }, options);
      level = children.items.filter((child): child is Entity => Boolean(child) && !seen.has(refOf(child!)));
      level.forEach(child => seen.add(refOf(child)));
    }
    return { group, groupRefs: [...seen] };
  }

  private childRefsOf(group: Entity): string[] {
    const fromSpec = ((group.spec?.children as string[] | undefined) ?? []).map(child =>
      stringifyEntityRef(
        parseEntityRef(child, { defaultKind: 'group', defaultNamespace: group.metadata.namespace ?? 'default' }),
      ).toLocaleLowerCase('en-US'),
    );
    return [...new Set([...relationTargets(group, RELATION_PARENT_OF), ...fromSpec])];
  }

  /** The components any of these groups own, with the owners among them. */
  async ownedComponents(groupRefs: string[]): Promise<DoraOwnedEntity[]> {
    if (groupRefs.length === 0) return [];
    const wanted = new Set(groupRefs);
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          { kind: 'component', 'relations.ownedBy': groupRefs },
          { kind: 'component', 'spec.owner': groupRefs.flatMap(ownerSpellings) },
        ],
        fields: OWNED_FIELDS,
      },
      await this.credentials(),
    );
    return items
      .map(entity => ({
        entityRef: refOf(entity),
        title: entity.metadata.title,
        owners: ownersOf(entity).filter(owner => wanted.has(owner)),
      }))
      .filter(entity => entity.owners.length > 0)
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  /** The teams to rank: groups of type team, or every group when the catalog has no teams. */
  async teams(): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'group' }, fields: GROUP_FIELDS },
      await this.credentials(),
    );
    const teams = items.filter(group => group.spec?.type === 'team');
    return teams.length > 0 ? teams : items;
  }
}
