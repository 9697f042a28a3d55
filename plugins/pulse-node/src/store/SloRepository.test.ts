import { TestDatabases } from '@backstage/backend-test-utils';
import { SloDefinition, zoneOffsetSpans } from '@pulse/plugin-pulse-common';
import { PulseStore } from './PulseStore';
import { sloKey } from './SloRepository';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const now = Date.parse('2026-11-29T12:00:00Z');
const lookbacks = { '5m': 5 * MIN, '1h': HOUR, '3d': 3 * DAY };

function definition(name: string, overrides: Partial<SloDefinition['spec']> = {}): SloDefinition {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name },
    spec: {
      description: `${name} description`,
      indicatorRef: 'http-success',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: 0.99 }],
      ...overrides,
    },
  };
}

describe.each(databases.eachSupportedId())('SloRepository on %p', databaseId => {
  async function setUp() {
    const knex = await databases.init(databaseId);
    const store = await PulseStore.fromClient(knex);
    const { slo } = await store.slo.upsertSlo({
      entityRef: 'Component:default/Checkout',
      definition: definition('availability'),
      source: 'api',
      now,
    });
    return { knex, repo: store.slo, sloId: slo.id };
  }

  it('creates, replaces, lists and deletes definitions, keeping the row (and samples) on replace', async () => {
    const { knex, repo, sloId } = await setUp();
    const replaced = await repo.upsertSlo({
      entityRef: 'component:default/checkout',
      definition: definition('availability', { description: 'new' }),
      source: 'annotation',
      sourceLocation: 'file:/x/slos.yaml',
      now: now + 1,
    });
    expect(replaced.created).toBe(false);
    expect(replaced.slo).toMatchObject({
      id: sloId,
      entityRef: 'component:default/checkout',
      description: 'new',
      source: 'annotation',
      sourceLocation: 'file:/x/slos.yaml',
      createdAt: now,
      updatedAt: now + 1,
    });
    const other = await repo.upsertSlo({
      entityRef: 'component:default/checkout',
      definition: definition('latency'),
      source: 'api',
      now,
    });
    expect(other.created).toBe(true);
    expect((await repo.listSlos('component:default/checkout')).map(s => s.name)).toEqual(['availability', 'latency']);
    expect(await repo.listSloNames('component:default/CHECKOUT')).toEqual(['availability', 'latency']);
    expect((await repo.getSlo('component:default/checkout', 'latency'))?.definition).toEqual(definition('latency'));

    await repo.writeSamples([{ sloId, ts: now - HOUR, good: 1, total: 1 }]);
    expect(await repo.deleteSlo('component:default/checkout', 'availability')).toBe(true);
    expect(await repo.deleteSlo('component:default/checkout', 'availability')).toBe(false);
    expect(Number((await knex('pulse_sli_sample').count({ n: '*' }).first())?.n)).toBe(0);
  });

  it('prunes an entity’s SLOs of one source except the named ones', async () => {
    const { repo } = await setUp();
    for (const name of ['a', 'b']) {
      await repo.upsertSlo({ entityRef: 'component:default/checkout', definition: definition(name), source: 'annotation', now });
    }
    expect(await repo.deleteSlosExcept('component:default/checkout', 'annotation', ['a'])).toEqual(['b']);
    expect(await repo.listSloNames('component:default/checkout')).toEqual(['a', 'availability']);
  });

  it('finds SLO ids by entity and name, case-insensitive on the entity', async () => {
    const { repo, sloId } = await setUp();
    const ids = await repo.findSloIds([
      { entityRef: 'component:default/CHECKOUT', name: 'availability' },
      { entityRef: 'component:default/checkout', name: 'availability' },
      { entityRef: 'component:default/checkout', name: 'missing' },
    ]);
    expect([...ids.entries()]).toEqual([[sloKey('component:default/checkout', 'availability'), sloId]]);
  });

  it('replaces a sample on re-post and lets the last of a batch win', async () => {
    const { knex, repo, sloId } = await setUp();
    await repo.writeSamples([{ sloId, ts: now - HOUR, good: 5, total: 10 }]);
    const written = await repo.writeSamples([
      { sloId, ts: now - HOUR, good: 7, total: 10 },
      { sloId, ts: now - HOUR, good: 9, total: 10 },
      { sloId, ts: now - 2 * HOUR, good: 1, total: 2 },
    ]);
    expect(written).toBe(2);
    const rows = await knex('pulse_sli_sample').orderBy('ts').select('ts', 'good', 'total');
    expect(rows.map(r => [Number(r.ts), Number(r.good), Number(r.total)])).toEqual([
      [now - 2 * HOUR, 1, 2],
      [now - HOUR, 9, 10],
    ]);
  });

  it('writes a batch larger than one INSERT in one go', async () => {
    const { repo, sloId } = await setUp();
    const samples = Array.from({ length: 1200 }, (_, i) => ({ sloId, ts: now - (i + 1) * MIN, good: 1, total: 2 }));
    expect(await repo.writeSamples(samples)).toBe(1200);
    const sums = await repo.sums.objectiveSums({ sloId, windowStartMs: now - DAY, nowMs: now, lookbacks: {} });
    expect(sums.window).toEqual({ good: 1200, total: 2400 });
  });

  it('sums events per window, lookback and calendar day over [start, now)', async () => {
    const { repo, sloId } = await setUp();
    const windowStartMs = now - 28 * DAY; // 1 November 12:00 UTC: day 0 is 1 November
    await repo.writeSamples([
      { sloId, ts: windowStartMs - HOUR, good: 0, total: 1000 }, // before the window and every lookback
      { sloId, ts: now - 10 * DAY, good: 9990, total: 10000 }, // 19 November: day 18
      { sloId, ts: now - 2 * DAY, good: 980, total: 1000 }, // 27 November: day 26, 3d
      { sloId, ts: now - 3 * HOUR, good: 190, total: 200 }, // 29 November 09:00: day 28, 3d
      { sloId, ts: now - 2 * MIN, good: 95, total: 100 }, // day 28, 3d, 1h, 5m
      { sloId, ts: now - 5 * MIN, good: 10, total: 10 }, // the 5m lookback includes its start
      { sloId, ts: now, good: 0, total: 500 }, // stamped now: windows are half-open, so never counted
    ]);
    const sums = await repo.sums.objectiveSums({ sloId, windowStartMs, nowMs: now, lookbacks });
    expect(sums).toEqual({
      window: { good: 11265, total: 11310 },
      lookbacks: {
        '5m': { good: 105, total: 110 },
        '1h': { good: 105, total: 110 },
        '3d': { good: 1275, total: 1310 },
      },
      // 5m and 1h: the samples 2 and 5 minutes old; 3d: also the ones 3 hours and 2 days old.
      lookbackSamples: { '5m': 2, '1h': 2, '3d': 4 },
      daily: [
        { day: 18, good: 9990, total: 10000 },
        { day: 26, good: 980, total: 1000 },
        { day: 28, good: 295, total: 310 },
      ],
    });
    // Six samples start in [window start, now): the one stamped now is not among them.
    // The two newest starts, 2 and 5 minutes ago, are 3 minutes apart: the sample interval.
    expect(await repo.sums.sampleSpan(sloId, windowStartMs, now)).toEqual({
      samples: 5,
      firstMs: now - 10 * DAY,
      lastMs: now - 2 * MIN,
      intervalMs: 3 * MIN,
    });
    // One sample in the range: no interval.
    expect(await repo.sums.sampleSpan(sloId, now - 3 * MIN, now)).toEqual({
      samples: 1,
      firstMs: now - 2 * MIN,
      lastMs: now - 2 * MIN,
      intervalMs: null,
    });
    expect(await repo.sums.sampleSpan(sloId, now - MIN, now)).toEqual({
      samples: 0,
      firstMs: null,
      lastMs: null,
      intervalMs: null,
    });
  });

  it('groups days by the calendar days of the SLO’s time zone, 25-hour days included', async () => {
    const { repo, sloId } = await setUp();
    // October 2026 in Berlin: 1 October 00:00 CEST = 30 September 22:00 UTC. Summer time ends on 25 October at
    // 01:00 UTC, so 25 October runs from 24 October 22:00 UTC to 25 October 23:00 UTC (25 hours).
    const windowStartMs = Date.parse('2026-09-30T22:00:00Z');
    const nowMs = Date.parse('2026-10-27T12:00:00Z');
    await repo.writeSamples([
      { sloId, ts: windowStartMs, good: 1, total: 1 }, // 1 October 00:00: day 0
      { sloId, ts: Date.parse('2026-10-24T21:59:00Z'), good: 0, total: 1 }, // 24 October 23:59 CEST: day 23
      { sloId, ts: Date.parse('2026-10-24T22:00:00Z'), good: 0, total: 2 }, // 25 October 00:00 CEST: day 24
      { sloId, ts: Date.parse('2026-10-25T22:30:00Z'), good: 0, total: 4 }, // 25 October 23:30 CET: still day 24
      { sloId, ts: Date.parse('2026-10-25T23:00:00Z'), good: 0, total: 8 }, // 26 October 00:00 CET: day 25
    ]);
    const sums = await repo.sums.objectiveSums({
      sloId,
      windowStartMs,
      nowMs,
      lookbacks: {},
      dayOffsets: zoneOffsetSpans('Europe/Berlin', windowStartMs, nowMs),
    });
    expect(sums.daily).toEqual([
      { day: 0, good: 1, total: 1 },
      { day: 23, good: 0, total: 1 },
      { day: 24, good: 0, total: 6 },
      { day: 25, good: 0, total: 8 },
    ]);
  });

  it('counts good and bad time slices', async () => {
    const { repo, sloId } = await setUp();
    const windowStartMs = now - 28 * DAY;
    const slice = 5 * MIN;
    await repo.writeSamples([
      // One slice two days ago from two samples: 96 of 100 good >= 95%: good.
      { sloId, ts: now - 2 * DAY, good: 48, total: 50 },
      { sloId, ts: now - 2 * DAY + MIN, good: 48, total: 50 },
      // A bad slice (90%) three hours ago, a good one (100%) ten minutes ago.
      { sloId, ts: now - 3 * HOUR, good: 9, total: 10 },
      { sloId, ts: now - 10 * MIN, good: 10, total: 10 },
      // A bad slice starting 5 minutes ago, and a slice without events, which the store leaves out (pulse-common
      // adds every slice without events as a good one).
      { sloId, ts: now - 5 * MIN, good: 0, total: 4 },
      { sloId, ts: now - 30 * MIN, good: 0, total: 0 },
    ]);
    const sums = await repo.sums.objectiveSums({
      sloId,
      windowStartMs,
      nowMs: now,
      lookbacks,
      timeSlice: { sliceMs: slice, minGoodRatio: 0.95 },
    });
    expect(sums).toEqual({
      window: { good: 2, total: 4 },
      lookbacks: {
        '5m': { good: 0, total: 1 },
        '1h': { good: 1, total: 2 },
        '3d': { good: 2, total: 4 },
      },
      // Slices with events: 5m the one starting 5 minutes ago; 1h also the one 10 minutes ago; 3d all four.
      lookbackSamples: { '5m': 1, '1h': 2, '3d': 4 },
      daily: [
        { day: 26, good: 1, total: 1 },
        { day: 28, good: 1, total: 3 },
      ],
    });
  });

  it('rolls old raw samples into hourly sums without counting anything twice, and drops old roll-ups', async () => {
    const { knex, repo, sloId } = await setUp();
    const base = Date.parse('2026-10-01T00:00:00Z');
    const samples = Array.from({ length: 6 * 60 }, (_, i) => ({
      sloId,
      ts: base + i * MIN + 1, // six hours of one-minute samples
      good: i % 10 === 0 ? 0 : 2,
      total: 2,
    }));
    await repo.writeSamples(samples);
    const before = await repo.sums.objectiveSums({ sloId, windowStartMs: base - DAY, nowMs: now, lookbacks: {} });

    // Cutoff 4h30 in: rounded down to 4h, so four whole hours roll up.
    expect(await repo.rollup.rollUpBefore(sloId, base + 4.5 * HOUR)).toBe(240);
    expect(await repo.rollup.rollUpBefore(sloId, base + 4.5 * HOUR)).toBe(0);
    const rollups = await knex('pulse_sli_rollup').orderBy('ts').select('ts', 'good', 'total');
    expect(rollups.map(r => [Number(r.ts) - base, Number(r.good), Number(r.total)])).toEqual([
      [0, 108, 120],
      [HOUR, 108, 120],
      [2 * HOUR, 108, 120],
      [3 * HOUR, 108, 120],
    ]);
    expect(Number((await knex('pulse_sli_sample').count({ n: '*' }).first())?.n)).toBe(120);

    const after = await repo.sums.objectiveSums({ sloId, windowStartMs: base - DAY, nowMs: now, lookbacks: {} });
    expect(after.window).toEqual(before.window);
    expect(after.window).toEqual({ good: 648, total: 720 });

    // Hours before the day's end rounded down to the day: all four become one daily sum, then retention drops it.
    expect(await repo.rollup.rollUpHoursBefore(sloId, base + DAY + HOUR)).toBe(4);
    const days = await knex('pulse_sli_rollup').select('resolution', 'ts', 'good', 'total');
    expect(days.map(r => [r.resolution, Number(r.ts) - base, Number(r.good), Number(r.total)])).toEqual([
      ['day', 0, 432, 480],
    ]);
    expect((await repo.sums.objectiveSums({ sloId, windowStartMs: base - DAY, nowMs: now, lookbacks: {} })).window).toEqual(
      { good: 648, total: 720 },
    );
    expect(await repo.rollup.deleteRollupsBefore(sloId, base + DAY)).toBe(1);
  });
});
