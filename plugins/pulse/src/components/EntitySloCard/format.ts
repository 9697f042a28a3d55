/** Display helpers for the SLO card: formatting only, the numbers come from the API. */
import {
  SloBurnRateGap,
  SloBurnRateLookback,
  SloExhaustion,
  SloStatus,
  sloBurnRateGapWords,
} from '@pulse/plugin-pulse-common';
import { StatusTone } from '../StatusChip';

/** How an SLO status reads on its badge. */
export const SLO_STATUS_TONE: Record<SloStatus, StatusTone> = {
  OK: 'good',
  WARNING: 'warning',
  BREACHED: 'bad',
  INSUFFICIENT_DATA: 'neutral',
};

/** 0.99873 -> "99.87%"; null -> "–". */
export function formatPercent(fraction: number | null, digits = 2): string {
  return fraction === null ? '–' : `${(fraction * 100).toFixed(digits)}%`;
}

/** An objective without trailing zeros: 0.999 -> "99.9%", 0.99 -> "99%". */
export function formatTarget(target: number): string {
  return formatPercent(target, 3).replace(/\.?0+%$/, '%');
}

/** 2.345 -> "2.3×"; null -> "–" (no traffic in the lookback). */
export function formatBurnRate(rate: number | null): string {
  return rate === null ? '–' : `${rate.toFixed(1)}×`;
}

/** A lookback's burn rate, or why it has none: "2.5×", "no data in the last 1h", "no events in the last 1h". */
export function formatBurnRateOrGap(
  lookback: SloBurnRateLookback,
  rate: number | null,
  gap: SloBurnRateGap | undefined,
  sampleIntervalSeconds: number | null,
): string {
  if (rate !== null || !gap) return formatBurnRate(rate);
  return sloBurnRateGapWords(lookback, gap, sampleIntervalSeconds === null ? null : sampleIntervalSeconds * 1000);
}

/** "3d 8h at the 1h burn rate", "not burning", "exhausted", "unknown: no data in the last 1h". */
export function formatExhaustion(exhaustion: SloExhaustion): string {
  switch (exhaustion.state) {
    case 'burning':
      return `${formatTimeToExhaustion(exhaustion.seconds)} at the ${exhaustion.lookback} burn rate`;
    case 'not burning':
      return 'not burning';
    case 'exhausted':
      return 'exhausted';
    default:
      return `unknown: ${exhaustion.reason}`;
  }
}

/** An age in seconds as people say it: "under a minute", "42 min", "7 h", "3 d" (rounded down). */
export function formatAge(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 2 * 86_400) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** The newest sample's age at the report's evaluation instant: "42 min ago"; null -> "none in the window". */
export function formatSampleAge(seconds: number | null): string {
  return seconds === null ? 'none in the window' : `${formatAge(seconds)} ago`;
}

/** 291160 -> "3d 8h"; 0 -> "exhausted"; null -> "not burning". The two largest units only. */
export function formatTimeToExhaustion(seconds: number | null): string {
  if (seconds === null) return 'not burning';
  if (seconds <= 0) return 'exhausted';
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit}`);
    rest -= amount * size;
  }
  return parts.length === 0 ? '< 1m' : parts.slice(0, 2).join(' ');
}

/** 12.5 -> "12.5"; 10 -> "10"; rounded to one decimal, for budget amounts in events or minutes. */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
