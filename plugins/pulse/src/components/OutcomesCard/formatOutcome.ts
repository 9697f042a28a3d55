/** A metric value with its unit, at most two decimals: 2.4%, 24 tickets, 412.5 ms. */
export function formatOutcomeValue(value: number, unit: string): string {
  const number = String(Number(value.toFixed(2)));
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** "higher is better" / "lower is better". */
export const directionText = (direction: 'up' | 'down') => (direction === 'up' ? 'higher is better' : 'lower is better');
