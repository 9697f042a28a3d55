import { InputError } from '@backstage/errors';
import { PulseDoraWebhookEvents, PulseDoraWebhookIgnored } from '@pulse/plugin-pulse-node';
import { z } from 'zod';

/** The standard annotation (also read by the PagerDuty plugin) that names an entity's PagerDuty service. */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
  .transform(value => Date.parse(value));

/** The fields Pulse reads from a V3 webhook payload (PagerDuty Developer Docs, "V3 Webhook Overview"). */
const v3Payload = z.object({
  event: z.object({
    event_type: z.string(),
    occurred_at: instant,
    data: z.object({}).passthrough(),
  }),
});

const incidentData = z.object({
  id: z.string().min(1).max(200),
  title: z.string().default(''),
  // Payloads PagerDuty sent until recently have no created_at: the event's occurred_at stands in for it.
  created_at: instant.optional(),
  service: z.object({ id: z.string().min(1).max(255) }),
});

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, path: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new InputError(`Invalid PagerDuty webhook payload: ${[path, ...issue.path].join('.')}: ${issue.message}`);
}

/** `incident.triggered` starts an incident, `incident.resolved` resolves it; other event types are ignored. */
export function mapPagerDutyEvent(payload: unknown): PulseDoraWebhookEvents | PulseDoraWebhookIgnored {
  const { event } = parse(v3Payload, payload, '(body)');
  const resolved = event.event_type === 'incident.resolved';
  if (event.event_type !== 'incident.triggered' && !resolved) {
    return { ignored: `PagerDuty event '${event.event_type}' is not used by Pulse` };
  }
  const incident = parse(incidentData, event.data, 'event.data');
  // On a resolution without created_at this is the resolution time; the store keeps the earliest start it has seen.
  const createdAt = incident.created_at ?? event.occurred_at;
  return {
    entity: { annotation: PAGERDUTY_SERVICE_ID_ANNOTATION, value: incident.service.id },
    toBatch: entityRef => ({
      incidents: [
        {
          id: `pagerduty:${incident.id}`,
          entityRef,
          createdAt,
          resolvedAt: resolved ? Math.max(event.occurred_at, createdAt) : undefined,
          description: incident.title.slice(0, 4000) || undefined,
        },
      ],
    }),
  };
}
