import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { ratioSloDocument, sliSample } from '../../__testUtils__/sloFixtures';
import { startPulseTestBackend } from '../../__testUtils__/startPulseTestBackend';
import {
  OCCURRENCES_LATENCY,
  RATIO_TIMESLICES_LANDING,
  TIMESLICES_LOW_TRAFFIC,
  TIMESLICES_SLA,
} from './__fixtures__/openSloSpecExamples';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MIN = 60_000;
const SLICE = 5 * MIN;
const ENTITY = 'component:default/checkout';
const CHECKOUT = '/api/pulse/slo/entities/component/default/checkout';
const service = { Authorization: mockCredentials.service.header() };

/** A p99 latency SLI and a one-day threshold SLO on it, as one multi-document YAML body. */
const latencyYaml = (method: 'Occurrences' | 'Timeslices', objective: string) => `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-p99
  displayName: p99 latency
spec:
  thresholdMetric:
    metricSource: { type: Pushed, spec: {} }
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: latency
  annotations: { pulse.dev/sli-unit: ms }
spec:
  indicatorRef: checkout-p99
  timeWindow: [{ duration: 1d, isRolling: true }]
  budgetingMethod: ${method}
  objectives: [${objective}]
`;

const valueSample = (atMs: number, value: number) => ({
  entityRef: ENTITY,
  slo: 'latency',
  timestamp: new Date(atMs).toISOString(),
  value,
});

