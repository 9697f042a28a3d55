import { ValidationError } from '../validation';
import {
  OCCURRENCES_LATENCY,
  RATIO_TIMESLICES_LANDING,
  TIMESLICES_LOW_TRAFFIC,
  TIMESLICES_SLA,
} from './__fixtures__/openSloSpecExamples';
import { CHECKOUT_JOURNEY } from './__fixtures__/openSloComposite';
import { parseSloRequestBody } from './definitionBody';
import { parseOpenSloDocument } from './openSlo';

/** The paths of the field errors a parse throws, or [] when it passes. */
function refusedPaths(parse: () => unknown): string[] {
  try {
    parse();
    return [];
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors.map(f => f.path);
    throw e;
  }
}

const ratio = {
  good: { metricSource: { type: 'Prometheus', spec: { query: 'good' } } },
  total: { metricSource: { type: 'Prometheus', spec: { query: 'total' } } },
};
const latencySource = { metricSource: { type: 'Prometheus', spec: { query: 'p99' } } };

/** A minimal SLO; `spec` replaces parts of it. */
const doc = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'openslo/v1',
  kind: 'SLO',
  metadata: { name: 'checkout' },
  spec: {
    indicator: { spec: { ratioMetric: ratio } },
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.99 }],
    ...spec,
  },
});

describe('the OpenSLO specification examples', () => {
  it('accepts the Occurrences latency SLO with a threshold indicator, op and value, and an empty alertPolicies', () => {
    const definition = parseSloRequestBody(OCCURRENCES_LATENCY, 'shop-search-latency');
    expect(definition.spec.indicator?.spec.thresholdMetric?.metricSource.type).toBe('Whatever');
    expect(definition.spec.objectives).toEqual([{ displayName: 'Snappy search', op: 'lt', value: 500, target: 0.99 }]);
    expect(definition.spec.alertPolicies).toBeUndefined();
  });

  it('accepts the Timeslices SLA on a calendar window of one minute, as the example writes it', () => {
    const definition = parseSloRequestBody(TIMESLICES_SLA, 'uplink-availability');
    expect(definition.spec.timeWindow).toEqual([
      { duration: '1m', isRolling: false, calendar: { startTime: '2022-01-01 12:00:00', timeZone: 'America/New_York' } },
    ]);
    // `op` on a ratio objective is stored and not used: a ratio SLI is good when it reaches the target.
    expect(definition.spec.objectives.map(o => o.op)).toEqual(['gt', undefined]);
  });

  it('accepts the RatioTimeslices SLO, which has a slice length but no slice target', () => {
    const definition = parseSloRequestBody(RATIO_TIMESLICES_LANDING, 'landing-page');
    expect(definition.spec.budgetingMethod).toBe('RatioTimeslices');
    expect(definition.spec.objectives).toEqual([{ displayName: 'Answers', op: 'gt', timeSliceWindow: '1m', target: 0.99 }]);
  });

  it('accepts the low-traffic Timeslices SLO on a calendar week', () => {
    const definition = parseSloRequestBody(TIMESLICES_LOW_TRAFFIC, 'portal-uptime');
    expect(definition.spec.timeWindow[0]).toMatchObject({ duration: '1w', isRolling: false });
    expect(definition.spec.objectives[0]).toMatchObject({ target: 0.9995, timeSliceTarget: 0.95 });
  });
});

