import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { SloDefinition } from '@pulse/plugin-pulse-common';
import { PulseSliFetchRequest, PulseSliSource, PulseStore } from '@pulse/plugin-pulse-node';
import { fillFromSliSource } from './fillFromSliSource';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-29T12:00:00Z');

const definition = (name: string, type?: string): SloDefinition => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name },
  spec: {
    ...(type
      ? {
          indicator: {
            spec: {
              ratioMetric: {
                counter: true,
                good: { metricSource: { type, spec: { query: `good_${name}` } } },
                total: { metricSource: { type, spec: { query: `total_${name}` } } },
              },
            },
          },
        }
      : { indicatorRef: 'shared-sli' }),
    timeWindow: [{ duration: '1d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
  },
});

describe.each(databases.eachSupportedId())('fillFromSliSource on %p', databaseId => {
  it('fills each SLO of the source type from its latest sample, bounded by its window', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const sloId = async (name: string, type?: string) =>
      (await store.slo.upsertSlo({ entityRef: 'component:default/checkout', definition: definition(name, type), source: 'api', now: NOW })).slo.id;
    const resumes = await sloId('resumes', 'Prometheus');
    const fresh = await sloId('fresh', 'prometheus');
    const stale = await sloId('stale', 'Prometheus');
    const broken = await sloId('broken', 'Prometheus');
    const other = await sloId('other', 'Datadog');
    await sloId('by-ref');
    await store.slo.writeSamples([
      { sloId: resumes, ts: NOW - 3 * HOUR, good: 5, total: 5 },
      { sloId: resumes, ts: NOW - 2 * HOUR, good: 5, total: 5 },
      // Older than the 1-day window: the catch-up starts at the window instead.
      { sloId: stale, ts: NOW - 72 * HOUR, good: 5, total: 5 },
      { sloId: other, ts: NOW - HOUR, good: 5, total: 5 },
    ]);

    const requests = new Map<string, PulseSliFetchRequest>();
    const source: PulseSliSource = {
      type: 'Prometheus',
      schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      fetchCounts: async request => {
        const name = String(request.ratioMetric.total!.metricSource.spec.query).replace('total_', '');
        requests.set(name, request);
        if (name === 'broken') throw new Error('Prometheus is down');
        return [{ ts: request.from, good: 9, total: 10 }];
      },
    };

    const result = await fillFromSliSource(store, source, mockServices.logger.mock(), NOW);

    expect(result).toEqual({ slos: 4, samples: 3, failed: 1 });
    expect(Object.fromEntries([...requests].map(([name, r]) => [name, (NOW - r.from) / HOUR]))).toEqual({
      resumes: 2,
      fresh: 24,
      stale: 24,
      broken: 24,
    });
    expect([...requests.values()].every(r => r.to === NOW)).toBe(true);
    expect(await store.slo.latestSampleTimes([resumes, fresh, stale, broken, other])).toEqual(
      new Map([
        [resumes, NOW - 2 * HOUR],
        [fresh, NOW - 24 * HOUR],
        [stale, NOW - 24 * HOUR],
        [other, NOW - HOUR],
      ]),
    );
  });

  it('fills a threshold SLO with values, and counts a source without fetchValues as a failure for it', async () => {
    const store = await PulseStore.fromClient(await databases.init(databaseId));
    const latency: SloDefinition = {
      ...definition('latency'),
      spec: {
        ...definition('latency').spec,
        indicatorRef: undefined,
        indicator: { spec: { thresholdMetric: { metricSource: { type: 'Prometheus', spec: { query: 'p99' } } } } },
        objectives: [{ target: 0.99, op: 'lt', value: 500 }],
      },
    };
    const { slo } = await store.slo.upsertSlo({ entityRef: 'component:default/checkout', definition: latency, source: 'api', now: NOW });
    const schedule = { frequency: { minutes: 5 }, timeout: { minutes: 1 } };
    const countsOnly: PulseSliSource = { type: 'Prometheus', schedule, fetchCounts: async () => [] };
    const withValues: PulseSliSource = {
      ...countsOnly,
      fetchValues: async request => [{ ts: request.from, value: 420 }],
    };

    expect(await fillFromSliSource(store, countsOnly, mockServices.logger.mock(), NOW)).toEqual({ slos: 1, samples: 0, failed: 1 });
    expect(await fillFromSliSource(store, withValues, mockServices.logger.mock(), NOW)).toEqual({ slos: 1, samples: 1, failed: 0 });
    // The one value went in at the window start (no sample before it): NOW - 1 day.
    expect(await store.slo.latestSampleTimes([slo.id])).toEqual(new Map([[slo.id, NOW - 24 * HOUR]]));
  });
});
