import { doraPercentileOf } from '../dora/percentile';
import { OncallCalendar, oncallWindowDays } from './calendar';
import { oncallBusiestShare, oncallGini } from './fairness';
import { oncallReadingOf, oncallWorstReading } from './thresholds';
import { OncallHealth, OncallThresholds, OncallWeek } from './types';

/** What the store aggregates in SQL over the high-urgency pages of some entities in a window. */
export interface OncallPageStats {
  pages: number;
  offHoursPages: number;
  nightPages: number;
  /** Pages resolved within 5 minutes of being triggered, never acknowledged. */
  noisePages: number;
  /** Pages acknowledged, and the median and 90th percentile of their time to acknowledge (ms). */
  acknowledged: number;
  ackMedianMs: number | null;
  ackP90Ms: number | null;
  /** Per calendar week key (see OncallCalendarWeek); weeks without pages are absent. */
  weekly: Array<{ weekKey: number; pages: number; offHoursPages: number; nightPages: number }>;
}

const round = (value: number | null, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole === 0 ? null : round((100 * part) / whole));
const minutes = (ms: number | null) => (ms === null ? null : round(ms / 60_000));

/**
 * The on-call health of a team or entity from its page stats. Per-week rates divide by the window's weeks (its local
 * days / 7); pages per shift is read on the worst whole week (all weeks when none is whole). `responderCounts` are the
 * pages of each responder (and 0 for each team member without any), without names: only the spread is reported.
 */
export function oncallHealthOf(options: {
  ref: string;
  window: { from: number; to: number };
  calendar: OncallCalendar;
  stats: OncallPageStats;
  responderCounts: number[];
  thresholds: OncallThresholds;
}): OncallHealth {
  const { ref, window, calendar, stats, responderCounts, thresholds } = options;
  const byKey = new Map(stats.weekly.map(week => [week.weekKey, week]));
  const weekly: OncallWeek[] = calendar.weeks.map(week => {
    const counts = byKey.get(week.key) ?? { pages: 0, offHoursPages: 0, nightPages: 0 };
    return {
      start: new Date(week.start).toISOString(),
      end: new Date(week.end).toISOString(),
      pages: counts.pages,
      offHoursPages: counts.offHoursPages,
      nightPages: counts.nightPages,
      shifts: week.shifts,
      pagesPerShift: round(counts.pages / week.shifts)!,
    };
  });
  const days = oncallWindowDays(calendar);
  const weeks = days / 7;
  const whole = weekly.filter(week => week.shifts === 14);
  const perShift = (whole.length > 0 ? whole : weekly).map(week => week.pages / week.shifts);
  const worstPerShift = perShift.length > 0 ? round(Math.max(...perShift)) : null;
  const gini = round(oncallGini(responderCounts), 3);
  const ackMedian = minutes(stats.ackMedianMs);
  const noise = share(stats.noisePages, stats.pages);

  const metrics: OncallHealth['metrics'] = {
    pagesPerWeek: { value: round(stats.pages / weeks), unit: 'pages/week', reading: null, sampleSize: stats.pages },
    pagesPerShift: {
      value: worstPerShift,
      median: round(doraPercentileOf(perShift, 0.5)),
      unit: 'pages/shift',
      reading: oncallReadingOf(worstPerShift, thresholds.pagesPerShift),
      sampleSize: stats.pages,
    },
    offHoursPagesPerWeek: {
      value: round(stats.offHoursPages / weeks),
      share: share(stats.offHoursPages, stats.pages),
      unit: 'pages/week',
      reading: oncallReadingOf(round(stats.offHoursPages / weeks), thresholds.offHoursPagesPerWeek),
      sampleSize: stats.pages,
    },
    nightPagesPerWeek: {
      value: round(stats.nightPages / weeks),
      share: share(stats.nightPages, stats.pages),
      unit: 'pages/week',
      reading: oncallReadingOf(round(stats.nightPages / weeks), thresholds.nightPagesPerWeek),
      sampleSize: stats.pages,
    },
    timeToAcknowledge: {
      value: ackMedian,
      p90: minutes(stats.ackP90Ms),
      unit: 'minutes',
      reading: oncallReadingOf(ackMedian, thresholds.timeToAcknowledgeMinutes),
      sampleSize: stats.acknowledged,
    },
    noise: { value: noise, unit: 'percent', reading: oncallReadingOf(noise, thresholds.noisePercent), sampleSize: stats.pages },
    fairness: {
      value: gini,
      busiestShare: round(oncallBusiestShare(responderCounts)),
      unit: 'gini',
      reading: oncallReadingOf(gini, thresholds.fairnessGini),
      sampleSize: responderCounts.length,
    },
  };
  return {
    ref,
    window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), days: round(days)! },
    timeZone: calendar.timeZone,
    pages: stats.pages,
    reading: oncallWorstReading(Object.values(metrics).map(metric => metric.reading)),
    metrics,
    weekly,
  };
}
