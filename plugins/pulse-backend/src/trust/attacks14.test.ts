import { BackstageCredentials, createServiceFactory, ServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { createHmac } from 'node:crypto';
import request from 'supertest';
import { assertNoCommittedSecrets } from '../service/config/committedSecrets';
import { PULSE_JOB_NAMES } from '../service/config/pulseConfigSchema';
import { component, DAY, HOUR, sample, sloDocument, team } from '../service/decisions/__testUtils__/decisionsBackend';
import { pulsePlugin } from '../plugin';
import { startPulseTestBackend } from '../__testUtils__/startPulseTestBackend';
import { pulseRoutes } from './__testUtils__/pulseRoutes';
import { Knex, pulseRowCounts } from './__testUtils__/trustBackend';
import { ownershipUserInfo, platformOnlyPermissions } from './__testUtils__/identities';

jest.setTimeout(120_000);

/**
 * Issue #14, tried as an attacker: a stranger, an unlisted or wrongly listed service, and a careless operator each try
 * to get past the ownership rule, the manager checks, "reads never write" and the production refusal of committed
 * secrets, through the HTTP API.
 */
const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const SLO = '/api/pulse/slo/entities/component/default/checkout/slos/availability';
const entities: Entity[] = [component('checkout', 'payments'), team('payments'), team('search')];

const as = (header: string) => ({ Authorization: header });
const bob = as(mockCredentials.user.header('user:default/bob')); // payments: owns checkout
const ada = as(mockCredentials.user.header('user:default/ada')); // search: a stranger to checkout
const pia = as(mockCredentials.user.header('user:default/pia')); // platform: holds every management permission
/** A service principal with this subject (the mock auth service reads `sub` from its mock service tokens). */
const serviceAs = (subject: string) => as(`Bearer mock-service-token:${JSON.stringify({ sub: subject })}`);
const ciSlos = serviceAs('external:ci-slos'); // listed under pulse.slo.writers
const catalogPlugin = serviceAs('plugin:catalog'); // listed nowhere

/** vault, owned by a team whose existence the catalog hides from ada (as a catalog permission policy would). */
const vault = component('vault', 'secret-team');
const hiddenFromAda = new Set(['component:default/vault', 'group:default/secret-team']);

/** The mock catalog, but reads made with ada's credentials do not see what `hiddenFromAda` names. */
const catalogHidingFromAda = createServiceFactory({
  service: catalogServiceRef,
  deps: {},
  factory: () => {
    const catalog = catalogServiceMock({ entities: [...entities, vault, team('secret-team')] });
    const hides = (options?: { credentials?: BackstageCredentials }) =>
      (options?.credentials?.principal as { userEntityRef?: string } | undefined)?.userEntityRef === 'user:default/ada';
    const visible = (entity: Entity | undefined) => (entity && !hiddenFromAda.has(stringifyEntityRef(entity)) ? entity : undefined);
    return Object.assign(Object.create(catalog), {
      getEntitiesByRefs: async (req: any, options?: any) => {
        const answer = await catalog.getEntitiesByRefs(req, options);
        return hides(options) ? { items: answer.items.map(visible) } : answer;
      },
      getEntities: async (req: any, options?: any) => {
        const answer = await catalog.getEntities(req, options);
        return hides(options) ? { items: answer.items.filter(visible) } : answer;
      },
    });
  },
});

/** The checkout SLO loosened from 99% to 50%. */
const looser = () => ({ ...sloDocument(), spec: { ...sloDocument().spec, objectives: [{ displayName: 'lax', target: 0.5 }] } });

describe.each(databases.eachSupportedId())('attacks on the trust boundaries on %p', databaseId => {
  let knex: Knex;

  /** The Pulse plugin as in startPulseTestBackend, with `catalog` in place of the plain mock catalog when given. */
  async function start(config: object = {}, catalog: ServiceFactory = catalogServiceMock.factory({ entities })) {
    knex = await databases.init(databaseId);
    const send = jest.fn(async () => {});
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        pulsePlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: config }),
        catalog,
        platformOnlyPermissions,
        ownershipUserInfo,
        scheduler.factory,
        createServiceFactory({ service: notificationService, deps: {}, factory: () => ({ send }) }),
      ],
    });
    const runJob = async (id: string) => {
      const task = scheduler.scheduleTask.mock.calls.map(([t]) => t).find(t => t.id === id);
      if (!task) throw new Error(`No job ${id} was scheduled`);
      await task.fn(new AbortController().signal);
    };
    return { server, send, runJob };
  }

  it('keeps a stranger out of an SLO whatever the spelling of its ref (case, URL encoding, Unicode case folding)', async () => {
    const { server } = await start();
    await request(server).put(SLO).set(bob).send(sloDocument()).expect(201);
    const spellings = [
      '/api/pulse/slo/entities/Component/Default/Checkout/slos/availability',
      '/api/pulse/slo/entities/COMPONENT/default/CHECKOUT/slos/availability',
      '/api/pulse/slo/entities/%63omponent/%64efault/%63heckout/slos/availability',
      // U+212A KELVIN SIGN lower-cases to an ASCII k: the path names "checkout" once lower-cased, like the store's key.
      '/api/pulse/slo/entities/component/default/chec%E2%84%AAout/slos/availability',
    ];
    const before = await pulseRowCounts(knex);
    for (const path of spellings) {
      expect({ path, put: (await request(server).put(path).set(ada).send(looser())).status }).toEqual({ path, put: 403 });
      expect({ path, del: (await request(server).delete(path).set(ada)).status }).toEqual({ path, del: 403 });
    }
    expect(await pulseRowCounts(knex)).toEqual(before);
    expect((await request(server).get(SLO).set(ada).expect(200)).body.definition.spec.objectives[0].target).toBe(0.99);

    // The owner, through any spelling, changes the one canonical SLO (200, not a second SLO under another key).
    await request(server).put(spellings[1]).set(bob).send(looser()).expect(200);
    const list = await request(server).get('/api/pulse/slo/entities/component/default/checkout/slos').set(ada).expect(200);
    expect(list.body.items.map((s: { entityRef: string }) => s.entityRef)).toEqual([CHECKOUT]);
  });

  it('names the owners in a refusal only as far as the caller may see them in the catalog', async () => {
    const { server } = await start({}, catalogHidingFromAda);
    const hidden = await request(server).put('/api/pulse/slo/entities/component/default/vault/slos/availability').set(ada).send(sloDocument());
    expect(hidden.status).toBe(403);
    // The same answer as for an entity that does not exist: neither the owning team nor the entity's existence leaks.
    expect(hidden.body.error.message).not.toContain('secret-team');
    expect(hidden.body.error.message).toContain('Only the owners of component:default/vault');
    const visible = await request(server).put(SLO).set(ada).send(sloDocument());
    expect(visible.status).toBe(403);
    expect(visible.body.error.message).toContain('Only members of group:default/payments');
  });

  it('lets only managers define SLOs of an entity the catalog does not know, however it is spelled', async () => {
    const { server } = await start();
    const ghost = '/api/pulse/slo/entities/component/default/ghost/slos/availability';
    for (const caller of [bob, ada]) {
      expect((await request(server).put(ghost).set(caller).send(sloDocument())).status).toBe(403);
      // A name that the catalog would not know either: trailing space, dot-segments.
      const odd = '/api/pulse/slo/entities/component/default/checkout%20/slos/availability';
      expect((await request(server).put(odd).set(caller).send(sloDocument())).status).toBe(403);
    }
    await request(server).put(ghost).set(pia).send(sloDocument()).expect(201);
    expect((await request(server).delete(ghost).set(ada)).status).toBe(403);
  });

  it('gives a listed SLO writer SLOs only, and no service any policy, postmortem, survey or deliveries power', async () => {
    const { server } = await start({ pulse: { slo: { writers: ['external:ci-slos'] } } });
    await request(server).put(SLO).set(ciSlos).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(ciSlos)
      .send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: new Date(Date.now() - HOUR).toISOString() }] })
      .expect(200);
    // The survey area stores its default template on the first /surveys request, even a refused one: let it first.
    await request(server).get('/api/pulse/surveys/templates').set(ada).expect(200);
    const before = await pulseRowCounts(knex);
    const policy = '/api/pulse/decisions/entities/component/default/checkout/policy';
    const hour = 3_600_000;
    const round = {
      title: 'Sneaky',
      target: { type: 'components' },
      opensAt: new Date(Date.now() - hour).toISOString(),
      closesAt: new Date(Date.now() + hour).toISOString(),
    };
    for (const caller of [ciSlos, catalogPlugin]) {
      const attempts = {
        'put policy': request(server).put(policy).set(caller).send({ freeze: { blocksReleases: false } }),
        'delete policy': request(server).delete(policy).set(caller),
        'link postmortem': request(server).patch('/api/pulse/dora/incidents/inc-1').set(caller).send({ postmortemUrl: 'https://x.example/pm' }),
        'open round': request(server).post('/api/pulse/surveys/rounds').set(caller).send(round),
        'add template': request(server).post('/api/pulse/surveys/templates').set(caller).send({}),
        'read deliveries': request(server).get('/api/pulse/deliveries').set(caller),
      };
      for (const [attempt, res] of Object.entries(attempts)) {
        expect({ attempt, status: (await res).status }).toEqual({ attempt, status: 403 });
      }
    }
    // An unlisted plugin may not touch SLOs either, though the permission service would allow it anything.
    expect((await request(server).put(SLO).set(catalogPlugin).send(looser())).status).toBe(403);
    expect((await request(server).delete(SLO).set(catalogPlugin)).status).toBe(403);
    expect(await pulseRowCounts(knex)).toEqual(before);
  });

  it('refuses a stranger the policy route and the postmortem link, whatever the ref spelling', async () => {
    const { server } = await start();
    await request(server).put(SLO).set(bob).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(ciSlos)
      .send({ items: [{ id: 'inc-1', entityRef: 'Component:default/Checkout', createdAt: new Date(Date.now() - HOUR).toISOString() }] })
      .expect(200);
    const before = await pulseRowCounts(knex);
    const link = { postmortemUrl: 'https://wiki.example.com/pm/nothing-to-see' };
    expect((await request(server).patch('/api/pulse/dora/incidents/inc-1').set(ada).send(link)).status).toBe(403);
    // Incident ids are case-sensitive: another spelling names no incident (404), never checkout's.
    expect((await request(server).patch('/api/pulse/dora/incidents/INC-1').set(ada).send(link)).status).toBe(404);
    for (const path of [
      '/api/pulse/decisions/entities/component/default/checkout/policy',
      '/api/pulse/decisions/entities/Component/DEFAULT/Checkout/policy',
    ]) {
      const put = await request(server).put(path).set(ada).send({ freeze: { blocksReleases: false }, exceptions: ['anything'] });
      expect(put.status).toBe(403);
      expect((await request(server).delete(path).set(ada)).status).toBe(403);
    }
    expect(await pulseRowCounts(knex)).toEqual(before);
    // The incident was sent with a mixed-case ref: its owner check still finds checkout's owners.
    await request(server).patch('/api/pulse/dora/incidents/inc-1').set(bob).send(link).expect(200);
    await request(server)
      .put('/api/pulse/decisions/entities/Component/DEFAULT/Checkout/policy')
      .set(bob)
      .send({ freeze: { blocksReleases: false } })
      .expect(200);
  });

  it('writes no row and sends no notification on any GET, even with a frozen SLO and unassessed incidents', async () => {
    const { server, send, runJob } = await start();
    const now = Date.now();
    await request(server).put(SLO).set(bob).send(sloDocument()).expect(201);
    // 98% good against a 99% objective: the budget is spent twice over (-100%), the gate is frozen. The empty sample
    // two days ago gives the window the day of data a status needs to block.
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(ciSlos)
      .send({ items: [sample(CHECKOUT, now, 2 * DAY, 0, 0), sample(CHECKOUT, now, 2 * HOUR, 9_800, 10_000)] })
      .expect(200);
    const gate = await request(server).get(`/api/pulse/slo/entities/component/default/checkout/release-gate`).set(ada);
    expect(gate.body).toMatchObject({ state: 'freeze', decision: 'block' });
    const createdAt = new Date(now - 2 * HOUR).toISOString();
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(ciSlos)
      .send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt, resolvedAt: new Date(now - HOUR).toISOString() }] })
      .expect(200);
    await request(server)
      .post('/api/pulse/dora/deployments')
      .set(ciSlos)
      .send({ items: [{ id: 'd-1', entityRef: CHECKOUT, environment: 'production', status: 'success', startedAt: new Date(now - DAY - HOUR).toISOString(), finishedAt: new Date(now - DAY).toISOString() }] })
      .expect(200);
    // The survey area stores its default template on the first /surveys request: let it, then count.
    await request(server).get('/api/pulse/surveys/templates').set(bob).expect(200);

    const params: Record<string, string> = { kind: 'component', namespace: 'default', name: 'checkout', sloName: 'availability', id: '1' };
    const queries: Record<string, string> = {
      '/decisions/review': `?month=${createdAt.slice(0, 7)}&groupRef=payments`,
      '/decisions/quadrant': '?groupRef=payments',
      // A preview with an exception reason is still a preview: only a POST records a gate decision.
      '/slo/entities/:kind/:namespace/:name/release-gate': '?reason=security',
    };
    const gets = (await pulseRoutes(knex)).filter(r => r.method === 'get' && !r.path.startsWith('/.well-known'));
    expect(gets.length).toBeGreaterThanOrEqual(15);
    const before = await pulseRowCounts(knex);
    for (const route of gets) {
      const path = route.path.replace(/:(\w+)/g, (_, p: string) => (route.path.startsWith('/dora/groups') && p === 'name' ? 'payments' : params[p]));
      for (const caller of [bob, ada, pia, ciSlos]) {
        const res = await request(server).get(`/api/pulse${path}${queries[route.path] ?? ''}`).set(caller);
        expect({ path, status: res.status < 500 }).toEqual({ path, status: true });
      }
    }
    expect(await pulseRowCounts(knex)).toEqual(before);
    expect(send).not.toHaveBeenCalled();

    // The transitions job, not a read, observes the freeze and tells the owners: proves the GETs had something to write.
    await runJob('pulse-decisions-transitions');
    expect(send).toHaveBeenCalled();
    expect(await pulseRowCounts(knex)).not.toEqual(before);
  });
});

