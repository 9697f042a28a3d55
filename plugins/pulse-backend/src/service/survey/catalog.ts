import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { SURVEY_NO_OWNER, SurveyRoundSnapshot } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../context';

const canonical = (entity: Entity) => stringifyEntityRef(getCompoundEntityRef(entity)).toLocaleLowerCase('en-US');

/** What a page shows for an entity: `metadata.title`, else `metadata.name`. */
const displayTitle = (entity: Entity) => entity.metadata.title ?? entity.metadata.name;

/** How `spec.memberOf` may name a group, lower-cased (the catalog matches filter values case-insensitively). */
function memberOfSpellings(groupRef: string): string[] {
  const group = parseEntityRef(groupRef);
  const ref = groupRef.toLocaleLowerCase('en-US');
  return group.namespace === 'default' ? [ref, group.name.toLocaleLowerCase('en-US')] : [ref];
}

/** A group of the catalog as the survey overview lists it. */
export interface SurveyCatalogGroup {
  ref: string;
  title: string;
  /** `spec.type: team`. */
  isTeam: boolean;
}

/** The parent of a group: its childOf relation, else spec.parent, as a canonical group ref. */
function parentGroup(entity: Entity): string | undefined {
  const target = entity.relations?.find(r => r.type === RELATION_CHILD_OF)?.targetRef;
  const ref = target ?? (typeof entity.spec?.parent === 'string' ? entity.spec.parent : undefined);
  if (!ref) return undefined;
  const parsed = parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: entity.metadata.namespace ?? 'default' });
  return parsed.kind.toLocaleLowerCase('en-US') === 'group'
    ? stringifyEntityRef(parsed).toLocaleLowerCase('en-US')
    : undefined;
}

/**
 * What surveys need from the catalog: owners (the project's one ownership rule, from PulseCatalog), group parents,
 * group members and a round's frozen snapshot; always filtered queries.
 */
export class SurveyCatalog {
  constructor(private readonly ctx: Pick<PulseContext, 'auth' | 'catalog' | 'pulseCatalog'>) {}

  /** A reader's own credentials where the answer is shown to them (what the catalog hides stays hidden). */
  private async options(onBehalfOf?: BackstageCredentials) {
    return { credentials: onBehalfOf ?? (await this.ctx.auth.getOwnServiceCredentials()) };
  }

  /** The owning groups of an entity, sorted (see PulseCatalog: every ownedBy Group; a User owner counts as its groups). */
  async ownersOf(entityRef: string): Promise<string[]> {
    return this.ctx.pulseCatalog.owningGroupsOf(entityRef);
  }

  /** The groups a user is a member of (memberOf relation, or spec.memberOf as written), as canonical refs. */
  async groupsOfUser(userRef: string): Promise<string[]> {
    const user = await this.ctx.catalog.getEntityByRef(userRef, await this.options());
    if (!user) return [];
    const related = (user.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => r.targetRef.toLocaleLowerCase('en-US'));
    const written = ((user.spec?.memberOf as unknown[] | undefined) ?? []).map(ref =>
      stringifyEntityRef(
        parseEntityRef(String(ref), { defaultKind: 'group', defaultNamespace: user.metadata.namespace ?? 'default' }),
      ).toLocaleLowerCase('en-US'),
    );
    return [...new Set([...related, ...written])];
  }

