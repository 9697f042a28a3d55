import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DecisionsConfig, readDecisionsConfig } from '../decisions/config';
import { DeliveriesConfig, readDeliveriesConfig } from '../deliveries/config';
import { DoraConfig, readDoraConfig } from '../dora/config';
import { readSloConfig, SloConfig } from '../slo/config';
import { readSurveyThresholds, SurveyThresholds } from '../survey/config';
import { readWriters, WritersConfig } from './writers';

/** The whole `pulse` section, validated and with defaults applied: read once at plugin start, handed to the rest. */
export interface PulseConfig {
  demoData: boolean;
  slo: SloConfig;
  dora: DoraConfig;
  /** The inbox of webhook and CDEvents deliveries. */
  deliveries: DeliveriesConfig;
  decisions: DecisionsConfig;
  surveys: SurveyThresholds;
  /** Service principals allowed to write without a user's permission (SLOs as code, survey automation). */
  writers: WritersConfig;
}

/**
 * Reads and validates `pulse` once. Every key of plugins/pulse-backend/config.d.ts is accepted; a bad value or an
 * unknown key stops the start with an error that names the key.
 */
export function readPulseConfig(root: Config, logger: LoggerService): PulseConfig {
  return {
    demoData: root.getOptionalBoolean('pulse.demoData') ?? false,
    slo: readSloConfig(root),
    dora: readDoraConfig(root),
    deliveries: readDeliveriesConfig(root),
    decisions: readDecisionsConfig(root),
    surveys: readSurveyThresholds(root, logger),
    writers: readWriters(root),
  };
}