describe('committed secrets a production start must refuse', () => {
  const github = (webhookSecret: string) => new ConfigReader({ pulse: { github: { webhookSecret } } });
  const hmac = (key: string) => createHmac('sha256', key).update('{"zen":"ping"}').digest('hex');

  it('include a committed webhook secret padded with NUL bytes, which signs exactly like it', () => {
    // HMAC pads a key shorter than its block with zero bytes: a signature made with the committed secret verifies.
    const padded = 'local-dev-github-secret\u0000\u0000';
    expect(hmac(padded)).toBe(hmac('local-dev-github-secret'));
    expect(() => assertNoCommittedSecrets(github(padded), 'production')).toThrow(/pulse\.github\.webhookSecret holds/);
  });

  it('include a committed secret with the newline of the file it was pasted from', () => {
    expect(() => assertNoCommittedSecrets(github(' local-dev-github-secret\n'), 'production')).toThrow(
      /pulse\.github\.webhookSecret holds/,
    );
  });

  it('include a committed value set as a legacy external-access secret or a backend auth key, in any base64 spelling', () => {
    // Node decodes base64 leniently: '+' and '-' are the same digit, so both spellings are the same key.
    expect(Buffer.from('pulse+local+dev+token', 'base64')).toEqual(Buffer.from('pulse-local-dev-token', 'base64'));
    const config = new ConfigReader({
      backend: {
        auth: {
          externalAccess: [{ type: 'legacy', options: { secret: 'pulse+local+dev+token', subject: 'ci' } }],
          keys: [{ secret: 'local-dev-pagerduty-secret' }],
        },
      },
    });
    expect(() => assertNoCommittedSecrets(config, 'production')).toThrow(
      /backend\.auth\.externalAccess\[0\]\.options\.secret, backend\.auth\.keys\[0\]\.secret holds/,
    );
  });

  it('leave a secret of your own that merely contains a committed one', () => {
    expect(() => assertNoCommittedSecrets(github('local-dev-github-secret-but-ours-7f3a'), 'production')).not.toThrow();
    const legacy = new ConfigReader({
      backend: { auth: { externalAccess: [{ type: 'legacy', options: { secret: 'b3VyLW93bi1rZXktN2YzYQ==', subject: 'ci' } }] } },
    });
    expect(() => assertNoCommittedSecrets(legacy, 'production')).not.toThrow();
  });
});

