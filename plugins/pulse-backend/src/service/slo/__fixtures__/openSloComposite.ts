/**
 * A composite SLO as the OpenSLO v1 specification describes one (README, "Objectives" and "Notes (Composite SLO)" in
 * github.com/OpenSLO/OpenSLO): one end-to-end user journey whose objectives each carry their own indicator, inline or
 * by `indicatorRef` to a `kind: SLI` document beside it, with a `compositeWeight` (default 1). Written here in our own
 * words: a shopper's checkout journey, where the order API must answer, and the payment step must be quick (a
 * threshold SLI, weighted half).
 */
export const CHECKOUT_JOURNEY = `apiVersion: openslo/v1
kind: SLI
metadata:
  name: payment-duration
  displayName: Payment duration
spec:
  thresholdMetric:
    metricSource:
      type: Prometheus
      spec:
        query: histogram_quantile(0.99, sum by (le) (rate(payment_seconds_bucket[5m]))) * 1000
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-journey
  displayName: A shopper can check out
spec:
  description: From basket to paid order; the journey burns when any step burns.
  service: checkout
  timeWindow:
    - duration: 1d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Orders are accepted
      target: 0.9
      indicator:
        metadata:
          name: order-answers
        spec:
          ratioMetric:
            counter: true
            good:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(orders_total{code!~"5.."})
            total:
              metricSource:
                type: Prometheus
                spec:
                  query: sum(orders_total)
    - displayName: Payments are quick
      targetPercent: 80
      op: lt
      value: 800
      compositeWeight: 0.5
      indicatorRef: payment-duration
  alertPolicies:
`;
