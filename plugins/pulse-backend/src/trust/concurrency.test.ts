import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  asUser,
  CHECKOUT_REF,
  ingester,
  Knex,
  seedTrustFixtures,
  SLO_NAME,
  startTrustBackend,
  TestServer,
} from './__testUtils__/trustBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MINUTE = 60_000;
const CLIENTS = 9;

/** Items `from` to `to` - 1, every client's slice in its own order so that row locks are taken in different orders. */
function slice<T>(make: (i: number) => T, from: number, to: number, client: number): T[] {
  const items = Array.from({ length: to - from }, (_, k) => make(from + k));
  return client % 2 === 0 ? items : items.reverse();
}

/** Nine clients post overlapping slices of 0..599 (each 200 wide, 50 apart) at once, then one of them retries. */
async function postOverlapping<T>(server: TestServer, path: string, make: (i: number) => T) {
  const post = (client: number) =>
    request(server)
      .post(`/api/pulse${path}`)
      .set('Authorization', ingester)
      .send({ items: slice(make, client * 50, client * 50 + 200, client) });
  const responses = await Promise.all(Array.from({ length: CLIENTS }, (_, client) => post(client)));
  responses.push(await post(3));
  return responses.map(res => [res.status, res.body.accepted ?? res.body]);
}

const ALL_ACCEPTED = Array.from({ length: CLIENTS + 1 }, () => [200, 200]);

describe.each(databases.eachSupportedId())('concurrent and retried ingestion on %p', databaseId => {
  let knex: Knex;
  let server: TestServer;
  let roundId: number;
  const start = Date.now() - 24 * 60 * MINUTE;

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    server = await startTrustBackend(knex);
    ({ roundId } = await seedTrustFixtures(server));
  });

  const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0].n);

  it('stores every SLI sample of overlapping parallel batches exactly once', async () => {
    const sample = (i: number) => ({
      entityRef: CHECKOUT_REF,
      slo: SLO_NAME,
      timestamp: new Date(start + i * MINUTE).toISOString(),
      good: i % 7,
      total: 10,
    });
    expect(await postOverlapping(server, '/slo/samples', sample)).toEqual(ALL_ACCEPTED);
    const [sums] = await knex('pulse_sli_sample').sum({ good: 'good', total: 'total' }).count({ n: '*' });
    // 600 minutes: good is 0..6 repeating, 85 full cycles (85 * 21 = 1785) plus 0..4 (10) = 1795.
    expect([Number(sums.n), Number(sums.good), Number(sums.total)]).toEqual([600, 1795, 6000]);
  });

  it('stores every deployment, commit, change and incident of overlapping parallel batches exactly once', async () => {
    const at = (i: number) => new Date(start + i * MINUTE).toISOString();
    const deployment = (i: number) => ({
      id: `deploy-${i}`,
      entityRef: CHECKOUT_REF,
      environment: 'production',
      startedAt: at(i),
      finishedAt: at(i + 1),
      status: 'success',
      commits: [`sha-${i}`, `sha-${i + 1}`],
    });
    const change = (i: number) => ({ id: `sha-${i}`, entityRef: CHECKOUT_REF, createdAt: at(i - 30), mergedAt: at(i) });
    const incident = (i: number) => ({ id: `inc-${i}`, entityRef: CHECKOUT_REF, createdAt: at(i), resolvedAt: at(i + 5) });

    // Changes first and last, so that deployments and changes race to set first_deployed_at.
    const [changes, deployments, incidents] = await Promise.all([
      postOverlapping(server, '/dora/changes', change),
      postOverlapping(server, '/dora/deployments', deployment),
      postOverlapping(server, '/dora/incidents', incident),
    ]);
    expect({ changes, deployments, incidents }).toEqual({
      changes: ALL_ACCEPTED,
      deployments: ALL_ACCEPTED,
      incidents: ALL_ACCEPTED,
    });
    expect({
      deployments: await count('pulse_deployment'),
      commits: await count('pulse_deployment_commit'),
      changes: await count('pulse_change'),
      incidents: await count('pulse_incident'),
    }).toEqual({ deployments: 600, commits: 1200, changes: 600, incidents: 600 });
    // sha-i ships first with deploy-(i-1) (finished at i) for i >= 1; sha-0 only with deploy-0 (finished at 1).
    const firstDeployed = await knex('pulse_change').whereNull('first_deployed_at').count({ n: '*' });
    expect(Number(firstDeployed[0].n)).toBe(0);
    const sha10 = await knex('pulse_change').where('id', 'sha-10').first('first_deployed_at');
    expect(Number(sha10.first_deployed_at)).toBe(start + 10 * MINUTE);
  });

  it('takes one survey response per user when the same answer is sent ten times at once', async () => {
    const answers = { satisfaction: 4, nps: 9, 'ease-of-shipping': 4, 'feedback-speed': 3, documentation: 2 };
    const more = { 'cognitive-load': 4, 'focus-time': 3, 'on-call': 5 };
    const submit = () =>
      request(server)
        .post(`/api/pulse/surveys/rounds/${roundId}/responses`)
        .set('Authorization', asUser('bob'))
        .send({ entityRef: CHECKOUT_REF, answers: { ...answers, ...more } });
    const statuses = (await Promise.all(Array.from({ length: 10 }, submit))).map(res => res.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    // One participation row and one answer: below minRespondents it waits in the pending pool, not yet released.
    const answersStored = (await count('pulse_survey_pending')) + (await count('pulse_survey_response'));
    expect([await count('pulse_survey_participation'), answersStored]).toEqual([1, 1]);
  });
});
