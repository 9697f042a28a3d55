import { Entity } from '@backstage/catalog-model';

/** Where an entity's OpenSLO documents live: a URL, or a path relative to the entity's own location. */
export const PULSE_OPENSLO_ANNOTATION = 'pulse.dev/openslo';

/** The service id that deployment and incident events (CDEvents, webhooks) use for this entity; defaults to its name. */
export const PULSE_SERVICE_ID_ANNOTATION = 'pulse.dev/service-id';

/** Whether Pulse can discover SLO definitions for the entity from its annotation. */
export const isPulseOpenSloAvailable = (entity: Entity): boolean =>
  Boolean(entity.metadata.annotations?.[PULSE_OPENSLO_ANNOTATION]);

/** The id that external delivery events use to name the entity. */
export const pulseServiceIdOf = (entity: Entity): string =>
  entity.metadata.annotations?.[PULSE_SERVICE_ID_ANNOTATION] ?? entity.metadata.name;
