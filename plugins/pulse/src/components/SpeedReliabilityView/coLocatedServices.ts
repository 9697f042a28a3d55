import { SpeedReliabilityService } from '@pulse/plugin-pulse-common';

/** A placed service: both coordinates known. */
export type PlacedService = SpeedReliabilityService & { deploymentsPerDay: number; budgetRemaining: number };

/** How close two points must be, as a share of each axis' span, to be drawn over each other (a few pixels). */
export const CO_LOCATED_SHARE = 0.01;

/**
 * The services drawn on (or within a few pixels of) the given one, itself included, in the order given: the tooltip
 * names all of them, since moving points apart (jitter) would place them where their numbers are not.
 */
export function coLocatedServices(placed: PlacedService[], at: PlacedService): PlacedService[] {
  const span = (values: number[]) => Math.max(...values) - Math.min(...values) || 1;
  const xSpan = span(placed.map(s => s.deploymentsPerDay));
  const ySpan = span(placed.map(s => s.budgetRemaining));
  return placed.filter(
    s =>
      Math.abs(s.deploymentsPerDay - at.deploymentsPerDay) <= CO_LOCATED_SHARE * xSpan &&
      Math.abs(s.budgetRemaining - at.budgetRemaining) <= CO_LOCATED_SHARE * ySpan,
  );
}
