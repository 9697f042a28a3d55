import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested inside the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import pulsePlugin from '@pulse/plugin-pulse-backend';
import { createHmac } from 'crypto';
import request from 'supertest';
import { incidentEventPayload, legacyIncidentEventPayload } from './__fixtures__/payloads';
import { pulseModulePagerDuty } from './module';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const SECRET = 'pd-webhook-secret';
const SERVICE = 'PF9KMXH';

const entities: NonNullable<Parameters<typeof catalogServiceMock.factory>[0]>['entities'] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations: { 'pagerduty.com/service-id': SERVICE } },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'bob', namespace: 'default', annotations: { 'pagerduty.com/user-id': 'PBOB000' } },
    spec: { memberOf: ['payments'] },
  },
];

const signatureOf = (body: string, secret = SECRET) =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

const incidentEvent = (eventType: string, incidentId: string, createdAt: string, occurredAt = createdAt) =>
  incidentEventPayload({ eventType, incidentId, serviceId: SERVICE, createdAt, occurredAt });

describe.each(databases.eachSupportedId())('PagerDuty webhook on %p', databaseId => {
  let server: any;
  let knex: Awaited<ReturnType<typeof databases.init>>;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    ({ server } = await startTestBackend({
      features: [
        pulsePlugin,
        pulseModulePagerDuty,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: { pulse: { pagerduty: { webhookSecret: SECRET } } } }),
      ],
    }));
  });

  const deliver = (payload: object, signature?: (body: string) => string) => {
    const body = JSON.stringify(payload);
    return request(server)
      .post('/api/pulse/webhooks/pagerduty')
      .set('Content-Type', 'application/json')
      .set('X-PagerDuty-Signature', (signature ?? signatureOf)(body))
      .send(body);
  };

  const scorecard = () =>
    request(server).get('/api/pulse/dora/entities/component/default/checkout?from=2026-01-01&to=2026-01-14');

  it('records triggered and resolved incidents against the mapped component', async () => {
    const deployment = (id: string, finishedAt: string) => ({
      id,
      entityRef: 'component:default/checkout',
      environment: 'production',
      startedAt: finishedAt,
      finishedAt,
      status: 'success',
    });
    const deployments = await request(server)
      .post('/api/pulse/dora/deployments')
      .set('Authorization', mockCredentials.service.header())
      .send({ items: [deployment('d1', '2026-01-02T10:00:00Z'), deployment('d2', '2026-01-05T10:00:00Z')] });
    expect(deployments.body).toEqual({ accepted: 2 });

    const triggered = await deliver(incidentEvent('incident.triggered', 'Q1', '2026-01-05T11:00:00Z'));
    expect(triggered.status).toBe(202);
    expect(triggered.body).toMatchObject({ status: 'processed', entityRef: 'component:default/checkout', duplicate: false });

    // An acknowledgement updates the on-call page only; the DORA incident is unchanged.
    const acknowledged = await deliver(incidentEvent('incident.acknowledged', 'Q1', '2026-01-05T11:00:00Z', '2026-01-05T11:05:00Z'));
    expect(acknowledged.status).toBe(202);
    expect(acknowledged.body).toMatchObject({ status: 'processed' });

    expect((await deliver(incidentEvent('incident.resolved', 'Q1', '2026-01-05T11:00:00Z', '2026-01-05T13:00:00Z'))).body.status).toBe('processed');

    // Q2: delivered while a secret is rotated (two signatures, the first from the old secret), and redelivered.
    expect((await deliver(incidentEvent('incident.triggered', 'Q2', '2026-01-08T09:00:00Z'))).body.status).toBe('processed');
    const resolvedQ2 = incidentEvent('incident.resolved', 'Q2', '2026-01-08T09:00:00Z', '2026-01-08T09:30:00Z');
    const rotating = (body: string) => `${signatureOf(body, 'old-secret')}, ${signatureOf(body)}`;
    expect((await deliver(resolvedQ2, rotating)).body.status).toBe('processed');
    // PagerDuty retries with the same event id: stored once, answered as a duplicate.
    const retried = await deliver(resolvedQ2);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'processed', duplicate: true });
  });

  it('keeps one on-call page per high-urgency incident, answered by the catalog User of the PagerDuty user', async () => {
    const event = (eventType: string, occurredAt: string, extra: object = {}) =>
      incidentEventPayload({ eventType, incidentId: 'P1', serviceId: SERVICE, createdAt: '2026-03-02T02:00:00Z', occurredAt, ...extra });
    // Assigned to a PagerDuty user no catalog User carries: no responder yet; bob acknowledges after 7 min and fills it.
    expect((await deliver(event('incident.triggered', '2026-03-02T02:00:00Z', { assigneeIds: ['PNOBODY'] }))).body.status).toBe('processed');
    expect((await deliver(event('incident.acknowledged', '2026-03-02T02:07:00Z', { agentId: 'PBOB000' }))).body.status).toBe('processed');
    // A reassignment after the acknowledgement does not move the page: the first responder stays.
    expect((await deliver(event('incident.reassigned', '2026-03-02T02:20:00Z', { assigneeIds: ['PSOMEONE'] }))).body.status).toBe('processed');
    expect((await deliver(event('incident.resolved', '2026-03-02T02:40:00Z'))).body.status).toBe('processed');
    const row = await knex('pulse_oncall_page').where('id', 'pagerduty:P1').first();
    expect({ ...row, triggered_at: Number(row.triggered_at), acknowledged_at: Number(row.acknowledged_at), resolved_at: Number(row.resolved_at), updated_at: 0 }).toEqual({
      id: 'pagerduty:P1',
      entity_ref: 'component:default/checkout',
      triggered_at: Date.parse('2026-03-02T02:00:00Z'),
      acknowledged_at: Date.parse('2026-03-02T02:07:00Z'),
      resolved_at: Date.parse('2026-03-02T02:40:00Z'),
      urgency: 'high',
      responder_ref: 'user:default/bob',
      source: 'pagerduty',
      updated_at: 0,
    });

    // A low-urgency incident pages nobody: no page row, its acknowledgement is ignored.
    const low = (eventType: string) =>
      incidentEventPayload({ eventType, incidentId: 'L1', serviceId: SERVICE, createdAt: '2026-03-03T02:00:00Z', occurredAt: '2026-03-03T02:00:00Z', urgency: 'low' });
    expect((await deliver(low('incident.triggered'))).body.status).toBe('processed');
    expect((await deliver(low('incident.acknowledged'))).body.status).toBe('ignored');
    expect(await knex('pulse_oncall_page').where('id', 'pagerduty:L1').first()).toBeUndefined();
  });

  it('parks an unmapped service and fails a payload without an incident, with the reason', async () => {
    const unmapped = await deliver(
      incidentEventPayload({ eventType: 'incident.triggered', incidentId: 'Q9', serviceId: 'PUNKNWN', createdAt: '2026-01-06T00:00:00Z', occurredAt: '2026-01-06T00:00:00Z' }),
    );
    expect(unmapped.status).toBe(202);
    expect(unmapped.body).toMatchObject({ status: 'parked', reason: 'No component has the annotation pagerduty.com/service-id: PUNKNWN' });

    const broken = await deliver({ event: { event_type: 'incident.triggered', occurred_at: '2026-01-06T00:00:00Z', data: { id: 'Q8' } } });
    expect(broken.status).toBe(202);
    expect(broken.body).toMatchObject({ status: 'failed', reason: 'Invalid PagerDuty webhook payload: event.data.service: Required' });
  });

  it('accepts the older V3 shape without data.created_at, taking occurred_at instead', async () => {
    const legacy = (eventType: string, occurredAt: string) =>
      legacyIncidentEventPayload({ eventType, incidentId: 'Q7', serviceId: SERVICE, occurredAt });
    expect((await deliver(legacy('incident.triggered', '2026-02-10T08:00:00Z'))).body.status).toBe('processed');
    expect((await deliver(legacy('incident.resolved', '2026-02-10T10:00:00Z'))).body.status).toBe('processed');
    // Started when it was triggered (08:00), the resolution's occurred_at does not move the start: 2 h to recover.
    const row = await knex('pulse_incident').where('id', 'pagerduty:Q7').first();
    expect([Number(row.created_at), Number(row.resolved_at)]).toEqual([
      Date.parse('2026-02-10T08:00:00Z'),
      Date.parse('2026-02-10T10:00:00Z'),
    ]);
  });

  it('rejects a missing or wrong signature with 401 and stores nothing', async () => {
    const payload = incidentEvent('incident.resolved', 'Q3', '2026-01-09T09:00:00Z', '2026-01-09T19:00:00Z');
    expect((await deliver(payload, body => signatureOf(body, 'guess'))).status).toBe(401);
    expect((await deliver(payload, body => signatureOf(body).replace('v1=', 'v0='))).status).toBe(401);
    expect((await deliver(payload, () => 'v1=zz')).status).toBe(401);
    const unsigned = await request(server)
      .post('/api/pulse/webhooks/pagerduty')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(payload));
    expect(unsigned.status).toBe(401);
    // Only Q1 is a change failure (see below); Q3 was never stored.
    expect((await scorecard()).body.metrics.failedDeploymentRecoveryTime.sampleSize).toBe(1);
  });

  it('serves the DORA metrics computed from the incidents', async () => {
    const { metrics } = (await scorecard()).body;
    // Q1 began 1 h after d2 (inside the 24 h attribution window); Q2 began 71 h after it: 1 of 2 deployments failed.
    expect(metrics.changeFailureRate).toMatchObject({ value: 50, sampleSize: 2 });
    // Recovery time is measured once per change failure: Q1 (2 h); Q2 is not attributed to a deployment.
    expect(metrics.failedDeploymentRecoveryTime).toMatchObject({ value: 2, sampleSize: 1 });
  });
});