describe('parseOpenSloDocument', () => {
  it('normalizes targetPercent, a numeric timeSliceWindow (minutes) and isRolling from the calendar', () => {
    const definition = parseOpenSloDocument(
      doc({
        budgetingMethod: 'Timeslices',
        timeWindow: [{ duration: '1M', calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'Europe/Berlin' } }],
        objectives: [{ targetPercent: 99.5, timeSliceTarget: 0.9, timeSliceWindow: 5 }],
      }),
    );
    expect(definition.spec.timeWindow[0].isRolling).toBe(false);
    expect(definition.spec.objectives).toEqual([{ target: 0.995, timeSliceTarget: 0.9, timeSliceWindow: '5m' }]);
  });

  it('accepts a raw success or failure ratio and alert policies inline or by reference, stored as given', () => {
    const alertPolicies = [
      { alertPolicyRef: 'page-on-fast-burn' },
      { kind: 'AlertPolicy', metadata: { name: 'inline' }, spec: { conditions: [{ conditionRef: 'burn' }] } },
    ];
    const definition = parseOpenSloDocument(
      doc({
        indicator: { spec: { ratioMetric: { rawType: 'failure', raw: latencySource } } },
        alertPolicies,
      }),
    );
    expect(definition.spec.indicator?.spec.ratioMetric).toEqual({ rawType: 'failure', raw: latencySource });
    expect(definition.spec.alertPolicies).toEqual(alertPolicies);
  });

  it("accepts the specification's composite SLO, resolving an objective's indicatorRef against the SLI beside it", () => {
    const definition = parseSloRequestBody(CHECKOUT_JOURNEY, 'checkout-journey');
    const [orders, payments] = definition.spec.objectives;
    expect(definition.spec.indicator).toBeUndefined();
    expect(orders).toMatchObject({ displayName: 'Orders are accepted', target: 0.9 });
    expect(orders.indicator?.spec.ratioMetric?.total).toBeDefined();
    // targetPercent 80 is stored as target 0.8; the ref is replaced by the SLI document it names.
    expect(payments).toMatchObject({ target: 0.8, op: 'lt', value: 800, compositeWeight: 0.5 });
    expect(payments.indicator?.metadata?.name).toBe('payment-duration');
    expect(payments.indicatorRef).toBeUndefined();
  });

  it('refuses a composite SLO it cannot key or evaluate, naming the field', () => {
    const composite = (objectives: object[], spec: Record<string, unknown> = {}) =>
      refusedPaths(() => parseOpenSloDocument(doc({ indicator: undefined, objectives, ...spec })));
    const pay = { displayName: 'Pay', target: 0.99, indicator: { metadata: { name: 'pay' }, spec: { ratioMetric: ratio } } };
    expect(composite([pay, { displayName: 'Ship', target: 0.95, compositeWeight: 0.5, indicatorRef: 'ship' }])).toEqual([]);
    // Every objective of a composite needs its own indicator, and the SLO none of its own.
    expect(composite([{ target: 0.9, indicatorRef: 'pay' }, { target: 0.9 }])).toEqual(['spec.objectives.1.indicator']);
    expect(composite([pay], { indicatorRef: 'all' })).toEqual(['spec.indicatorRef']);
    // Samples are keyed by displayName, else objective-<index>: two objectives may not share a key.
    expect(composite([pay, { displayName: 'Pay', target: 0.9, indicatorRef: 'x' }])).toEqual(['spec.objectives.1.displayName']);
    expect(composite([{ target: 0.9, indicatorRef: 'a' }, { displayName: 'objective-0', target: 0.9, indicatorRef: 'b' }])).toEqual([
      'spec.objectives.1.displayName',
    ]);
    // Timeslices: OpenSLO counts a slice bad for the composite when any objective's is bad; Pulse refuses it.
    const sliced = { ...pay, timeSliceTarget: 0.9, timeSliceWindow: '1m' };
    expect(composite([sliced], { budgetingMethod: 'Timeslices' })).toEqual(['spec.budgetingMethod']);
    // A weight is above 0.
    expect(composite([{ ...pay, compositeWeight: 0 }])).toEqual(['spec.objectives.0.compositeWeight']);
  });

  it('refuses what Pulse cannot evaluate with the field named', () => {
    const threshold = { indicator: { spec: { thresholdMetric: latencySource } } };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      // A threshold objective must say what a good value is.
      [{ ...threshold, objectives: [{ target: 0.99 }] }, ['spec.objectives.0.op', 'spec.objectives.0.value']],
      // OpenSLO: a thresholdMetric SLO has one objective.
      [
        { ...threshold, objectives: [{ op: 'lt', value: 1, target: 0.9 }, { op: 'lt', value: 2, target: 0.8 }] },
        ['spec.objectives'],
      ],
      // `value` with an indicator Pulse does not know: the samples' form would be a guess.
      [{ indicator: undefined, indicatorRef: 'unknown-sli', objectives: [{ op: 'lt', value: 500, target: 0.99 }] }, ['spec.objectives.0.value']],
      [{ budgetingMethod: 'Weighted' }, ['spec.budgetingMethod']],
      [{ budgetingMethod: 'RatioTimeslices' }, ['spec.objectives.0.timeSliceWindow']],
      [{ objectives: [{ target: 0.99, op: 'below' }] }, ['spec.objectives.0.op']],
      [{ indicator: { spec: { ratioMetric: ratio, thresholdMetric: latencySource } } }, ['spec.indicator.spec.ratioMetric']],
      [{ indicator: { spec: { ratioMetric: { raw: latencySource } } } }, ['spec.indicator.spec.ratioMetric.rawType']],
      [{ objectives: [{ target: 0.99, compositeWeight: 0 }] }, ['spec.objectives.0.compositeWeight']],
      [{ objectives: [{ target: 0.99, indicatorRef: 'x' }] }, ['spec.indicator']],
      [{ alertPolicies: [{ name: 'loose' }] }, ['spec.alertPolicies.0']],
      [{ timeWindow: undefined }, ['spec.timeWindow']],
      // Issue #14's bounds: a rolling window of at most 400 days, a calendar window of at most one year.
      [{ timeWindow: [{ duration: '401d', isRolling: true }] }, ['spec.timeWindow.0.duration']],
      [{ timeWindow: [{ duration: '13M', isRolling: false }] }, ['spec.timeWindow.0.duration']],
    ];
    for (const [spec, paths] of cases) {
      expect([spec, refusedPaths(() => parseOpenSloDocument(doc(spec)))]).toEqual([spec, paths]);
    }
    expect(refusedPaths(() => parseOpenSloDocument(doc({ timeWindow: [{ duration: '400d', isRolling: true }] })))).toEqual([]);
    expect(refusedPaths(() => parseOpenSloDocument(doc({ timeWindow: [{ duration: '1Y', isRolling: false }] })))).toEqual([]);
  });
});

