import { OutcomeDirection, OutcomeStatus, OutcomeSummary } from './types';

const clampPercent = (percent: number) => Math.min(100, Math.max(0, percent));

/** The key result's line: from the baseline at its start to the target at its due date (epoch ms). */
export interface OutcomeLine {
  direction: OutcomeDirection;
  baseline: number;
  target: number;
  startMs: number;
  dueMs: number;
}

/**
 * How far a value has come from baseline to target, as a share (unclamped: below 0 is worse than the baseline, above 1
 * beyond the target). Direction-aware: for `down`, a value below the baseline is progress. A target no better than the
 * baseline is met (1) by any value at least as good as the target, else not at all (0).
 */
export function outcomeProgressShare(line: Pick<OutcomeLine, 'direction' | 'baseline' | 'target'>, value: number): number {
  const sign = line.direction === 'up' ? 1 : -1;
  const gained = sign * (value - line.baseline);
  const needed = sign * (line.target - line.baseline);
  if (needed <= 0) return sign * (value - line.target) >= 0 ? 1 : 0;
  return gained / needed;
}

/** Progress from baseline to target, 0-100% (a value past the target is 100, one worse than the baseline 0). */
export function outcomeProgressPercent(line: OutcomeLine, value: number | undefined): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  return clampPercent(outcomeProgressShare(line, value) * 100);
}

/** Where the straight line says progress should be at an instant: 0% at the start, 100% from the due date on. */
export function outcomeExpectedPercent(line: Pick<OutcomeLine, 'startMs' | 'dueMs'>, atMs: number): number {
  if (line.dueMs <= line.startMs) return atMs >= line.dueMs ? 100 : 0;
  return clampPercent(((atMs - line.startMs) / (line.dueMs - line.startMs)) * 100);
}

/**
 * On track when the latest value has come at least as far as the straight line expects on the day it was measured;
 * `no-data` without a value. Compared on unclamped shares, so a value past the target is on track even after the due date.
 */
export function outcomeStatusOf(line: OutcomeLine, latest: { value: number; atMs: number } | undefined): OutcomeStatus {
  if (!latest || !Number.isFinite(latest.value)) return 'no-data';
  const progress = outcomeProgressShare(line, latest.value) * 100;
  // A hair of tolerance: 2.8 + 0.35 is not exactly 3.15 in floating point.
  return progress + 1e-9 >= outcomeExpectedPercent(line, latest.atMs) ? 'on-track' : 'behind';
}

/** An ISO date (YYYY-MM-DD) as the epoch ms of its midnight UTC; a date-time as its instant. */
export function outcomeDateMs(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Date.parse(date);
}

/** The line of a key result definition. */
export function outcomeLineOf(keyResult: {
  direction: OutcomeDirection;
  baseline: number;
  target: number;
  start: string;
  due: string;
}): OutcomeLine {
  return { ...keyResult, startMs: outcomeDateMs(keyResult.start), dueMs: outcomeDateMs(keyResult.due) };
}

/** "3 of 4 outcomes on track", with the ones without data said apart; "No outcomes defined" for none. */
export function outcomeSummaryOf(statuses: OutcomeStatus[]): OutcomeSummary {
  const count = (status: OutcomeStatus) => statuses.filter(s => s === status).length;
  const total = statuses.length;
  const onTrack = count('on-track');
  const noData = count('no-data');
  let sentence = 'No outcomes defined';
  if (total > 0) {
    sentence = `${onTrack} of ${total} ${total === 1 ? 'outcome' : 'outcomes'} on track`;
    if (noData > 0) sentence += ` (${noData} without data)`;
  }
  return { total, onTrack, behind: count('behind'), noData, sentence };
}
