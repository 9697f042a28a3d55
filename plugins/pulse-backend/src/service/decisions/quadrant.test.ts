import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { component, DAY, HOUR, sample, service, sloDocument, startDecisionsBackend, team } from './__testUtils__/decisionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const entities = [
  component('fast-ok', 'payments'),
  component('fast-burning', 'payments'),
  component('slow-ok', 'discovery'),
  component('slow-burning', 'discovery'),
  component('idle', 'discovery'),
  team('payments'),
  team('discovery'),
];

/**
 * Fast: a production deployment every day for 60 days, each shipping a change committed 2 hours before (deploy days
 * per week 7 and lead time 2 h: both elite). Slow: three deployments 20 days apart shipping changes 10 days old (no
 * deploy day in most weeks, lead time 240 h: medium).
 */
function deliveries(name: string, fast: boolean, now: number) {
  const entityRef = `component:default/${name}`;
  const days = fast ? Array.from({ length: 60 }, (_, k) => k) : [5, 25, 45];
  const leadMs = fast ? 2 * HOUR : 240 * HOUR;
  const at = (ms: number) => new Date(ms).toISOString();
  const finished = days.map(d => now - d * DAY - HOUR);
  return {
    changes: finished.map((f, i) => ({ id: `${name}-c${i}`, entityRef, createdAt: at(f - leadMs) })),
    deployments: finished.map((f, i) => ({
      id: `${name}-d${i}`,
      entityRef,
      environment: 'production',
      startedAt: at(f - 10 * 60_000),
      finishedAt: at(f),
      status: 'success',
      commits: [`${name}-c${i}`],
    })),
  };
}

describe.each(databases.eachSupportedId())('speed-vs-reliability view on %p', databaseId => {
  it('places known services in the four quadrants, per team and for the organisation', async () => {
    const { server } = await startDecisionsBackend(databases, databaseId, { entities });
    const now = Date.now();
    for (const [name, fast, good] of [
      ['fast-ok', true, 10_000],
      ['fast-burning', true, 9_800],
      ['slow-ok', false, 10_000],
      ['slow-burning', false, 9_800],
    ] as const) {
      const entityRef = `component:default/${name}`;
      const { changes, deployments } = deliveries(name, fast, now);
      await request(server).post('/api/pulse/dora/changes').set(service).send({ items: changes }).expect(200);
      await request(server).post('/api/pulse/dora/deployments').set(service).send({ items: deployments }).expect(200);
      await request(server).put(`/api/pulse/slo/entities/component/default/${name}/slos/availability`).send(sloDocument()).expect(201);
      await request(server)
        .post('/api/pulse/slo/samples')
        .set(service)
        .send({ items: [sample(entityRef, now, HOUR, good, 10_000)] })
        .expect(200);
    }

    const org = await request(server).get('/api/pulse/decisions/quadrant?days=60');
    expect(org.status).toBe(200);
    const placed = Object.fromEntries(org.body.services.map((s: any) => [s.entityRef.split('/')[1], s]));
    expect(placed['fast-ok']).toMatchObject({
      quadrant: 'ship-with-confidence',
      reading: 'Ship with confidence',
      deploymentFrequencyTier: 'elite',
      leadTimeTier: 'elite',
      leadTimeHours: 2,
      budgetRemaining: 1,
      changeFailureRatePercent: 0,
      ownerRef: 'group:default/payments',
    });
    expect(placed['fast-burning']).toMatchObject({ quadrant: 'fix-reliability', budgetRemaining: -1, fast: true, reliable: false });
    expect(placed['slow-ok']).toMatchObject({ quadrant: 'ship-more', leadTimeTier: 'medium', leadTimeHours: 240 });
    expect(placed['slow-burning']).toMatchObject({ quadrant: 'needs-help', reading: 'Needs help' });
    expect(placed.idle).toMatchObject({ quadrant: 'unknown', budgetRemaining: null, deploymentsPerDay: 0 });
    expect(org.body.counts).toEqual({
      'ship-with-confidence': 1,
      'fix-reliability': 1,
      'ship-more': 1,
      'needs-help': 1,
      unknown: 1,
    });
    expect(org.body.rule.budgetRemainingAtLeast).toBe(0.25);
    expect(org.body.satisfaction).toEqual([]);

    const payments = await request(server).get('/api/pulse/decisions/quadrant?groupRef=group:default/payments&days=60');
    expect(payments.body.groupRef).toBe('group:default/payments');
    expect(payments.body.services.map((s: any) => [s.entityRef, s.quadrant])).toEqual([
      ['component:default/fast-burning', 'fix-reliability'],
      ['component:default/fast-ok', 'ship-with-confidence'],
    ]);
    expect((await request(server).get('/api/pulse/decisions/quadrant?days=3')).status).toBe(400);
  });
});
