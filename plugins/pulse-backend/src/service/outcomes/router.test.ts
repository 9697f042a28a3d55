import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { as, conversionYaml, npsDocument, service, startOutcomesBackend } from './__testUtils__/outcomesBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = '/api/pulse/outcomes/entities/component/default/checkout';
const PAYMENTS = '/api/pulse/outcomes/groups/default/payments';
const VALUES = '/api/pulse/outcomes/values';
const WRITERS = { pulse: { slo: { writers: ['external:test-service'] } } };

const value = (metric: string, timestamp: string, v: number, owner: object = { entityRef: 'component:default/checkout' }) => ({
  ...owner,
  outcome: 'checkout-conversion',
  metric,
  timestamp,
  value: v,
});
const deployment = (id: string, finishedAt: string, environment = 'production') => ({
  id,
  entityRef: 'component:default/checkout',
  environment,
  startedAt: finishedAt,
  finishedAt,
  status: 'success',
});

describe.each(databases.eachSupportedId())('outcomes API on %p', databaseId => {
  afterEach(() => jest.restoreAllMocks());

  it('stores an Outcome document PUT as YAML and answers a bad one with 400 naming the field', async () => {
    const { server } = await startOutcomesBackend(await databases.init(databaseId));
    const put = (body: unknown, id = 'checkout-conversion') => {
      const req = request(server).put(`${CHECKOUT}/outcomes/${id}`).set(as('bob'));
      return typeof body === 'string' ? req.type('application/yaml').send(body) : req.send(body as object);
    };
    const created = await put(conversionYaml).expect(201);
    expect(created.body).toMatchObject({
      ownerRef: 'component:default/checkout',
      id: 'checkout-conversion',
      source: 'api',
      document: { spec: { keyResult: { baseline: 2, target: 3, direction: 'up', due: '2026-12-12' } } },
    });
    await put(conversionYaml).expect(200);

    const fieldsOf = async (body: unknown, id?: string) => {
      const res = await put(body, id);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    // 'up' with a target below the baseline contradicts itself.
    expect(await fieldsOf(conversionYaml.replace('target: 3.0', 'target: 1.5'))).toEqual(['spec.keyResult.target']);
    // A due date before the start.
    expect(await fieldsOf(conversionYaml.replace('due: 2026-12-12', 'due: 2026-10-01'))).toEqual(['spec.keyResult.due']);
    // No customer signal, and a direction that is neither up nor down.
    const { customerSignal: _left, ...withoutSignal } = npsDocument.spec;
    expect(await fieldsOf({ ...npsDocument, spec: withoutSignal }, 'team-nps')).toEqual(['spec.customerSignal']);
    expect(await fieldsOf(conversionYaml.replace('direction: down', 'direction: sideways'))).toEqual([
      'spec.customerSignal.direction',
    ]);
    // The name in the document must be the path's id.
    expect(await fieldsOf(conversionYaml, 'another-id')).toEqual(['metadata.name']);
  });

  it('takes pushed values idempotently and refuses values of an outcome nobody defined', async () => {
    const { server } = await startOutcomesBackend(await databases.init(databaseId), WRITERS);
    await request(server).put(`${CHECKOUT}/outcomes/checkout-conversion`).set(as('bob')).type('application/yaml').send(conversionYaml).expect(201);
    const batch = { items: [value('keyResult', '2026-11-03T10:00:00Z', 2.0), value('keyResult', '2026-11-05T10:00:00Z', 2.2)] };
    expect((await request(server).post(VALUES).set(service).send(batch).expect(200)).body).toEqual({ accepted: 2 });
    expect((await request(server).post(VALUES).set(service).send(batch).expect(200)).body).toEqual({ accepted: 2 });

    const bad = await request(server)
      .post(VALUES)
      .set(service)
      .send({
        items: [
          value('keyResult', '2026-11-06T10:00:00Z', 2.3),
          { ...value('keyResult', '2026-11-06T10:00:00Z', 2.3), outcome: 'typo' },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ index: 1, path: 'items.1.outcome' })]);
    const both = await request(server)
      .post(VALUES)
      .set(service)
      .send({ items: [value('keyResult', '2026-11-06T10:00:00Z', 2.3, { entityRef: 'checkout', groupRef: 'payments' })] });
    expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.0.entityRef']);
    const notANumber = await request(server).post(VALUES).set(service).send({ items: [{ ...value('keyResult', '2026-11-06T10:00:00Z', 0), value: 'high' }] });
    expect(notANumber.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.0.value']);

    // Nothing of the rejected batches was stored: the week of 11-02 still holds the two first values, mean 2.1.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-08T12:00:00Z'));
    const read = await request(server).get(`${CHECKOUT}?weeks=1`).set(as('ada')).expect(200);
    expect(read.body.outcomes[0].keyResult.weekly[0]).toBeCloseTo(2.1, 9);
  });

  it('answers progress, on track, weekly series and deployments per week for an entity and its team', async () => {
    const { server } = await startOutcomesBackend(await databases.init(databaseId), WRITERS);
    await request(server).put(`${CHECKOUT}/outcomes/checkout-conversion`).set(as('bob')).type('application/yaml').send(conversionYaml).expect(201);
    await request(server).put(`${PAYMENTS}/outcomes/team-nps`).set(as('bob')).send(npsDocument).expect(201);
    await request(server)
      .post(VALUES)
      .set(service)
      .send({
        items: [
          value('keyResult', '2026-11-03T10:00:00Z', 2.0),
          value('keyResult', '2026-11-05T10:00:00Z', 2.2),
          value('keyResult', '2026-11-10T10:00:00Z', 2.3),
          value('keyResult', '2026-11-12T10:00:00Z', 2.5),
          value('keyResult', '2026-11-17T00:00:00Z', 2.4),
          value('customerSignal', '2026-11-04T10:00:00Z', 30),
          value('customerSignal', '2026-11-10T10:00:00Z', 26),
          value('customerSignal', '2026-11-12T10:00:00Z', 24),
          { groupRef: 'payments', outcome: 'team-nps', metric: 'keyResult', timestamp: '2026-11-16T00:00:00Z', value: 35 },
        ],
      })
      .expect(200);
    await request(server)
      .post('/api/pulse/dora/deployments')
      .set(service)
      .send({
        items: [
          deployment('d1', '2026-11-10T09:00:00Z'),
          deployment('d2', '2026-11-11T09:00:00Z'),
          deployment('d3', '2026-11-17T09:00:00Z'),
          deployment('d4', '2026-11-17T10:00:00Z', 'staging'),
        ],
      })
      .expect(200);

    // Wednesday 2026-11-18 12:00Z; three ISO weeks (UTC, the DORA default zone): 11-02, 11-09 and 11-16 to now.
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-18T12:00:00Z'));
    const entity = await request(server).get(`${CHECKOUT}?weeks=3`).set(as('ada')).expect(200);
    expect(entity.body.window).toEqual({ from: '2026-11-02T00:00:00.000Z', to: '2026-11-18T12:00:00.000Z' });
    // Production deployments per week: none, d1 and d2, d3 (d4 went to staging).
    expect(entity.body.weeks).toEqual([
      { start: '2026-11-02T00:00:00.000Z', end: '2026-11-09T00:00:00.000Z', deployments: 0 },
      { start: '2026-11-09T00:00:00.000Z', end: '2026-11-16T00:00:00.000Z', deployments: 2 },
      { start: '2026-11-16T00:00:00.000Z', end: '2026-11-18T12:00:00.000Z', deployments: 1 },
    ]);
    const [conversion] = entity.body.outcomes;
    // Weekly means: (2.0 + 2.2) / 2 = 2.1, (2.3 + 2.5) / 2 = 2.4, 2.4. Tickets: 30, (26 + 24) / 2 = 25, none.
    expect(conversion.keyResult.weekly.map((v: number) => Number(v.toFixed(9)))).toEqual([2.1, 2.4, 2.4]);
    expect(conversion.customerSignal.weekly).toEqual([30, 25, null]);
    expect(conversion.keyResult.current).toEqual({ value: 2.4, at: '2026-11-17T00:00:00.000Z' });
    expect(conversion.customerSignal.current).toEqual({ value: 24, at: '2026-11-12T10:00:00.000Z' });
    // Progress (2.4 - 2.0) / (3.0 - 2.0) = 40%. On 11-17, day 15 of the 40 from 11-02 to 12-12, the line expects
    // 15 / 40 = 37.5%: on track.
    expect(conversion.progressPercent).toBeCloseTo(40, 9);
    expect(conversion.expectedPercent).toBeCloseTo(37.5, 9);
    expect(conversion.status).toBe('on-track');
    expect(entity.body.summary.sentence).toBe('1 of 1 outcome on track');

    // The team: its own NPS outcome (35 on 11-16, after the 11-12 due date: (35 - 30) / (50 - 30) = 25% of the
    // 100% expected: behind) and checkout's, beside checkout's deployments.
    const team = await request(server).get(`${PAYMENTS}?weeks=3`).set(as('ada')).expect(200);
    expect(team.body.outcomes.map((o: any) => [o.ownerRef, o.id, o.status, o.progressPercent])).toEqual([
      ['component:default/checkout', 'checkout-conversion', 'on-track', expect.closeTo(40, 9)],
      ['group:default/payments', 'team-nps', 'behind', 25],
    ]);
    expect(team.body.weeks.map((w: { deployments: number }) => w.deployments)).toEqual([0, 2, 1]);
    expect(team.body.summary).toEqual({ total: 2, onTrack: 1, behind: 1, noData: 0, sentence: '1 of 2 outcomes on track' });

    // The teams' column: payments 1 of 2, search and platform none.
    const teams = await request(server).get('/api/pulse/outcomes/groups').set(as('ada')).expect(200);
    expect(teams.body.teams.map((t: any) => [t.groupRef, t.sentence])).toEqual([
      ['group:default/payments', '1 of 2 outcomes on track'],
      ['group:default/platform', 'No outcomes defined'],
      ['group:default/search', 'No outcomes defined'],
    ]);

    expect((await request(server).get('/api/pulse/outcomes/groups/default/nobody').set(as('ada'))).status).toBe(404);
    expect((await request(server).get(`${CHECKOUT}?weeks=0`).set(as('ada'))).body.errors[0].path).toBe('weeks');
  });
});
