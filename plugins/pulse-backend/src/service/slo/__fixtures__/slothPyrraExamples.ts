/**
 * Sloth and Pyrra resources written for Pulse's tests, shaped like the examples in those projects' documentation
 * (Sloth's `sloth.slok.dev/v1` Kubernetes resource with an events SLO and a raw SLO; Pyrra's ratio, latency and
 * bool_gauge indicators) but with our own services, queries and numbers.
 */

/** A Sloth resource of the checkout service with two SLOs: request errors (events) and slow requests (raw ratio). */
export const slothCheckout = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: checkout-slos
  namespace: shop
spec:
  service: checkout
  labels:
    team: payments
    tier: "1"
  slos:
    - name: checkout-requests
      objective: 99.5
      description: Checkout requests answered without a 5xx
      labels:
        tier: "0"
        journey: buy
      sli:
        events:
          errorQuery: sum(rate(checkout_requests_total{code=~"5.."}[{{.window}}]))
          totalQuery: sum(rate(checkout_requests_total[{{ .window }}]))
      alerting:
        name: CheckoutErrorBudgetBurn
        labels:
          channel: payments-oncall
        pageAlert:
          labels:
            severity: page
        ticketAlert:
          disable: true
    - name: checkout-slow-requests
      objective: 99
      sli:
        raw:
          errorRatioQuery: 1 - sum(rate(checkout_duration_seconds_bucket{le="0.5"}[{{.window}}])) / sum(rate(checkout_duration_seconds_count[{{.window}}]))
      alerting:
        name: CheckoutTooSlow
`;

/** A Sloth resource with the one SLO a PUT takes. */
export const slothSearch = `apiVersion: sloth.slok.dev/v1
kind: PrometheusServiceLevel
metadata:
  name: search
spec:
  service: search
  slos:
    - name: search-queries
      objective: 99.9
      description: Search queries that do not fail
      sli:
        events:
          errorQuery: sum(rate(search_queries_total{outcome="error"}[{{.window}}]))
          totalQuery: sum(rate(search_queries_total[{{.window}}]))
      alerting:
        name: SearchQueriesFailing
`;

/** Pyrra ratio SLO over four weeks, grouped by handler, with its alert renamed and a runbook annotation. */
export const pyrraRatio = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: cart-api-errors
  namespace: shop
  labels:
    pyrra.dev/team: cart
  annotations:
    pyrra.dev/runbook: https://runbooks.example.com/cart-api
    kubectl.kubernetes.io/last-applied-configuration: "{}"
spec:
  target: "99.25"
  window: 4w
  description: Cart API requests that do not fail
  indicator:
    ratio:
      errors:
        metric: cart_http_requests_total{job="cart-api",code=~"5.."}
      total:
        metric: cart_http_requests_total{job="cart-api"}
      grouping:
        - handler
  alerting:
    name: CartApiBudgetBurn
    absent: false
`;

/** Pyrra latency SLO: 95% of image renders within 800 ms over 14 days. */
export const pyrraLatency = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: image-render-latency
spec:
  target: "95"
  window: 14d
  indicator:
    latency:
      success:
        metric: image_render_seconds_bucket{job="images",le="0.8"}
      total:
        metric: image_render_seconds_count{job="images"}
`;

/** Pyrra bool_gauge SLO: blackbox probes of the storefront succeed 99% of the time over 28 days. */
export const pyrraBoolGauge = `apiVersion: pyrra.dev/v1alpha1
kind: ServiceLevelObjective
metadata:
  name: storefront-probes
spec:
  target: "99"
  window: 28d
  description: ""
  indicator:
    bool_gauge:
      metric: probe_success{job="blackbox",instance="https://shop.example.com"}
`;
