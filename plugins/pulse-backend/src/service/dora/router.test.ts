import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { pulsePlugin } from '../../plugin';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const at = (dayTime: string) => `2026-01-${dayTime}:00Z`;
const WINDOW = '?from=2026-01-01&to=2026-01-14';
const ingester = mockCredentials.service.header();

const component = (name: string, owner: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const group = (name: string, type: string, children: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title: name[0].toUpperCase() + name.slice(1) },
  spec: { type, children },
});

const entities: Entity[] = [
  component('checkout', 'group:default/payments'),
  component('payments-api', 'payments', { 'pulse.dev/service-id': 'payments' }),
  component('mobile-app', 'group:default/mobile'),
  group('engineering', 'department', ['payments', 'mobile', 'platform']),
  group('payments', 'team'),
  group('mobile', 'team'),
  group('platform', 'team'),
];

const deployment = (id: string, finished: string, status: string, commits: string[], extra = {}) => ({
  id,
  entityRef: 'component:default/checkout',
  environment: 'production',
  startedAt: at(finished.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) - 1).padStart(2, '0')}`)),
  finishedAt: at(finished),
  status,
  commits,
  ...extra,
});

/** A CDEvent in the shape of the CDEvents conformance examples. */
const cdevent = (type: string, id: string, timestamp: string, subject: object, customData?: object) => ({
  context: { version: '0.4.0', id, source: '/ci/pipeline', type, timestamp: at(timestamp) },
  subject: { source: '/ci/pipeline', ...subject },
  ...(customData ? { customData } : {}),
});

describe.each(databases.eachSupportedId())('DORA API on %p', databaseId => {
  let server: any;

  beforeAll(async () => {
    const knex = await databases.init(databaseId);
    ({ server } = await startTestBackend({
      features: [
        pulsePlugin,
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    }));
  });

  const post = (path: string, body: unknown) =>
    request(server).post(`/api/pulse${path}`).set('Authorization', ingester).send(body as object);

  it('ingests the JSON event set: a retried duplicate, an update and an unlinked incident', async () => {
    const deployments = [
      deployment('d1', '02T10:00', 'success', ['c1', 'c2']),
      deployment('d2', '03T10:00', 'success', ['c3']),
      deployment('d3', '05T10:00', 'failure', ['c4']),
      deployment('d4', '05T12:00', 'success', ['c4'], { rework: true }),
      deployment('d5', '09T10:00', 'success', ['c5']),
      deployment('d6', '10T10:00', 'success', ['c6'], { environment: 'staging' }),
      deployment('d7', '12T10:00', 'success', ['c6']),
    ];
    expect((await post('/dora/deployments', { items: deployments })).body).toEqual({ accepted: 7 });
    // The webhook retries d5: replaced, not counted twice.
    expect((await post('/dora/deployments', { items: [deployments[4], deployments[4]] })).body).toEqual({
      accepted: 1,
    });

    const change = (id: string, created: string) => ({
      id,
      entityRef: 'component:default/checkout',
      createdAt: at(created),
    });
    const changes = await post('/dora/changes', {
      items: [
        change('c1', '01T10:00'),
        change('c2', '02T04:00'),
        change('c3', '03T08:00'),
        change('c4', '04T10:00'),
        change('c5', '09T09:00'),
        change('c6', '08T10:00'),
      ],
    });
    expect(changes.status).toBe(200);

    const incident = (id: string, created: string, extra = {}) => ({
      id,
      entityRef: 'checkout',
      createdAt: at(created),
      ...extra,
    });
    await post('/dora/incidents', {
      items: [
        incident('i1', '03T12:00', { deploymentId: 'd2', resolvedAt: at('03T13:30') }),
        incident('i2', '09T20:00'),
        // 48 hours after the last deployment: outside the 24-hour attribution window.
        incident('i3', '14T10:00', { resolvedAt: at('14T11:00') }),
      ],
    });
    // i2 is resolved later: same id, updated.
    const update = await post('/dora/incidents', { items: [incident('i2', '09T20:00', { resolvedAt: at('10T00:00') })] });
    expect(update.body).toEqual({ accepted: 1 });
  });

  it('computes the hand-computed metrics and tiers of the entity', async () => {
    const res = await request(server).get(`/api/pulse/dora/entities/component/default/checkout${WINDOW}`);
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    expect(res.body.window).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-01-15T00:00:00.000Z', days: 14 });
    expect(res.body.deployments).toBe(6);
    // Checkout's first event is d1, 2 January 10:00: Pulse has data for 2 to 15 January, 13 of the 14 days.
    expect(res.body.coverage).toEqual({
      from: '2026-01-02T00:00:00.000Z',
      to: '2026-01-15T00:00:00.000Z',
      firstEventAt: '2026-01-02T10:00:00.000Z',
      coveredDays: 13,
      windowDays: 14,
    });
    expect(res.body.metrics).toEqual({
      // 5 successful production deployments in the 13 covered days. Thursday 1 to Thursday 15 January holds one whole
      // ISO week (5-11 January) with 2 deploy days (5th, 9th): median 2, high. January is cut, so it counts: 5 deploy
      // days (2nd, 3rd, 5th, 9th, 12th).
      deploymentFrequency: {
        value: 5 / 13,
        unit: 'deployments/day',
        tier: 'high',
        sampleSize: 5,
        deployDaysPerWeekMedian: 2,
        deployDaysPerMonthMedian: 5,
      },
      // lead times 1, 2, 6, 24, 26, 96 h -> median 15 h (elite), p90 26 + 0.5 * 70 = 61 h
      leadTimeForChanges: { value: 15, unit: 'hours', tier: 'elite', sampleSize: 6, p90: 61, olderThanCap: 0 },
      // (d2 named by i1 + d5 attributed from i2) / 5 successful; the failed attempt d3 is in neither part: 40%
      changeFailureRate: { value: 40, unit: 'percent', tier: 'low', sampleSize: 5 },
      // one sample per change failure: d2 (i1 12:00 -> 13:30) 1.5 h, d5 (i2 20:00 -> 00:00) 4 h -> 2.75 h.
      // i3 belongs to no deployment; d3 is no change failure with the successful denominator.
      failedDeploymentRecoveryTime: { value: 2.75, unit: 'hours', tier: 'high', sampleSize: 2 },
      reworkRate: { value: 100 / 6, unit: 'percent', tier: null, sampleSize: 6 },
    });
    // [high, elite, low, high] -> the worse middle tier: high
    expect(res.body.tier).toBe('high');
    expect(res.body.insufficientData).toBe(false);
    // The calendar weeks of the window: Thu 1-Sun 4 (4 days), 5-11, Mon 12-Wed 14 (3 days).
    expect(res.body.weekly).toEqual([
      {
        start: '2026-01-01T00:00:00.000Z',
        end: '2026-01-05T00:00:00.000Z',
        deployments: 2, // d1, d2
        deploymentsPerDay: 2 / 4,
        leadTimeHours: 6, // c1 24 h, c2 6 h, c3 2 h
        changeFailureRate: 50, // d2 of d1, d2
        recoveryTimeHours: 1.5,
        reworkRate: 0,
      },
      {
        start: '2026-01-05T00:00:00.000Z',
        end: '2026-01-12T00:00:00.000Z',
        deployments: 2, // d4, d5 (d3 failed)
        deploymentsPerDay: 2 / 7,
        leadTimeHours: 13.5, // c4 26 h, c5 1 h
        changeFailureRate: 50, // d5 of d4, d5
        recoveryTimeHours: 4,
        reworkRate: 100 / 3, // d4 of d3, d4, d5
      },
      {
        start: '2026-01-12T00:00:00.000Z',
        end: '2026-01-15T00:00:00.000Z',
        deployments: 1, // d7
        deploymentsPerDay: 1 / 3,
        leadTimeHours: 96,
        changeFailureRate: 0,
        recoveryTimeHours: null,
        reworkRate: 0,
      },
    ]);
  });

  it('ingests CDEvents: bare, structured CloudEvents, a batch and a retried duplicate', async () => {
    const deployed = cdevent(
      'dev.cdevents.service.deployed.0.2.0',
      'e1',
      '06T10:00',
      { id: 'payments', type: 'service', content: { environment: { id: 'prod' }, artifactId: 'pkg:oci/payments@sha256%3Aabc' } },
      { commits: ['abc123'] },
    );
    // Each event is stored (202), then processed while the sender waits.
    const bare = await post('/events', deployed);
    expect(bare.status).toBe(202);
    expect(bare.body.deliveries).toMatchObject([
      { source: 'cdevents', externalId: '/ci/pipeline#e1', status: 'processed', entityRef: 'component:default/payments-api', duplicate: false },
    ]);

    const cloudEvent = {
      specversion: '1.0',
      id: 'ce-2',
      source: '/ci/pipeline',
      type: 'dev.cdevents.service.upgraded.0.3.0-draft',
      time: at('07T10:00'),
      datacontenttype: 'application/json',
      data: cdevent('dev.cdevents.service.upgraded.0.3.0-draft', 'e2', '07T10:00', {
        id: 'service/payments',
        content: { environment: { id: 'Production' } },
      }),
    };
    const structured = await request(server)
      .post('/api/pulse/events')
      .set('Authorization', ingester)
      .set('Content-Type', 'application/cloudevents+json')
      .send(JSON.stringify(cloudEvent));
    expect(structured.body.deliveries).toMatchObject([{ externalId: '/ci/pipeline#ce-2', status: 'processed' }]);

    const batch = await post('/events', [
      deployed, // retried duplicate
      cdevent('dev.cdevents.service.rolledback.0.2.0', 'e3', '07T12:00', {
        id: 'payments',
        content: { environment: { id: 'prod' } },
      }),
      cdevent('dev.cdevents.incident.detected.0.2.0', 'ctx-9a', '07T11:00', {
        id: 'inc-9',
        content: { service: { id: 'payments' }, environment: { id: 'prod' }, description: 'Latency' },
      }),
      cdevent('dev.cdevents.incident.resolved.0.3.0-draft', 'ctx-9b', '07T12:30', {
        id: 'inc-9',
        content: { service: { id: 'payments' }, environment: { id: 'prod' } },
      }),
      cdevent('dev.cdevents.change.merged.0.3.0-draft', 'ctx-c', '05T10:00', {
        id: 'abc123',
        type: 'change',
        content: { repository: { id: 'acme/payments', source: 'https://example.org' } },
      }),
    ]);
    expect(batch.status).toBe(202);
    // The retried e1 is a duplicate by CloudEvent source + id: stored and counted once.
    expect(batch.body.deliveries.map((d: any) => [d.status, d.duplicate])).toEqual([
      ['processed', true],
      ['processed', false],
      ['processed', false],
      ['processed', false],
      ['processed', false],
    ]);

    const res = await request(server).get(`/api/pulse/dora/entities/component/default/payments-api${WINDOW}`);
    expect(res.body.deployments).toBe(3);
    // The first event is e1, 6 January 10:00: 9 covered days (6 to 15 January), 3 / 9 a day. The whole week 5-11
    // January holds the first event, so it counts, with deploy days 6 and 7 January: median 2.
    expect(res.body.coverage).toMatchObject({ firstEventAt: '2026-01-06T10:00:00.000Z', coveredDays: 9, windowDays: 14 });
    expect(res.body.metrics.deploymentFrequency).toMatchObject({ value: 3 / 9, tier: 'high', deployDaysPerWeekMedian: 2 });
    expect(res.body.metrics.leadTimeForChanges).toMatchObject({ value: 24, tier: 'high', sampleSize: 1 });
    // inc-9 (no deploymentId) goes to e2, the latest production deployment before it
    expect(res.body.metrics.changeFailureRate).toMatchObject({ value: 100 / 3, tier: 'low', sampleSize: 3 });
    expect(res.body.metrics.failedDeploymentRecoveryTime).toMatchObject({ value: 1.5, tier: 'high', sampleSize: 1 });
    expect(res.body.metrics.reworkRate).toMatchObject({ value: 100 / 3 });
    expect(res.body.tier).toBe('high');
  });

  it('rejects an unknown CDEvent type, naming it, and writes nothing of the batch', async () => {
    const res = await post('/events', [
      cdevent('dev.cdevents.service.deployed.0.2.0', 'e-new', '08T10:00', {
        id: 'mobile-app',
        content: { environment: { id: 'prod' } },
      }),
      cdevent('dev.cdevents.pipelinerun.finished.0.2.0', 'p1', '08T10:00', { id: 'run-1', content: {} }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("'dev.cdevents.pipelinerun.finished.0.2.0'");
    const card = await request(server).get(`/api/pulse/dora/entities/component/default/mobile-app${WINDOW}`);
    expect(card.body.deployments).toBe(0);
  });

  it('names an unknown type before anything else, even in a CloudEvent whose data is not a CDEvent', async () => {
    const res = await post('/events', {
      specversion: '1.0',
      id: 'ce-1',
      source: '/ci',
      type: 'dev.cdevents.pipelinerun.started.0.3.0',
      data: {},
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("Unsupported CDEvent type 'dev.cdevents.pipelinerun.started.0.3.0'");
  });

  it('parks an event for an unknown service, naming it, until a component carries it', async () => {
    const res = await post(
      '/events',
      cdevent('dev.cdevents.service.deployed.0.2.0', 'e-x', '08T10:00', { id: 'ghost', content: { environment: { id: 'prod' } } }),
    );
    expect(res.status).toBe(202);
    expect(res.body.deliveries).toMatchObject([{ status: 'parked', subject: 'pulse.dev/service-id: ghost' }]);
    expect(res.body.deliveries[0].reason).toContain("'ghost'");
  });

  it('says insufficient data below 2 deployments instead of inventing a tier', async () => {
    await post('/dora/deployments', {
      items: [{ ...deployment('m1', '08T10:00', 'success', []), entityRef: 'component:default/mobile-app' }],
    });
    const res = await request(server).get(`/api/pulse/dora/entities/component/default/mobile-app${WINDOW}`);
    expect(res.body).toMatchObject({ tier: null, insufficientData: true, deployments: 1 });
    // Its only event, m1 on 8 January 10:00, starts the covered part: 7 days (8 to 15 January), 1 / 7 a day.
    expect(res.body.metrics.deploymentFrequency).toMatchObject({ value: 1 / 7, tier: null, sampleSize: 1 });
  });

  it('rolls a group and its child groups up over the pooled events, with a row per entity', async () => {
    const res = await request(server).get(`/api/pulse/dora/groups/default/payments${WINDOW}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groupRef: 'group:default/payments', title: 'Payments', deployments: 9, tier: 'high' });
    // lead times 1, 2, 6, 24, 24, 26, 96 h -> median 24, p90 26 + 0.4 * 70 = 54
    expect(res.body.metrics.leadTimeForChanges).toMatchObject({ value: 24, sampleSize: 7, tier: 'high' });
    expect(res.body.metrics.leadTimeForChanges.p90).toBeCloseTo(54, 10);
    // (d2 + d5 + e2) / 8 successful
    expect(res.body.metrics.changeFailureRate).toMatchObject({ value: 37.5, tier: 'low', sampleSize: 8 });
    // d2 1.5, e2 1.5, d5 4 h -> 1.5
    expect(res.body.metrics.failedDeploymentRecoveryTime).toMatchObject({ value: 1.5, sampleSize: 3 });
    // deploy days of the whole week 5-11 January: 5th, 6th, 7th, 9th -> 4; the team's first event is checkout's d1
    // (2 January): 8 successful deployments over 13 covered days.
    expect(res.body.coverage).toMatchObject({ firstEventAt: '2026-01-02T10:00:00.000Z', coveredDays: 13 });
    expect(res.body.metrics.deploymentFrequency).toMatchObject({ value: 8 / 13, deployDaysPerWeekMedian: 4 });
    // Each component row has its own coverage: payments-api's data starts on 6 January.
    expect(res.body.entities[1].coverage).toMatchObject({ firstEventAt: '2026-01-06T10:00:00.000Z', coveredDays: 9 });
    expect(res.body.entities.map((e: any) => [e.entityRef, e.tier, e.deployments])).toEqual([
      ['component:default/checkout', 'high', 6],
      ['component:default/payments-api', 'high', 3],
    ]);

    const department = await request(server).get(`/api/pulse/dora/groups/default/engineering${WINDOW}`);
    expect(department.body.groupRefs.sort()).toEqual([
      'group:default/engineering',
      'group:default/mobile',
      'group:default/payments',
      'group:default/platform',
    ]);
    expect(department.body.deployments).toBe(10);
    expect(department.body.entities).toHaveLength(3);
  });

  it('answers 404 for a group that does not exist', async () => {
    const res = await request(server).get('/api/pulse/dora/groups/default/nobody');
    expect(res.status).toBe(404);
  });

  it('ranks the teams by tier', async () => {
    const res = await request(server).get(`/api/pulse/dora/groups${WINDOW}`);
    expect(res.status).toBe(200);
    expect(res.body.teams.map((t: any) => [t.groupRef, t.tier, t.entityCount])).toEqual([
      ['group:default/payments', 'high', 2],
      ['group:default/mobile', null, 1],
      ['group:default/platform', null, 0],
    ]);
    expect(res.body.teams[0].weekly).toHaveLength(3);
    // Payments from 2 January (13 of 14 days), Mobile from 8 January (7), Platform owns nothing: no event, 0 days.
    expect(res.body.teams.map((t: any) => [t.coverage.firstEventAt, t.coverage.coveredDays])).toEqual([
      ['2026-01-02T10:00:00.000Z', 13],
      ['2026-01-08T10:00:00.000Z', 7],
      [null, 0],
    ]);
  });

  it('validates input and names the bad field', async () => {
    const backwards = await post('/dora/deployments', {
      items: [{ ...deployment('bad', '08T10:00', 'success', []), startedAt: at('09T10:00') }],
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      { index: 0, path: 'items.0.finishedAt', message: 'must not be before startedAt' },
    ]);

    const status = await post('/dora/deployments', { items: [{ ...deployment('bad', '08T10:00', 'maybe', []) }] });
    expect(status.body.errors[0].path).toBe('items.0.status');

    const unresolvedEarly = await post('/dora/incidents', {
      items: [{ id: 'x', entityRef: 'checkout', createdAt: at('08T10:00'), resolvedAt: at('07T10:00') }],
    });
    expect(unresolvedEarly.body.errors[0].path).toBe('items.0.resolvedAt');

    for (const query of ['?from=2026-02-01&to=2026-01-01', '?from=yesterday', '?to=2026-13-45']) {
      const res = await request(server).get(`/api/pulse/dora/entities/component/default/checkout${query}`);
      expect(res.status).toBe(400);
    }
  });

  it('only lets service principals ingest', async () => {
    const res = await request(server)
      .post('/api/pulse/dora/deployments')
      .set('Authorization', mockCredentials.user.header('user:default/ada'))
      .send({ items: [deployment('u1', '08T10:00', 'success', [])] });
    expect(res.status).toBe(403);
  });
});
