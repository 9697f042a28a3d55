/** Steps a reader can count in: 1, 2, 2.5 and 5 times a power of ten. */
const NICE_STEPS = [1, 2, 2.5, 5, 10];

/**
 * Round axis ticks covering [min, max]: at most `maxTicks` ticks, evenly spaced by the smallest "nice" step that
 * fits, starting and ending on a multiple of the step. -80..100 gives -100, -50, 0, 50, 100, not -80, -35, 10, 55, 100.
 * The first and last tick are the axis' domain.
 */
export function niceAxisTicks(min: number, max: number, maxTicks = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  const low = Math.min(min, max);
  const high = Math.max(min, max);
  if (low === high) return [low];
  const count = Math.max(2, Math.floor(maxTicks));
  const rough = (high - low) / (count - 1);
  let magnitude = 10 ** Math.floor(Math.log10(rough));
  for (;;) {
    for (const nice of NICE_STEPS) {
      const step = nice * magnitude;
      const first = Math.floor(low / step);
      const last = Math.ceil(high / step);
      if (step >= rough && last - first + 1 <= count) {
        // Whole multiples of the step, rounded so 0.1 + 0.2 reads 0.3.
        const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
        return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(decimals)) + 0);
      }
    }
    magnitude *= 10;
  }
}
