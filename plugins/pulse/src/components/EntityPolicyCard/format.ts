/** An ISO instant as the reader's local date and time. */
export const localTime = (iso: string) => new Date(iso).toLocaleString();

/**
 * The value of a `datetime-local` input (local time, no zone, e.g. `2026-12-10T09:30`) as an ISO 8601 instant, or
 * undefined when it is empty or not a date.
 */
export function instantOfLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The message of an API error, shown next to the form that caused it. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
