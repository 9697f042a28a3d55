import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ratioSloDocument, sliSample } from '../../__testUtils__/sloFixtures';
import { startPulseTestBackend } from '../../__testUtils__/startPulseTestBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CHECKOUT = '/api/pulse/slo/entities/component/default/checkout';
const checkoutYaml = readFileSync(path.resolve(__dirname, '../../../../../examples/slos/checkout.yaml'), 'utf8');
const service = { Authorization: mockCredentials.service.header() };

/** The checkout SLO, with a description the report repeats; `spec` replaces parts of its spec. */
const sloDocument = (name: string, spec: Record<string, unknown> = {}) =>
  ratioSloDocument(name, { description: 'Checkout requests without server errors', ...spec });

/** One SLI sample of checkout's `slo`, `agoMs` before now. */
const sample = (agoMs: number, good: number, total: number, slo = 'checkout-availability') =>
  sliSample('component:default/checkout', slo, Date.now() - agoMs, good, total);

describe.each(databases.eachSupportedId())('SLO API on %p', databaseId => {
  const startBackend = async (config: object = {}) =>
    startPulseTestBackend(await databases.init(databaseId), { config });

  it('stores OpenSLO documents from YAML and JSON, lists, reads and deletes them', async () => {
    const server = await startBackend();
    const created = await request(server)
      .put(`${CHECKOUT}/slos/checkout-availability`)
      .set('Content-Type', 'application/yaml')
      .send(checkoutYaml);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      entityRef: 'component:default/checkout',
      name: 'checkout-availability',
      description: 'Share of checkout requests answered without a server error',
      source: 'api',
      definition: {
        metadata: { name: 'checkout-availability', displayName: 'Checkout availability' },
        spec: {
          timeWindow: [{ duration: '28d', isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [{ displayName: '99.9% of requests succeed', target: 0.999 }],
          indicator: { spec: { ratioMetric: { good: { metricSource: { type: 'Prometheus' } } } } },
        },
      },
    });

    const replaced = await request(server)
      .put(`${CHECKOUT}/slos/checkout-availability`)
      .send(sloDocument('checkout-availability', { objectives: [{ targetPercent: 99.5 }] }));
    expect(replaced.status).toBe(200);
    expect(replaced.body.definition.spec.objectives).toEqual([{ target: 0.995 }]);

    const list = await request(server).get(`${CHECKOUT}/slos`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['checkout-availability']);
    expect((await request(server).get(`${CHECKOUT}/slos/checkout-availability`)).status).toBe(200);

    expect((await request(server).delete(`${CHECKOUT}/slos/checkout-availability`)).status).toBe(204);
    expect((await request(server).delete(`${CHECKOUT}/slos/checkout-availability`)).status).toBe(404);
    expect((await request(server).get(`${CHECKOUT}/slos/checkout-availability`)).status).toBe(404);
  });

  it('rejects a bad document with a 400 naming the field', async () => {
    const server = await startBackend();
    const put = (body: object) => request(server).put(`${CHECKOUT}/slos/availability`).send(body);

    const badTarget = await put(sloDocument('availability', { objectives: [{ target: 1.5 }] }));
    expect(badTarget.status).toBe(400);
    expect(badTarget.body.errors).toEqual([
      { path: 'spec.objectives.0.target', message: 'must be below 1 (a 100% objective has no error budget)' },
    ]);
    expect(badTarget.body.error.message).toContain('spec.objectives.0.target');

    const mismatch = await put(sloDocument('other-name'));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].path).toBe('metadata.name');

    const thresholdRes = await put(
      sloDocument('availability', {
        indicator: {
          metadata: { name: 'http-success' },
          spec: { thresholdMetric: { metricSource: { type: 'Prometheus', spec: {} } } },
        },
      }),
    );
    // A threshold indicator is accepted (issue #22), but its objective must say what a good value is.
    expect(thresholdRes.status).toBe(400);
    expect(thresholdRes.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'spec.objectives.0.op',
      'spec.objectives.0.value',
    ]);

    const timeslicesRes = await put(sloDocument('availability', { budgetingMethod: 'Timeslices' }));
    expect(timeslicesRes.status).toBe(400);
    expect(timeslicesRes.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'spec.objectives.0.timeSliceTarget',
      'spec.objectives.0.timeSliceWindow',
    ]);

    const window = sloDocument('availability', { timeWindow: [{ duration: '28 days', isRolling: true }] });
    expect((await put(window)).body.errors[0].path).toBe('spec.timeWindow.0.duration');

    const yaml = await request(server)
      .put(`${CHECKOUT}/slos/availability`)
      .set('Content-Type', 'text/yaml')
      .send('apiVersion: [openslo');
    expect(yaml.status).toBe(400);
    expect(yaml.body.error.name).toBe('InputError');
  });

  it('ingests samples from service principals only, all or nothing, replacing on re-post', async () => {
    const server = await startBackend();
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));

    const asUser = await request(server).post('/api/pulse/slo/samples').send({ items: [sample(HOUR, 9, 10)] });
    expect(asUser.status).toBe(403);

    const bad = await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({
        items: [
          sample(HOUR, 9, 10),
          sample(HOUR, 11, 10),
          { ...sample(-HOUR, 1, 1) },
          sample(HOUR, 1, 1, 'no-such-slo'),
          { ...sample(HOUR, 1, 2), bad: 1 },
          { ...sample(HOUR, 1, 2), good: 1.5 },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { index: number; path: string }) => [e.index, e.path])).toEqual([
      [1, 'items.1.good'],
      [2, 'items.2.timestamp'],
      [4, 'items.4.good'],
      [5, 'items.5.good'],
    ]);

    const unknown = await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(HOUR, 9, 10), sample(HOUR, 1, 1, 'no-such-slo')] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { index: 1, path: 'items.1.slo', message: "no SLO 'no-such-slo' is defined for component:default/checkout" },
    ]);

    // Nothing of the rejected batches was written.
    expect((await request(server).get(CHECKOUT)).body.slos[0].objectives[0].counts).toEqual({
      good: 0,
      total: 0,
      unit: 'events',
    });

    const first = sample(HOUR, 9, 10);
    const ok = await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [first, { ...first, good: undefined, bad: 2 }] });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ accepted: 1 });
    // The same (entity, SLO, timestamp) twice in one batch: the last (2 bad of 10) wins.
    expect((await request(server).get(CHECKOUT)).body.slos[0].objectives[0].counts).toEqual({
      good: 8,
      total: 10,
      unit: 'events',
    });
    await request(server).post('/api/pulse/slo/samples').set(service).send({ items: [{ ...first, good: 7 }] });
    expect((await request(server).get(CHECKOUT)).body.slos[0].objectives[0].counts).toEqual({
      good: 7,
      total: 10,
      unit: 'events',
    });
  });

  it('returns the hand-computed budget, burn rates, alert and gate for a known series', async () => {
    const server = await startBackend();
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    const posted = await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({
        items: [
          sample(40 * DAY, 0, 500), // outside the window: never counted
          sample(10 * DAY, 9990, 10000),
          sample(2 * DAY, 980, 1000),
          sample(3 * HOUR, 190, 200),
          sample(2 * MIN, 95, 100),
        ],
      });
    expect(posted.body).toEqual({ accepted: 5 });

    const res = await request(server).get(CHECKOUT);
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    const [slo] = res.body.slos;
    expect(slo).toMatchObject({
      name: 'checkout-availability',
      description: 'Checkout requests without server errors',
      budgetingMethod: 'Occurrences',
      window: { duration: '28d', isRolling: true, timeZone: 'UTC' },
    });
    expect(Date.parse(slo.window.end) - Date.parse(slo.window.start)).toBe(28 * DAY);
    expect(slo.objectives[0]).toMatchObject({
      displayName: 'Checkout succeeds',
      target: 0.99,
      sli: 0.996017699115,
      counts: { good: 11255, total: 11300, unit: 'events' },
      errorBudget: { total: 113, consumed: 45, remaining: 68, remainingFraction: 0.601769911504, unit: 'events' },
      burnRates: { '5m': 5, '30m': 5, '1h': 5, '6h': 5, '1d': 5, '3d': 2.69230769231 },
      alert: 'ticket',
      timeToExhaustion: 291160,
      status: 'WARNING',
    });
    // One point per UTC date from the window's first day to today: 29 dates for 28 days that start mid-day.
    const history = slo.objectives[0].history;
    expect(history).toHaveLength(29);
    expect(new Set(history.map((p: { date: string }) => p.date)).size).toBe(29);
    expect(history[0]).toMatchObject({ remainingFraction: 1 });
    expect(history[28].remainingFraction).toBe(0.601769911504);
    expect(slo.objectives[0]).toMatchObject({ met: true, data: { samples: 4, issues: [] } });

    const gate = await request(server).get(`${CHECKOUT}/release-gate`).set(service);
    expect(gate.status).toBe(200);
    expect(gate.body).toMatchObject({
      entityRef: 'component:default/checkout',
      decision: 'warn',
      reasons: ['checkout-availability / Checkout succeeds: ticket alert firing (slow burn)'],
      slos: [
        {
          slo: 'checkout-availability',
          objective: 'Checkout succeeds',
          status: 'WARNING',
          remainingFraction: 0.601769911504,
          alert: 'ticket',
          decision: 'warn',
        },
      ],
    });

    // A fast burn now: 30 of 100 bad two minutes ago -> 5m burn rate 30, 1h 30: page, and the gate blocks.
    await request(server).post('/api/pulse/slo/samples').set(service).send({ items: [{ ...sample(2 * MIN, 70, 100) }] });
    const paged = await request(server).get(`${CHECKOUT}/release-gate`);
    expect(paged.body.decision).toBe('block');
    expect(paged.body.reasons).toEqual([
      'Error-budget freeze: releases are blocked except for: security, incident-fix',
      'checkout-availability / Checkout succeeds: page alert firing (fast burn)',
    ]);
  });

  it('blocks an exhausted budget, allows an entity without SLOs, and follows the configured policy', async () => {
    const server = await startBackend({ pulse: { slo: { releaseGate: { warnWhenRemainingBelow: 0.5 } } } });
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(5 * DAY, 900, 1000)] });

    const gate = await request(server).get(`${CHECKOUT}/release-gate`);
    // 1% of 1,000 = 10 allowed, 100 bad: 1 - 100/10 = -900%. The only sample is 5 days (120 hours) old: stale too.
    expect(gate.body).toMatchObject({
      decision: 'block',
      reasons: [
        'Error-budget freeze: releases are blocked except for: security, incident-fix',
        'checkout-availability / Checkout succeeds: error budget exhausted (-900.0% remaining)',
        'checkout-availability / Checkout succeeds: stale data: the newest sample is 120.0h old',
      ],
      policy: { warnWhenRemainingBelow: 0.5, blockWhenRemainingAtMost: 0 },
    });

    const none = await request(server).get('/api/pulse/slo/entities/component/default/nothing-here');
    expect(none.status).toBe(200);
    expect(none.body.slos).toEqual([]);
    const noneGate = await request(server).get('/api/pulse/slo/entities/component/default/nothing-here/release-gate');
    expect(noneGate.body).toMatchObject({
      decision: 'allow',
      reasons: ['No SLOs are defined for this entity: nothing to check'],
      slos: [],
    });
  });

  it('counts time slices for a Timeslices SLO', async () => {
    const server = await startBackend();
    const doc = sloDocument('search-latency', {
      budgetingMethod: 'Timeslices',
      objectives: [{ target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' }],
    });
    expect((await request(server).put(`${CHECKOUT}/slos/search-latency`).send(doc)).status).toBe(201);
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({
        items: [
          sample(5 * DAY, 100, 100, 'search-latency'),
          sample(4 * DAY, 90, 100, 'search-latency'),
          sample(3 * DAY, 50, 100, 'search-latency'),
          sample(2 * DAY, 99, 100, 'search-latency'),
        ],
      });
    const [objective] = (await request(server).get(CHECKOUT)).body.slos[0].objectives;
    // 28 days hold 8,064 five-minute slices; a slice without events is good, so only the 90% and 50% slices are bad:
    // SLI 8,062 / 8,064 = 0.999751984127 (above 99%, as the budget agrees). 1% of 28 days = 403.2 minutes; two bad
    // slices = 10 minutes.
    expect(objective).toMatchObject({
      sli: 0.999751984127,
      met: true,
      counts: { good: 8062, total: 8064, unit: 'slices' },
      errorBudget: { total: 403.2, consumed: 10, remaining: 393.2, remainingFraction: 0.975198412698, unit: 'minutes' },
      // The newest sample is two days old.
      status: 'OK',
      data: { samples: 4, issues: ['stale data'] },
    });
    // No sample in the last 6 hours (the newest is two days old): no rate, and why; never 0, which would read as
    // "nothing burns". 3d holds the good 99% slice of two days ago (the 50% one, stamped 3 days before the POST, is
    // just outside it at the GET): a rate, 0.
    expect(objective.burnRates['6h']).toBeNull();
    expect(objective.burnRateGaps['6h']).toBe('no samples');
    expect(objective.burnRates['3d']).toBe(0);
    expect(objective.burnRateGaps['3d']).toBeUndefined();
    expect(objective.exhaustion).toEqual({ state: 'unknown', reason: 'no data in the last 1h' });
  });

  it('warns on no data and on stale data, each configurable in age', async () => {
    const server = await startBackend();
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    const none = await request(server).get(`${CHECKOUT}/release-gate`);
    expect(none.body).toMatchObject({
      decision: 'warn',
      reasons: ['checkout-availability / Checkout succeeds: no data: no SLI samples in the window'],
      slos: [{ status: 'INSUFFICIENT_DATA', remainingFraction: null }],
    });

    // Healthy for two days, then silent for 7 hours: stale (older than 6 hours).
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(2 * DAY, 1000, 1000), sample(7 * HOUR, 1000, 1000)] });
    const stale = await request(server).get(`${CHECKOUT}/release-gate`);
    expect(stale.body.decision).toBe('warn');
    expect(stale.body.reasons).toEqual(['checkout-availability / Checkout succeeds: stale data: the newest sample is 7.0h old']);

    // With pulse.slo.staleAfter 12h the same data passes.
    const lenient = await startBackend({ pulse: { slo: { staleAfter: '12h' } } });
    await request(lenient).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    await request(lenient)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(2 * DAY, 1000, 1000), sample(7 * HOUR, 1000, 1000)] });
    expect((await request(lenient).get(`${CHECKOUT}/release-gate`)).body.decision).toBe('allow');
  });

  it('does not block a new SLO after a small blip: less than 24 hours of data warns', async () => {
    // A new SLO with 3 hours of data, 5 bad of 100: 1% of 100 = 1 allowed, remaining 1 - 5 = -400%.
    const server = await startBackend();
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(3 * HOUR, 95, 100), sample(MIN, 0, 0)] });
    const [objective] = (await request(server).get(CHECKOUT)).body.slos[0].objectives;
    expect(objective).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      errorBudget: { remainingFraction: -4 },
      data: { issues: ['insufficient data'] },
    });
    const gate = await request(server).get(`${CHECKOUT}/release-gate`);
    expect(gate.body.decision).toBe('warn');
    expect(gate.body.reasons).toContain('checkout-availability / Checkout succeeds: error budget exhausted (-400.0% remaining)');
    expect(gate.body.reasons.join('\n')).toContain('insufficient data: 3.0h of data in the window');

    // With pulse.slo.minimumData 2h the same 3 hours are enough: BREACHED, and the gate blocks.
    const strict = await startBackend({ pulse: { slo: { minimumData: '2h' } } });
    await request(strict).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    await request(strict)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(3 * HOUR, 95, 100), sample(MIN, 0, 0)] });
    expect((await request(strict).get(CHECKOUT)).body.slos[0].objectives[0].status).toBe('BREACHED');
    expect((await request(strict).get(`${CHECKOUT}/release-gate`)).body.decision).toBe('block');
  });

  it('reports an SLI exactly at target as met with 0 budget left, not BREACHED', async () => {
    // 99%: 1,089 good of 1,100 = 0.99 exactly; 1% of 1,100 = 11 allowed, 11 spent.
    const server = await startBackend();
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(sloDocument('checkout-availability'));
    await request(server)
      .post('/api/pulse/slo/samples')
      .set(service)
      .send({ items: [sample(2 * DAY, 990, 1000), sample(MIN, 99, 100)] });
    const [objective] = (await request(server).get(CHECKOUT)).body.slos[0].objectives;
    expect(objective).toMatchObject({
      sli: 0.99,
      met: true,
      errorBudget: { total: 11, consumed: 11, remaining: 0, remainingFraction: 0 },
    });
    expect(objective.status).not.toBe('BREACHED');
  });
});
