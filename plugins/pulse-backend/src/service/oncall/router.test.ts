import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startPulseTestBackend, TestServer } from '../../__testUtils__/startPulseTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const ingester = mockCredentials.service.header();
const asUser = (name: string) => mockCredentials.user.header(`user:default/${name}`);

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: `group:default/${owner}` },
  relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
});
const group = (name: string, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'team', children: [] },
});
const user = (name: string, team: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [team] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
});

/** payments (Berlin) owns checkout and has ada, bob and cy; search (no annotation: the config's UTC) owns search. */
const entities = [
  component('checkout', 'payments'),
  component('search', 'search'),
  group('payments', { 'pulse.dev/timezone': 'Europe/Berlin' }),
  group('search'),
  user('ada', 'payments'),
  user('bob', 'payments'),
  user('cy', 'payments'),
  user('dan', 'search'),
];

const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const page = (id: string, triggeredAt: string, extra: object = {}) => ({ id, entityRef: 'checkout', triggeredAt, ...extra });

/** The store test's fixture (OncallRepository.test.ts) through the API: Berlin, around the end of summer time. */
const FIXTURE = [
  page('p1', '2026-10-23T15:59:00Z', { acknowledgedAt: plus('2026-10-23T15:59:00Z', 3), responderRef: 'user:default/bob' }),
  page('p2', '2026-10-23T16:30:00Z', { acknowledgedAt: plus('2026-10-23T16:30:00Z', 10), responderRef: 'bob' }),
  page('p3', '2026-10-24T21:30:00Z', { resolvedAt: plus('2026-10-24T21:30:00Z', 4), responderRef: 'user:default/ada' }),
  page('p4', '2026-10-25T01:30:00Z', { acknowledgedAt: plus('2026-10-25T01:30:00Z', 1), responderRef: 'bob' }),
  page('p5', '2026-10-25T22:30:00Z', { resolvedAt: plus('2026-10-25T22:30:00Z', 6) }),
  page('p6', '2026-10-26T06:30:00Z', { acknowledgedAt: plus('2026-10-26T06:30:00Z', 20), responderRef: 'ada' }),
  page('p7', '2026-10-27T10:00:00Z', { urgency: 'low', responderRef: 'ada' }),
  page('p8', '2026-10-28T12:00:00Z', { acknowledgedAt: plus('2026-10-28T12:00:00Z', 5), resolvedAt: plus('2026-10-28T12:00:00Z', 5), responderRef: 'bob' }),
  page('p9', '2026-11-01T23:00:00Z', { responderRef: 'bob' }),
  page('p10', '2026-10-18T21:59:00Z', { responderRef: 'bob' }),
  page('p11', '2026-10-29T21:00:00Z', { entityRef: 'component:default/search', responderRef: 'bob', source: 'pagerduty' }),
];

// Dates are read in the team's zone: Monday 10-19 00:00 CEST to the end of Sunday 11-01 (11-02 00:00 CET).
const WINDOW = '?from=2026-10-19&to=2026-11-01';

