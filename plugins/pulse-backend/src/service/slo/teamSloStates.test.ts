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

const entities = [
  component('healthy', 'payments'),
  component('burning', 'payments'),
  component('no-slo', 'payments'),
  component('web', 'payments-web'),
  component('elsewhere', 'discovery'),
  { ...team('payments'), metadata: { name: 'payments', namespace: 'default', title: 'Payments' }, spec: { type: 'team', children: ['payments-web'] } },
  team('payments-web'),
  team('discovery'),
];

describe.each(databases.eachSupportedId())('GET /slo/groups/:namespace/:name on %p', databaseId => {
  it("answers every service of the team and its child teams with worst status, budget left and gate decision", async () => {
    const { server } = await startDecisionsBackend(databases, databaseId, { entities });
    const now = Date.now();
    // Two samples, two days apart, so the window holds more than the 1-day minimum and the newest is fresh.
    // healthy: 20,000 good of 20,000 -> budget left 100%, OK, allow.
    // burning: 19,000 good of 20,000 = 5% errors against a 1% budget -> 1 - 5 = -4 (-400%): BREACHED, block.
    for (const [name, good] of [
      ['healthy', 10_000],
      ['burning', 9_000],
      ['web', 10_000],
    ] as const) {
      const entityRef = `component:default/${name}`;
      await request(server).put(`/api/pulse/slo/entities/component/default/${name}/slos/availability`).send(sloDocument()).expect(201);
      await request(server)
        .post('/api/pulse/slo/samples')
        .set(service)
        .send({ items: [sample(entityRef, now, 2 * DAY, 10_000, 10_000), sample(entityRef, now, HOUR, good, 10_000)] })
        .expect(200);
    }

    const res = await request(server).get('/api/pulse/slo/groups/default/payments');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groupRef: 'group:default/payments', title: 'Payments' });
    const rows = Object.fromEntries(res.body.services.map((s: any) => [s.entityRef.split('/')[1], s]));
    // The child team's service is included, another team's is not.
    expect(Object.keys(rows).sort()).toEqual(['burning', 'healthy', 'no-slo', 'web']);
    expect(rows.healthy).toMatchObject({ worstStatus: 'OK', budgetRemaining: 1, decision: 'allow', objectives: 1 });
    expect(rows.burning).toMatchObject({ worstStatus: 'BREACHED', decision: 'block', objectives: 1 });
    expect(rows.burning.budgetRemaining).toBeCloseTo(-4, 6);
    expect(rows['no-slo']).toMatchObject({ worstStatus: null, budgetRemaining: null, objectives: 0 });

    // Each row reads through the same evaluation as the service's own SLO card.
    const card = await request(server).get('/api/pulse/slo/entities/component/default/no-slo');
    expect(rows['no-slo'].decision).toBe(card.body.releaseGate.decision);
  });

  it('answers 404 for a group the catalog does not know', async () => {
    const { server } = await startDecisionsBackend(databases, databaseId, { entities });
    const res = await request(server).get('/api/pulse/slo/groups/default/nobody');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('group:default/nobody');
  });
});
