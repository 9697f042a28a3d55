import { OncallHealth } from '@pulse/plugin-pulse-common';

type Metrics = OncallHealth['metrics'];

/** One row of the metric table: what it is, its value in words, and its reading. */
export interface OncallMetricRow {
  key: keyof Metrics;
  label: string;
  value: string;
  reading: Metrics[keyof Metrics]['reading'];
}

const number = (value: number | null, digits = 1) => (value === null ? '–' : value.toFixed(digits).replace(/\.0+$/, ''));
const percent = (value: number | null) => (value === null ? '' : ` (${number(value, 0)} % of pages)`);

/** The metrics in reading order, each with its value spelled out. */
export function oncallMetricRows(metrics: Metrics): OncallMetricRow[] {
  const { pagesPerWeek, pagesPerShift, offHoursPagesPerWeek, nightPagesPerWeek, timeToAcknowledge, noise, fairness } = metrics;
  return [
    { key: 'pagesPerWeek', label: 'Pages per week', value: number(pagesPerWeek.value), reading: pagesPerWeek.reading },
    {
      key: 'pagesPerShift',
      label: 'Pages per 12-hour shift',
      value: `${number(pagesPerShift.value, 2)} worst week, ${number(pagesPerShift.median, 2)} median week`,
      reading: pagesPerShift.reading,
    },
    {
      key: 'offHoursPagesPerWeek',
      label: 'Off-hours pages per week',
      value: `${number(offHoursPagesPerWeek.value)}${percent(offHoursPagesPerWeek.share)}`,
      reading: offHoursPagesPerWeek.reading,
    },
    {
      key: 'nightPagesPerWeek',
      label: 'Night pages per week (22:00-07:00)',
      value: `${number(nightPagesPerWeek.value)}${percent(nightPagesPerWeek.share)}`,
      reading: nightPagesPerWeek.reading,
    },
    {
      key: 'timeToAcknowledge',
      label: 'Time to acknowledge',
      value: timeToAcknowledge.value === null ? '–' : `${number(timeToAcknowledge.value)} min median, ${number(timeToAcknowledge.p90)} min p90`,
      reading: timeToAcknowledge.reading,
    },
    {
      key: 'noise',
      label: 'Noise (resolved within 5 min, never acknowledged)',
      value: noise.value === null ? '–' : `${number(noise.value, 0)} %`,
      reading: noise.reading,
    },
    {
      key: 'fairness',
      label: 'Spread across responders (Gini)',
      value: fairness.value === null ? '–' : `${number(fairness.value, 2)}; busiest person ${number(fairness.busiestShare, 0)} % of pages`,
      reading: fairness.reading,
    },
  ];
}
