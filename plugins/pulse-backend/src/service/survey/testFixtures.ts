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

/** A group: a team unless another `type` is given, optionally with a parent and a title. */
export function testGroup(name: string, options: { parent?: string; title?: string; type?: string } = {}): Entity {
  const { parent, title, type = 'team' } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec: { type, children: [], ...(parent ? { parent } : {}) },
    relations: parent ? [{ type: 'childOf', targetRef: `group:default/${parent}` }] : [],
  };
}

/** A Component owned by a group, optionally with a title. */
export function testComponent(name: string, owner: string, title?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
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
