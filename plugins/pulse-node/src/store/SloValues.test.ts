import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { SloDefinition, SloThresholdOperator } from '@pulse/plugin-pulse-common';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MIN = 60_000;
const HOUR = 60 * MIN;
const H = Date.parse('2026-11-29T10:00:00Z');
const UNDER_500: { op: SloThresholdOperator; value: number } = { op: 'lt', value: 500 };

/** A p99 latency SLO: one objective, good when a value is under 500. */
const latency: SloDefinition = {
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'latency' },
  spec: {
    indicator: { spec: { thresholdMetric: { metricSource: { type: 'Prometheus', spec: { query: 'p99' } } } } },
    timeWindow: [{ duration: '1d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.9, ...UNDER_500 }],
  },
};

describe.each(databases.eachSupportedId())('threshold SLI values on %p', databaseId => {
  it('are judged when read, rolled up into hourly counts under the threshold, and deleted with their SLO', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const entityRef = 'component:default/checkout';
    const { slo } = await store.slo.upsertSlo({ entityRef, definition: latency, source: 'api', now: H });
    const value = (ts: number, v: number) => ({ sloId: slo.id, ts, value: v });

    // Hour H: 100 (good), 600 and 500 (not under 500); hour H+1: 450 (good). A repeat of H+2m replaces 600 with 650.
    const values = [value(H + MIN, 100), value(H + 2 * MIN, 600), value(H + 3 * MIN, 500), value(H + HOUR, 450)];
    expect(await store.slo.writeSamples([], [...values, value(H + 2 * MIN, 650)])).toBe(4);
    expect((await store.slo.findSloSampleForms([{ entityRef, name: 'latency' }])).get(`${entityRef}\nlatency`)).toEqual({
      id: slo.id,
      form: 'value',
    });
    expect((await store.slo.latestSampleTimes([slo.id])).get(slo.id)).toBe(H + HOUR);

    const sums = (threshold = UNDER_500) =>
      store.slo.sums.objectiveSums({ sloId: slo.id, windowStartMs: H, nowMs: H + 2 * HOUR, lookbacks: {}, threshold });
    // Under 500: 100 and 450 of 4 values. At most 500 (lte): 500 too, 3 of 4: the threshold is applied when read.
    expect((await sums()).window).toEqual({ good: 2, total: 4 });
    expect((await sums({ op: 'lte', value: 500 })).window).toEqual({ good: 3, total: 4 });

    // The cutoff H+1h30m rounds down to H+1h: hour H's 3 values become one hourly row, 1 good of 3; 450 stays raw.
    expect(await store.slo.rollup.rollUpValuesBefore(slo.id, H + HOUR + 30 * MIN, UNDER_500)).toBe(3);
    expect((await sums()).window).toEqual({ good: 2, total: 4 });
    await expect(store.slo.writeSamples([], [value(H + 5 * MIN, 1)])).rejects.toThrow(ConflictError);

    expect(await store.slo.deleteSlo(entityRef, 'latency')).toBe(true);
    expect(await store.slo.latestSampleTimes([slo.id])).toEqual(new Map());
  });
});
