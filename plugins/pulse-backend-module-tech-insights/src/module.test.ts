import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import pulsePlugin from '@pulse/plugin-pulse-backend';
import request from 'supertest';
import pulseTechInsightsModule from '.';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const HOUR = 3_600_000;
const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
});
const service = { Authorization: mockCredentials.service.header() };

/** A 28-day rolling 99% availability SLO (Occurrences), as OpenSLO. */
const slo = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'availability' },
  spec: {
    budgetingMethod: 'Occurrences',
    timeWindow: [{ duration: '28d', isRolling: true }],
    indicator: {
      metadata: { name: 'http-success' },
      spec: {
        ratioMetric: {
          good: { metricSource: { type: 'Prometheus', spec: { query: 'good' } } },
          total: { metricSource: { type: 'Prometheus', spec: { query: 'total' } } },
        },
      },
    },
    objectives: [{ displayName: '99%', target: 0.99 }],
  },
};

describe.each(databases.eachSupportedId())('Pulse facts in the Tech Insights backend on %p', databaseId => {
  it("stores each Component's Pulse facts, leaving out what Pulse cannot state", async () => {
    // Each plugin on its own database, as in a real backend (both keep a knex_migrations table).
    const knexes = { pulse: await databases.init(databaseId), 'tech-insights': await databases.init(databaseId) };
    const database = createServiceFactory({
      service: coreServices.database,
      deps: { plugin: coreServices.pluginMetadata },
      factory: ({ plugin }) => ({ getClient: async () => knexes[plugin.getId() as keyof typeof knexes] }),
    });
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        pulsePlugin,
        techInsightsPlugin,
        pulseTechInsightsModule,
        scheduler.factory,
        database,
        catalogServiceMock.factory({ entities: [component('checkout'), component('search-api')] }),
        mockServices.rootConfig.factory({
          data: { techInsights: { factRetrievers: { pulseFactRetriever: { cadence: '*/30 * * * *' } } } },
        }),
      ],
    });

    const now = Date.now();
    await request(server).put('/api/pulse/slo/entities/component/default/checkout/slos/availability').send(slo).expect(201);
    const sample = (ago: number, good: number, total: number) => ({
      entityRef: 'component:default/checkout',
      slo: 'availability',
      timestamp: new Date(now - ago).toISOString(),
      good,
      total,
    });
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(48 * HOUR, 0, 0), sample(2 * HOUR, 9_950, 10_000)] })
      .expect(200);

    // What the scheduler would run on the retriever's cadence.
    const task = scheduler.scheduleTask.mock.calls.map(([t]) => t).find(t => t.id === 'pulseFactRetriever');
    expect(task).toBeDefined();
    await task!.fn(new AbortController().signal);

    const latest = (entity: string) =>
      request(server).get('/api/tech-insights/facts/latest').query({ entity, 'ids[]': 'pulseFactRetriever' });
    const checkout = await latest('component:default/checkout');
    expect(checkout.status).toBe(200);
    expect(checkout.body.pulseFactRetriever.facts).toMatchObject({
      pulseHasSlo: true,
      // 50 bad of 10,000 against 1% = 100 allowed: half the budget left.
      pulseErrorBudgetRemaining: 0.5,
    });
    // No survey round for checkout, no deployments (no tier, no failure rate): left out, never a made-up value.
    expect(checkout.body.pulseFactRetriever.facts).not.toHaveProperty('pulseChangeFailureRate');
    expect(checkout.body.pulseFactRetriever.facts).not.toHaveProperty('pulseSurveySatisfaction');
    expect(checkout.body.pulseFactRetriever.facts).not.toHaveProperty('pulseDoraTier');
    expect(['allow', 'warn', 'block']).toContain(checkout.body.pulseFactRetriever.facts.pulseReleaseGate);

    const search = await latest('component:default/search-api');
    expect(search.body.pulseFactRetriever.facts).toMatchObject({ pulseHasSlo: false });
    expect(search.body.pulseFactRetriever.facts).not.toHaveProperty('pulseErrorBudgetRemaining');
  });
});