describe.each(databases.eachSupportedId())('on-call API on %p', databaseId => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startPulseTestBackend(await databases.init(databaseId), {
      entities,
      config: { pulse: { oncall: { timeZone: 'Europe/Berlin' } } },
    });
  });

  const post = (items: object[], authorization = ingester) =>
    request(server).post('/api/pulse/oncall/pages').set('Authorization', authorization).send({ items });

  it('refuses pages from a signed-in user with 403 and stores nothing', async () => {
    const res = await post(FIXTURE, asUser('bob'));
    expect(res.status).toBe(403);
    const health = await request(server).get(`/api/pulse/oncall/groups/default/payments${WINDOW}`).set('Authorization', asUser('ada'));
    expect(health.body.pages).toBe(0);
  });

  it('answers a bad item with 400 naming its field', async () => {
    const res = await post([
      page('x1', '2026-10-20T10:00:00Z', { acknowledgedAt: '2026-10-20T09:00:00Z' }),
      page('x2', '2026-10-20T10:00:00Z', { responderRef: 'group:default/payments', urgency: 'urgent' }),
    ]);
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['items.0.acknowledgedAt', 'items.1.responderRef', 'items.1.urgency']);
  });

  it('accepts a batch from a service, counting distinct pages', async () => {
    const res = await post(FIXTURE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 11 });
  });

  it('serves the team’s figures, read on its annotated clock', async () => {
    const res = await request(server).get(`/api/pulse/oncall/groups/default/payments${WINDOW}`).set('Authorization', asUser('dan'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ref: 'group:default/payments',
      timeZone: 'Europe/Berlin',
      window: { from: '2026-10-18T22:00:00.000Z', to: '2026-11-01T23:00:00.000Z', days: 14 },
      pages: 7,
      reading: 'warning',
    });
    const { metrics, weekly } = res.body;
    // 7 pages in 2 weeks: 3.5 a week. Week 1 (with the clock change, 14 shifts): 5 pages, 0.357 per shift; week 2: 2,
    // 0.143. Worst 0.36 (healthy), median (0.357 + 0.143) / 2 = 0.25.
    expect(metrics.pagesPerWeek.value).toBe(3.5);
    expect(metrics.pagesPerShift).toMatchObject({ value: 0.36, median: 0.25, reading: 'healthy' });
    expect(weekly.map((w: { pages: number; shifts: number }) => [w.pages, w.shifts])).toEqual([
      [5, 14],
      [2, 14],
    ]);
    // Off-hours p2-p6: 5 / 2 = 2.5 a week (above 2: warning), 5 / 7 = 71.43 %. Night p3-p5: 1.5 (warning), 42.86 %.
    expect(metrics.offHoursPagesPerWeek).toMatchObject({ value: 2.5, share: 71.43, reading: 'warning' });
    expect(metrics.nightPagesPerWeek).toMatchObject({ value: 1.5, share: 42.86, reading: 'warning' });
    // Acknowledged after [1, 3, 5, 10, 20] min: median 5 (not above 5: healthy), p90 10 + 0.6 * 10 = 16.
    expect(metrics.timeToAcknowledge).toMatchObject({ value: 5, p90: 16, reading: 'healthy', sampleSize: 5 });
    // p3 only: 1 / 7 = 14.29 %.
    expect(metrics.noise).toMatchObject({ value: 14.29, reading: 'healthy' });
    // bob 4, ada 2, cy 0: sorted [0, 2, 4], 2 * (0 + 4 + 12) / (3 * 6) - 4 / 3 = 0.444 (warning); busiest 4 / 6.
    expect(metrics.fairness).toMatchObject({ value: 0.444, busiestShare: 66.67, reading: 'warning', sampleSize: 3 });
  });

  it('serves an entity’s figures on its owning team’s clock', async () => {
    const res = await request(server).get(`/api/pulse/oncall/entities/component/default/checkout${WINDOW}`).set('Authorization', ingester);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ref: 'component:default/checkout', timeZone: 'Europe/Berlin', pages: 7 });
    // search's team has no annotation: the config's zone. Its one page (Thursday 22:00 CET) is off-hours and night.
    const search = await request(server).get(`/api/pulse/oncall/entities/component/default/search${WINDOW}`).set('Authorization', ingester);
    expect(search.body).toMatchObject({ timeZone: 'Europe/Berlin', pages: 1 });
    expect(search.body.metrics.nightPagesPerWeek.value).toBe(0.5);
  });

  it('answers 404 for a group or entity the catalog does not know', async () => {
    const groups = await request(server).get('/api/pulse/oncall/groups/default/ghosts').set('Authorization', asUser('ada'));
    const components = await request(server).get('/api/pulse/oncall/entities/component/default/ghost').set('Authorization', asUser('ada'));
    expect([groups.status, components.status]).toEqual([404, 404]);
  });

  it('shows a responder their own counts, and nobody’s counts to anyone else', async () => {
    const bob = await request(server).get(`/api/pulse/oncall/me${WINDOW}`).set('Authorization', asUser('bob'));
    // bob: p1, p2 (off-hours), p4 (off-hours, night), p8, and p11 of search (off-hours, night).
    expect(bob.body).toEqual({
      responderRef: 'user:default/bob',
      window: { from: '2026-10-18T22:00:00.000Z', to: '2026-11-01T23:00:00.000Z', days: 14 },
      timeZone: 'Europe/Berlin',
      pages: 5,
      offHoursPages: 3,
      nightPages: 2,
    });
    const ada = await request(server).get(`/api/pulse/oncall/me${WINDOW}`).set('Authorization', asUser('ada'));
    // ada: p3 (off-hours, night) and p6 (off-hours); p7 is low urgency.
    expect(ada.body).toMatchObject({ responderRef: 'user:default/ada', pages: 2, offHoursPages: 2, nightPages: 1 });
    expect(JSON.stringify(ada.body)).not.toMatch(/bob/);
    const service = await request(server).get('/api/pulse/oncall/me').set('Authorization', ingester);
    expect(service.status).toBe(403);
  });

  it('names no responder in any team or entity answer', async () => {
    for (const path of ['groups/default/payments', 'groups/default/search', 'entities/component/default/checkout', 'entities/component/default/search']) {
      const res = await request(server).get(`/api/pulse/oncall/${path}${WINDOW}`).set('Authorization', asUser('cy'));
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/user:|\bbob\b|\bada\b|\bcy\b|\bdan\b/);
    }
  });

  it('keeps the first stored facts when a page is sent again, and fills only what was empty', async () => {
    // p2 again with another acknowledgement and responder; p5 (never acknowledged) now acknowledged by ada after 2 min.
    const res = await post([
      page('p2', '2026-10-23T16:30:00Z', { acknowledgedAt: plus('2026-10-23T16:30:00Z', 1), responderRef: 'ada' }),
      page('p5', '2026-10-25T22:30:00Z', { acknowledgedAt: plus('2026-10-25T22:30:00Z', 2), responderRef: 'ada' }),
    ]);
    expect(res.body).toEqual({ accepted: 2 });
    const { body } = await request(server).get(`/api/pulse/oncall/groups/default/payments${WINDOW}`).set('Authorization', asUser('ada'));
    expect(body.pages).toBe(7);
    // [1, 2, 3, 5, 10, 20]: median (3 + 5) / 2 = 4. bob 4, ada 3, cy 0: sorted [0, 3, 4], 2 * (0 + 6 + 12) / (3 * 7)
    // - 4 / 3 = 36/21 - 28/21 = 0.381.
    expect(body.metrics.timeToAcknowledge).toMatchObject({ value: 4, sampleSize: 6 });
    expect(body.metrics.fairness.value).toBe(0.381);
  });
});
