import { DoraOffsetSegment } from '@pulse/plugin-pulse-common';

/** One page as the store writes it; instants are epoch milliseconds, refs canonical and lower-cased. */
export interface OncallPageRecord {
  id: string;
  entityRef: string;
  triggeredAt: number;
  acknowledgedAt?: number;
  resolvedAt?: number;
  urgency: 'high' | 'low';
  /** The catalog User who was paged. */
  responderRef?: string;
  /** What sent it, e.g. `pagerduty`. */
  source?: string;
}

/**
 * Which pages to aggregate: triggered in [from, to), of these entities or of this responder, read on a clock whose UTC
 * offsets over the window are `offsets` (from oncallCalendarOf).
 */
export interface OncallQueryScope {
  entityRefs?: string[];
  responderRef?: string;
  from: number;
  to: number;
  offsets: DoraOffsetSegment[];
}
