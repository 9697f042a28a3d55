/** Sloth's placeholder for a query's time range (`rate(x[{{.window}}])`), also used for Pyrra SLOs converted by Pulse. */
const WINDOW = /\{\{\s*\.window\s*\}\}/g;
/** Pulse's placeholder for the same range in seconds, which turns a rate into the events of one step. */
const WINDOW_SECONDS = /\{\{\s*\.windowSeconds\s*\}\}/g;

/**
 * The query to send for one step: `{{.window}}` becomes the step as a Prometheus duration (`300s`) and
 * `{{.windowSeconds}}` its seconds (`300`), so each value read at an interval's end covers exactly that interval.
 * A query without placeholders is sent as written.
 */
export function queryForStep(query: string, stepMs: number): string {
  const seconds = stepMs / 1000;
  return query.replace(WINDOW, `${seconds}s`).replace(WINDOW_SECONDS, String(seconds));
}
