import { InputError } from '@backstage/errors';
import { DoraEventBatch } from '@pulse/plugin-pulse-node';
import { z } from 'zod';
import { fieldErrorsOf, isoInstant, MAX_BATCH_ITEMS, ValidationError } from '../validation';

/** The CDEvents Pulse understands, by subject and predicate; any version is accepted (0.2.x, 0.3.x, -draft). */
const SUPPORTED_TYPES = [
  'service.deployed',
  'service.upgraded',
  'service.rolledback',
  'change.merged',
  'incident.detected',
  'incident.reported',
  'incident.resolved',
] as const;
type SupportedType = (typeof SUPPORTED_TYPES)[number];

const CDEVENT_TYPE = /^dev\.cdevents\.([a-zA-Z]+\.[a-zA-Z]+)\.\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

const idField = z.string().min(1).max(255);
const reference = z.object({ id: idField }).passthrough();

/** A CDEvent's own JSON (spec v0.3-v0.5): `context` and `subject`, plus optional `customData`. */
const cdeventSchema = z.object({
  context: z
    .object({ id: idField, type: z.string().min(1).max(255), timestamp: isoInstant })
    .passthrough(),
  subject: z
    .object({ id: idField, content: z.record(z.unknown()).default({}) })
    .passthrough(),
  customData: z.unknown().optional(),
});
type CDEvent = z.infer<typeof cdeventSchema>;

/** A structured-mode CloudEvent: `specversion` and the CDEvent in `data` (an object or a JSON string). */
const isCloudEvent = (body: unknown): body is { specversion: unknown; data: unknown } =>
  typeof body === 'object' && body !== null && 'specversion' in body && 'data' in body;

function unwrap(body: unknown): unknown {
  if (!isCloudEvent(body)) return body;
  if (typeof body.data !== 'string') return body.data;
  try {
    return JSON.parse(body.data);
  } catch {
    return undefined;
  }
}

/** The type an event declares (the CloudEvent's `type`, else the CDEvent's `context.type`), before any validation. */
function declaredTypeOf(body: unknown, event: unknown): unknown {
  if (isCloudEvent(body) && 'type' in body) return body.type;
  const context = typeof event === 'object' && event !== null ? (event as { context?: unknown }).context : undefined;
  return typeof context === 'object' && context !== null ? (context as { type?: unknown }).type : undefined;
}

/**
 * Parses one event; errors name the event's index in a batch and the bad field. An unsupported type is refused by name
 * first, whatever else is wrong with the event.
 */
function parseEvent(body: unknown, index: number | undefined): CDEvent {
  const event = unwrap(body);
  const declaredType = declaredTypeOf(body, event);
  if (typeof declaredType === 'string') {
    supportedTypeNamed(declaredType);
  }
  const result = cdeventSchema.safeParse(event);
  if (!result.success) {
    const prefix = index === undefined ? '' : `${index}.`;
    const base = isCloudEvent(body) ? 'data.' : '';
    throw new ValidationError(
      fieldErrorsOf(result.error).map(e => ({
        ...(index === undefined ? {} : { index }),
        path: `${prefix}${base}${e.path}`,
        message: e.message,
      })),
      'CDEvent',
    );
  }
  return result.data;
}

function supportedTypeNamed(typeName: string): SupportedType {
  const match = CDEVENT_TYPE.exec(typeName);
  const type = match?.[1] as SupportedType | undefined;
  if (!type || !SUPPORTED_TYPES.includes(type)) {
    throw new InputError(
      `Unsupported CDEvent type '${typeName}': Pulse accepts ${SUPPORTED_TYPES.map(t => `dev.cdevents.${t}`).join(', ')}`,
    );
  }
  return type;
}

const supportedTypeOf = (event: CDEvent): SupportedType => supportedTypeNamed(event.context.type);

/** The id of a nested `{ id }` object of the subject's content, e.g. `environment` or `service`. */
function contentId(event: CDEvent, field: string): string | undefined {
  const result = reference.safeParse(event.subject.content[field]);
  return result.success ? result.data.id : undefined;
}

