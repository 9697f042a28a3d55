/** Milliseconds in a day (24 hours; calendar days of a time zone come from calendar.ts). */
export const DORA_DAY_MS = 86_400_000;

/** The default window: the last 90 days. */
export const DORA_DEFAULT_WINDOW_DAYS = 90;
