import { DoraEventBatch, PulseDoraWebhook } from '@pulse/plugin-pulse-node';
import { mapCdevent, serviceIdCandidates } from '../dora/cdevents';
import { DoraServiceIds } from '../dora/DoraServiceIds';
import { AnnotatedComponents } from '../sources/AnnotatedComponents';

/** The source name of `POST /events`. */
export const CDEVENTS_SOURCE = 'cdevents';

/** What a stored delivery holds for DORA, once mapped: events for the entity that `subject` names. */
export interface PlaceableDelivery {
  /** `annotation=value`: deliveries naming the same subject are processed in arrival order. */
  subject: string;
  /** Why it is parked while no component carries the subject. */
  unplaced: string;
  /** The component's ref; throws when the catalog cannot be asked (the delivery is retried). */
  find(): Promise<string | undefined>;
  /** The ref of the User an on-call page went to, when the delivery names one the catalog knows. */
  findResponder?(): Promise<string | undefined>;
  toBatch(entityRef: string, responderRef?: string): DoraEventBatch;
}

export type MappedDelivery = PlaceableDelivery | { ignored: string };

/**
 * Maps one source's stored deliveries. Throws `InputError` for a payload that lacks what it needs (the delivery
 * fails with that message); any other error is taken as transient and retried.
 */
export interface DeliveryHandler {
  source: string;
  map(delivery: { event?: string; payload: string }): MappedDelivery;
}

/** A webhook of a backend module: it maps, the catalog's annotated components place (and annotated Users answer pages). */
export function webhookHandler(webhook: PulseDoraWebhook, components: AnnotatedComponents, users?: AnnotatedComponents): DeliveryHandler {
  return {
    source: webhook.name,
    map: ({ event, payload }) => {
      const mapped = webhook.map({ event, body: payload });
      if ('ignored' in mapped) return mapped;
      const { annotation, value } = mapped.entity;
      return {
        subject: `${annotation}=${value}`,
        unplaced: `No component has the annotation ${annotation}: ${value}`,
        find: () => components.find(annotation, value),
        ...(mapped.responder && users ? { findResponder: () => users.find(mapped.responder!.annotation, mapped.responder!.value) } : {}),
        toBatch: mapped.toBatch,
      };
    },
  };
}

/** CDEvents of `POST /events`: placed by the `pulse.dev/service-id` annotation, else the component's name. */
export function cdeventsHandler(serviceIds: DoraServiceIds): DeliveryHandler {
  return {
    source: CDEVENTS_SOURCE,
    map: ({ payload }) => {
      const { serviceId, toBatch } = mapCdevent(JSON.parse(payload));
      const candidates = serviceIdCandidates(serviceId);
      return {
        subject: `pulse.dev/service-id=${serviceId}`,
        unplaced: `Unknown service '${serviceId}': no Component has it as its pulse.dev/service-id annotation or its name`,
        find: async () => {
          const refs = await serviceIds.resolve(candidates);
          return candidates.map(id => refs.get(id)).find(Boolean);
        },
        toBatch,
      };
    },
  };
}

/** The subject a delivery names, if it can be read without the catalog (at intake, for ordering). */
export function subjectOf(handler: DeliveryHandler, delivery: { event?: string; payload: string }): string | undefined {
  try {
    const mapped = handler.map(delivery);
    return 'subject' in mapped ? mapped.subject : undefined;
  } catch {
    return undefined; // the worker reports why it cannot be mapped
  }
}
