import { TestDatabases } from '@backstage/backend-test-utils';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../context';
import { parseOpenSloDocument } from './openSlo';
import { rollUpSloSamples } from './rollup';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-29T12:00:00Z');

describe.each(databases.eachSupportedId())('rollUpSloSamples on %p', databaseId => {
  it('keeps raw samples for the longest window plus four days and rolls up the rest', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const definition = parseOpenSloDocument({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'availability' },
      spec: {
        indicatorRef: 'http',
        timeWindow: [{ duration: '28d' }],
        budgetingMethod: 'Occurrences',
        objectives: [{ target: 0.99 }],
      },
    });
    const { slo } = await store.slo.upsertSlo({ entityRef: 'component:default/a', definition, source: 'api', now });
    await store.slo.writeSamples([
      { sloId: slo.id, ts: now - 500 * DAY, good: 1, total: 1 }, // beyond the roll-up retention
      { sloId: slo.id, ts: now - 40 * DAY, good: 8, total: 10 },
      { sloId: slo.id, ts: now - 40 * DAY + 60_000, good: 9, total: 10 },
      { sloId: slo.id, ts: now - 31 * DAY, good: 5, total: 5 }, // within 28d + 4d: stays raw
    ]);

    const result = await rollUpSloSamples({ store } as unknown as PulseContext, { nowMs: now, hourlyRetentionDays: 400 });

    expect(result).toEqual({ rawCutoff: new Date(now - 32 * DAY).toISOString(), rolledUp: 3, droppedRollups: 1 });
    const sums = await store.slo.sums.objectiveSums({
      sloId: slo.id,
      windowStartMs: now - 45 * DAY,
      nowMs: now,
      lookbacks: {},
    });
    expect(sums.window).toEqual({ good: 22, total: 25 });
  });
});