describe('parseSloRequestBody with several documents', () => {
  const sli = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-p99
  displayName: p99 latency
spec:
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_ms_bucket[1m])))
`;
  const slo = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-latency
spec:
  service: checkout
  indicatorRef: checkout-p99
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Timeslices
  objectives: [{ op: lt, value: 500, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m }]
`;

  it('resolves indicatorRef against a kind: SLI document in the same body', () => {
    const definition = parseSloRequestBody(`${sli}---\n${slo}---\napiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n`, 'checkout-latency');
    expect(definition.spec.indicatorRef).toBeUndefined();
    expect(definition.spec.indicator).toEqual({
      metadata: { name: 'checkout-p99', displayName: 'p99 latency' },
      spec: {
        thresholdMetric: {
          metricSource: {
            type: 'Prometheus',
            spec: { query: 'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_ms_bucket[1m])))' },
          },
        },
      },
    });
  });

  it('refuses a body without exactly one SLO, and a kind OpenSLO v1 does not define, naming the field', () => {
    expect(refusedPaths(() => parseSloRequestBody(sli, 'checkout-latency'))).toEqual(['kind']);
    expect(refusedPaths(() => parseSloRequestBody(`${slo}---\n${slo}`, 'checkout-latency'))).toEqual(['kind']);
    expect(refusedPaths(() => parseSloRequestBody(`${slo}---\nkind: Dashboard\n`, 'checkout-latency'))).toEqual([
      'documents.1.kind',
    ]);
    expect(
      refusedPaths(() => parseSloRequestBody(`${sli.replace('thresholdMetric', 'gaugeMetric')}---\n${slo}`, 'checkout-latency')),
    ).toContain('documents.0.spec');
  });
});
