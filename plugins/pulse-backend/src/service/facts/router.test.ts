import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  component,
  DAY,
  HOUR,
  sample,
  service,
  sloDocument,
  startDecisionsBackend,
  team,
} from '../decisions/__testUtils__/decisionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const entities = [component('checkout', 'payments'), component('search-api', 'search'), team('payments'), team('search')];

describe.each(databases.eachSupportedId())('GET /facts/entities/... on %p', databaseId => {
  it("answers an entity's facts from its SLO report, gate preview and DORA scorecard, and writes nothing", async () => {
    const { server } = await startDecisionsBackend(databases, databaseId, { entities });
    const now = Date.now();
    await request(server).put('/api/pulse/slo/entities/component/default/checkout/slos/availability').send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(CHECKOUT, now, 2 * DAY, 0, 0), sample(CHECKOUT, now, 2 * HOUR, 9_950, 10_000)] })
      .expect(200);
    // Seven successful production deployments, one every 7 days over the last 49 days.
    const at = (ago: number) => new Date(now - ago).toISOString();
    const items = Array.from({ length: 7 }, (_, i) => ({
      id: `d-${i}`,
      entityRef: CHECKOUT,
      environment: 'production',
      startedAt: at((i * 7 + 1) * DAY + 600_000),
      finishedAt: at((i * 7 + 1) * DAY),
      status: 'success',
    }));
    await request(server).post('/api/pulse/dora/deployments').set(service).send({ items }).expect(200);

    const res = await request(server).get('/api/pulse/facts/entities/component/default/checkout').set(service);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: CHECKOUT,
      hasSlo: true,
      // 50 bad of 10,000 against 1% = 100 allowed: half the budget left.
      errorBudgetRemaining: 0.5,
      // No survey round: nothing to show.
      surveySatisfaction: null,
      // No change was ingested: no lead time, and no incident so no failed deployment: 0% failures.
      leadTimeHours: null,
      changeFailureRate: 0,
    });
    expect(['allow', 'warn', 'block']).toContain(res.body.releaseGate);
    expect(res.body.deploymentsPerWeek).toBeGreaterThan(0);

    const log = await request(server).get('/api/pulse/decisions/entities/component/default/checkout/gate-decisions').set(service);
    expect(log.body.items).toEqual([]);
  });

  it('says an entity without data has no SLO and no DORA tier', async () => {
    const { server } = await startDecisionsBackend(databases, databaseId, { entities });
    const res = await request(server).get('/api/pulse/facts/entities/component/default/search-api').set(service).expect(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/search-api',
      hasSlo: false,
      errorBudgetRemaining: null,
      releaseGate: expect.any(String),
      doraTier: null,
      deploymentsPerWeek: 0,
      leadTimeHours: null,
      changeFailureRate: null,
      surveySatisfaction: null,
    });
  });
});