  /**
   * The frozen view a round keeps: every group with its parent, and every asked entity with its owning groups
   * (an entity no group owns is listed with `SURVEY_NO_OWNER`). Asked: the entity itself, the Components a group
   * owns, or every Component.
   */
  async roundSnapshot(target: { targetType: 'entity' | 'group' | 'components'; targetRef: string | null }): Promise<SurveyRoundSnapshot> {
    const { items: groups } = await this.ctx.catalog.getEntities(
      { filter: { kind: 'group' }, fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.parent', 'relations'] },
      await this.options(),
    );
    let asked: string[];
    if (target.targetType === 'entity') asked = [target.targetRef!];
    else if (target.targetType === 'group') {
      asked = (await this.ctx.pulseCatalog.ownedComponents([target.targetRef!])).map(e => e.entityRef);
    } else {
      const { items } = await this.ctx.catalog.getEntities(
        { filter: { kind: 'component' }, fields: ['kind', 'metadata.name', 'metadata.namespace'] },
        await this.options(),
      );
      asked = items.map(canonical);
    }
    const owners = await this.ctx.pulseCatalog.owningGroups(asked);
    return {
      groups: groups.map(g => ({ groupRef: canonical(g), parentRef: parentGroup(g) ?? null })),
      owners: asked.flatMap(entityRef => {
        const groupRefs = owners.get(entityRef) ?? [];
        return (groupRefs.length > 0 ? groupRefs : [SURVEY_NO_OWNER]).map(groupRef => ({ entityRef, groupRef }));
      }),
    };
  }

  /** Each group's parent group, for the groups given and all their ancestors. */
  async groupParents(groupRefs: string[]): Promise<Map<string, string | undefined>> {
    const parents = new Map<string, string | undefined>();
    let pending = [...new Set(groupRefs)];
    while (pending.length > 0) {
      const { items } = await this.ctx.catalog.getEntitiesByRefs(
        { entityRefs: pending, fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.parent', 'relations'] },
        await this.options(),
      );
      pending.forEach(ref => parents.set(ref, undefined));
      for (const entity of items) {
        if (entity) parents.set(canonical(entity), parentGroup(entity));
      }
      pending = [...new Set([...parents.values()].filter((p): p is string => !!p && !parents.has(p)))];
    }
    return parents;
  }

  /** Every Group of the catalog with its title and whether it is a team: one filtered query for the whole page. */
  async groups(onBehalfOf?: BackstageCredentials): Promise<SurveyCatalogGroup[]> {
    const { items } = await this.ctx.catalog.getEntities(
      {
        filter: { kind: 'group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'spec.type'],
      },
      await this.options(onBehalfOf),
    );
    return items.map(entity => ({
      ref: canonical(entity),
      title: displayTitle(entity),
      isTeam: String(entity.spec?.type ?? '').toLocaleLowerCase('en-US') === 'team',
    }));
  }

  /** Display titles of some entities by canonical ref, in one query; entities missing from the catalog are left out. */
  async titlesOf(entityRefs: string[], onBehalfOf?: BackstageCredentials): Promise<Map<string, string>> {
    if (entityRefs.length === 0) return new Map();
    const { items } = await this.ctx.catalog.getEntitiesByRefs(
      { entityRefs, fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'] },
      await this.options(onBehalfOf),
    );
    return new Map(items.flatMap(entity => (entity ? [[canonical(entity), displayTitle(entity)] as const] : [])));
  }

  /** The users who are members of a group (catalog `memberOf` relation, or `spec.memberOf` as written), as canonical refs. */
  async membersOf(groupRef: string): Promise<string[]> {
    return (await this.membersOfGroups([groupRef])).get(groupRef) ?? [];
  }

  /** `membersOf` for many groups in one filtered query: the users of any of them, sorted into each group they are in. */
  async membersOfGroups(groupRefs: string[]): Promise<Map<string, string[]>> {
    const members = new Map(groupRefs.map(ref => [ref, [] as string[]]));
    if (groupRefs.length === 0) return members;
    // The first spelling is the lower-cased full ref, as relation targets are compared.
    const spellingsOf = new Map(groupRefs.map(ref => [ref, memberOfSpellings(ref)]));
    const { items } = await this.ctx.catalog.getEntities(
      {
        filter: [
          { kind: 'user', 'relations.memberOf': groupRefs },
          { kind: 'user', 'spec.memberOf': [...spellingsOf.values()].flat() },
        ],
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations', 'spec.memberOf'],
      },
      await this.options(),
    );
    for (const user of items) {
      const related = new Set(
        (user.relations ?? []).filter(r => r.type === RELATION_MEMBER_OF).map(r => r.targetRef.toLocaleLowerCase('en-US')),
      );
      const written = new Set(
        ((user.spec?.memberOf as unknown[] | undefined) ?? []).map(ref => String(ref).toLocaleLowerCase('en-US')),
      );
      for (const [groupRef, spellings] of spellingsOf) {
        if (related.has(spellings[0]) || spellings.some(ref => written.has(ref))) members.get(groupRef)!.push(canonical(user));
      }
    }
    return members;
  }
}
