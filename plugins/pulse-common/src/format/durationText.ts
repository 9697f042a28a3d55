/**
 * Pulse's one unit policy for durations, used wherever a duration is shown: under an hour in whole minutes, under two
 * days in hours, from two days on in days (hours and days to one decimal). Two days, not one, so that a value near a
 * day ("30.5 h") keeps the precision a lead time or recovery time needs.
 */
export const DURATION_DAYS_FROM_HOURS = 48;

/** A duration given in hours: "45 min", "25.4 h", "42.7 days". */
export function formatDurationHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < DURATION_DAYS_FROM_HOURS) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** A duration given in minutes, under the same policy: 95 -> "1.6 h". */
export function formatDurationMinutes(minutes: number): string {
  return formatDurationHours(minutes / 60);
}

/** A count with its noun in the right number: (1, 'recovery', 'recoveries') -> "1 recovery"; plural defaults to +s. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