describe('unknown config keys', () => {
  const sqlite = TestDatabases.create({ ids: ['SQLITE_3'] });

  it.each([
    [{ jobs: { sloRolup: { frequency: { minutes: 5 } } } }, /unknown key pulse\.jobs\.sloRolup/],
    [{ slo: { minimumData: { hourz: 12 } } }, /unknown key pulse\.slo\.minimumData\.hourz/],
    [{ jobs: { sloRollup: { frequency: { minuts: 5 } } } }, /unknown key pulse\.jobs\.sloRollup\.frequency\.minuts/],
    [{ dora: { leadTimeCap: { dayz: 3 } } }, /unknown key pulse\.dora\.leadTimeCap\.dayz/],
  ])('stop the start on %j, naming the key', async (pulse, message) => {
    await expect(startPulseTestBackend(await sqlite.init('SQLITE_3'), { config: { pulse } })).rejects.toThrow(message);
  });

  it('include no job the plugin schedules under pulse.jobs: every one of them may be rescheduled', async () => {
    const knex = await sqlite.init('SQLITE_3');
    const scheduler = mockServices.scheduler.mock();
    await startPulseTestBackend(knex, { features: [scheduler.factory] });
    // pulse-slo-rollup -> sloRollup; the decisions job has its own key (pulse.decisions.schedule).
    const names = scheduler.scheduleTask.mock.calls
      .map(([task]) => task.id)
      .filter(id => id !== 'pulse-decisions-transitions')
      .map(id => id.replace(/^pulse-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()));
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect([...PULSE_JOB_NAMES].sort()).toEqual(expect.arrayContaining(names.sort()));
    const jobs = Object.fromEntries(names.map(name => [name, { frequency: { hours: 1 }, timeout: 'PT5M' }]));
    await startPulseTestBackend(await sqlite.init('SQLITE_3'), { config: { pulse: { jobs } } });
  });
});
