import { TestDatabases } from '@backstage/backend-test-utils';
import { SloDefinition } from '@pulse/plugin-pulse-common';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MIN = 60_000;
const HOUR = 60 * MIN;
const H = Date.parse('2026-11-29T10:00:00Z');

/** A composite SLO: a ratio objective ('orders') and a threshold objective ('pay', good under 800). */
const journey: SloDefinition = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'journey' },
  spec: {
    timeWindow: [{ duration: '1d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [
      { displayName: 'orders', target: 0.9, indicator: { spec: { ratioMetric: {} } } },
      { displayName: 'pay', target: 0.8, op: 'lt', value: 800, indicator: { spec: { thresholdMetric: { metricSource: { spec: {} } } } } },
    ],
  },
};

describe.each(databases.eachSupportedId())('composite objective series on %p', databaseId => {
  it('keeps each objective its own samples, replaced per (objective, ts), and rolls them up apart', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const entityRef = 'component:default/checkout';
    const { slo } = await store.slo.upsertSlo({ entityRef, definition: journey, source: 'api', now: H });
    const sloId = slo.id;

    // Same instant, two objectives: both kept. The repeat of orders at H+1m replaces 5 of 10 with 9 of 10.
    const written = await store.slo.writeSamples(
      [
        { sloId, objective: 'orders', ts: H + MIN, good: 5, total: 10 },
        { sloId, objective: 'orders', ts: H + MIN, good: 9, total: 10 },
        { sloId, objective: 'other', ts: H + MIN, good: 0, total: 10 },
        { sloId, objective: 'orders', ts: H + HOUR, good: 10, total: 10 },
      ],
      [
        { sloId, objective: 'pay', ts: H + MIN, value: 900 },
        { sloId, objective: 'pay', ts: H + 2 * MIN, value: 100 },
      ],
    );
    expect(written).toBe(5);
    const forms = (await store.slo.findSloSampleForms([{ entityRef, name: 'journey' }])).get(`${entityRef}\njourney`);
    expect(forms?.objectives).toEqual(new Map([['orders', 'counts'], ['pay', 'value']]));
    expect((await store.slo.latestObjectiveSampleTimes([sloId])).get(sloId)).toEqual(
      new Map([['orders', H + HOUR], ['other', H + MIN], ['pay', H + 2 * MIN]]),
    );

    const sums = (objective: string, threshold?: { op: 'lt'; value: number }) =>
      store.slo.sums.objectiveSums({ sloId, objective, windowStartMs: H, nowMs: H + 2 * HOUR, lookbacks: {}, threshold });
    // orders: 9 of 10 and 10 of 10; 'other' is not read with it. pay: 100 is under 800, 900 is not: 1 of 2.
    expect((await sums('orders')).window).toEqual({ good: 19, total: 20 });
    expect((await sums('pay', { op: 'lt', value: 800 })).window).toEqual({ good: 1, total: 2 });
    // The shared key of non-composite SLOs holds nothing here.
    expect((await sums('')).window).toEqual({ good: 0, total: 0 });
    expect((await store.slo.sums.sampleSpan(sloId, H, H + 2 * HOUR, 'pay')).samples).toBe(2);

    // Hour H rolls up per objective: orders' 9 of 10 and other's 0 of 10 stay apart; pay's values under its threshold.
    expect(await store.slo.rollup.rollUpBefore(sloId, H + HOUR)).toBe(2);
    expect(await store.slo.rollup.rollUpValuesBefore(sloId, H + HOUR, { op: 'lt', value: 800 }, 'pay')).toBe(2);
    expect((await sums('orders')).window).toEqual({ good: 19, total: 20 });
    expect((await sums('other')).window).toEqual({ good: 0, total: 10 });
    expect((await sums('pay', { op: 'lt', value: 800 })).window).toEqual({ good: 1, total: 2 });
  });
});