describe.each(databases.eachSupportedId())('OpenSLO budgeting paths on %p', databaseId => {
  const startBackend = async () => startPulseTestBackend(await databases.init(databaseId));
  const objectiveOf = async (server: any) => {
    const res = await request(server).get(CHECKOUT);
    expect(res.status).toBe(200);
    return res.body.slos[0].objectives[0];
  };
  const post = (server: any, items: object[]) => request(server).post('/api/pulse/slo/samples').set(service).send({ items });

  it('accepts the four SLOs of the OpenSLO specification examples, and refuses windows over the bounds by field', async () => {
    const server = await startBackend();
    const examples = [
      ['shop-search-latency', OCCURRENCES_LATENCY],
      ['uplink-availability', TIMESLICES_SLA],
      ['landing-page', RATIO_TIMESLICES_LANDING],
      ['portal-uptime', TIMESLICES_LOW_TRAFFIC],
    ];
    for (const [name, yaml] of examples) {
      const res = await request(server).put(`${CHECKOUT}/slos/${name}`).set('Content-Type', 'application/yaml').send(yaml);
      expect([name, res.status]).toEqual([name, 201]);
    }
    const report = await request(server).get(CHECKOUT);
    expect(report.body.slos.map((s: { budgetingMethod: string }) => s.budgetingMethod).sort()).toEqual([
      'Occurrences',
      'RatioTimeslices',
      'Timeslices',
      'Timeslices',
    ]);

    const tooLong = await request(server)
      .put(`${CHECKOUT}/slos/checkout-availability`)
      .send(ratioSloDocument('checkout-availability', { timeWindow: [{ duration: '14M', isRolling: true }] }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([
      { path: 'spec.timeWindow.0.duration', message: 'a rolling window is at most 400 days' },
    ]);
  });

  it('Occurrences with a threshold SLI: each value is one event, good when it is under the threshold', async () => {
    const server = await startBackend();
    const put = await request(server)
      .put(`${CHECKOUT}/slos/latency`)
      .set('Content-Type', 'application/yaml')
      .send(latencyYaml('Occurrences', '{ op: lt, value: 500, target: 0.5 }'));
    expect(put.status).toBe(201);

    const now = Date.now();
    // Five values: 420, 100, 300 are under 500 (good); 650 and 500 itself are not (lt is strict).
    const accepted = await post(server, [
      valueSample(now - 50 * MIN, 420),
      valueSample(now - 40 * MIN, 650),
      valueSample(now - 30 * MIN, 500),
      valueSample(now - 20 * MIN, 100),
      valueSample(now - 120 * MIN, 300),
    ]);
    expect(accepted.body).toEqual({ accepted: 5 });

    const objective = await objectiveOf(server);
    // SLI 3/5 = 0.6. Budget (1 - 0.5) x 5 events = 2.5; 2 spent, 0.5 left, 1 - 2/2.5 = 0.2 of it.
    // 1h burn rate: the four values of the last hour hold 2 bad: (2/4) / 0.5 = 1.
    expect(objective.sli).toBe(0.6);
    expect(objective.counts).toEqual({ good: 3, total: 5, unit: 'events' });
    expect(objective.errorBudget).toEqual({ total: 2.5, consumed: 2, remaining: 0.5, remainingFraction: 0.2, unit: 'events' });
    expect(objective.burnRates['1h']).toBe(1);
    expect(objective.statement).toBe('p99 latency under 500 ms in 50% of samples');
  });

  it('Timeslices with a threshold SLI: a slice is good when the share of good values reaches timeSliceTarget', async () => {
    const server = await startBackend();
    const objective = '{ op: lte, value: 500, target: 0.99, timeSliceTarget: 0.5, timeSliceWindow: 5m }';
    expect(
      (await request(server).put(`${CHECKOUT}/slos/latency`).set('Content-Type', 'application/yaml').send(latencyYaml('Timeslices', objective)))
        .status,
    ).toBe(201);

    const a = Math.floor((Date.now() - 40 * MIN) / SLICE) * SLICE;
    const b = a + 2 * SLICE;
    // Slice a: 100 and 600, one of two good (0.5 >= 0.5): good. Slice b: 600, 700, 500: one of three (lte includes 500),
    // 0.33 < 0.5: bad.
    await post(server, [
      valueSample(a + MIN, 100),
      valueSample(a + 2 * MIN, 600),
      valueSample(b, 600),
      valueSample(b + MIN, 700),
      valueSample(b + 2 * MIN, 500),
    ]);

    const report = await objectiveOf(server);
    // Budget: 1% of the 1440-minute window = 14.4 minutes; one bad 5-minute slice spends 5: 9.4 left, 1 - 5/14.4.
    expect(report.errorBudget).toEqual({
      total: 14.4,
      consumed: 5,
      remaining: 9.4,
      remainingFraction: 0.652777777778,
      unit: 'minutes',
    });
    expect(report.counts.total - report.counts.good).toBe(1);
    expect(report.statement).toBe('p99 latency at most 500 ms in 99% of 5-minute slices');
  });

  it('RatioTimeslices: the SLI is the mean of the slices\' ratios, and each slice spends its missing share', async () => {
    const server = await startBackend();
    const put = await request(server)
      .put(`${CHECKOUT}/slos/checkout-availability`)
      .send(
        ratioSloDocument('checkout-availability', {
          timeWindow: [{ duration: '1d', isRolling: true }],
          budgetingMethod: 'RatioTimeslices',
          objectives: [{ target: 0.9, timeSliceWindow: '5m' }],
        }),
      );
    expect(put.status).toBe(201);

    const a = Math.floor((Date.now() - 40 * MIN) / SLICE) * SLICE;
    const b = a + 2 * SLICE;
    // Slice a: 9 of 10 and 6 of 10 = 15/20 = 0.75 (0.25 missing); slice b: 1 of 2 = 0.5 (0.5 missing).
    const at = (ms: number, good: number, total: number) => sliSample(ENTITY, 'checkout-availability', ms, good, total);
    await post(server, [at(a + MIN, 9, 10), at(a + 2 * MIN, 6, 10), at(b, 1, 2)]);

    const report = await objectiveOf(server);
    // Budget: 10% of 1440 minutes = 144; spent (0.25 + 0.5) x 5 minutes = 3.75; 140.25 left; 1 - 3.75/144.
    // (Occurrences would count 16 of 22 events, Timeslices with any slice target above 0.75 two bad slices.)
    expect(report.errorBudget).toEqual({
      total: 144,
      consumed: 3.75,
      remaining: 140.25,
      remainingFraction: 0.973958333333,
      unit: 'minutes',
    });
    expect(report.counts.unit).toBe('slices');
    expect(Number((report.counts.total - report.counts.good).toFixed(9))).toBe(0.75);
  });

  it('takes values for threshold SLOs and counts for the others, a 400 naming the field for the wrong form', async () => {
    const server = await startBackend();
    await request(server)
      .put(`${CHECKOUT}/slos/latency`)
      .set('Content-Type', 'application/yaml')
      .send(latencyYaml('Occurrences', '{ op: lt, value: 500, target: 0.99 }'));
    await request(server).put(`${CHECKOUT}/slos/checkout-availability`).send(ratioSloDocument('checkout-availability'));

    const now = Date.now() - MIN;
    // Counts for the threshold SLO, a value for the ratio SLO: found when the batch is checked against the store.
    const wrong = await post(server, [
      { ...sliSample(ENTITY, 'latency', now, 9, 10) },
      { ...valueSample(now, 300), slo: 'checkout-availability' },
    ]);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'items.0.good',
      'items.0.total',
      'items.0.value',
      'items.1.value',
    ]);
    // Neither counts nor a value, and a value that is not a number (NaN is sent as null): refused on their own.
    const empty = await post(server, [
      { entityRef: ENTITY, slo: 'latency', timestamp: new Date(now).toISOString() },
      valueSample(now, Number.NaN),
    ]);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toEqual(['items.0.total', 'items.0.good', 'items.1.value']);
    expect((await objectiveOf(server)).counts.total).toBe(0);

    expect((await post(server, [valueSample(now, 300)])).body).toEqual({ accepted: 1 });
  });
});
