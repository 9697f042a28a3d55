import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { as, conversionYaml, npsDocument, service, startOutcomesBackend } from './__testUtils__/outcomesBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const ENTITY_OUTCOME = '/api/pulse/outcomes/entities/component/default/checkout/outcomes/checkout-conversion';
const GROUP_OUTCOME = '/api/pulse/outcomes/groups/default/payments/outcomes/team-nps';
const VALUES = '/api/pulse/outcomes/values';
const item = { entityRef: 'component:default/checkout', outcome: 'checkout-conversion', metric: 'keyResult', timestamp: '2026-11-03T10:00:00Z', value: 9 };

describe.each(databases.eachSupportedId())('who may change outcomes on %p', databaseId => {
  it('refuses a stranger and an unlisted service on every write, and users on the values push', async () => {
    const { server, events } = await startOutcomesBackend(await databases.init(databaseId));
    // The owners define both: bob is in payments, which owns checkout and is the team.
    await request(server).put(ENTITY_OUTCOME).set(as('bob')).type('application/yaml').send(conversionYaml).expect(201);
    await request(server).put(GROUP_OUTCOME).set(as('bob')).send(npsDocument).expect(201);

    // ada (search) is a stranger to checkout and to payments; the test token's service is listed nowhere.
    const looser = { ...npsDocument, spec: { ...npsDocument.spec, keyResult: { ...npsDocument.spec.keyResult, target: 31 } } };
    for (const who of [as('ada'), service]) {
      expect((await request(server).put(ENTITY_OUTCOME).set(who).type('application/yaml').send(conversionYaml)).status).toBe(403);
      expect((await request(server).delete(ENTITY_OUTCOME).set(who)).status).toBe(403);
      expect((await request(server).put(GROUP_OUTCOME).set(who).send(looser)).status).toBe(403);
      expect((await request(server).delete(GROUP_OUTCOME).set(who)).status).toBe(403);
      expect((await request(server).post(VALUES).set(who).send({ items: [item] })).status).toBe(403);
    }
    // Users may not push values, not even the owners or the platform team.
    expect((await request(server).post(VALUES).set(as('bob')).send({ items: [item] })).status).toBe(403);
    expect((await request(server).post(VALUES).set(as('pia')).send({ items: [item] })).status).toBe(403);

    // Nothing changed: the team's target is still 50 and checkout has no value.
    const team = await request(server).get('/api/pulse/outcomes/groups/default/payments').set(as('bob')).expect(200);
    expect(team.body.outcomes.map((o: any) => [o.id, o.keyResult.target, o.keyResult.current])).toEqual([
      ['checkout-conversion', 3, null],
      ['team-nps', 50, null],
    ]);
    expect(events.filter(e => e.outcome === 'succeeded').map(e => e.eventId)).toEqual(['outcome-define', 'outcome-define']);
    expect(events.filter(e => e.outcome === 'failed')).toHaveLength(12);

    // pulse.slo.manage (pia of platform) may change and delete any outcome, a team's too.
    await request(server).put(GROUP_OUTCOME).set(as('pia')).send(looser).expect(200);
    await request(server).delete(ENTITY_OUTCOME).set(as('pia')).expect(204);
    await request(server).delete(GROUP_OUTCOME).set(as('bob')).expect(204);
  });

  it('lets a service listed under pulse.slo.writers define outcomes and push values', async () => {
    const { server } = await startOutcomesBackend(await databases.init(databaseId), {
      pulse: { slo: { writers: ['external:test-service'] } },
    });
    await request(server).put(ENTITY_OUTCOME).set(service).type('application/yaml').send(conversionYaml).expect(201);
    await request(server).put(GROUP_OUTCOME).set(service).send(npsDocument).expect(201);
    expect((await request(server).post(VALUES).set(service).send({ items: [item] }).expect(200)).body).toEqual({ accepted: 1 });
  });
});
