import { parseYamlDocuments } from './openSlo';
import { pyrraSloOf } from './pyrra';
import { ValidationError } from '../validation';
import { pyrraBoolGauge, pyrraLatency, pyrraRatio } from './__fixtures__/slothPyrraExamples';

const prometheus = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query } } });

/** A fixture as parsed JSON, changed by `change` (a deep copy each time). */
function pyrra(yaml: string, change: (doc: any) => void = () => {}) {
  const doc = structuredClone(parseYamlDocuments(yaml)[0]) as any;
  change(doc);
  return doc;
}

function refusedPaths(document: unknown): string[] {
  try {
    pyrraSloOf(document);
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors.map(f => f.path);
    throw e;
  }
  return [];
}

describe('pyrraSloOf', () => {
  it('turns a ratio indicator into a bad/total ratio of increases per step', () => {
    const slo = pyrraSloOf(pyrra(pyrraRatio));
    expect(slo).toEqual({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'cart-api-errors',
        labels: { 'pyrra.dev/team': 'cart' },
        annotations: {
          // Pyrra's own annotations are kept; Kubernetes bookkeeping (kubectl's) is not.
          'pyrra.dev/runbook': 'https://runbooks.example.com/cart-api',
          'pulse.dev/converted-from': 'pyrra.dev/v1alpha1 ServiceLevelObjective cart-api-errors',
          'pulse.dev/pyrra-alerting': expect.any(String),
          'pulse.dev/pyrra-grouping': 'handler',
        },
      },
      spec: {
        description: 'Cart API requests that do not fail',
        indicator: {
          spec: {
            ratioMetric: {
              counter: false,
              bad: prometheus('sum(increase(cart_http_requests_total{job="cart-api",code=~"5.."}[{{.window}}]))'),
              total: prometheus('sum(increase(cart_http_requests_total{job="cart-api"}[{{.window}}]))'),
            },
          },
        },
        timeWindow: [{ duration: '4w', isRolling: true }],
        budgetingMethod: 'Occurrences',
        // "99.25" percent = 0.9925.
        objectives: [{ target: 0.9925 }],
      },
    });
    expect(JSON.parse(slo.metadata.annotations!['pulse.dev/pyrra-alerting'])).toEqual({ name: 'CartApiBudgetBurn', absent: false });
  });

  it('turns a latency indicator into a success (bucket) / total ratio', () => {
    const slo = pyrraSloOf(pyrra(pyrraLatency));
    expect(slo.metadata).toEqual({
      name: 'image-render-latency',
      annotations: { 'pulse.dev/converted-from': 'pyrra.dev/v1alpha1 ServiceLevelObjective image-render-latency' },
    });
    expect(slo.spec.indicator!.spec.ratioMetric).toEqual({
      counter: false,
      good: prometheus('sum(increase(image_render_seconds_bucket{job="images",le="0.8"}[{{.window}}]))'),
      total: prometheus('sum(increase(image_render_seconds_count{job="images"}[{{.window}}]))'),
    });
    expect(slo.spec.timeWindow).toEqual([{ duration: '14d', isRolling: true }]);
    expect(slo.spec.objectives).toEqual([{ target: 0.95 }]);
  });

  it('counts a bool gauge sample by sample: good when 1, of all samples', () => {
    const slo = pyrraSloOf(pyrra(pyrraBoolGauge));
    const gauge = 'probe_success{job="blackbox",instance="https://shop.example.com"}';
    expect(slo.spec.indicator!.spec.ratioMetric).toEqual({
      counter: false,
      good: prometheus(`sum(sum_over_time(${gauge}[{{.window}}]))`),
      total: prometheus(`sum(count_over_time(${gauge}[{{.window}}]))`),
    });
    // An empty description is none.
    expect(slo.spec.description).toBeUndefined();
    expect(slo.spec.objectives).toEqual([{ target: 0.99 }]);
  });

  it('takes a year as Pulse\'s Y and a number as the target', () => {
    const slo = pyrraSloOf(pyrra(pyrraBoolGauge, d => Object.assign(d.spec, { window: '1y', target: 99.9 })));
    expect(slo.spec.timeWindow).toEqual([{ duration: '1Y', isRolling: true }]);
    expect(slo.spec.objectives).toEqual([{ target: 0.999 }]);
  });

  it.each([
    ['a target of 100%', pyrraRatio, (d: any) => (d.spec.target = '100'), 'spec.target'],
    ['a target that is not a number', pyrraRatio, (d: any) => (d.spec.target = 'three nines'), 'spec.target'],
    ['no target', pyrraRatio, (d: any) => delete d.spec.target, 'spec.target'],
    ['a compound window', pyrraRatio, (d: any) => (d.spec.window = '1d12h'), 'spec.window'],
    ['a window over 400 days', pyrraRatio, (d: any) => (d.spec.window = '60w'), 'spec.window'],
    ['native histograms', pyrraLatency, (d: any) => (d.spec.indicator = { latencyNative: { latency: '1s', total: { metric: 'x' } } }), 'spec.indicator.latencyNative'],
    ['no indicator kind', pyrraRatio, (d: any) => (d.spec.indicator = {}), 'spec.indicator.ratio'],
    ['two indicator kinds', pyrraLatency, (d: any) => (d.spec.indicator.bool_gauge = { metric: 'up' }), 'spec.indicator.ratio'],
    ['a latency bucket without le', pyrraLatency, (d: any) => (d.spec.indicator.latency.success.metric = 'x_bucket{job="a"}'), 'spec.indicator.latency.success.metric'],
    ['an expression where a selector goes', pyrraRatio, (d: any) => (d.spec.indicator.ratio.errors.metric = 'sum(rate(x[5m]))'), 'spec.indicator.ratio.errors.metric'],
    ['a name that is not a DNS label', pyrraRatio, (d: any) => (d.metadata.name = 'cart.api'), 'metadata.name'],
    ['an unknown spec field', pyrraRatio, (d: any) => (d.spec.objective = 99), 'spec'],
  ])('refuses %s, naming the field', (_case, yaml, change, path) => {
    expect(refusedPaths(pyrra(yaml, change))).toEqual([path]);
  });
});
