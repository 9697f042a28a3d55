import { Config, readDurationFromConfig } from '@backstage/config';
import { Duration } from 'luxon';

/** `pulse.deliveries` with its defaults applied. */
export interface DeliveriesConfig {
  /** Days a delivery is kept after it arrived, per source; `default` for sources not listed. */
  retentionDays: { default: number; bySource: Record<string, number> };
  /** Largest body stored; a larger delivery is answered 413 and not stored. */
  maxPayloadBytes: number;
  /** Failed attempts (catalog or store errors) before a delivery is `failed`. */
  maxAttempts: number;
  /** The wait before the first retry; it doubles with each attempt, up to an hour. */
  retryBackoffMs: number;
}

const DEFAULT_RETENTION_DAYS = 30;
const DEFAULT_MAX_PAYLOAD_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_ATTEMPTS = 10;
const DEFAULT_RETRY_BACKOFF_MS = 10_000;

function positive(config: Config | undefined, key: string, fallback: number, prefix = ''): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`pulse.deliveries.${prefix}${key} must be a positive number`);
  return value;
}

function durationMs(config: Config | undefined, key: string, fallback: number): number {
  if (!config?.has(key)) return fallback;
  return Duration.fromObject(readDurationFromConfig(config, { key })).toMillis();
}

export function readDeliveriesConfig(root: Config): DeliveriesConfig {
  const config = root.getOptionalConfig('pulse.deliveries');
  const sources = config?.getOptionalConfig('sources');
  return {
    retentionDays: {
      default: positive(config, 'retentionDays', DEFAULT_RETENTION_DAYS),
      bySource: Object.fromEntries(
        (sources?.keys() ?? []).map(name => [
          name,
          positive(sources!.getConfig(name), 'retentionDays', DEFAULT_RETENTION_DAYS, `sources.${name}.`),
        ]),
      ),
    },
    maxPayloadBytes: Math.floor(positive(config, 'maxPayloadBytes', DEFAULT_MAX_PAYLOAD_BYTES)),
    maxAttempts: Math.floor(positive(config, 'maxAttempts', DEFAULT_MAX_ATTEMPTS)),
    retryBackoffMs: durationMs(config, 'retryBackoff', DEFAULT_RETRY_BACKOFF_MS),
  };
}
