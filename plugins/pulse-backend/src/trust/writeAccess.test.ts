import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { component, HOUR, sample, service, sloDocument, team } from '../service/decisions/__testUtils__/decisionsBackend';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { ownershipUserInfo, platformOnlyPermissions } from './__testUtils__/identities';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const SLO = '/api/pulse/slo/entities/component/default/checkout/slos/availability';
const SOLO_SLO = '/api/pulse/slo/entities/component/default/solo/slos/availability';

/** A component whose owner is a User, not a Group: it belongs to that user's groups. */
const userOwned: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'solo', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'user:default/hana' },
  relations: [{ type: 'ownedBy', targetRef: 'user:default/hana' }],
};
const hana: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'hana', namespace: 'default' },
  spec: { memberOf: ['payments'] },
  relations: [{ type: 'memberOf', targetRef: 'group:default/payments' }],
};
const entities = [component('checkout', 'payments'), team('payments'), team('search'), userOwned, hana];

const as = (user: string) => ({ Authorization: mockCredentials.user.header(user) });
const bob = as('user:default/bob'); // payments, owns checkout (and solo through hana)
const ada = as('user:default/ada'); // search: a stranger to checkout
const pia = as('user:default/pia'); // platform: holds the management permissions

describe.each(databases.eachSupportedId())('who may change what on %p', databaseId => {
  async function start(config: object = {}) {
    const knex = await databases.init(databaseId);
    const auditor = mockServices.auditor.mock();
    const events: Array<{ eventId: string; outcome: string }> = [];
    auditor.createEvent.mockImplementation(async ({ eventId }) => ({
      success: async () => void events.push({ eventId, outcome: 'succeeded' }),
      fail: async () => void events.push({ eventId, outcome: 'failed' }),
    }));
    const server = await startPulseTestBackend(knex, {
      entities,
      config,
      features: [platformOnlyPermissions, ownershipUserInfo, auditor.factory],
    });
    return { server, events };
  }

  it('lets only owners, pulse.slo.manage holders and listed services define, loosen or delete an SLO', async () => {
    const { server, events } = await start({ pulse: { slo: { writers: ['external:ci-slos'] } } });
    await request(server).put(SLO).set(bob).send(sloDocument()).expect(201);

    // A stranger loosening the objective from 99% to 50%, or deleting it: 403, and the stored SLO stays as it was.
    const looser = { ...sloDocument(), spec: { ...sloDocument().spec, objectives: [{ displayName: 'lax', target: 0.5 }] } };
    const put = await request(server).put(SLO).set(ada).send(looser);
    expect(put.status).toBe(403);
    expect(put.body.error.message).toContain('group:default/payments');
    expect((await request(server).delete(SLO).set(ada)).status).toBe(403);
    // An unlisted service (the test token's subject is external:test-service): 403 on both.
    expect((await request(server).put(SLO).set(service).send(looser)).status).toBe(403);
    expect((await request(server).delete(SLO).set(service)).status).toBe(403);
    const stored = await request(server).get(SLO).set(bob).expect(200);
    expect(stored.body.definition.spec.objectives[0].target).toBe(0.99);

    // The platform team (pulse.slo.manage) may; so may the owners.
    await request(server).put(SLO).set(pia).send(looser).expect(200);
    await request(server).put(SLO).set(bob).send(sloDocument()).expect(200);
    // A User-owned component belongs to its owner's groups: bob (payments) may, ada (search) may not.
    await request(server).put(SOLO_SLO).set(bob).send(sloDocument()).expect(201);
    expect((await request(server).put(SOLO_SLO).set(ada).send(sloDocument())).status).toBe(403);
    await request(server).delete(SLO).set(bob).expect(204);

    expect(events.filter(e => e.eventId === 'slo-define' || e.eventId === 'slo-delete')).toEqual([
      { eventId: 'slo-define', outcome: 'succeeded' },
      { eventId: 'slo-define', outcome: 'failed' },
      { eventId: 'slo-delete', outcome: 'failed' },
      { eventId: 'slo-define', outcome: 'failed' },
      { eventId: 'slo-delete', outcome: 'failed' },
      { eventId: 'slo-define', outcome: 'succeeded' },
      { eventId: 'slo-define', outcome: 'succeeded' },
      { eventId: 'slo-define', outcome: 'succeeded' },
      { eventId: 'slo-define', outcome: 'failed' },
      { eventId: 'slo-delete', outcome: 'succeeded' },
    ]);
  });

  it('lets a service listed under pulse.slo.writers push SLOs as code', async () => {
    const { server } = await start({ pulse: { slo: { writers: ['external:test-service'] } } });
    expect((await request(server).put(SLO).set(service).send(sloDocument())).status).toBe(201);
    expect((await request(server).delete(SLO).set(service)).status).toBe(204);
  });

  it('lets only the owners or policy managers force a state or grant and revoke exceptions, and says who may', async () => {
    const { server, events } = await start();
    const POLICY = '/api/pulse/decisions/entities/component/default/checkout/policy';
    const EXCEPTIONS = '/api/pulse/decisions/entities/component/default/checkout/exceptions';
    const expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const freeze = { state: 'freeze', reason: 'audit', expiresAt };
    const exception = { reason: 'hotfix', expiresAt };

    // canEdit follows the same rule: bob (owner) and pia (manager) may, ada and any service may not.
    for (const [who, canEdit] of [[bob, true], [pia, true], [ada, false], [service, false]] as const) {
      expect((await request(server).get(POLICY).set(who)).body.canEdit).toBe(canEdit);
    }

    // A stranger and an unlisted service: 403 on every write, and nothing is stored.
    for (const who of [ada, service]) {
      expect((await request(server).put(POLICY).set(who).send(freeze)).status).toBe(403);
      expect((await request(server).delete(POLICY).set(who)).status).toBe(403);
      expect((await request(server).post(EXCEPTIONS).set(who).send(exception)).status).toBe(403);
    }
    expect((await request(server).get(POLICY).set(bob)).body.override).toBeNull();
    expect((await request(server).get(EXCEPTIONS).set(bob)).body.items).toEqual([]);

    // The owner and the manager may each do all of it.
    for (const who of [bob, pia]) {
      await request(server).put(POLICY).set(who).send(freeze).expect(200);
      const granted = await request(server).post(EXCEPTIONS).set(who).send(exception).expect(201);
      expect((await request(server).delete(`${EXCEPTIONS}/${granted.body.id}`).set(ada)).status).toBe(403);
      expect((await request(server).delete(`${EXCEPTIONS}/${granted.body.id}`).set(service)).status).toBe(403);
      await request(server).delete(`${EXCEPTIONS}/${granted.body.id}`).set(who).expect(204);
      await request(server).delete(POLICY).set(who).expect(204);
    }

    // 2 refused callers x 3 writes, then per allowed caller: change, grant, 2 refused revokes, revoke, delete.
    const audited = events.filter(e => /^(policy-|release-exception-)/.test(e.eventId));
    const refused = ['policy-change', 'policy-delete', 'release-exception-grant'].map(eventId => ({ eventId, outcome: 'failed' }));
    const allowed = [
      { eventId: 'policy-change', outcome: 'succeeded' },
      { eventId: 'release-exception-grant', outcome: 'succeeded' },
      { eventId: 'release-exception-revoke', outcome: 'failed' },
      { eventId: 'release-exception-revoke', outcome: 'failed' },
      { eventId: 'release-exception-revoke', outcome: 'succeeded' },
      { eventId: 'policy-delete', outcome: 'succeeded' },
    ];
    expect(audited).toEqual([...refused, ...refused, ...allowed, ...allowed]);
  });

  it('lets only the owners or policy managers link a postmortem, and audits every attempt', async () => {
    const { server, events } = await start();
    const now = Date.now();
    await request(server).put(SLO).set(bob).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(CHECKOUT, now, HOUR, 90, 100)] })
      .expect(200);
    const createdAt = new Date(now - HOUR).toISOString();
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(service)
      .send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt }] })
      .expect(200);

    const link = { postmortemUrl: 'https://wiki.example.com/pm/inc-1' };
    expect((await request(server).patch('/api/pulse/dora/incidents/inc-1').set(ada).send(link)).status).toBe(403);
    expect((await request(server).patch('/api/pulse/dora/incidents/inc-1').set(service).send(link)).status).toBe(403);
    const review = await request(server).get(`/api/pulse/decisions/review?month=${createdAt.slice(0, 7)}`).set(bob);
    expect(review.body.incidents[0].postmortemUrl ?? null).toBeNull();

    await request(server).patch('/api/pulse/dora/incidents/inc-1').set(bob).send(link).expect(200);
    await request(server).patch('/api/pulse/dora/incidents/inc-1').set(pia).send({ postmortemUrl: null }).expect(200);
    expect(events.filter(e => e.eventId === 'postmortem-link').map(e => e.outcome)).toEqual([
      'failed',
      'failed',
      'succeeded',
      'succeeded',
    ]);
  });
});
