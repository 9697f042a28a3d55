import { DoraMetric, DoraTier, formatDurationHours } from '@pulse/plugin-pulse-common';

/** A metric value in its unit (durations under Pulse's one unit policy); an em dash when there is none. */
export function formatDoraValue(metric: Pick<DoraMetric, 'value' | 'unit'>): string {
  if (metric.value === null) return '—';
  switch (metric.unit) {
    case 'hours':
      return formatDurationHours(metric.value);
    case 'percent':
      return `${metric.value.toFixed(1)}%`;
    default:
      return `${metric.value.toFixed(2)} / day`;
  }
}

export const DORA_TIER_LABELS: Record<DoraTier, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
