import { PrometheusClient } from './PrometheusClient';
import { PrometheusSliSource } from './PrometheusSliSource';

const MIN = 60_000;

describe('PrometheusSliSource.fetchCounts with Sloth and Pyrra queries', () => {
  it('sends {{.window}} as the step and reads the per-step events at each interval end', async () => {
    const asked: string[] = [];
    // Per query, the values at 00:01 and 00:02 (seconds since the epoch): bad 2 then 0, total 100 then 50.
    const answers: Record<string, Array<[number, string]>> = {
      '(sum(rate(search_queries_total{outcome="error"}[60s]))) * 60': [[60, '2'], [120, '0']],
      '(sum(rate(search_queries_total[60s]))) * 60': [[60, '100'], [120, '50.0000001']],
    };
    const fetchFn = (async (_url: string, init: { body: URLSearchParams }) => {
      const query = init.body.get('query')!;
      asked.push(query);
      const result = [{ values: answers[query] ?? [] }];
      return { status: 200, json: async () => ({ status: 'success', data: { resultType: 'matrix', result } }) };
    }) as unknown as typeof fetch;
    const source = new PrometheusSliSource(
      {
        baseUrls: new Map(),
        defaultBaseUrl: 'http://prometheus:9090',
        stepMs: MIN,
        schedule: { frequency: { minutes: 1 }, timeout: { minutes: 1 } },
      },
      new PrometheusClient(fetchFn),
    );
    const perStep = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query: `(${query}) * {{.windowSeconds}}` } } });

    // The ratio Pulse stores for Sloth's events SLI (sloth.ts).
    const counts = await source.fetchCounts({
      ratioMetric: {
        counter: false,
        bad: perStep('sum(rate(search_queries_total{outcome="error"}[{{.window}}]))'),
        total: perStep('sum(rate(search_queries_total[{{.window}}]))'),
      },
      from: 0,
      to: 2 * MIN,
    });

    expect(asked.sort()).toEqual(Object.keys(answers).sort());
    // [0, 1m) read at 1m: 2 bad of 100, 98 good; [1m, 2m) read at 2m: 0 bad of 50 (rounded to whole events).
    expect(counts).toEqual([
      { ts: 0, good: 98, total: 100 },
      { ts: MIN, good: 50, total: 50 },
    ]);
  });
});

describe('PrometheusSliSource.fetchValues', () => {
  it('reads a threshold query at the end of each interval and keeps one value per interval', async () => {
    const asked: URLSearchParams[] = [];
    // Prometheus answers p99 latencies (ms) at 00:01, 00:02 and 00:04; 00:03 has no value.
    const fetchFn = (async (_url: string, init: { body: URLSearchParams }) => {
      asked.push(init.body);
      const result = [{ values: [[60, '420'], [120, '650.5'], [240, '480']] }];
      return { status: 200, json: async () => ({ status: 'success', data: { resultType: 'matrix', result } }) };
    }) as unknown as typeof fetch;
    const source = new PrometheusSliSource(
      {
        baseUrls: new Map(),
        defaultBaseUrl: 'http://prometheus:9090',
        stepMs: MIN,
        schedule: { frequency: { minutes: 1 }, timeout: { minutes: 1 } },
      },
      new PrometheusClient(fetchFn),
    );

    const values = await source.fetchValues({
      thresholdMetric: {
        metricSource: { type: 'Prometheus', spec: { query: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))' } },
      },
      from: 0,
      to: 4 * MIN,
    });

    // Intervals [0, 1m), [1m, 2m), [2m, 3m), [3m, 4m) read at 1m, 2m, 3m, 4m; the one read at 3m has no value.
    expect(values).toEqual([
      { ts: 0, value: 420 },
      { ts: MIN, value: 650.5 },
      { ts: 3 * MIN, value: 480 },
    ]);
    expect(asked[0].get('start')).toBe('60');
    expect(asked[0].get('end')).toBe('240');
    expect(asked[0].get('query')).toContain('histogram_quantile');
  });
});
