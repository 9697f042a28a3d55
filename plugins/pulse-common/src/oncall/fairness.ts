/**
 * How evenly pages fall on responders, as figures that never name anyone.
 *
 * Gini coefficient of the counts x_1 <= ... <= x_n: G = 2 * sum(i * x_i) / (n * sum(x)) - (n + 1) / n. 0 means
 * everyone carried the same number of pages; (n - 1) / n, its largest value, means one person carried all of them.
 */
export function oncallGini(counts: number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (counts.length < 2 || total === 0) return null;
  const sorted = [...counts].sort((a, b) => a - b);
  const n = sorted.length;
  const weighted = sorted.reduce((sum, count, index) => sum + (index + 1) * count, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The percent of all pages that the busiest responder carried; `null` without pages. */
export function oncallBusiestShare(counts: number[]): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  return (100 * Math.max(...counts)) / total;
}
