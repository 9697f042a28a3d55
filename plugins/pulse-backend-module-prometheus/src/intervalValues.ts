import { PulseSliValue } from '@pulse/plugin-pulse-node';
import { SeriesValues } from './intervalCounts';

/**
 * A threshold SLI's value per interval: the query's value at the interval's end (a quantile over the last step
 * describes the step that just ended). Intervals without a value are left out: no measurement, no event.
 */
export function sliValuesOf(options: { starts: number[]; stepMs: number; values: SeriesValues }): PulseSliValue[] {
  return options.starts.flatMap(ts => {
    const value = options.values.get(ts + options.stepMs);
    return value === undefined ? [] : [{ ts, value }];
  });
}
