import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { PulseStore, SLO_ROLLUP_BATCH_ROWS } from '@pulse/plugin-pulse-node';
import { PulseContext } from '../context';
import { parseOpenSloDocument } from './openSlo';
import { deleteExpiredSloSums, rollUpSloSamples } from './rollup';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-29T12:00:00Z');
const horizons = { hourlyRetentionDays: 90, dailyRetentionDays: 400 };

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

describe.each(databases.eachSupportedId())('SLO roll-up and retention on %p', databaseId => {
  async function setUp() {
    const knex = await databases.init(databaseId);
    const store = await PulseStore.fromClient(knex);
    const { slo } = await store.slo.upsertSlo({ entityRef: 'component:default/a', definition, source: 'api', now });
    const ctx = { store } as unknown as PulseContext;
    const windowSums = async (windowStartMs: number) =>
      (await store.slo.sums.objectiveSums({ sloId: slo.id, windowStartMs, nowMs: now, lookbacks: {} })).window;
    const rollups = async () =>
      (await knex('pulse_sli_rollup').orderBy('ts').select('resolution', 'ts', 'good', 'total')).map(r => ({
        resolution: r.resolution,
        ts: Number(r.ts),
        good: Number(r.good),
        total: Number(r.total),
      }));
    return { knex, store, slo, ctx, windowSums, rollups };
  }

  it('rolls raw samples into hours past the longest window + 4 days, hours into days past 90 days, without double counting', async () => {
    const { knex, store, slo, ctx, windowSums, rollups } = await setUp();
    await store.slo.writeSamples([
      { sloId: slo.id, ts: now - 500 * DAY, good: 1, total: 1 }, // past the daily retention
      { sloId: slo.id, ts: now - 100 * DAY, good: 8, total: 10 }, // two samples of one hour, past 90 days
      { sloId: slo.id, ts: now - 100 * DAY + MINUTE, good: 9, total: 10 },
      { sloId: slo.id, ts: now - 40 * DAY, good: 5, total: 6 }, // two hours, within 90 days
      { sloId: slo.id, ts: now - 40 * DAY + HOUR, good: 4, total: 4 },
      { sloId: slo.id, ts: now - 31 * DAY, good: 5, total: 5 }, // within 28d + 4d: stays raw
    ]);

    expect(await rollUpSloSamples(ctx, { nowMs: now, ...horizons })).toEqual({
      rawCutoff: new Date(now - 32 * DAY).toISOString(),
      rolledUp: 5,
      hourlyCutoff: new Date(now - 90 * DAY).toISOString(),
      rolledUpHours: 2,
    });
    expect(await rollups()).toEqual([
      { resolution: 'day', ts: now - 500 * DAY - 12 * HOUR, good: 1, total: 1 },
      { resolution: 'day', ts: now - 100 * DAY - 12 * HOUR, good: 17, total: 20 },
      { resolution: 'hour', ts: now - 40 * DAY, good: 5, total: 6 },
      { resolution: 'hour', ts: now - 40 * DAY + HOUR, good: 4, total: 4 },
    ]);
    expect(Number((await knex('pulse_sli_sample').count({ n: '*' }))[0].n)).toBe(1);
    // Raw, hourly and daily rows together: every event once.
    expect(await windowSums(now - 600 * DAY)).toEqual({ good: 32, total: 36 });

    // A second run finds nothing left to move.
    expect(await rollUpSloSamples(ctx, { nowMs: now, ...horizons })).toMatchObject({ rolledUp: 0, rolledUpHours: 0 });

    expect(await deleteExpiredSloSums(ctx, { nowMs: now, ...horizons })).toEqual({
      dailyCutoff: new Date(now - 400 * DAY).toISOString(),
      droppedDays: 1,
    });
    expect(await windowSums(now - 600 * DAY)).toEqual({ good: 31, total: 35 });
  });

  it('keeps raw samples per SLO: one SLO with a year-long window does not hold back the others', async () => {
    const { knex, store, slo, ctx } = await setUp();
    const yearly = await store.slo.upsertSlo({
      entityRef: 'component:default/b',
      definition: { ...definition, spec: { ...definition.spec, timeWindow: [{ duration: '365d', isRolling: true }] } },
      source: 'api',
      now,
    });
    await store.slo.writeSamples([
      { sloId: slo.id, ts: now - 40 * DAY, good: 1, total: 1 }, // 28d SLO: past 28 + 4 days, rolled up
      { sloId: slo.id, ts: now - 31 * DAY, good: 1, total: 1 }, // within 32 days: stays raw
      { sloId: yearly.slo.id, ts: now - 40 * DAY, good: 1, total: 1 }, // 365d SLO: within 369 days, stays raw
    ]);
    // The 28d SLO is cut at 32 days, the 365d one at 369 days; the run reports the oldest cutoff.
    expect(await rollUpSloSamples(ctx, { nowMs: now, ...horizons })).toMatchObject({
      rawCutoff: new Date(now - 369 * DAY).toISOString(),
      rolledUp: 1,
    });
    const raw = await knex('pulse_sli_sample').orderBy(['slo_id', 'ts']).select('slo_id', 'ts');
    expect(raw.map(r => [Number(r.slo_id), Number(r.ts)])).toEqual([
      [slo.id, now - 31 * DAY],
      [yearly.slo.id, now - 40 * DAY],
    ]);
  });

  it('moves a long backlog in batches whose boundaries may split an hour, and the split hour still sums once', async () => {
    const { store, slo, ctx, rollups } = await setUp();
    const start = now - 60 * DAY;
    const count = 2 * SLO_ROLLUP_BATCH_ROWS + 1;
    await store.slo.writeSamples(
      Array.from({ length: count }, (_, i) => ({ sloId: slo.id, ts: start + i * MINUTE, good: 1, total: 2 })),
    );

    const result = await rollUpSloSamples(ctx, { nowMs: now, ...horizons });

    expect(result.rolledUp).toBe(count);
    const hours = await rollups();
    // 10,001 minutes = 166 full hours and 41 minutes.
    expect(hours).toHaveLength(167);
    // Minute 5,000 opens the second batch inside hour 83; the hour still holds its 60 samples.
    expect(hours[83]).toEqual({ resolution: 'hour', ts: start + 83 * HOUR, good: 60, total: 120 });
    expect(hours[166]).toEqual({ resolution: 'hour', ts: start + 166 * HOUR, good: 41, total: 82 });
    expect(hours.reduce((sum, h) => sum + h.total, 0)).toBe(2 * count);
  });

  it('refuses to replace samples in hours already rolled up, and accepts late samples after them', async () => {
    const { store, slo, ctx, windowSums } = await setUp();
    await store.slo.writeSamples([
      { sloId: slo.id, ts: now - 40 * DAY, good: 5, total: 6 },
      { sloId: slo.id, ts: now - 40 * DAY + HOUR, good: 4, total: 4 },
    ]);
    await rollUpSloSamples(ctx, { nowMs: now, ...horizons });

    // A retried batch for a rolled-up hour would count its events twice: the whole call fails with 409.
    const retry = store.slo.writeSamples([
      { sloId: slo.id, ts: now - 31 * DAY, good: 1, total: 1 },
      { sloId: slo.id, ts: now - 40 * DAY, good: 5, total: 6 },
    ]);
    await expect(retry).rejects.toThrow(ConflictError);
    await expect(retry).rejects.toThrow(
      `1 sample(s) fall before ${new Date(now - 40 * DAY + 2 * HOUR).toISOString()}, where the SLO's samples are already rolled up`,
    );
    expect(await windowSums(now - 60 * DAY)).toEqual({ good: 9, total: 10 });

    // A late sample after the newest rolled-up hour was never summed: it is stored, then rolled up once.
    await store.slo.writeSamples([{ sloId: slo.id, ts: now - 39 * DAY, good: 3, total: 3 }]);
    expect((await rollUpSloSamples(ctx, { nowMs: now, ...horizons })).rolledUp).toBe(1);
    expect(await windowSums(now - 60 * DAY)).toEqual({ good: 12, total: 13 });
  });
});
