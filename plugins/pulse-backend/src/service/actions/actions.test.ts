import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ownershipUserInfo, platformOnlyPermissions } from '../../trust/__testUtils__/identities';
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

const CHECKOUT = 'component:default/checkout';
const SLO = '/api/pulse/slo/entities/component/default/checkout';
const entities = [component('checkout', 'payments'), team('payments')];
const bob = { Authorization: mockCredentials.user.header('user:default/bob') }; // payments: owns checkout
const ada = { Authorization: mockCredentials.user.header('user:default/ada') }; // search: a stranger to checkout

/** The registry's own route: the one the MCP actions backend calls for `pulse:<name>`. */
const invoke = (name: string) => `/api/pulse/.backstage/actions/v1/actions/pulse:${name}/invoke`;

describe.each(databases.eachSupportedId())('Pulse actions in the actions registry on %p', databaseId => {
  /**
   * Checkout with its 99% budget spent twice over (200 bad of 10,000 events against 100 allowed, 2 hours ago), an
   * incident over those 2 hours (so it spent 200% of the budget and needs a postmortem), two production deployments.
   */
  async function start() {
    const backend = await startDecisionsBackend(databases, databaseId, {
      entities,
      // A lower postmortem threshold than the default 20%: the incident below spends about 14% of the window's budget.
      config: { pulse: { decisions: { postmortemBudgetShare: 0.1 } } },
      features: [actionsRegistryServiceFactory, ownershipUserInfo, platformOnlyPermissions],
    });
    const { server } = backend;
    const now = Date.now();
    await request(server).put(`${SLO}/slos/availability`).set(bob).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      // The empty sample two days ago gives the window more than the 24 hours of data a status needs to block.
      .send({ items: [sample(CHECKOUT, now, 2 * DAY, 0, 0), sample(CHECKOUT, now, 2 * HOUR, 9_800, 10_000)] })
      .expect(200);
    const at = (ago: number) => new Date(now - ago).toISOString();
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(service)
      .send({ items: [{ id: 'inc-1', entityRef: CHECKOUT, createdAt: at(3 * HOUR), resolvedAt: at(HOUR), description: 'Checkout 500s' }] })
      .expect(200);
    const deployment = (id: string, ago: number) => ({
      id,
      entityRef: CHECKOUT,
      environment: 'production',
      startedAt: at(ago + 5 * 60_000),
      finishedAt: at(ago),
      status: 'success',
    });
    await request(server)
      .post('/api/pulse/dora/deployments')
      .set(service)
      .send({ items: [deployment('d-1', 3 * DAY), deployment('d-2', 40 * DAY)] })
      .expect(200);
    // The decisions job assesses the incident's budget spend, as it does on its schedule.
    await backend.runJob('pulse-decisions-transitions');
    return server;
  }

  it('lists the four read-only actions with their schemas', async () => {
    const server = await start();
    const res = await request(server).get('/api/pulse/.backstage/actions/v1/actions').set(bob).expect(200);
    const actions = res.body.actions as Array<{ id: string; attributes: object; schema: { input: any } }>;
    expect(actions.map(a => a.id).sort()).toEqual([
      'pulse:get-dora-scorecard',
      'pulse:get-release-gate',
      'pulse:get-slo-report',
      'pulse:list-outstanding-postmortems',
    ]);
    for (const action of actions) {
      expect(action.attributes).toEqual({ readOnly: true, destructive: false, idempotent: true });
      expect(action.schema.input.required).toEqual(['entityRef']);
    }
  });

  it('previews the release gate and records nothing', async () => {
    const server = await start();
    const blocked = await request(server).post(invoke('get-release-gate')).set(service).send({ entityRef: 'checkout' });
    expect(blocked.status).toBe(200);
    expect(blocked.body.output).toMatchObject({ entityRef: CHECKOUT, decision: 'block', state: 'freeze', releaseException: null });
    // 200 bad against 100 allowed: -100% left.
    expect(blocked.body.output.reasons).toContain('availability / 99%: error budget exhausted (-100.0% remaining)');

    const security = await request(server)
      .post(invoke('get-release-gate'))
      .set(ada)
      .send({ entityRef: CHECKOUT, reason: 'security' });
    expect(security.body.output).toMatchObject({ decision: 'allow', state: 'freeze' });

    // A GET-like action: the gate log stays empty.
    const log = await request(server).get('/api/pulse/decisions/entities/component/default/checkout/gate-decisions').set(bob);
    expect(log.status).toBe(200);
    expect(log.body.items).toEqual([]);
  });

  it('answers the SLO report with the budget left per objective', async () => {
    const server = await start();
    const res = await request(server).post(invoke('get-slo-report')).set(ada).send({ entityRef: CHECKOUT }).expect(200);
    expect(res.body.output.slos).toHaveLength(1);
    const [slo] = res.body.output.slos;
    expect(slo.name).toBe('availability');
    // SLI 9,800 / 10,000 = 0.98; budget 1% of 10,000 = 100 bad events, 200 spent: 1 - 200/100 = -1.
    expect(slo.objectives[0]).toMatchObject({ displayName: '99%', target: 0.99, sli: 0.98, met: false, errorBudgetRemaining: -1 });
  });

  it('answers the DORA scorecard over the default 90 days or the days asked', async () => {
    const server = await start();
    const ninety = await request(server).post(invoke('get-dora-scorecard')).set(bob).send({ entityRef: CHECKOUT });
    expect(ninety.status).toBe(200);
    // Both deployments (3 and 40 days ago) fall in 90 days; only the one 3 days ago in 30.
    expect(ninety.body.output).toMatchObject({ entityRef: CHECKOUT, deployments: 2 });
    const thirty = await request(server).post(invoke('get-dora-scorecard')).set(bob).send({ entityRef: CHECKOUT, days: 30 });
    expect(thirty.body.output).toMatchObject({ deployments: 1, window: { days: 30 } });
    expect(Object.keys(thirty.body.output.metrics)).toEqual([
      'deploymentFrequency',
      'leadTimeForChanges',
      'changeFailureRate',
      'failedDeploymentRecoveryTime',
      'reworkRate',
    ]);
  });

  it("lists outstanding postmortems, with whether this caller may link them", async () => {
    const server = await start();
    const owner = await request(server).post(invoke('list-outstanding-postmortems')).set(bob).send({ entityRef: CHECKOUT });
    expect(owner.status).toBe(200);
    // The incident ran from 3 hours ago to 1 hour ago: 120 minutes.
    expect(owner.body.output).toMatchObject({
      entityRef: CHECKOUT,
      canEdit: true,
      items: [{ id: 'inc-1', description: 'Checkout 500s', durationMinutes: 120 }],
    });
    // Its 200 bad events against the whole 28-day window's budget: 10,000 events over the 47 hours from the first
    // sample to the incident's end project to 10,000 x 672 / 47 = 142,979 events, 1% of them 1,429.8 bad: 200 / 1,429.8.
    expect(owner.body.output.items[0].budgetShare).toBeCloseTo(200 / ((10_000 * 672) / 47 / 100), 3);
    const stranger = await request(server).post(invoke('list-outstanding-postmortems')).set(ada).send({ entityRef: CHECKOUT });
    expect(stranger.body.output.canEdit).toBe(false);
  });

  it('refuses anonymous callers, bad input by field, and entities the catalog does not show', async () => {
    const server = await start();
    const anonymous = { Authorization: mockCredentials.none.header() };
    const refused = await request(server).post(invoke('get-slo-report')).set(anonymous).send({ entityRef: CHECKOUT });
    expect(refused.status).toBe(401);
    const bad = await request(server).post(invoke('get-dora-scorecard')).set(bob).send({ entityRef: CHECKOUT, days: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('days');
    const missing = await request(server).post(invoke('get-release-gate')).set(bob).send({});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('entityRef');
    const unknown = await request(server).post(invoke('get-release-gate')).set(bob).send({ entityRef: 'component:default/ghost' });
    expect(unknown.status).toBe(404);
  });
});
