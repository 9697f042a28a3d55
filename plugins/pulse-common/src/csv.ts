/**
 * One CSV cell: numbers rounded to 4 decimals; text quoted when it holds a quote, comma or line break. Text starting
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so that a spreadsheet shows it instead of
 * running it as a formula (OWASP's CSV injection advice).
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(Math.round(value * 10000) / 10000);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: the header line, then one line per row in the header's column order, ending with a newline. */
export function csvDocument<C extends string>(
  header: readonly C[],
  rows: Array<Partial<Record<C, string | number | null>>>,
): string {
  const lines = [header.join(','), ...rows.map(row => header.map(column => csvCell(row[column])).join(','))];
  return `${lines.join('\n')}\n`;
}
