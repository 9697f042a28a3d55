import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ratioSloDocument } from '../../__testUtils__/sloFixtures';
import { startPulseTestBackend } from '../../__testUtils__/startPulseTestBackend';
import { CHECKOUT_JOURNEY } from './__fixtures__/openSloComposite';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MIN = 60_000;
const HOUR = 60 * MIN;
const ENTITY = 'component:default/checkout';
const CHECKOUT = '/api/pulse/slo/entities/component/default/checkout';
const service = { Authorization: mockCredentials.service.header() };

const ORDERS = 'Orders are accepted';
const PAYMENTS = 'Payments are quick';

const at = (agoMs: number) => new Date(Date.now() - agoMs).toISOString();
const counts = (agoMs: number, good: number, total: number) => ({
  entityRef: ENTITY,
  slo: 'checkout-journey',
  objective: ORDERS,
  timestamp: at(agoMs),
  good,
  total,
});
const value = (agoMs: number, v: number) => ({
  entityRef: ENTITY,
  slo: 'checkout-journey',
  objective: PAYMENTS,
  timestamp: at(agoMs),
  value: v,
});

describe.each(databases.eachSupportedId())('composite SLOs on %p', databaseId => {
  // Three hours of data are enough here, so the composite can be BREACHED and the gate can block.
  const startBackend = async () =>
    startPulseTestBackend(await databases.init(databaseId), { config: { pulse: { slo: { minimumData: '2h' } } } });
  const post = (server: any, items: object[]) => request(server).post('/api/pulse/slo/samples').set(service).send({ items });
  const putJourney = (server: any) =>
    request(server).put(`${CHECKOUT}/slos/checkout-journey`).set('Content-Type', 'application/yaml').send(CHECKOUT_JOURNEY);

  it('takes samples per objective and burns the composite when any objective burns, weighted', async () => {
    const server = await startBackend();
    expect((await putJourney(server)).status).toBe(201);

    // Orders (ratio, target 0.9, weight 1): 100 of 100 five hours ago, 84 of 100 fifty minutes ago.
    // Payments (threshold lt 800, target 0.8, weight 0.5): ten values, one (900) not under 800.
    const accepted = await post(server, [
      counts(5 * HOUR, 100, 100),
      counts(50 * MIN, 84, 100),
      ...[15, 25, 45, 55, 130, 140, 150, 160, 170].map(ago => value(ago * MIN, 300)),
      value(35 * MIN, 900),
    ]);
    expect(accepted.body).toEqual({ accepted: 12 });

    const [slo] = (await request(server).get(CHECKOUT)).body.slos;
    const [orders, payments] = slo.objectives;
    // Orders: 16 bad of 200. Budget 10% x 200 = 20 events, 16 spent, 1 - 16/20 = 0.2 left.
    // Burn rates: 1h (16/100)/0.1 = 1.6; 6h, 1d, 3d (16/200)/0.1 = 0.8; 30m and 5m hold no sample: null.
    expect(orders).toMatchObject({ key: ORDERS, compositeWeight: 1, sli: 0.92 });
    expect(orders.errorBudget).toEqual({ total: 20, consumed: 16, remaining: 4, remainingFraction: 0.2, unit: 'events' });
    expect(orders.burnRates).toEqual({ '5m': null, '30m': null, '1h': 1.6, '6h': 0.8, '1d': 0.8, '3d': 0.8 });
    // Payments: 1 bad of 10. Budget 20% x 10 = 2 events, 1 spent, 0.5 left.
    // Burn rates: 1h holds 15, 25, 35 (bad), 45, 55 minutes ago: (1/5)/0.2 = 1; 30m holds 15 and 25, both good: 0;
    // 6h and longer (1/10)/0.2 = 0.5; 5m: null.
    expect(payments).toMatchObject({ key: PAYMENTS, compositeWeight: 0.5, sli: 0.9 });
    expect(payments.errorBudget).toEqual({ total: 2, consumed: 1, remaining: 1, remainingFraction: 0.5, unit: 'events' });
    expect(payments.burnRates).toEqual({ '5m': null, '30m': 0, '1h': 1, '6h': 0.5, '1d': 0.5, '3d': 0.5 });
    expect(payments.statement).toBe('Payment duration under 800 in 80% of samples');

    // Composite: consumed 1 x (1 - 0.2) + 0.5 x (1 - 0.5) = 0.8 + 0.25 = 1.05 of its budget: -0.05 left, BREACHED,
    // though each objective alone has budget left. Burn rates: 1h 1 x 1.6 + 0.5 x 1 = 2.1; 6h, 1d, 3d 0.8 + 0.25 =
    // 1.05; 30m only payments' 0.5 x 0 = 0; 5m none: null. A one-day window's ticket threshold is 10% x 24h / 72h =
    // 0.0333: 3d and 6h exceed it (ticket); the page pairs need 5m (null) or 30m (0) above 0.48 and 0.2: no page.
    expect(slo.composite).toMatchObject({
      remainingFraction: -0.05,
      met: false,
      burnRates: { '5m': null, '30m': 0, '1h': 2.1, '6h': 1.05, '1d': 1.05, '3d': 1.05 },
      alert: 'ticket',
      timeToExhaustion: 0,
      status: 'BREACHED',
      objectives: [
        { displayName: ORDERS, weight: 1, weightedConsumedFraction: 0.8 },
        { displayName: PAYMENTS, weight: 0.5, weightedConsumedFraction: 0.25 },
      ],
    });
    expect(slo.composite.data.issues).toEqual([]);
    // The burn-down's last point is the composite's remaining budget.
    expect(slo.composite.history[slo.composite.history.length - 1].remainingFraction).toBe(-0.05);

    // The gate checks each objective and the composite: orders warn (20% < 25%), the composite blocks.
    const gate = (await request(server).get(`${CHECKOUT}/release-gate`)).body;
    expect(gate.decision).toBe('block');
    expect(gate.reasons).toContain('checkout-journey / composite: error budget exhausted (-5.0% remaining)');
    expect(gate.reasons).toContain(`checkout-journey / ${ORDERS}: 20.0% of the error budget remaining, below 25.0%`);
    expect(gate.slos.map((s: { objective: string }) => s.objective)).toEqual([ORDERS, PAYMENTS, 'composite']);
  });

  it('refuses a sample without its objective, naming items.<i>.objective', async () => {
    const server = await startBackend();
    await putJourney(server);
    await request(server).put(`${CHECKOUT}/slos/availability`).send(ratioSloDocument('availability'));
    const { objective, ...withoutObjective } = counts(MIN, 1, 1);
    const res = await post(server, [
      withoutObjective,
      { ...counts(MIN, 1, 1), objective: 'Shipping is on time' },
      { entityRef: ENTITY, slo: 'availability', objective, timestamp: at(MIN), good: 1, total: 1 },
      // The wrong form for the objective: orders take counts, payments values.
      { ...value(MIN, 10), objective: ORDERS },
      { ...counts(MIN, 1, 1), objective: PAYMENTS },
      counts(MIN, 1, 1),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'items.0.objective',
      'items.1.objective',
      'items.2.objective',
      'items.3.value',
      'items.4.good',
      'items.4.total',
      'items.4.value',
    ]);
    expect(res.body.errors[1].message).toBe(
      `'checkout-journey' has no objective 'Shipping is on time': one of '${ORDERS}', '${PAYMENTS}'`,
    );
    // The batch is all or nothing: the good sample was not written either.
    const [journey] = (await request(server).get(CHECKOUT)).body.slos.filter((s: { name: string }) => s.name === 'checkout-journey');
    expect(journey.objectives[0].data.samples).toBe(0);
  });

  it('round-trips: the stored definition PUT back is accepted unchanged', async () => {
    const server = await startBackend();
    await putJourney(server);
    const stored = (await request(server).get(`${CHECKOUT}/slos/checkout-journey`)).body;
    const again = await request(server).put(`${CHECKOUT}/slos/checkout-journey`).send(stored.definition);
    expect(again.status).toBe(200);
    expect(again.body.definition).toEqual(stored.definition);
  });

  it('refuses a composite SLO with Timeslices or two objectives on one key, naming the field', async () => {
    const server = await startBackend();
    const refused = async (yaml: string) => {
      const res = await request(server).put(`${CHECKOUT}/slos/checkout-journey`).set('Content-Type', 'application/yaml').send(yaml);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { path: string }) => e.path);
    };
    expect(await refused(CHECKOUT_JOURNEY.replace(PAYMENTS, ORDERS))).toEqual(['spec.objectives.1.displayName']);
    const sliced = CHECKOUT_JOURNEY.replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices').replace(
      /target(Percent)?: (0\.9|80)\n/g,
      match => `${match}      timeSliceTarget: 0.9\n      timeSliceWindow: 1m\n`,
    );
    expect(await refused(sliced)).toEqual(['spec.budgetingMethod']);
  });
});
