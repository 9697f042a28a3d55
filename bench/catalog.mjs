/* The catalog of the benchmark: one department, its teams, their services and developers, as one YAML file. */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const YAML = createRequire(import.meta.url)('yaml');

const DEPARTMENT = 'engineering';

/** Writes the organisation as catalog entities (Group, Component, User) to `file`. */
export function writeCatalog(file, organisation) {
  const entity = (kind, name, spec, metadata = {}) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...metadata },
    spec,
  });
  const entities = [
    entity('Group', DEPARTMENT, { type: 'department', children: organisation.teams.map(t => t.name) }),
    ...organisation.teams.map(team =>
      entity('Group', team.name, { type: 'team', parent: DEPARTMENT, children: [] }, { title: `Team ${team.name.slice(5)}` }),
    ),
    ...organisation.services.map(service =>
      entity('Component', service.name, { type: 'service', lifecycle: 'production', owner: service.team.ref }),
    ),
    ...organisation.users.map(user => entity('User', user.name, { memberOf: [user.team.ref] })),
  ];
  writeFileSync(file, entities.map(e => YAML.stringify(e)).join('---\n'));
  return entities.length;
}
