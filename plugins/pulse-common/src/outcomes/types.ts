/**
 * Outcomes over output: a team's outcome metric (the key result of an objective) paired with a customer signal, read
 * beside the team's deployments. The document is kept as code (YAML beside the catalog file) or PUT through the API.
 */

/** Which way is better for a metric. */
export type OutcomeDirection = 'up' | 'down';

/** The two metrics of an outcome, as the values API names them. */
export type OutcomeMetricKey = 'keyResult' | 'customerSignal';

export const OUTCOME_METRIC_KEYS: OutcomeMetricKey[] = ['keyResult', 'customerSignal'];

/** Where the Prometheus module reads a metric's values from: an instant query, evaluated on a schedule. */
export interface OutcomePrometheusSource {
  query: string;
}

/** A metric of an outcome: what it is called, its unit and which way is better. */
export interface OutcomeMetricDefinition {
  name: string;
  unit: string;
  direction: OutcomeDirection;
  /** Pull the values from Prometheus; without it, values are pushed through POST /outcomes/values. */
  prometheus?: OutcomePrometheusSource;
}

/** The key result: a metric with a baseline at its start date and a target at its due date (ISO dates, UTC). */
export interface OutcomeKeyResultDefinition extends OutcomeMetricDefinition {
  baseline: number;
  target: number;
  /** The day the baseline was measured: where the straight line to the target starts (YYYY-MM-DD). */
  start: string;
  /** The day the target is due (YYYY-MM-DD). */
  due: string;
}

/** One outcome document (`kind: Outcome`). */
export interface OutcomeDocument {
  apiVersion: 'pulse.dev/v1';
  kind: 'Outcome';
  metadata: { name: string };
  spec: {
    title: string;
    /** The objective it serves, free text (e.g. an OKR). */
    objective: string;
    keyResult: OutcomeKeyResultDefinition;
    /** What customers feel: conversion, support tickets, NPS, latency seen by users. */
    customerSignal: OutcomeMetricDefinition;
  };
}

/** How an outcome document reached Pulse. */
export type OutcomeSource = 'api' | 'annotation';

/** Where an outcome's values come from. */
export type OutcomeValueSource = 'push' | 'prometheus';

/** One week of the answer's time axis (the DORA calendar's ISO weeks, clipped to the window). */
export interface OutcomeWeek {
  /** ISO instants of [start, end). */
  start: string;
  end: string;
  /** Production deployments of the entity (or the team's components) that finished in the week. */
  deployments: number;
}

/** The latest value of a metric. */
export interface OutcomeCurrentValue {
  value: number;
  at: string;
}

/** A metric as read: its definition, latest value and the mean of each week of the answer (null for a week without values). */
export interface OutcomeMetricView extends Omit<OutcomeMetricDefinition, 'prometheus'> {
  current: OutcomeCurrentValue | null;
  weekly: Array<number | null>;
  source: OutcomeValueSource;
}

/** Whether an outcome is where the straight line from baseline to target says it should be. */
export type OutcomeStatus = 'on-track' | 'behind' | 'no-data';

/** One outcome as the card reads it. */
export interface OutcomeView {
  /** The entity or group the outcome belongs to. */
  ownerRef: string;
  id: string;
  title: string;
  objective: string;
  documentSource: OutcomeSource;
  keyResult: OutcomeMetricView & { baseline: number; target: number; start: string; due: string };
  customerSignal: OutcomeMetricView;
  /** How far the latest value has come from baseline to target, 0-100; null without a value. */
  progressPercent: number | null;
  /** Where the straight line says it should be at the latest value's time, 0-100; null without a value. */
  expectedPercent: number | null;
  status: OutcomeStatus;
}

/** How many outcomes are on track, behind or without data. */
export interface OutcomeSummary {
  total: number;
  onTrack: number;
  behind: number;
  noData: number;
  /** "3 of 4 outcomes on track". */
  sentence: string;
}

/** GET /outcomes/entities/... and /outcomes/groups/...: the outcomes with one weekly time axis and its deployments. */
export interface OutcomesAnswer {
  ownerRef: string;
  window: { from: string; to: string };
  weeks: OutcomeWeek[];
  outcomes: OutcomeView[];
  summary: OutcomeSummary;
}

/** GET /outcomes/groups: each team's summary, for the outcomes column of the DORA teams table. */
export interface OutcomeTeamSummaries {
  teams: Array<{ groupRef: string } & OutcomeSummary>;
}

/** One pushed value of POST /outcomes/values. */
export interface OutcomeValueInput {
  entityRef?: string;
  groupRef?: string;
  outcome: string;
  metric: OutcomeMetricKey;
  timestamp: string;
  value: number;
}

export interface OutcomeValuesIngestResponse {
  accepted: number;
}

/** A stored outcome document as PUT answers it. */
export interface StoredOutcome {
  ownerRef: string;
  id: string;
  source: OutcomeSource;
  sourceLocation?: string;
  createdAt: string;
  updatedAt: string;
  document: OutcomeDocument;
}

/** Where an entity's or team's Outcome documents live: YAML files (comma-separated), relative to its catalog file or URLs. */
export const PULSE_OUTCOMES_ANNOTATION = 'pulse.dev/outcomes';
