/**
 * The four SLOs of the OpenSLO specification's examples (examples/budgeting-method/*.yaml and
 * examples/treat-low-traffic-as-equally-important/timeslices-slo.yaml in github.com/OpenSLO/OpenSLO), written here in
 * our own words with the same constructs: a thresholdMetric with `op`/`value`, an empty `alertPolicies:`, `op` on ratio
 * objectives, RatioTimeslices without a slice target, and calendar windows in America/New_York.
 */

/** Occurrences with a threshold SLI: an online shop's search answers in under 500 ms for 99% of searches. */
export const OCCURRENCES_LATENCY = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: shop-search-latency
  displayName: Search answers fast
spec:
  description: However many searches run at once, each should answer within half a second.
  service: shop
  indicator:
    metadata:
      name: search-duration
      displayName: Search duration
    spec:
      thresholdMetric:
        metricSource:
          type: Whatever
          spec:
            query: search duration in ms
  timeWindow:
    - duration: 2w
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Snappy search
      op: lt
      value: 500
      target: 0.99
  alertPolicies:
`;

/** Timeslices on a calendar window, two objectives (one with `op` on a ratio SLI), an empty alertPolicies key. */
export const TIMESLICES_SLA = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: uplink-availability
  displayName: The uplink is up as the contract says
spec:
  description: Track the contract's availability and act before it is missed.
  service: uplink
  indicator:
    metadata:
      name: uplink-up
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Whatever
            spec:
              query: successful probes
        total:
          metricSource:
            type: Whatever
            spec:
              query: all probes
  timeWindow:
    - duration: 1m
      isRolling: false
      calendar:
        startTime: 2022-01-01 12:00:00
        timeZone: America/New_York
  budgetingMethod: Timeslices
  objectives:
    - displayName: Stricter internal goal
      op: gt
      target: 0.995
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
    - displayName: Contract
      target: 0.99
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
  alertPolicies:
`;

/** RatioTimeslices: the landing page's 2xx share, averaged over one-minute slices; no timeSliceTarget. */
export const RATIO_TIMESLICES_LANDING = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: landing-page
  displayName: Landing page answers
spec:
  description: The landing page should always answer.
  service: shop
  indicator:
    metadata:
      name: landing-status
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Whatever
            spec:
              query: 2xx answers
        total:
          metricSource:
            type: Whatever
            spec:
              query: all answers
  timeWindow:
    - duration: 2w
      isRolling: true
  budgetingMethod: RatioTimeslices
  objectives:
    - displayName: Answers
      op: gt
      timeSliceWindow: 1m
      target: 0.99
`;

/** Timeslices over a calendar week, so quiet hours weigh as much as busy ones. */
export const TIMESLICES_LOW_TRAFFIC = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: portal-uptime
  displayName: Portal is up, busy or quiet
spec:
  service: portal
  indicator:
    metadata:
      name: portal-up
      displayName: Minutes the portal answered
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Whatever
            spec:
              query: good answers
        total:
          metricSource:
            type: Whatever
            spec:
              query: all answers
  timeWindow:
    - duration: 1w
      isRolling: false
      calendar:
        startTime: 2022-01-01 12:00:00
        timeZone: America/New_York
  budgetingMethod: Timeslices
  objectives:
    - displayName: Up
      op: gt
      target: 0.9995
      timeSliceTarget: 0.95
      timeSliceWindow: 1m
`;
