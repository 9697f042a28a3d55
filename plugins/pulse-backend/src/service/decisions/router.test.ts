import { BackstageCredentials, coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { incidentReviewMonthOf } from '@pulse/plugin-pulse-common';
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
} from './__testUtils__/decisionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const SLO = '/api/pulse/slo/entities/component/default/checkout';
const DECISIONS = '/api/pulse/decisions/entities/component/default/checkout';
const entities = [component('checkout', 'payments'), team('payments')];

describe.each(databases.eachSupportedId())('decisions API on %p', databaseId => {
  const start = (config?: object) => startDecisionsBackend(databases, databaseId, { entities, config });

  /** Checkout with its 99% budget spent twice over: 200 bad of 10,000 events against 100 allowed. */
  async function frozenCheckout(server: Awaited<ReturnType<typeof start>>['server']) {
    const now = Date.now();
    await request(server).put(`${SLO}/slos/availability`).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      // The empty sample two days ago gives the window more than the 24 hours of data a status needs to block.
      .send({ items: [sample(CHECKOUT, now, 2 * DAY, 0, 0), sample(CHECKOUT, now, 2 * HOUR, 9_800, 10_000)] })
      .expect(200);
  }

  it('blocks a frozen release, lets a policy exception through, and records both with the caller', async () => {
    const { server } = await start();
    await frozenCheckout(server);

    const blocked = await request(server).post(`${SLO}/release-gate`).set(service).send({});
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ decision: 'block', state: 'freeze', exception: null });
    expect(blocked.body.reasons[0]).toBe('Error-budget freeze: releases are blocked except for: security, incident-fix');
    expect(blocked.body.reasons[1]).toBe('availability / 99%: error budget exhausted (-100.0% remaining)');

    const allowed = await request(server)
      .post(`${SLO}/release-gate`)
      .set({ Authorization: mockCredentials.user.header('user:default/ada') })
      .send({ reason: 'security' });
    expect(allowed.body).toMatchObject({
      decision: 'allow',
      state: 'freeze',
      exception: { requested: 'security', used: true },
      recorded: { caller: 'user:default/ada' },
      errorBudgetPolicy: { sources: ['portal'], policy: { exceptions: ['security', 'incident-fix'] } },
    });

    const log = await request(server).get(`${DECISIONS}/gate-decisions`).expect(200);
    expect(log.body.entityRef).toBe(CHECKOUT);
    expect(log.body.items.map((d: any) => [d.decision, d.state, d.exception, d.caller])).toEqual([
      ['allow', 'freeze', { requested: 'security', used: true }, 'user:default/ada'],
      ['block', 'freeze', null, `service:${mockCredentials.service().principal.subject}`],
    ]);
    expect(log.body.items[0].reasons[0]).toBe("Error-budget freeze, released under the policy exception 'security'");

    // A preview is not a decision: nothing more is stored.
    await request(server).get(`${SLO}/release-gate?reason=security`).expect(200);
    expect((await request(server).get(`${DECISIONS}/gate-decisions`)).body.items).toHaveLength(2);
  });

  it('resolves the policy from portal, owning group and entity, and applies it to the gate', async () => {
    const { server } = await start({
      pulse: {
        policy: {
          exceptions: ['security'],
          groups: { 'group:default/payments': { freeze: { blocksReleases: false } } },
        },
      },
    });
    await frozenCheckout(server);

    const policy = await request(server).get(`${DECISIONS}/policy`).expect(200);
    expect(policy.body).toEqual({
      entityRef: CHECKOUT,
      policy: {
        caution: { remainingBelow: 0.25, onTicketAlert: true },
        freeze: { remainingAtOrBelow: 0, onPageAlert: true, blocksReleases: false },
        exceptions: ['security'],
      },
      sources: ['portal', 'group'],
      groupRef: 'group:default/payments',
      override: null,
      // The test backend's default caller is a user whom the mock permission service allows everything.
      canEdit: true,
    });
    const advisory = await request(server).post(`${SLO}/release-gate`).set(service).send({});
    expect(advisory.body).toMatchObject({ decision: 'warn', state: 'freeze' });

    const put = await request(server)
      .put(`${DECISIONS}/policy`)
      .set({ Authorization: mockCredentials.user.header('user:default/ada') })
      .send({ freeze: { blocksReleases: true }, exceptions: ['incident-fix'] });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      sources: ['portal', 'group', 'entity'],
      override: { freeze: { blocksReleases: true }, exceptions: ['incident-fix'] },
      updatedBy: 'user:default/ada',
    });
    const refused = await request(server).post(`${SLO}/release-gate`).set(service).send({ reason: 'security' });
    expect(refused.body).toMatchObject({ decision: 'block', exception: { requested: 'security', used: false } });

    const bad = await request(server).put(`${DECISIONS}/policy`).send({ caution: { remainingBelow: 'low' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('caution.remainingBelow');
    expect((await request(server).post(`${SLO}/release-gate`).send({ reason: 'DROP TABLE' })).status).toBe(400);

    await request(server).delete(`${DECISIONS}/policy`).expect(204);
    await request(server).delete(`${DECISIONS}/policy`).expect(404);
  });

  it('never writes or notifies on a GET: neither a user on the card nor a pipeline previewing the gate', async () => {
    const { server, send } = await start();
    await frozenCheckout(server);
    const preview = await request(server).get(`${SLO}/release-gate`).expect(200);
    await request(server).get(`${SLO}/release-gate`).set(service).expect(200);
    await request(server).get(`${DECISIONS}/postmortems`).expect(200);
    expect(preview.body).toMatchObject({ decision: 'block', state: 'freeze' });
    expect(preview.body.recorded).toBeUndefined();
    expect((await request(server).get(`${DECISIONS}/gate-decisions`)).body.items).toEqual([]);
    expect(send).not.toHaveBeenCalled();

    const asked = await request(server).post(`${SLO}/release-gate`).set(service).send({}).expect(200);
    const log = await request(server).get(`${DECISIONS}/gate-decisions`);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ decision: asked.body.decision, caller: asked.body.recorded.caller });
    // A gate check records the decision, but observing the policy state (and notifying) is the job's alone.
    expect(send).not.toHaveBeenCalled();
  });

  it('lets only the owning group or policy managers change an entity policy', async () => {
    const payments = ['user:default/hana', 'group:default/payments'];
    const { server } = await startDecisionsBackend(databases, databaseId, {
      entities,
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        createServiceFactory({
          service: coreServices.userInfo,
          deps: {},
          factory: () => ({
            getUserInfo: async (credentials: BackstageCredentials) => {
              const userEntityRef = (credentials.principal as { userEntityRef: string }).userEntityRef;
              return { userEntityRef, ownershipEntityRefs: payments.includes(userEntityRef) ? payments : [userEntityRef] };
            },
          }),
        }),
      ],
    });
    const change = { exceptions: ['security'] };

    const stranger = await request(server)
      .put(`${DECISIONS}/policy`)
      .set({ Authorization: mockCredentials.user.header('user:default/ada') })
      .send(change);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.message).toContain('group:default/payments');

    const owner = await request(server)
      .put(`${DECISIONS}/policy`)
      .set({ Authorization: mockCredentials.user.header('user:default/hana') })
      .send(change);
    expect(owner.status).toBe(200);
    expect(owner.body.updatedBy).toBe('user:default/hana');

    await request(server)
      .delete(`${DECISIONS}/policy`)
      .set({ Authorization: mockCredentials.user.header('user:default/ada') })
      .expect(403);
  });

  it('notifies the owning group once when the transitions job sees the entity enter freeze', async () => {
    const { server, send, runJob } = await start();
    await frozenCheckout(server);

    await Promise.all([
      request(server).post(`${SLO}/release-gate`).set(service).send({}),
      request(server).get(`${SLO}/release-gate`),
    ]);
    expect(send).not.toHaveBeenCalled();
    await runJob('pulse-decisions-transitions');
    await runJob('pulse-decisions-transitions');

    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/payments' },
      payload: expect.objectContaining({
        title: 'checkout entered an error-budget freeze',
        link: '/catalog/default/component/checkout',
        severity: 'high',
        topic: 'pulse-error-budget',
      }),
    });
  });

  it('flags an incident by the budget it spent, links the causing deployment and tracks its postmortem', async () => {
    const { server, runJob } = await start();
    const now = Date.now();
    await request(server).put(`${SLO}/slos/availability`).send(sloDocument()).expect(201);
    // Window at the end of incident A: 100,000 events, a 1,000-event budget; A spends 200 + 100 = 300 bad (30%).
    // At the end of incident B: 98,000 events (budget 980); B spends 100 bad (10.2%). Shares are against the whole
    // window's budget (events so far x 28 days / time since the window's first sample): the two empty samples open
    // each incident's 28-day window exactly, so the scale is 1.
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({
        items: [
          sample(CHECKOUT, now, 28 * DAY + 7 * HOUR, 0, 0), // opens B's window (it ends 7 hours ago)
          sample(CHECKOUT, now, 28 * DAY + 3 * HOUR, 0, 0), // opens A's window (it ends 3 hours ago)
          sample(CHECKOUT, now, 10 * DAY, 50_000, 50_000),
          sample(CHECKOUT, now, 9 * DAY, 47_900, 47_900),
          sample(CHECKOUT, now, 8 * HOUR, 0, 100),
          sample(CHECKOUT, now, 5 * HOUR, 800, 1_000),
          sample(CHECKOUT, now, 4 * HOUR, 900, 1_000),
        ],
      })
      .expect(200);
    const at = (agoMs: number) => new Date(now - agoMs).toISOString();
    await request(server)
      .post('/api/pulse/dora/deployments')
      .set(service)
      .send({
        items: [
          { id: 'dep-b', entityRef: CHECKOUT, environment: 'production', startedAt: at(9 * HOUR), finishedAt: at(9 * HOUR), status: 'success' },
          { id: 'dep-a', entityRef: CHECKOUT, environment: 'production', startedAt: at(6 * HOUR), finishedAt: at(6 * HOUR), status: 'success' },
        ],
      })
      .expect(200);
    await request(server)
      .post('/api/pulse/dora/incidents')
      .set(service)
      .send({
        items: [
          { id: 'inc-b', entityRef: CHECKOUT, createdAt: at(8 * HOUR), resolvedAt: at(7 * HOUR), deploymentId: 'dep-b' },
          { id: 'inc-a', entityRef: CHECKOUT, createdAt: at(5 * HOUR), resolvedAt: at(3 * HOUR), description: 'Checkout 500s' },
        ],
      })
      .expect(200);

    // Reads show what the job assessed: before it runs, nothing is assessed (and reading assesses nothing).
    const month = incidentReviewMonthOf(now - 5 * HOUR);
    const before = await request(server).get(`/api/pulse/decisions/review?month=${month}&groupRef=payments`);
    expect(before.body.incidents.every((i: any) => i.postmortemRequired === false)).toBe(true);
    await runJob('pulse-decisions-transitions');
    const review = await request(server).get(`/api/pulse/decisions/review?month=${month}&groupRef=payments`);
    expect(review.status).toBe(200);
    const incidentA = review.body.incidents.find((i: any) => i.id === 'inc-a');
    expect(incidentA).toMatchObject({
      entityRef: CHECKOUT,
      description: 'Checkout 500s',
      durationMinutes: 120,
      budgetShare: 0.3,
      budgetSpent: [{ slo: 'availability', objective: '99%', share: 0.3 }],
      deployment: { id: 'dep-a', linked: 'attributed', finishedAt: at(6 * HOUR) },
      postmortemRequired: true,
      postmortemStatus: 'outstanding',
    });

    const outstanding = await request(server).get(`${DECISIONS}/postmortems`).expect(200);
    expect(outstanding.body.items.map((i: any) => i.id)).toEqual(['inc-a']);
    const orgReview = await request(server).get(`/api/pulse/decisions/review?month=${incidentReviewMonthOf(now - 8 * HOUR)}`);
    const incidentB = orgReview.body.incidents.find((i: any) => i.id === 'inc-b');
    expect(incidentB.budgetShare).toBeCloseTo(100 / 980, 10);
    expect(incidentB).toMatchObject({ postmortemRequired: false, postmortemStatus: 'not-required', deployment: { id: 'dep-b', linked: 'explicit' } });

    const patched = await request(server)
      .patch('/api/pulse/dora/incidents/inc-a')
      .send({ postmortemUrl: 'https://wiki.example.com/pm/inc-a' });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      id: 'inc-a',
      entityRef: CHECKOUT,
      postmortemUrl: 'https://wiki.example.com/pm/inc-a',
      postmortemRequired: true,
      postmortemStatus: 'done',
      learnings: null,
    });
    expect((await request(server).get(`${DECISIONS}/postmortems`)).body.items).toEqual([]);

    expect((await request(server).patch('/api/pulse/dora/incidents/nope').send({ postmortemUrl: null })).status).toBe(404);
    const bad = await request(server).patch('/api/pulse/dora/incidents/inc-a').send({ postmortemUrl: 'ftp://wiki.example.com/pm' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('postmortemUrl');
    expect((await request(server).get('/api/pulse/decisions/review?month=2026-13')).status).toBe(400);
    expect((await request(server).get('/api/pulse/decisions/review?month=2026-11&groupRef=ghosts')).status).toBe(404);
  });
});
