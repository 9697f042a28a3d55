import { AuthService, BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How deep child groups are followed; guards against cycles and runaway hierarchies. */
const MAX_GROUP_DEPTH = 20;
/** Refs per by-ref lookup. */
const CHUNK = 500;

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
const USER_FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'spec.memberOf', 'relations'];

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/** The canonical, lower-cased ref of a catalog entity. */
export const refOf = (entity: Entity) => lower(stringifyEntityRef(entity));

/** A group's or entity's display title. */
export const titleOf = (entity: Entity): string | undefined =>
  entity.metadata.title ?? (entity.spec?.profile as { displayName?: string } | undefined)?.displayName;

const relationTargets = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).map(r => lower(r.targetRef));

const isKind = (ref: string, kind: string) => lower(parseEntityRef(ref).kind) === kind;

/**
 * The owner refs of an entity as written: its ownedBy relations, or its spec.owner where the catalog has not stitched
 * them yet (a bare name means a group of the entity's namespace, as the catalog reads it).
 */
function declaredOwnersOf(entity: Entity): string[] {
  const owners = relationTargets(entity, RELATION_OWNED_BY);
  const specOwner = entity.spec?.owner;
  if (owners.length === 0 && typeof specOwner === 'string') {
    const ref = parseEntityRef(specOwner, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace ?? 'default' });
    owners.push(lower(stringifyEntityRef(ref)));
  }
  return owners;
}

/** The groups a user entity is a member of: memberOf relations, or spec.memberOf as written. */
function groupsOfUser(user: Entity): string[] {
  const related = relationTargets(user, RELATION_MEMBER_OF);
  if (related.length > 0) return related;
  return ((user.spec?.memberOf as unknown[] | undefined) ?? []).map(ref =>
    lower(stringifyEntityRef(parseEntityRef(String(ref), { defaultKind: 'group', defaultNamespace: user.metadata.namespace ?? 'default' }))),
  );
}

/** The ways spec.owner may name an owner: full ref, ref without namespace, or bare name in the default namespace. */
function ownerSpellings(ownerRef: string): string[] {
  const { kind, namespace, name } = parseEntityRef(ownerRef);
  if (namespace !== 'default') return [ownerRef];
  return lower(kind) === 'group' ? [ownerRef, `group:${name}`, name] : [ownerRef, `${lower(kind)}:${name}`];
}

/** A component owned by one or more groups. */
export interface OwnedEntity {
  entityRef: string;
  title?: string;
  /** The owning groups of the entity among those asked for. */
  owners: string[];
}

/** Whose eyes a catalog read is for: a user's credentials keep hidden what the catalog hides from them. */
export type OnBehalfOf = BackstageCredentials | undefined;

/**
 * The one place that reads the catalog for Pulse, and the one place that decides who owns an entity.
 *
 * Ownership rule: the owning groups of an entity are all of its `ownedBy` targets that are Groups; an owner that is a
 * User counts as that user's groups (its `memberOf`). `spec.owner` is used only while the catalog has not stitched the
 * relation. Where one group is needed (the group's error-budget policy), it is the first owning group by ref.
 *
 * Reads made for a user carry that user's credentials; jobs and service callers read with the plugin's own.
 */
