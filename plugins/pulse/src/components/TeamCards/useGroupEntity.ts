import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';

/** The Group entity of the page, as the Pulse team endpoints name it. */
export function useGroupEntity() {
  const { entity } = useEntity();
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    namespace,
    name: entity.metadata.name,
    ref: stringifyEntityRef({ kind: 'group', namespace, name: entity.metadata.name }).toLocaleLowerCase('en-US'),
    title: entity.metadata.title ?? entity.metadata.name,
  };
}
