import { DateTime } from 'luxon';

/** A calendar month in UTC as [from, to) epoch milliseconds. */
export interface IncidentReviewMonth {
  /** `YYYY-MM`. */
  month: string;
  fromMs: number;
  toMs: number;
}

/** The UTC month `2026-11` as [2026-11-01T00:00Z, 2026-12-01T00:00Z); undefined when it is not a month. */
export function incidentReviewMonth(month: string): IncidentReviewMonth | undefined {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return undefined;
  const start = DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' });
  if (!start.isValid) return undefined;
  return { month, fromMs: start.toMillis(), toMs: start.plus({ months: 1 }).toMillis() };
}

/** The UTC month holding an instant, as `YYYY-MM`. */
export function incidentReviewMonthOf(instantMs: number): string {
  return DateTime.fromMillis(instantMs, { zone: 'UTC' }).toFormat('yyyy-MM');
}
