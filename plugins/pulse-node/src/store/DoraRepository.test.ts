import { TestDatabases } from '@backstage/backend-test-utils';
import { doraSummaryOf } from '@pulse/plugin-pulse-common';
import { DoraDeploymentRecord, DoraQueryScope } from './DoraTypes';
import { PulseStore } from './PulseStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const rules = {
  productionEnvironments: ['production'],
  incidentAttributionWindowMs: DAY,
  timeZone: 'UTC',
  leadTimeCapMs: 90 * DAY,
  changeFailureRateDenominator: 'successful' as const,
};

const deployment = (
  entity: string,
  id: string,
  finishedAt: string,
  commits: string[] = [],
  extra: Partial<DoraDeploymentRecord> = {},
): DoraDeploymentRecord => ({
  id,
  entityRef: `component:default/${entity}`,
  environment: 'production',
  startedAt: at(finishedAt) - 10 * 60_000,
  finishedAt: at(finishedAt),
  status: 'success',
  commits,
  rework: false,
  ...extra,
});

const change = (entity: string, id: string, createdAt: string, mergedAt?: string) => ({
  id,
  entityRef: `component:default/${entity}`,
  createdAt: at(createdAt),
  ...(mergedAt ? { mergedAt: at(mergedAt) } : {}),
});

