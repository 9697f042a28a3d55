import { incidentEventPayload } from './__fixtures__/payloads';
import { mapPagerDutyEvent, PAGERDUTY_USER_ID_ANNOTATION } from './mapPagerDutyEvent';

const CHECKOUT = 'component:default/checkout';
const at = (iso: string) => Date.parse(iso);

const mapped = (options: Partial<Parameters<typeof incidentEventPayload>[0]> & { eventType: string }) => {
  const result = mapPagerDutyEvent(
    incidentEventPayload({ incidentId: 'Q1', serviceId: 'PF9KMXH', createdAt: '2026-01-05T11:00:00Z', occurredAt: '2026-01-05T11:00:00Z', ...options }),
  );
  if ('ignored' in result) throw new Error(result.ignored);
  return result;
};

describe('mapPagerDutyEvent: on-call pages', () => {
  it('pages the first assignee of a triggered high-urgency incident, and records the DORA incident as before', () => {
    const events = mapped({ eventType: 'incident.triggered', assigneeIds: ['PXASSGN', 'PSECOND'] });
    expect(events.responder).toEqual({ annotation: PAGERDUTY_USER_ID_ANNOTATION, value: 'PXASSGN' });
    expect(events.toBatch(CHECKOUT, 'user:default/bob')).toEqual({
      incidents: [{ id: 'pagerduty:Q1', entityRef: CHECKOUT, createdAt: at('2026-01-05T11:00:00Z'), resolvedAt: undefined, description: 'A little bump in the road' }],
      pages: [
        {
          id: 'pagerduty:Q1',
          entityRef: CHECKOUT,
          triggeredAt: at('2026-01-05T11:00:00Z'),
          acknowledgedAt: undefined,
          resolvedAt: undefined,
          urgency: 'high',
          responderRef: 'user:default/bob',
          source: 'pagerduty',
        },
      ],
    });
  });

  it('acknowledges the page at occurred_at, naming the acknowledging user; no DORA incident', () => {
    const events = mapped({ eventType: 'incident.acknowledged', occurredAt: '2026-01-05T11:04:00Z', agentId: 'PACKNWL', assigneeIds: ['PXASSGN'] });
    expect(events.responder).toEqual({ annotation: PAGERDUTY_USER_ID_ANNOTATION, value: 'PACKNWL' });
    const batch = events.toBatch(CHECKOUT, 'user:default/ada');
    expect(batch.incidents).toEqual([]);
    expect(batch.pages).toMatchObject([{ id: 'pagerduty:Q1', triggeredAt: at('2026-01-05T11:00:00Z'), acknowledgedAt: at('2026-01-05T11:04:00Z'), responderRef: 'user:default/ada' }]);
  });

  it('names the new assignee of a reassignment, and resolves page and incident together', () => {
    const reassigned = mapped({ eventType: 'incident.reassigned', occurredAt: '2026-01-05T11:10:00Z', assigneeIds: ['PNEWONE'] });
    expect(reassigned.responder?.value).toBe('PNEWONE');
    expect(reassigned.toBatch(CHECKOUT).pages).toMatchObject([{ acknowledgedAt: undefined, resolvedAt: undefined, responderRef: undefined }]);

    const resolved = mapped({ eventType: 'incident.resolved', occurredAt: '2026-01-05T11:30:00Z' }).toBatch(CHECKOUT);
    expect(resolved.incidents).toMatchObject([{ resolvedAt: at('2026-01-05T11:30:00Z') }]);
    expect(resolved.pages).toMatchObject([{ resolvedAt: at('2026-01-05T11:30:00Z') }]);
  });

  it('pages nobody for a low-urgency incident: its DORA incident is kept, its acknowledgement ignored', () => {
    const triggered = mapped({ eventType: 'incident.triggered', urgency: 'low', assigneeIds: ['PXASSGN'] });
    expect(triggered.responder).toBeUndefined();
    expect(triggered.toBatch(CHECKOUT)).toMatchObject({ incidents: [{ id: 'pagerduty:Q1' }], pages: [] });
    expect(
      mapPagerDutyEvent(incidentEventPayload({ eventType: 'incident.acknowledged', incidentId: 'Q1', serviceId: 'PF9KMXH', createdAt: '2026-01-05T11:00:00Z', occurredAt: '2026-01-05T11:01:00Z', urgency: 'low' })),
    ).toEqual({ ignored: "PagerDuty event 'incident.acknowledged' of a low-urgency incident: not a page" });
  });

  it('ignores the other incident events', () => {
    expect(
      mapPagerDutyEvent(incidentEventPayload({ eventType: 'incident.annotated', incidentId: 'Q1', serviceId: 'PF9KMXH', createdAt: '2026-01-05T11:00:00Z', occurredAt: '2026-01-05T11:01:00Z' })),
    ).toEqual({ ignored: "PagerDuty event 'incident.annotated' is not used by Pulse" });
  });
});
