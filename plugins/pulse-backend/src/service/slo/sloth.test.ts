import { parseYamlDocuments } from './openSlo';
import { slothSlosOf } from './sloth';
import { ValidationError } from '../validation';
import { slothCheckout } from './__fixtures__/slothPyrraExamples';

const prometheus = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query } } });

/** The checkout resource as parsed JSON, changed by `change` (a deep copy each time). */
function checkout(change: (doc: any) => void = () => {}) {
  const doc = structuredClone(parseYamlDocuments(slothCheckout)[0]) as any;
  change(doc);
  return doc;
}

/** The field paths a conversion refuses. */
function refusedPaths(document: unknown): string[] {
  try {
    slothSlosOf(document);
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors.map(f => f.path);
    throw e;
  }
  return [];
}

describe('slothSlosOf', () => {
  it('turns each entry of spec.slos into one OpenSLO SLO, named by its name', () => {
    const [requests, slow] = slothSlosOf(checkout());

    expect(requests).toEqual({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: {
        name: 'checkout-requests',
        // The resource's labels, with the entry's own winning (tier "0" over "1").
        labels: { team: 'payments', tier: '0', journey: 'buy' },
        annotations: {
          'pulse.dev/converted-from': 'sloth.slok.dev/v1 PrometheusServiceLevel checkout-slos',
          'pulse.dev/sloth-alerting': expect.any(String),
        },
      },
      spec: {
        description: 'Checkout requests answered without a 5xx',
        service: 'checkout',
        indicator: {
          spec: {
            ratioMetric: {
              // Sloth's rates over {{.window}} times the window's seconds: the events of one step.
              counter: false,
              bad: prometheus('(sum(rate(checkout_requests_total{code=~"5.."}[{{.window}}]))) * {{.windowSeconds}}'),
              total: prometheus('(sum(rate(checkout_requests_total[{{ .window }}]))) * {{.windowSeconds}}'),
            },
          },
        },
        // Sloth's default period.
        timeWindow: [{ duration: '30d', isRolling: true }],
        budgetingMethod: 'Occurrences',
        // 99.5% = 0.995.
        objectives: [{ target: 0.995 }],
      },
    });
    // The alerting block is kept whole, unused.
    expect(JSON.parse(requests.metadata.annotations!['pulse.dev/sloth-alerting'])).toEqual({
      name: 'CheckoutErrorBudgetBurn',
      labels: { channel: 'payments-oncall' },
      pageAlert: { labels: { severity: 'page' } },
      ticketAlert: { disable: true },
    });

    expect(slow.metadata).toMatchObject({ name: 'checkout-slow-requests', labels: { team: 'payments', tier: '1' } });
    expect(slow.spec.description).toBeUndefined();
    // A raw error ratio stays a raw failure ratio (pushed as samples; the Prometheus source does not fill raw ratios).
    expect(slow.spec.indicator).toEqual({
      spec: {
        ratioMetric: {
          rawType: 'failure',
          raw: prometheus(
            '1 - sum(rate(checkout_duration_seconds_bucket{le="0.5"}[{{.window}}])) / sum(rate(checkout_duration_seconds_count[{{.window}}]))',
          ),
        },
      },
    });
    expect(slow.spec.objectives).toEqual([{ target: 0.99 }]);
  });

  it.each([
    ['an objective of 100%', (d: any) => (d.spec.slos[0].objective = 100), 'spec.slos.0.objective'],
    ['an objective that is not a number', (d: any) => (d.spec.slos[1].objective = 'high'), 'spec.slos.1.objective'],
    ['a query without {{.window}}', (d: any) => (d.spec.slos[0].sli.events.errorQuery = 'sum(errors)'), 'spec.slos.0.sli.events.errorQuery'],
    ['an SLI plugin', (d: any) => (d.spec.slos[1].sli = { plugin: { id: 'sloth-common/availability' } }), 'spec.slos.1.sli.plugin'],
    ['both events and raw', (d: any) => (d.spec.slos[1].sli.events = d.spec.slos[0].sli.events), 'spec.slos.1.sli.events'],
    ['a name that is not a DNS label', (d: any) => (d.spec.slos[0].name = 'Checkout_Requests'), 'spec.slos.0.name'],
    ['two entries with one name', (d: any) => (d.spec.slos[1].name = 'checkout-requests'), 'spec.slos.1.name'],
    ['no service', (d: any) => delete d.spec.service, 'spec.service'],
    ['no SLOs', (d: any) => (d.spec.slos = []), 'spec.slos'],
    ['another kind', (d: any) => (d.kind = 'ServiceLevel'), 'kind'],
    ['a description longer than OpenSLO allows', (d: any) => (d.spec.slos[0].description = 'x'.repeat(1051)), 'spec.slos.0.description'],
  ])('refuses %s, naming the field', (_case, change, path) => {
    expect(refusedPaths(checkout(change))).toEqual([path]);
  });
});
