import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntitySloView,
  SloDefinition,
  SloListResponse,
  StoredSlo,
  TeamSloStateResponse,
} from '@pulse/plugin-pulse-common';
import { PulseHttpClient, entityPath } from './PulseHttpClient';

/** The entity an SLO call is about. */
export type SloEntity = Parameters<typeof entityPath>[0];

/** Reads and writes the slo part of the Pulse API. Components render only what this returns. */
export interface SloApi {
  /**
   * Every SLO of the entity evaluated over its current window (`slos: []` when it has none), with the release-gate
   * preview under its error-budget policy decided on the same numbers.
   */
  getEntitySlos(entity: SloEntity): Promise<EntitySloView>;
  /** The stored OpenSLO definitions of the entity. */
  listSloDefinitions(entity: SloEntity): Promise<SloListResponse>;
  /** Creates or replaces one OpenSLO definition (its `metadata.name` is the SLO name). */
  putSloDefinition(entity: SloEntity, definition: SloDefinition): Promise<StoredSlo>;
  /** Deletes one SLO and its samples. */
  deleteSloDefinition(entity: SloEntity, name: string): Promise<void>;
  /** Every service a team (and its child teams) owns with its worst status, budget left and gate preview: one request. */
  getTeamSloStates(group: { namespace: string; name: string }): Promise<TeamSloStateResponse>;
}

export const pulseSloApiRef = createApiRef<SloApi>({ id: 'plugin.pulse.slo' });

const sloPath = (entity: SloEntity, name: string) =>
  `/slo${entityPath(entity)}/slos/${encodeURIComponent(name)}`;

/** The HTTP client of {@link SloApi}. */
export class SloClient extends PulseHttpClient implements SloApi {
  getEntitySlos(entity: SloEntity): Promise<EntitySloView> {
    return this.request(`/slo${entityPath(entity)}`);
  }

  listSloDefinitions(entity: SloEntity): Promise<SloListResponse> {
    return this.request(`/slo${entityPath(entity)}/slos`);
  }

  putSloDefinition(entity: SloEntity, definition: SloDefinition): Promise<StoredSlo> {
    return this.request(sloPath(entity, definition.metadata.name), { method: 'PUT', body: definition });
  }

  deleteSloDefinition(entity: SloEntity, name: string): Promise<void> {
    return this.request(sloPath(entity, name), { method: 'DELETE' });
  }

  getTeamSloStates(group: { namespace: string; name: string }): Promise<TeamSloStateResponse> {
    const path = [group.namespace, group.name].map(p => encodeURIComponent(p.toLocaleLowerCase('en-US'))).join('/');
    return this.request(`/slo/groups/${path}`);
  }
}
