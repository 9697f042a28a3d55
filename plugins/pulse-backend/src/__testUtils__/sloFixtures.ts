/**
 * A 28-day rolling ratio SLO on Prometheus with one 99% objective, as an OpenSLO JSON body;
 * `spec` replaces parts of its spec (objectives, budgetingMethod, timeWindow, ...).
 */
export function ratioSloDocument(name: string, spec: Record<string, unknown> = {}) {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name },
    spec: {
      indicator: {
        metadata: { name: 'http-success' },
        spec: {
          ratioMetric: {
            good: { metricSource: { type: 'Prometheus', spec: { query: 'good' } } },
            total: { metricSource: { type: 'Prometheus', spec: { query: 'total' } } },
          },
        },
      },
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'Checkout succeeds', target: 0.99 }],
      ...spec,
    },
  };
}

/** One SLI sample as POST /slo/samples takes it: `good` of `total` events of `entityRef`'s SLO `slo` at `atMs`. */
export const sliSample = (entityRef: string, slo: string, atMs: number, good: number, total: number) => ({
  entityRef,
  slo,
  timestamp: new Date(atMs).toISOString(),
  good,
  total,
});
