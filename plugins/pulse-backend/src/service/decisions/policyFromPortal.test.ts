import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { component, DAY, HOUR, sample, service, sloDocument, startDecisionsBackend, team } from './__testUtils__/decisionsBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const CHECKOUT = 'component:default/checkout';
const SLO = '/api/pulse/slo/entities/component/default/checkout';
const DECISIONS = '/api/pulse/decisions/entities/component/default/checkout';
const entities = [component('checkout', 'payments'), team('payments')];
const ada = { Authorization: mockCredentials.user.header('user:default/ada') };
const bob = { Authorization: mockCredentials.user.header('user:default/bob') };

/** A whole second `ms` from now, so that reasons print it without milliseconds. */
const wholeSecondFromNow = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString();
const text = (iso: string) => iso.replace('.000Z', 'Z');
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe.each(databases.eachSupportedId())('policy from the portal on %p', databaseId => {
  const start = () => startDecisionsBackend(databases, databaseId, { entities });

  /** Checkout with its 99% budget spent twice over: 200 bad of 10,000 events against 100 allowed. */
  async function frozenCheckout(server: Awaited<ReturnType<typeof start>>['server']) {
    const now = Date.now();
    await request(server).put(`${SLO}/slos/availability`).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(CHECKOUT, now, 2 * DAY, 0, 0), sample(CHECKOUT, now, 2 * HOUR, 9_800, 10_000)] })
      .expect(200);
  }

  /** Checkout with 99.95% good: half its budget left, so the gate allows. */
  async function healthyCheckout(server: Awaited<ReturnType<typeof start>>['server']) {
    const now = Date.now();
    await request(server).put(`${SLO}/slos/availability`).send(sloDocument()).expect(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(CHECKOUT, now, 2 * DAY, 0, 0), sample(CHECKOUT, now, 2 * HOUR, 9_995, 10_000)] })
      .expect(200);
  }

  it('forces a freeze with a reason and an expiry, and the gate names who froze it until when', async () => {
    const { server } = await start();
    await healthyCheckout(server);
    expect((await request(server).get(`${SLO}/release-gate`)).body.decision).toBe('allow');

    const until = wholeSecondFromNow(5 * DAY);
    const put = await request(server)
      .put(`${DECISIONS}/policy`)
      .set(ada)
      .send({ state: 'freeze', reason: 'Audit week: no changes', expiresAt: until });
    expect(put.status).toBe(200);
    expect(put.body.override).toEqual({
      state: 'freeze',
      reason: 'Audit week: no changes',
      expiresAt: until,
      updatedBy: 'user:default/ada',
      updatedAt: expect.any(String),
      active: true,
    });
    expect(put.body).toMatchObject({ sources: ['portal', 'entity'], updatedBy: 'user:default/ada', canEdit: true });

    const check = await request(server).post(`${SLO}/release-gate`).set(service).send({});
    expect(check.body).toMatchObject({ decision: 'block', state: 'freeze' });
    expect(check.body.reasons.slice(0, 2)).toEqual([
      `Frozen by user:default/ada until ${text(until)}: Audit week: no changes`,
      'Error-budget freeze: releases are blocked except for: security, incident-fix',
    ]);
    // The policy's exceptions still pass a forced freeze.
    const security = await request(server).post(`${SLO}/release-gate`).set(service).send({ reason: 'security' });
    expect(security.body.decision).toBe('allow');
  });

  it('forces normal on an exhausted budget: the override decides, the objectives still say why they would not', async () => {
    const { server } = await start();
    await frozenCheckout(server);
    const until = wholeSecondFromNow(DAY);
    await request(server)
      .put(`${DECISIONS}/policy`)
      .send({ state: 'normal', reason: 'SLI exporter double-counts errors (INC-7)', expiresAt: until })
      .expect(200);
    const preview = await request(server).get(`${SLO}/release-gate`).expect(200);
    expect(preview.body).toMatchObject({ decision: 'allow', state: 'normal' });
    // The override's line, then the objectives' own findings (the exhausted budget first; its burn alerts after).
    expect(preview.body.reasons.slice(0, 2)).toEqual([
      `Set to normal by ${mockCredentials.user().principal.userEntityRef} until ${text(until)}: SLI exporter double-counts errors (INC-7)`,
      'availability / 99%: error budget exhausted (-100.0% remaining)',
    ]);
  });

  it('stops applying an override at its expiry, computed at read time, without writing anything', async () => {
    const { server } = await start();
    await frozenCheckout(server);
    const put = await request(server)
      .put(`${DECISIONS}/policy`)
      .send({ state: 'normal', reason: 'short', expiresAt: new Date(Date.now() + 1_500).toISOString() });
    expect(put.body.override.active).toBe(true);
    expect((await request(server).get(`${SLO}/release-gate`)).body.decision).toBe('allow');
    await sleep(1_600);

    const policy = await request(server).get(`${DECISIONS}/policy`).expect(200);
    // Kept for the record, no longer applied: the entity layer drops out of the sources (no group policy here).
    expect(policy.body.override).toMatchObject({ state: 'normal', reason: 'short', active: false });
    expect(policy.body.sources).toEqual(['portal']);
    const gate = await request(server).get(`${SLO}/release-gate`);
    expect(gate.body).toMatchObject({ decision: 'block', state: 'freeze' });
    expect((await request(server).get(`${DECISIONS}/gate-decisions`)).body.items).toEqual([]);
  });

  it('keeps threshold-only bodies valid, and rejects a state without reason or expiry with 400 naming the field', async () => {
    const { server } = await start();
    await request(server).put(`${DECISIONS}/policy`).send({ caution: { remainingBelow: 0.5 } }).expect(200);
    const thresholdsUntil = await request(server)
      .put(`${DECISIONS}/policy`)
      .send({ exceptions: ['security'], reason: 'trial', expiresAt: wholeSecondFromNow(DAY) });
    expect(thresholdsUntil.status).toBe(200);
    expect(thresholdsUntil.body.override).toMatchObject({ exceptions: ['security'], reason: 'trial', active: true });
    expect(thresholdsUntil.body.override.state).toBeUndefined();

    const pathsOf = async (body: object) => {
      const res = await request(server).put(`${DECISIONS}/policy`).send(body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await pathsOf({ state: 'freeze' })).toEqual(['reason', 'expiresAt']);
    expect(await pathsOf({ state: 'melted', reason: 'x', expiresAt: wholeSecondFromNow(DAY) })).toEqual(['state']);
    expect(await pathsOf({ state: 'freeze', reason: '   ', expiresAt: wholeSecondFromNow(DAY) })).toEqual(['reason']);
    expect(await pathsOf({ state: 'freeze', reason: 'x'.repeat(501), expiresAt: wholeSecondFromNow(DAY) })).toEqual(['reason']);
    expect(await pathsOf({ state: 'freeze', reason: 'x', expiresAt: new Date(Date.now() - 1_000).toISOString() })).toEqual(['expiresAt']);
    // 90 days is the limit: 91 days ahead is refused, 89 accepted.
    expect(await pathsOf({ state: 'freeze', reason: 'x', expiresAt: wholeSecondFromNow(91 * DAY) })).toEqual(['expiresAt']);
    expect(await pathsOf({ state: 'freeze', reason: 'x', expiresAt: '2026-12-10' })).toEqual(['expiresAt']);
    await request(server)
      .put(`${DECISIONS}/policy`)
      .send({ state: 'freeze', reason: 'x', expiresAt: wholeSecondFromNow(89 * DAY) })
      .expect(200);
  });

  it('grants a one-release exception that one blocked check uses up, and a preview only announces', async () => {
    const { server } = await start();
    await frozenCheckout(server);
    const expiresAt = wholeSecondFromNow(3 * DAY);
    const granted = await request(server)
      .post(`${DECISIONS}/exceptions`)
      .set(ada)
      .send({ reason: 'Hotfix for INC-9', expiresAt });
    expect(granted.status).toBe(201);
    expect(granted.body).toEqual({
      id: expect.any(Number),
      entityRef: CHECKOUT,
      reason: 'Hotfix for INC-9',
      expiresAt,
      grantedBy: 'user:default/ada',
      grantedAt: expect.any(String),
      usedAt: null,
      usedBy: null,
    });
    const id = granted.body.id;
    const released = 'Error-budget freeze, released under the one-release exception granted by user:default/ada: Hotfix for INC-9';

    // Two previews: both announce the grant, neither uses it.
    for (let i = 0; i < 2; i++) {
      const preview = await request(server).get(`${SLO}/release-gate`).expect(200);
      expect(preview.body).toMatchObject({
        decision: 'allow',
        state: 'freeze',
        releaseException: { id, grantedBy: 'user:default/ada', reason: 'Hotfix for INC-9', expiresAt, consumed: false },
      });
    }
    expect((await request(server).get(`${DECISIONS}/exceptions`)).body.items[0].status).toBe('active');

    const check = await request(server).post(`${SLO}/release-gate`).set(bob).send({});
    expect(check.body).toMatchObject({
      decision: 'allow',
      state: 'freeze',
      releaseException: { id, consumed: true },
      recorded: { caller: 'user:default/bob' },
    });
    expect(check.body.reasons[0]).toBe(released);
    // The grant is spent: the next check blocks.
    const next = await request(server).post(`${SLO}/release-gate`).set(service).send({});
    expect(next.body).toMatchObject({ decision: 'block', releaseException: null });

    const log = await request(server).get(`${DECISIONS}/gate-decisions`).expect(200);
    expect(log.body.items.map((d: any) => [d.decision, d.caller, d.releaseException])).toEqual([
      ['block', `service:${mockCredentials.service().principal.subject}`, null],
      ['allow', 'user:default/bob', { id, grantedBy: 'user:default/ada', reason: 'Hotfix for INC-9' }],
    ]);
    const list = await request(server).get(`${DECISIONS}/exceptions`).expect(200);
    expect(list.body.items).toEqual([
      { ...granted.body, usedAt: expect.any(String), usedBy: 'user:default/bob', status: 'used' },
    ]);
    expect((await request(server).delete(`${DECISIONS}/exceptions/${id}`)).status).toBe(409);
  });

  it('gives one grant to exactly one of three concurrent checks', async () => {
    const { server } = await start();
    await frozenCheckout(server);
    await request(server).post(`${DECISIONS}/exceptions`).send({ reason: 'one', expiresAt: wholeSecondFromNow(DAY) }).expect(201);
    const checks = await Promise.all([1, 2, 3].map(() => request(server).post(`${SLO}/release-gate`).set(service).send({})));
    // One grant, three checks: one allow, two blocks.
    expect(checks.map(c => c.body.decision).sort()).toEqual(['allow', 'block', 'block']);
  });

  it('does not use a grant a release does not need, nor an expired one; revokes unused ones', async () => {
    const { server } = await start();
    await healthyCheckout(server);
    const spare = await request(server).post(`${DECISIONS}/exceptions`).send({ reason: 'spare', expiresAt: wholeSecondFromNow(DAY) });
    const check = await request(server).post(`${SLO}/release-gate`).set(service).send({});
    expect(check.body).toMatchObject({ decision: 'allow', releaseException: null });
    expect((await request(server).get(`${DECISIONS}/exceptions`)).body.items[0]).toMatchObject({ usedAt: null, status: 'active' });

    await request(server).delete(`${DECISIONS}/exceptions/${spare.body.id}`).expect(204);
    await request(server).delete(`${DECISIONS}/exceptions/${spare.body.id}`).expect(404);
    const badId = await request(server).delete(`${DECISIONS}/exceptions/abc`);
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('id');

    await request(server)
      .post(`${DECISIONS}/exceptions`)
      .send({ reason: 'lapses', expiresAt: new Date(Date.now() + 1_000).toISOString() })
      .expect(201);
    await sleep(1_100);
    expect((await request(server).get(`${DECISIONS}/exceptions`)).body.items[0].status).toBe('expired');
  });

  it('refuses a bad exception with 400 naming the field', async () => {
    const { server } = await start();
    const pathsOf = async (body: object) => {
      const res = await request(server).post(`${DECISIONS}/exceptions`).send(body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await pathsOf({ expiresAt: wholeSecondFromNow(DAY) })).toEqual(['reason']);
    expect(await pathsOf({ reason: 'x' })).toEqual(['expiresAt']);
    // 30 days is the limit for an exception.
    expect(await pathsOf({ reason: 'x', expiresAt: wholeSecondFromNow(31 * DAY) })).toEqual(['expiresAt']);
    expect(await pathsOf({ reason: 'x', expiresAt: new Date(Date.now() - 1).toISOString() })).toEqual(['expiresAt']);
    expect(await pathsOf({ reason: 'x', expiresAt: wholeSecondFromNow(DAY), state: 'freeze' })).toEqual(['']);
  });
});
