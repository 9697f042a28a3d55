import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The module is tested inside the plugin it extends.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import pulsePlugin from '@pulse/plugin-pulse-backend';
import { existsSync } from 'fs';
import request from 'supertest';
import { pulseModulePrometheus } from './module';
import { openMetricsOfCounter, PROMETHEUS_BINARY, startTestPrometheus, TestPrometheus } from './testUtils/testPrometheus';

jest.setTimeout(60_000);

const MIN = 60_000;
const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const prometheusInstalled = existsSync(PROMETHEUS_BINARY);
if (!prometheusInstalled && !process.env.CI) {
  // eslint-disable-next-line no-console
  console.warn(`Skipping the Prometheus SLI source test: ${PROMETHEUS_BINARY} is missing (apt-get install prometheus)`);
}
const describeWithPrometheus = prometheusInstalled || process.env.CI ? describe : describe.skip;

/**
 * 171 one-minute scrapes ending 10 minutes ago: 100 requests a minute, 10 a minute of them failing in minutes 60-70.
 * Counted: 170 minutes x 100 = 17,000 requests, 10 x 10 = 100 failed, 16,900 good.
 */
function requestCounters(now: number): string {
  const first = Math.floor(now / MIN) * MIN - 180 * MIN;
  const minutes = Array.from({ length: 171 }, (_, i) => i);
  const failed = (i: number) => 10 * Math.min(10, Math.max(0, i - 60));
  return openMetricsOfCounter('pulse_test_requests', [
    { labels: { code: '200' }, samples: minutes.map(i => [first + i * MIN, 100 * i - failed(i)]) },
    { labels: { code: '500' }, samples: minutes.map(i => [first + i * MIN, failed(i)]) },
  ]);
}

const prometheusSource = (query: string, metricSourceRef?: string) => ({
  metricSource: { type: 'Prometheus', ...(metricSourceRef ? { metricSourceRef } : {}), spec: { query } },
});

const slo = (name: string, ratioMetric: object) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    service: 'checkout',
    indicator: { metadata: { name: `${name}-sli` }, spec: { ratioMetric } },
    timeWindow: [{ duration: '1d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ displayName: '99% of requests succeed', target: 0.99 }],
  },
});

const entities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/payments' },
  },
];

describeWithPrometheus('Prometheus SLI source against a real Prometheus', () => {
  let prometheus: TestPrometheus;

  beforeAll(async () => {
    prometheus = await startTestPrometheus(requestCounters(Date.now()));
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let server: any;
    // A scheduler that runs the task only when the test triggers it.
    const scheduler = mockServices.scheduler();
    const fillFromPrometheus = () => scheduler.triggerTask('pulse-sli-source-prometheus');

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startTestBackend({
        features: [
          pulsePlugin,
          pulseModulePrometheus,
          mockServices.database.factory({ knex }),
          createServiceFactory({ service: coreServices.scheduler, deps: {}, factory: () => scheduler }),
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              pulse: {
                prometheus: {
                  baseUrl: `${prometheus.baseUrl}/`,
                  sources: { main: { baseUrl: prometheus.baseUrl } },
                  step: '1m',
                },
              },
            },
          }),
        ],
      }));
    });

    const objectivesByName = async () => {
      const res = await request(server).get('/api/pulse/slo/entities/component/default/checkout');
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.slos.map((s: any) => [s.name, s.objectives[0]]));
    };

    const budgetOf = ({ counts, errorBudget, sli }: any) => ({ counts, errorBudget, sli });
    const BUDGET_FROM_PROMETHEUS = {
      counts: { good: 16_900, total: 17_000, unit: 'events' },
      // 1% of 17,000 = 170 bad requests allowed; 100 spent, 70 left.
      errorBudget: { total: 170, consumed: 100, remaining: 70, remainingFraction: expect.closeTo(70 / 170, 9), unit: 'events' },
      sli: expect.closeTo(16_900 / 17_000, 9),
    };

    it('fills good/total and bad/total counter SLOs and serves the budget computed from them', async () => {
      const put = (body: object) =>
        request(server)
          .put(`/api/pulse/slo/entities/component/default/checkout/slos/${(body as any).metadata.name}`)
          .send(body);
      const goodTotal = slo('availability', {
        counter: true,
        good: prometheusSource('sum(pulse_test_requests_total{code="200"})'),
        total: prometheusSource('sum(pulse_test_requests_total)'),
      });
      const badTotal = slo('errors', {
        counter: true,
        bad: prometheusSource('sum(pulse_test_requests_total{code=~"5.."})', 'main'),
        total: prometheusSource('sum(pulse_test_requests_total)', 'main'),
      });
      expect((await put(goodTotal)).status).toBe(201);
      expect((await put(badTotal)).status).toBe(201);

      await fillFromPrometheus();
      const objectives = await objectivesByName();
      expect(budgetOf(objectives.availability)).toEqual(BUDGET_FROM_PROMETHEUS);
      expect(budgetOf(objectives.errors)).toEqual(BUDGET_FROM_PROMETHEUS);
    });

    it('resumes from the latest stored sample without counting an interval twice', async () => {
      // Each run re-fetches from the latest stored sample: the overlap replaces itself.
      await fillFromPrometheus();
      await fillFromPrometheus();
      const objectives = await objectivesByName();
      expect(budgetOf(objectives.availability)).toEqual(BUDGET_FROM_PROMETHEUS);
      expect(budgetOf(objectives.errors)).toEqual(BUDGET_FROM_PROMETHEUS);
    });

    it('fills a Sloth-defined and a Pyrra-defined SLO over the same requests', async () => {
      // Sloth's events SLI: rates over {{.window}}, which the source reads as events per 1m step.
      const sloth = {
        apiVersion: 'sloth.slok.dev/v1',
        kind: 'PrometheusServiceLevel',
        metadata: { name: 'checkout' },
        spec: {
          service: 'checkout',
          slos: [
            {
              name: 'sloth-requests',
              objective: 99,
              sli: {
                events: {
                  errorQuery: 'sum(rate(pulse_test_requests_total{code=~"5.."}[{{.window}}]))',
                  totalQuery: 'sum(rate(pulse_test_requests_total[{{.window}}]))',
                },
              },
              alerting: { name: 'CheckoutErrors' },
            },
          ],
        },
      };
      // Pyrra's ratio indicator: counter selectors, which Pulse wraps in increase(...[{{.window}}]).
      const pyrra = {
        apiVersion: 'pyrra.dev/v1alpha1',
        kind: 'ServiceLevelObjective',
        metadata: { name: 'pyrra-requests' },
        spec: {
          target: '99',
          window: '1d',
          indicator: {
            ratio: {
              errors: { metric: 'pulse_test_requests_total{code=~"5.."}' },
              total: { metric: 'pulse_test_requests_total' },
            },
          },
        },
      };
      const entity = '/api/pulse/slo/entities/component/default/checkout/slos';
      expect((await request(server).put(`${entity}/sloth-requests`).send(sloth)).status).toBe(201);
      expect((await request(server).put(`${entity}/pyrra-requests`).send(pyrra)).status).toBe(201);

      await fillFromPrometheus();
      // The same 170 one-minute intervals as the counters above, 100 of 17,000 requests failed: the same budget at 99%.
      const objectives = await objectivesByName();
      expect(budgetOf(objectives['sloth-requests'])).toEqual(BUDGET_FROM_PROMETHEUS);
      expect(budgetOf(objectives['pyrra-requests'])).toEqual(BUDGET_FROM_PROMETHEUS);
    });
  });
});
