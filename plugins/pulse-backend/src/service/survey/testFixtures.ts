import { Entity } from '@backstage/catalog-model';

/** A user entity with its computed memberOf relation, as the catalog serves it. */
export function testUser(name: string, group: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [group] },
    relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
  };
}

/** A group, optionally with a parent. */
export function testGroup(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
    relations: parent ? [{ type: 'childOf', targetRef: `group:default/${parent}` }] : [],
  };
}

/** A Component owned by a group. */
export function testComponent(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: `group:default/${owner}` },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** Complete answers to the default template with the given satisfaction and NPS. */
export function defaultAnswers(satisfaction: number, nps: number, extra: Record<string, unknown> = {}) {
  return {
    satisfaction,
    nps,
    'ease-of-shipping': 4,
    'feedback-speed': 3,
    documentation: 2,
    'cognitive-load': 4,
    'focus-time': 3,
    'on-call': 5,
    ...extra,
  };
}
