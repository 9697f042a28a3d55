import { DoraMetric, DoraTier } from '@pulse/plugin-pulse-common';

/** A duration in hours as minutes, hours or days, whichever reads best. */
export function formatDoraHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** A metric value in its unit; an em dash when there is none. */
export function formatDoraValue(metric: Pick<DoraMetric, 'value' | 'unit'>): string {
  if (metric.value === null) return '—';
  switch (metric.unit) {
    case 'hours':
      return formatDoraHours(metric.value);
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
