/** A V3 user reference, as in `agent` and `assignees` of PagerDuty's examples. */
const userReference = (id: string) => ({
  html_url: `https://acme.pagerduty.com/users/${id}`,
  id,
  self: `https://api.pagerduty.com/users/${id}`,
  summary: 'Tenex Engineer',
  type: 'user_reference',
});

/**
 * PagerDuty V3 webhook payloads in the shape of the incident examples in PagerDuty's "V3 Webhook Overview". `agentId`
 * is who acted (default PLH1HKV), `assigneeIds` who the incident is assigned to (default none), `urgency` high.
 */
export function incidentEventPayload(options: {
  eventType: string;
  incidentId: string;
  serviceId: string;
  createdAt: string;
  occurredAt: string;
  urgency?: 'high' | 'low';
  agentId?: string;
  assigneeIds?: string[];
}) {
  const resolved = options.eventType === 'incident.resolved';
  return {
    event: {
      id: `01${options.incidentId}${options.eventType.length}`,
      event_type: options.eventType,
      resource_type: 'incident',
      occurred_at: options.occurredAt,
      agent: userReference(options.agentId ?? 'PLH1HKV'),
      client: null,
      data: {
        id: options.incidentId,
        type: 'incident',
        self: `https://api.pagerduty.com/incidents/${options.incidentId}`,
        html_url: `https://acme.pagerduty.com/incidents/${options.incidentId}`,
        number: 2,
        status: resolved ? 'resolved' : options.eventType.replace('incident.', ''),
        incident_key: 'd3640fbd41094207a1c11e58e46b1662',
        created_at: options.createdAt,
        title: 'A little bump in the road',
        service: {
          html_url: `https://acme.pagerduty.com/services/${options.serviceId}`,
          id: options.serviceId,
          self: `https://api.pagerduty.com/services/${options.serviceId}`,
          summary: 'API Service',
          type: 'service_reference',
        },
        assignees: (options.assigneeIds ?? []).map(userReference),
        escalation_policy: {
          html_url: 'https://acme.pagerduty.com/escalation_policies/PUS0KTE',
          id: 'PUS0KTE',
          self: 'https://api.pagerduty.com/escalation_policies/PUS0KTE',
          summary: 'Default',
          type: 'escalation_policy_reference',
        },
        teams: [],
        priority: null,
        urgency: options.urgency ?? 'high',
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}

/** The same event in the shape PagerDuty sent until recently: no `data.created_at`, the time is `occurred_at`. */
export function legacyIncidentEventPayload(options: Omit<Parameters<typeof incidentEventPayload>[0], 'createdAt'>) {
  const payload = incidentEventPayload({ ...options, createdAt: options.occurredAt });
  const { created_at: _createdAt, ...data } = payload.event.data;
  return { event: { ...payload.event, data } };
}