describe.each(databases.eachSupportedId())('DoraRepository on %p', databaseId => {
  let store: PulseStore;
  const scope = (entity: string, from: string, to: string, overrides: Partial<DoraQueryScope> = {}): DoraQueryScope => ({
    ...rules,
    entityRefs: [`component:default/${entity}`],
    from: at(from),
    to: at(to),
    ...overrides,
  });

  beforeAll(async () => {
    store = await PulseStore.fromClient(await databases.init(databaseId));
  });

  describe('deploy days', () => {
    beforeAll(async () => {
      // Monday to Thursday at 09:00 and 17:00 UTC for the four weeks from Monday 2 November 2026.
      const deployments = [];
      for (let week = 0; week < 4; week++) {
        for (let weekday = 0; weekday < 4; weekday++) {
          const day = new Date(at('2026-11-02T00:00:00Z') + (week * 7 + weekday) * DAY).toISOString().slice(0, 10);
          deployments.push(deployment('steady', `steady-${day}-am`, `${day}T09:00:00Z`));
          deployments.push(deployment('steady', `steady-${day}-pm`, `${day}T17:00:00Z`));
        }
        // Late on Mondays: 22:30 and 23:30 UTC are one day in UTC, Monday and Tuesday in Berlin (UTC+1 in November).
        const monday = new Date(at('2026-11-02T00:00:00Z') + week * 7 * DAY).toISOString().slice(0, 10);
        deployments.push(deployment('late', `late-${monday}-1`, `${monday}T22:30:00Z`));
        deployments.push(deployment('late', `late-${monday}-2`, `${monday}T23:30:00Z`));
      }
      await store.dora.ingest({ deployments }, rules);
    });

    it('gives the same deploy days whatever the time of day the window ends', async () => {
      // Four weeks back from Saturday 28 November at 00:00 and at 12:00. Both windows hold the whole ISO weeks of
      // 2, 9 and 16 November (the weeks of 26 October and 23 November are cut), each with 4 deploy days (Mon-Thu):
      // median 4, high. (24-hour blocks back from 12:00 put 09:00 and 17:00 in different blocks: 5, elite.)
      for (const to of ['2026-11-28T00:00:00Z', '2026-11-28T12:00:00Z']) {
        const window = { from: at(to) - 28 * DAY, to: at(to) };
        const stats = await store.dora.windowStats({ ...scope('steady', to, to), ...window });
        expect(stats.deployDaysPerWeek).toEqual([4, 4, 4]);
        const summary = doraSummaryOf(stats, window);
        expect(summary.metrics.deploymentFrequency).toMatchObject({ deployDaysPerWeekMedian: 4, tier: 'high' });
      }
    });

    it('counts calendar days of the configured time zone', async () => {
      const window = ['2026-11-02T00:00:00Z', '2026-11-30T00:00:00Z'] as const;
      // UTC: four whole weeks, one deploy day each (both deployments on Monday); November is cut, so it counts:
      // 4 days.
      const utc = await store.dora.windowStats(scope('late', ...window));
      expect([utc.deployDaysPerWeek, utc.deployDaysPerMonth]).toEqual([[1, 1, 1, 1], [4]]);
      // Berlin: the window starts at 01:00 on Monday 2 November, so that week is cut; the weeks of 9, 16 and 23
      // November are whole (the last ends at 23:00Z on the 29th), with Monday and Tuesday each: [2, 2, 2]; November
      // holds 8 deploy days.
      const berlin = await store.dora.windowStats(scope('late', ...window, { timeZone: 'Europe/Berlin' }));
      expect([berlin.deployDaysPerWeek, berlin.deployDaysPerMonth]).toEqual([[2, 2, 2], [8]]);
      // The trend's weeks are the same calendar weeks: 5 of them in Berlin, the first and last cut.
      expect(berlin.weeks.map(w => [new Date(w.period.start).toISOString(), w.stats.successes])).toEqual([
        ['2026-11-02T00:00:00.000Z', 2],
        ['2026-11-08T23:00:00.000Z', 2],
        ['2026-11-15T23:00:00.000Z', 2],
        ['2026-11-22T23:00:00.000Z', 2],
        ['2026-11-29T23:00:00.000Z', 0],
      ]);
    });
  });

  describe('coverage: a window longer than the history', () => {
    beforeAll(async () => {
      // 'history' deploys on Monday to Thursday of the four weeks from Monday 2 November 2026 (4 deploy days a week,
      // 16 deployments); 'incident-first' had an incident on 20 October before its one deployment on 3 November.
      const deployments = [];
      for (let week = 0; week < 4; week++) {
        for (let weekday = 0; weekday < 4; weekday++) {
          const day = new Date(at('2026-11-02T00:00:00Z') + (week * 7 + weekday) * DAY).toISOString().slice(0, 10);
          deployments.push(deployment('history', `history-${day}`, `${day}T09:00:00Z`));
        }
      }
      deployments.push(deployment('incident-first', 'incident-first-1', '2026-11-03T12:00:00Z'));
      await store.dora.ingest(
        {
          deployments,
          incidents: [{ id: 'if-1', entityRef: 'component:default/incident-first', createdAt: at('2026-10-20T08:00:00Z') }],
        },
        rules,
      );
    });

    // 90 days back from Monday 30 November 2026: 1 September to 30 November. 2 November is 62 days in (30 September
    // + 31 October days later), so 90 - 62 = 28 days are covered.
    const longWindow = () => scope('history', '2026-09-01T00:00:00Z', '2026-11-30T00:00:00Z');

    it('finds the first event with an aggregate and counts only covered weeks and months', async () => {
      const stats = await store.dora.windowStats(longWindow());
      expect(stats.firstEventMs).toBe(at('2026-11-02T09:00:00Z'));
      // The whole ISO weeks from 2 November: 2, 9, 16 and 23 November with 4 deploy days each. Over the whole window
      // the weeks of September and October would add 8 zeros and a median of 0.
      expect(stats.deployDaysPerWeek).toEqual([4, 4, 4, 4]);
      // No whole month starts on or after 2 November: the covered part of November, 16 deploy days.
      expect(stats.deployDaysPerMonth).toEqual([16]);
      const summary = doraSummaryOf(stats, { from: at('2026-09-01T00:00:00Z'), to: at('2026-11-30T00:00:00Z') });
      expect(summary.coverage).toEqual({
        from: '2026-11-02T00:00:00.000Z',
        to: '2026-11-30T00:00:00.000Z',
        firstEventAt: '2026-11-02T09:00:00.000Z',
        coveredDays: 28,
        windowDays: 90,
      });
      // 16 deployments / 28 covered days = 0.571428571429 a day (16 / 90 = 0.18 over the whole window); a median of 4
      // deploy days a week is High, not the Low of a 0 median.
      expect(summary.metrics.deploymentFrequency.value).toBeCloseTo(16 / 28, 10);
      expect(summary.metrics.deploymentFrequency.tier).toBe('high');
    });

    it('gives each entity its own first event, an incident included, even without events in the window', async () => {
      const byEntity = await store.dora.statsByEntity(
        scope('history', '2026-09-01T00:00:00Z', '2026-11-30T00:00:00Z', {
          entityRefs: ['component:default/history', 'component:default/incident-first', 'component:default/none'],
        }),
      );
      expect(byEntity.get('component:default/history')?.firstEventMs).toBe(at('2026-11-02T09:00:00Z'));
      expect(byEntity.get('component:default/incident-first')?.firstEventMs).toBe(at('2026-10-20T08:00:00Z'));
      expect(byEntity.has('component:default/none')).toBe(false);
      // A window after all of 'history''s events still knows where its data starts: fully covered, nothing in it.
      const later = await store.dora.statsByEntity(scope('history', '2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z'));
      expect(later.get('component:default/history')).toMatchObject({
        firstEventMs: at('2026-11-02T09:00:00Z'),
        total: { deployments: 0 },
      });
    });
  });

  describe('lead time', () => {
    const leadTime = async (entity: string) => {
      const stats = await store.dora.windowStats(scope(entity, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'));
      return { ...stats.total.leadTime, olderThanCap: stats.total.leadTimeOlderThanCap };
    };
    const push = (entity: string) => [
      // One push at 10:30 of three commits, oldest first.
      change(entity, 'a', '2026-01-05T08:00:00Z', '2026-01-05T10:30:00Z'),
      change(entity, 'b', '2026-01-05T09:00:00Z', '2026-01-05T10:30:00Z'),
      change(entity, 'c', '2026-01-05T10:00:00Z', '2026-01-05T10:30:00Z'),
    ];
    const deploys = (entity: string) => [
      // GitHub deployment statuses list only the head SHA.
      deployment(entity, `${entity}-d1`, '2026-01-05T12:00:00Z', ['b']),
      deployment(entity, `${entity}-d2`, '2026-01-05T14:00:00Z', ['c']),
    ];

    it('counts every change a deployment of a head SHA shipped, whatever the delivery order', async () => {
      await store.dora.ingest({ changes: push('pushed-first') }, rules);
      await store.dora.ingest({ deployments: deploys('pushed-first') }, rules);
      await store.dora.ingest({ deployments: deploys('deployed-first') }, rules);
      await store.dora.ingest({ changes: push('deployed-first') }, rules);
      // d1 (12:00, head b) ships a and b: 4 h and 3 h; d2 (14:00, head c) ships c: 4 h. Median 4 h, p90 between
      // ranks 2 and 3 (h = 1.8): 4 h.
      for (const entity of ['pushed-first', 'deployed-first']) {
        expect(await leadTime(entity)).toEqual({ sampleSize: 3, median: 4 * HOUR, p90: 4 * HOUR, olderThanCap: 0 });
      }
    });

    it('keeps the earliest commit time any source reports (pull request opened Monday, merged Wednesday)', async () => {
      // PR opened Monday 09:00, merged Wednesday 09:00 as m; the push of m says Wednesday 09:00; deployed 10:00.
      const fromPullRequest = (entity: string) => change(entity, 'm', '2026-01-05T09:00:00Z', '2026-01-07T09:00:00Z');
      const fromPush = (entity: string) => change(entity, 'm', '2026-01-07T09:00:00Z', '2026-01-07T09:00:00Z');
      await store.dora.ingest({ changes: [fromPullRequest('pr-first')] }, rules);
      await store.dora.ingest({ changes: [fromPush('pr-first')] }, rules);
      await store.dora.ingest({ changes: [fromPush('push-first')] }, rules);
      await store.dora.ingest({ changes: [fromPullRequest('push-first')] }, rules);
      for (const entity of ['pr-first', 'push-first']) {
        await store.dora.ingest({ deployments: [deployment(entity, `${entity}-d`, '2026-01-07T10:00:00Z', ['m'])] }, rules);
        // Monday 09:00 to Wednesday 10:00 = 49 h in either order (1 h if the later delivery won).
        expect((await leadTime(entity)).median).toBe(49 * HOUR);
      }
    });

    it('keys changes by entity and SHA: two components sharing a commit keep their own times', async () => {
      await store.dora.ingest(
        {
          changes: [change('left', 'shared', '2026-01-10T00:00:00Z'), change('right', 'shared', '2026-01-10T06:00:00Z')],
          deployments: [
            deployment('left', 'left-d', '2026-01-10T10:00:00Z', ['shared']),
            deployment('right', 'right-d', '2026-01-11T06:00:00Z', ['shared']),
          ],
        },
        rules,
      );
      // left: 00:00 -> 10:00 = 10 h; right: 06:00 -> 06:00 the next day = 24 h.
      expect((await leadTime('left')).median).toBe(10 * HOUR);
      expect((await leadTime('right')).median).toBe(24 * HOUR);
    });

    it('leaves out changes older than the cap and counts them', async () => {
      // A first deployment on 20 January ships a change from 1 October 2025 (111 days) and one from 19 January (24 h).
      await store.dora.ingest(
        {
          changes: [
            change('first', 'ancient', '2025-10-01T00:00:00Z', '2025-10-01T00:00:00Z'),
            change('first', 'recent', '2026-01-19T00:00:00Z', '2026-01-19T01:00:00Z'),
          ],
          deployments: [deployment('first', 'first-d', '2026-01-20T00:00:00Z', ['recent'])],
        },
        rules,
      );
      expect(await leadTime('first')).toEqual({ sampleSize: 1, median: 24 * HOUR, p90: 24 * HOUR, olderThanCap: 1 });
      // With a 200-day cap both count: 24 h and 2,664 h (111 days), median 1,344 h.
      const stats = await store.dora.windowStats(
        scope('first', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { leadTimeCapMs: 200 * DAY }),
      );
      expect(stats.total.leadTime.median).toBe(((24 + 111 * 24) / 2) * HOUR);
    });

    it('ignores a deployment update older than the stored one', async () => {
      const newer = deployment('retried', 'retried-d', '2026-01-12T10:05:00Z', ['r1']);
      const older = deployment('retried', 'retried-d', '2026-01-12T10:00:00Z', ['r0'], { status: 'failure' });
      await store.dora.ingest({ changes: [change('retried', 'r1', '2026-01-12T08:05:00Z')], deployments: [newer] }, rules);
      await store.dora.ingest({ deployments: [older] }, rules);
      const stats = await store.dora.windowStats(scope('retried', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'));
      // Still the successful deployment at 10:05 that shipped r1 (2 h).
      expect([stats.total.successes, stats.total.failures, stats.total.leadTime.median]).toEqual([1, 0, 2 * HOUR]);
    });
  });

  describe('change failure rate and recovery time', () => {
    beforeAll(async () => {
      const entityRef = 'component:default/failing';
      await store.dora.ingest(
        {
          deployments: [
            deployment('failing', 'f1', '2026-01-05T10:00:00Z'),
            deployment('failing', 'f2', '2026-01-06T10:00:00Z'),
            deployment('failing', 'f3', '2026-01-07T10:00:00Z', [], { status: 'failure' }),
            deployment('failing', 'f4', '2026-01-07T12:00:00Z', [], { status: 'failure' }),
            deployment('failing', 'f5', '2026-01-07T15:00:00Z'),
          ],
          incidents: [
            // f2 caused two incidents: one names it, one is attributed by time (2 h after it, nothing in between).
            { id: 'i1', entityRef, createdAt: at('2026-01-06T11:00:00Z'), resolvedAt: at('2026-01-06T12:00:00Z'), deploymentId: 'f2' },
            { id: 'i2', entityRef, createdAt: at('2026-01-06T12:00:00Z'), resolvedAt: at('2026-01-06T14:00:00Z') },
            // The failed attempt f3 also opened an incident.
            { id: 'i3', entityRef, createdAt: at('2026-01-07T10:30:00Z'), resolvedAt: at('2026-01-07T11:30:00Z'), deploymentId: 'f3' },
            // 43 h after f5: outside the 24 h attribution window, so no deployment's failure.
            { id: 'i4', entityRef, createdAt: at('2026-01-09T10:00:00Z'), resolvedAt: at('2026-01-09T11:00:00Z') },
          ],
        },
        rules,
      );
    });
    const window = { from: at('2026-01-01T00:00:00Z'), to: at('2026-02-01T00:00:00Z') };

    it('divides by successful deployments by default and measures each change failure once', async () => {
      const stats = await store.dora.windowStats(scope('failing', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'));
      const { metrics } = doraSummaryOf(stats, window, undefined, 'successful');
      // Successful: f1, f2, f5; f2 caused incidents (two, counted once): 1 / 3.
      expect(metrics.changeFailureRate).toMatchObject({ value: 100 / 3, sampleSize: 3 });
      // f2's failure: from i1's start (11:00) to the last resolution (i2, 14:00) = 3 h, one sample.
      expect(metrics.failedDeploymentRecoveryTime).toMatchObject({ value: 3, sampleSize: 1 });
    });

    it('counts failed attempts too with the `all` denominator, still once each', async () => {
      const stats = await store.dora.windowStats(
        scope('failing', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { changeFailureRateDenominator: 'all' }),
      );
      const { metrics } = doraSummaryOf(stats, window, undefined, 'all');
      // (f3 + f4 failed, f2 caused incidents) / 5 attempts = 60%.
      expect(metrics.changeFailureRate).toMatchObject({ value: 60, sampleSize: 5 });
      // f2 3 h; f3 by its incident 10:30 -> 11:30 = 1 h (not also to the next success); f4 12:00 -> f5 15:00 = 3 h.
      // Median of [1, 3, 3] = 3 h, three samples (i4 belongs to no deployment).
      expect(metrics.failedDeploymentRecoveryTime).toMatchObject({ value: 3, sampleSize: 3 });
    });
  });
});
