import { PulseSliCounts } from '@pulse/plugin-pulse-node';

/** A query's values by evaluation time (epoch ms), summed over its series. */
export type SeriesValues = ReadonlyMap<number, number>;

/**
 * The starts of the whole intervals of an epoch-aligned `stepMs` grid that cover [from, to): from the interval holding
 * `from` up to the last one that has ended by `to`. Starting at the interval holding `from` re-fetches the latest stored
 * sample, which may have been fetched before its interval was over.
 */
export function intervalStarts(from: number, to: number, stepMs: number): number[] {
  const starts: number[] = [];
  for (let start = Math.floor(from / stepMs) * stepMs; start + stepMs <= to; start += stepMs) starts.push(start);
  return starts;
}

/**
 * Events in [start, start + step) of a query. A counter query (OpenSLO `counter: true`, a cumulative count such as
 * `sum(http_requests_total)`) gives the increase between the interval's two ends, or the end value after a counter
 * reset. Otherwise the query already counts the events of a step (e.g. `sum(increase(x[5m]))`) and is read at the end.
 * Undefined when a value it needs is missing.
 */
export function eventsInInterval(
  values: SeriesValues,
  start: number,
  stepMs: number,
  counter: boolean,
): number | undefined {
  const end = values.get(start + stepMs);
  if (end === undefined || !counter) return end;
  const begin = values.get(start);
  if (begin === undefined) return undefined;
  return end >= begin ? end - begin : end;
}

/**
 * Good and total events per interval. Intervals without a total are left out (Prometheus had no data); a missing good
 * or bad value counts as 0 (the series does not exist until its first event). Counts are rounded to whole events and
 * good is kept within [0, total].
 */
export function sliCountsOf(options: {
  starts: number[];
  stepMs: number;
  counter: boolean;
  total: SeriesValues;
  /** The good or the bad query's values. */
  numerator: SeriesValues;
  numeratorIs: 'good' | 'bad';
}): PulseSliCounts[] {
  const { stepMs, counter, numeratorIs } = options;
  const zeroWhenAbsent = new Map(options.starts.flatMap(s => [[s, 0] as const, [s + stepMs, 0] as const]));
  const numerator = new Map([...zeroWhenAbsent, ...options.numerator]);
  return options.starts.flatMap(ts => {
    const total = eventsInInterval(options.total, ts, stepMs, counter);
    if (total === undefined) return [];
    const roundedTotal = Math.max(0, Math.round(total));
    const counted = Math.round(eventsInInterval(numerator, ts, stepMs, counter) ?? 0);
    const good = numeratorIs === 'good' ? counted : roundedTotal - counted;
    return [{ ts, good: Math.min(roundedTotal, Math.max(0, good)), total: roundedTotal }];
  });
}
