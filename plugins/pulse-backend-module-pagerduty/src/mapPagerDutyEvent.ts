import { InputError } from '@backstage/errors';
import { DoraEventBatch, PulseDoraWebhookEvents, PulseDoraWebhookIgnored } from '@pulse/plugin-pulse-node';
import { z } from 'zod';

/** The standard annotation (also read by the PagerDuty plugin) that names an entity's PagerDuty service. */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';
/** The annotation on a catalog User that names their PagerDuty user: how a page finds the person it went to. */
export const PAGERDUTY_USER_ID_ANNOTATION = 'pagerduty.com/user-id';

const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .transform(value => Date.parse(value));

const reference = z.object({ id: z.string().min(1).max(255), type: z.string().optional() }).passthrough();

/** The fields Pulse reads from a V3 webhook payload (PagerDuty Developer Docs, "V3 Webhook Overview"). */
const v3Payload = z.object({
  event: z.object({
    event_type: z.string(),
    occurred_at: instant,
    // Who did it: the acknowledging user of `incident.acknowledged` (a service or integration for automatic events).
    agent: reference.nullish(),
    data: z.object({}).passthrough(),
  }),
});

const incidentData = z.object({
  id: z.string().min(1).max(200),
  title: z.string().default(''),
  // Payloads PagerDuty sent until recently have no created_at: the event's occurred_at stands in for it.
  created_at: instant.optional(),
  service: z.object({ id: z.string().min(1).max(255) }),
  urgency: z.enum(['high', 'low']).optional(),
  assignees: z.array(reference).default([]),
});

type Incident = z.infer<typeof incidentData>;
type Event = z.infer<typeof v3Payload>['event'];

/** The events that make or update an on-call page; triggered and resolved also make or update a DORA incident. */
const PAGE_EVENTS = ['incident.triggered', 'incident.acknowledged', 'incident.resolved', 'incident.reassigned'];
const INCIDENT_EVENTS = ['incident.triggered', 'incident.resolved'];

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, path: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new InputError(`Invalid PagerDuty webhook payload: ${[path, ...issue.path].join('.')}: ${issue.message}`);
}

const isUser = (ref: z.infer<typeof reference> | null | undefined) => Boolean(ref && ref.type === 'user_reference');

/**
 * The PagerDuty user a page went to: whoever acknowledged it (the agent of `incident.acknowledged`), else its first
 * assignee (at trigger, or after a reassignment). The store keeps the first one it hears of (first writer wins).
 */
function responderOf(event: Event, incident: Incident): string | undefined {
  if (event.event_type === 'incident.acknowledged' && isUser(event.agent)) return event.agent!.id;
  return incident.assignees.find(isUser)?.id;
}

/** The page of a high-urgency incident event: one page per incident, each event filling what it knows. */
function pageOf(event: Event, incident: Incident, createdAt: number, entityRef: string, responderRef?: string) {
  const at = Math.max(event.occurred_at, createdAt);
  return {
    id: `pagerduty:${incident.id}`,
    entityRef,
    triggeredAt: createdAt,
    acknowledgedAt: event.event_type === 'incident.acknowledged' ? at : undefined,
    resolvedAt: event.event_type === 'incident.resolved' ? at : undefined,
    urgency: 'high' as const,
    responderRef,
    source: 'pagerduty',
  };
}

/**
 * `incident.triggered` starts an incident and a page, `incident.resolved` resolves both; `incident.acknowledged` and
 * `incident.reassigned` update the page. Only high-urgency incidents page someone; other event types are ignored.
 */
export function mapPagerDutyEvent(payload: unknown): PulseDoraWebhookEvents | PulseDoraWebhookIgnored {
  const { event } = parse(v3Payload, payload, '(body)');
  if (!PAGE_EVENTS.includes(event.event_type)) {
    return { ignored: `PagerDuty event '${event.event_type}' is not used by Pulse` };
  }
  const incident = parse(incidentData, event.data, 'event.data');
  // A payload without urgency is taken as high, PagerDuty's default for new services.
  const pages = incident.urgency !== 'low';
  const isIncidentEvent = INCIDENT_EVENTS.includes(event.event_type);
  if (!pages && !isIncidentEvent) {
    return { ignored: `PagerDuty event '${event.event_type}' of a low-urgency incident: not a page` };
  }
  // On a resolution without created_at this is the resolution time; the store keeps the earliest start it has seen.
  const createdAt = incident.created_at ?? event.occurred_at;
  const responder = pages ? responderOf(event, incident) : undefined;
  return {
    entity: { annotation: PAGERDUTY_SERVICE_ID_ANNOTATION, value: incident.service.id },
    ...(responder ? { responder: { annotation: PAGERDUTY_USER_ID_ANNOTATION, value: responder } } : {}),
    toBatch: (entityRef, responderRef): DoraEventBatch => ({
      incidents: isIncidentEvent
        ? [
            {
              id: `pagerduty:${incident.id}`,
              entityRef,
              createdAt,
              resolvedAt: event.event_type === 'incident.resolved' ? Math.max(event.occurred_at, createdAt) : undefined,
              description: incident.title.slice(0, 4000) || undefined,
            },
          ]
        : [],
      pages: pages ? [pageOf(event, incident, createdAt, entityRef, responderRef)] : [],
    }),
  };
}