export class PulseCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  private async options(onBehalfOf?: OnBehalfOf) {
    return { credentials: onBehalfOf ?? (await this.auth.getOwnServiceCredentials()) };
  }

  /** Each ref's owning groups, sorted; refs unknown to the catalog map to []. */
  async owningGroups(entityRefs: string[], onBehalfOf?: OnBehalfOf): Promise<Map<string, string[]>> {
    const options = await this.options(onBehalfOf);
    const declared = new Map<string, string[]>();
    for (let i = 0; i < entityRefs.length; i += CHUNK) {
      const refs = entityRefs.slice(i, i + CHUNK);
      const { items } = await this.catalog.getEntitiesByRefs({ entityRefs: refs, fields: OWNED_FIELDS }, options);
      refs.forEach((ref, index) => declared.set(ref, items[index] ? declaredOwnersOf(items[index]!) : []));
    }
    return this.groupsOfOwners(declared, options);
  }

  /** Declared owners (Groups and Users) turned into owning groups by the rule: a User counts as its groups. */
  private async groupsOfOwners(
    declared: Map<string, string[]>,
    options: { credentials: BackstageCredentials },
  ): Promise<Map<string, string[]>> {
    const userOwners = [...new Set([...declared.values()].flat().filter(ref => isKind(ref, 'user')))];
    const groupsOfUsers = await this.groupsOfUsers(userOwners, options);
    const result = new Map<string, string[]>();
    for (const [ref, owners] of declared) {
      const groups = owners.flatMap(owner => (isKind(owner, 'group') ? [owner] : (groupsOfUsers.get(owner) ?? [])));
      result.set(ref, [...new Set(groups)].sort());
    }
    return result;
  }

  /** One entity's owning groups. */
  async owningGroupsOf(entityRef: string, onBehalfOf?: OnBehalfOf): Promise<string[]> {
    return (await this.owningGroups([entityRef], onBehalfOf)).get(entityRef) ?? [];
  }

  /** The group whose policy applies to an entity: its first owning group, if any. */
  async primaryGroupOf(entityRef: string): Promise<string | undefined> {
    return (await this.owningGroupsOf(entityRef))[0];
  }

  /** Whether a user owns an entity: they are the User owner, or a member of one of its owning groups. */
  async isOwnedBy(entityRef: string, ownershipEntityRefs: string[]): Promise<boolean> {
    const options = await this.options();
    const { items } = await this.catalog.getEntitiesByRefs({ entityRefs: [entityRef], fields: OWNED_FIELDS }, options);
    if (!items[0]) return false;
    const mine = new Set(ownershipEntityRefs.map(lower));
    const declared = declaredOwnersOf(items[0]);
    if (declared.some(owner => mine.has(owner))) return true;
    const groups = (await this.groupsOfOwners(new Map([[entityRef, declared]]), options)).get(entityRef) ?? [];
    return groups.some(group => mine.has(group));
  }

  /**
   * Which of these entities a user owns, by the rule of {@link isOwnedBy}, reading the catalog once per chunk of
   * entities (and once for their User owners) instead of once per entity: for a list that says what the caller may edit.
   */
  async ownedAmong(entityRefs: string[], ownershipEntityRefs: string[]): Promise<Set<string>> {
    const options = await this.options();
    const refs = [...new Set(entityRefs)];
    const declared = new Map<string, string[]>();
    for (let i = 0; i < refs.length; i += CHUNK) {
      const chunk = refs.slice(i, i + CHUNK);
      const { items } = await this.catalog.getEntitiesByRefs({ entityRefs: chunk, fields: OWNED_FIELDS }, options);
      chunk.forEach((ref, index) => declared.set(ref, items[index] ? declaredOwnersOf(items[index]!) : []));
    }
    const groups = await this.groupsOfOwners(declared, options);
    const mine = new Set(ownershipEntityRefs.map(lower));
    const owns = (ref: string) => [...declared.get(ref)!, ...(groups.get(ref) ?? [])].some(owner => mine.has(owner));
    return new Set(refs.filter(owns));
  }

  private async groupsOfUsers(userRefs: string[], options: { credentials: BackstageCredentials }) {
    const groups = new Map<string, string[]>();
    if (userRefs.length === 0) return groups;
    const { items } = await this.catalog.getEntitiesByRefs({ entityRefs: userRefs, fields: USER_FIELDS }, options);
    userRefs.forEach((ref, index) => groups.set(ref, items[index] ? groupsOfUser(items[index]!) : []));
    return groups;
  }

  /** A group and every descendant group, or undefined when the group does not exist (or is hidden from the reader). */
  async groupTree(groupRef: string, onBehalfOf?: OnBehalfOf): Promise<{ group: Entity; groupRefs: string[] } | undefined> {
    const options = await this.options(onBehalfOf);
    const { items } = await this.catalog.getEntitiesByRefs({ entityRefs: [groupRef], fields: GROUP_FIELDS }, options);
    const group = items[0];
    if (!group || lower(group.kind) !== 'group') return undefined;

    const seen = new Set([refOf(group)]);
    let level = [group];
    for (let depth = 0; depth < MAX_GROUP_DEPTH && level.length > 0; depth++) {
      const childRefs = level.flatMap(parent => childRefsOf(parent)).filter(ref => !seen.has(ref));
      if (childRefs.length === 0) break;
      const children = await this.catalog.getEntitiesByRefs({ entityRefs: [...new Set(childRefs)], fields: GROUP_FIELDS }, options);
      level = children.items.filter((child): child is Entity => Boolean(child) && !seen.has(refOf(child!)));
      level.forEach(child => seen.add(refOf(child)));
    }
    return { group, groupRefs: [...seen] };
  }

  /** The components any of these groups own (directly, or through a User owner who is a member), with those owners. */
  async ownedComponents(groupRefs: string[], onBehalfOf?: OnBehalfOf): Promise<OwnedEntity[]> {
    if (groupRefs.length === 0) return [];
    const options = await this.options(onBehalfOf);
    const wanted = new Set(groupRefs.map(lower));
    const members = await this.catalog.getEntities(
      { filter: { kind: 'user', 'relations.memberOf': [...wanted] }, fields: USER_FIELDS },
      options,
    );
    const groupsOfMember = new Map(members.items.map(user => [refOf(user), groupsOfUser(user)]));
    const ownerRefs = [...wanted, ...groupsOfMember.keys()];
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          { kind: 'component', 'relations.ownedBy': ownerRefs },
          { kind: 'component', 'spec.owner': ownerRefs.flatMap(ownerSpellings) },
        ],
        fields: OWNED_FIELDS,
      },
      options,
    );
    return items
      .map(entity => ({
        entityRef: refOf(entity),
        title: entity.metadata.title,
        owners: [
          ...new Set(
            declaredOwnersOf(entity).flatMap(owner => (isKind(owner, 'group') ? [owner] : (groupsOfMember.get(owner) ?? []))),
          ),
        ]
          .filter(owner => wanted.has(owner))
          .sort(),
      }))
      .filter(entity => entity.owners.length > 0)
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  /** The Users who are members of any of these groups (by their memberOf relation), as refs. */
  async membersOf(groupRefs: string[], onBehalfOf?: OnBehalfOf): Promise<string[]> {
    if (groupRefs.length === 0) return [];
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'user', 'relations.memberOf': groupRefs.map(lower) }, fields: USER_FIELDS },
      await this.options(onBehalfOf),
    );
    return [...new Set(items.map(refOf))].sort();
  }

  /** An entity's annotations, or undefined when the entity does not exist (or is hidden from the reader). */
  async annotationsOf(entityRef: string, onBehalfOf?: OnBehalfOf): Promise<Record<string, string> | undefined> {
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [entityRef], fields: ['kind', 'metadata.name', 'metadata.annotations'] },
      await this.options(onBehalfOf),
    );
    return items[0] ? (items[0].metadata.annotations ?? {}) : undefined;
  }

  /** The teams to rank: groups of type team, or every group when the catalog has no teams. */
  async teams(onBehalfOf?: OnBehalfOf): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'group' }, fields: GROUP_FIELDS },
      await this.options(onBehalfOf),
    );
    const teams = items.filter(group => group.spec?.type === 'team');
    return teams.length > 0 ? teams : items;
  }
}

function childRefsOf(group: Entity): string[] {
  const fromSpec = ((group.spec?.children as string[] | undefined) ?? []).map(child =>
    lower(stringifyEntityRef(parseEntityRef(child, { defaultKind: 'group', defaultNamespace: group.metadata.namespace ?? 'default' }))),
  );
  return [...new Set([...relationTargets(group, RELATION_PARENT_OF), ...fromSpec])];
}
