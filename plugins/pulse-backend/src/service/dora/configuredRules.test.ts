import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startPulseTestBackend, TestServer } from '../../__testUtils__/startPulseTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const ingester = mockCredentials.service.header();

const deployment = (id: string, finishedAt: string, status = 'success') => ({
  id,
  entityRef: 'component:default/checkout',
  environment: 'production',
  startedAt: finishedAt,
  finishedAt,
  status,
});

describe.each(databases.eachSupportedId())('DORA rules from pulse.dora config on %p', databaseId => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startPulseTestBackend(await databases.init(databaseId), {
      config: { pulse: { dora: { timeZone: 'Europe/Berlin', changeFailureRateDenominator: 'all', leadTimeCap: '2d' } } },
    });
    const post = (path: string, items: object[]) =>
      request(server).post(`/api/pulse${path}`).set('Authorization', ingester).send({ items });
    // Mondays 5 and 12 January at 22:30 and 23:30 UTC: in Berlin (UTC+1) Monday 23:30 and Tuesday 00:30.
    // The 23:30 deployment of the 12th failed.
    await post('/dora/deployments', [
      deployment('a', '2026-01-05T22:30:00Z'),
      deployment('b', '2026-01-05T23:30:00Z'),
      { ...deployment('c', '2026-01-12T22:30:00Z'), commits: ['recent', 'old'] },
      deployment('d', '2026-01-12T23:30:00Z', 'failure'),
    ]);
    await post('/dora/changes', [
      { id: 'recent', entityRef: 'checkout', createdAt: '2026-01-12T10:30:00Z' },
      { id: 'old', entityRef: 'checkout', createdAt: '2026-01-01T22:30:00Z' },
    ]);
  });

  it('counts deploy days, weeks and date windows in the configured zone, and every attempt in the failure rate', async () => {
    // 2026-01-05 to 2026-01-18 in Berlin: from 4 January 23:00Z to 18 January 23:00Z, two whole ISO weeks.
    const res = await request(server).get('/api/pulse/dora/entities/component/default/checkout?from=2026-01-05&to=2026-01-18');
    expect(res.status).toBe(200);
    expect(res.body.window).toMatchObject({ from: '2026-01-04T23:00:00.000Z', to: '2026-01-18T23:00:00.000Z' });
    // Week of 5 January: Monday and Tuesday (a, b); week of 12 January: Monday only (c; d failed): [2, 1] -> 1.5.
    expect(res.body.metrics.deploymentFrequency.deployDaysPerWeekMedian).toBe(1.5);
    // 'all': the failed attempt d counts in both parts: 1 / 4 = 25%.
    expect(res.body.metrics.changeFailureRate).toMatchObject({ value: 25, sampleSize: 4 });
    // Cap 2 days: 'recent' shipped after 12 h counts; 'old' (11 days) is left out and counted.
    expect(res.body.metrics.leadTimeForChanges).toMatchObject({ value: 12, sampleSize: 1, olderThanCap: 1 });
    // d has no later successful deployment yet: not recovered, so no sample.
    expect(res.body.metrics.failedDeploymentRecoveryTime).toMatchObject({ value: null, sampleSize: 0 });
  });
});