function requiredContentId(event: CDEvent, field: string, index: number): string {
  const value = contentId(event, field);
  if (!value) {
    throw new ValidationError([{ index, path: `${index}.subject.content.${field}.id`, message: 'Required' }], 'CDEvent');
  }
  return value;
}

/** Commit SHAs a sender may add in `customData.commits`: CDEvents deployments otherwise carry none. */
function commitsOf(event: CDEvent): string[] {
  const commits = z.object({ commits: z.array(idField) }).safeParse(event.customData);
  return commits.success ? commits.data.commits : [];
}

/** One supported event, mapped but for its entity: `serviceId` is what names the service in the event. */
export interface MappedEvent {
  serviceId: string;
  toBatch(entityRef: string): DoraEventBatch;
}

function mapEvent(event: CDEvent, index: number): MappedEvent {
  const type = supportedTypeOf(event);
  const at = Date.parse(event.context.timestamp);
  switch (type) {
    case 'service.deployed':
    case 'service.upgraded':
    case 'service.rolledback': {
      const environment = requiredContentId(event, 'environment', index);
      return {
        serviceId: event.subject.id,
        toBatch: entityRef => ({
          deployments: [
            {
              id: event.context.id,
              entityRef,
              environment,
              startedAt: at,
              finishedAt: at,
              status: 'success',
              commits: commitsOf(event),
              rework: type === 'service.rolledback',
            },
          ],
        }),
      };
    }
    case 'change.merged':
      return {
        serviceId: requiredContentId(event, 'repository', index),
        toBatch: entityRef => ({ changes: [{ id: event.subject.id, entityRef, createdAt: at, mergedAt: at }] }),
      };
    default: {
      const description = event.subject.content.description;
      return {
        serviceId: requiredContentId(event, 'service', index),
        toBatch: entityRef => ({
          incidents: [
            {
              id: event.subject.id,
              entityRef,
              createdAt: at,
              resolvedAt: type === 'incident.resolved' ? at : undefined,
              environment: contentId(event, 'environment'),
              description: typeof description === 'string' ? description.slice(0, 4000) : undefined,
            },
          ],
        }),
      };
    }
  }
}

/** The ids to try for a service: as sent, then its last path segment (`service/checkout`, `acme/checkout`). */
export function serviceIdCandidates(serviceId: string): string[] {
  const last = serviceId.split('/').filter(Boolean).pop();
  return last && last !== serviceId ? [serviceId, last] : [serviceId];
}

/** One event of a request body, validated: its raw JSON as stored, the id senders dedupe by, its type and service. */
export interface CdeventEnvelope {
  raw: unknown;
  /** The CloudEvent's `source` and `id` (a bare CDEvent's `context.source` and `context.id`). */
  externalId: string;
  type: string;
  serviceId: string;
}

function externalIdOf(body: unknown, event: CDEvent): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (isCloudEvent(body)) {
    const envelope = body as { source?: unknown; id?: unknown };
    if (text(envelope.id)) return `${text(envelope.source)}#${text(envelope.id)}`;
  }
  return `${text(event.context.source)}#${event.context.id}`;
}

/**
 * Reads a request body (one CloudEvent in structured mode, one bare CDEvent, or a JSON array of either) into its
 * events. Every event is validated and mapped before anything is stored: an unknown type or a missing field rejects
 * the whole body. Which component an event names is the worker's to find (docs/sources.md, "The inbox").
 */
export function readCdevents(body: unknown): CdeventEnvelope[] {
  const events = Array.isArray(body) ? body : [body];
  if (events.length === 0 || events.length > MAX_BATCH_ITEMS) {
    throw new InputError(`A batch must hold 1 to ${MAX_BATCH_ITEMS} events`);
  }
  return events.map((raw, i) => {
    const event = parseEvent(raw, Array.isArray(body) ? i : undefined);
    const { serviceId } = mapEvent(event, i);
    return { raw, externalId: externalIdOf(raw, event), type: event.context.type, serviceId };
  });
}

/** Maps one stored event, for the worker. */
export function mapCdevent(raw: unknown): MappedEvent {
  return mapEvent(parseEvent(raw, undefined), 0);
}
