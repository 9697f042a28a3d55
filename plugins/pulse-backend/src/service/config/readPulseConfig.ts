import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ZodIssue } from 'zod';
import { DecisionsConfig, readDecisionsConfig } from '../decisions/config';
import { DeliveriesConfig, readDeliveriesConfig } from '../deliveries/config';
import { DoraConfig, readDoraConfig } from '../dora/config';
import { OncallConfig, readOncallConfig } from '../oncall/config';
import { readSloConfig, SloConfig } from '../slo/config';
import { readSurveyThresholds, SurveyThresholds } from '../survey/config';
import { pulseConfigSchema } from './pulseConfigSchema';
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
  oncall: OncallConfig;
  /** Service principals allowed to write without a user's permission (SLOs as code, survey automation). */
  writers: WritersConfig;
}

/**
 * Reads and validates `pulse` once. Every key of plugins/pulse-backend/config.d.ts is accepted; a bad value or an
 * unknown key stops the start with an error that names the key.
 */
export function readPulseConfig(root: Config, logger: LoggerService): PulseConfig {
  validatePulseSection(root);
  const slo = readSloConfig(root);
  return {
    demoData: root.getOptionalBoolean('pulse.demoData') ?? false,
    slo,
    dora: readDoraConfig(root),
    deliveries: readDeliveriesConfig(root),
    decisions: readDecisionsConfig(root, slo),
    surveys: readSurveyThresholds(root, logger),
    oncall: readOncallConfig(root),
    writers: readWriters(root),
  };
}

/** `pulse.slo.minimumData: expected string, received boolean`, or `unknown key pulse.slo.minimumDays`. */
function describeIssue(issue: ZodIssue): string {
  const at = ['pulse', ...issue.path].join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(key => `unknown key ${at}.${key}`).join(', ');
  }
  if (issue.code === 'invalid_union') {
    // A duration such as { hourz: 12 } fails every branch; the misspelt unit is what the operator needs to see.
    const unknown = issue.unionErrors.flatMap(e => e.issues).filter(i => i.code === 'unrecognized_keys');
    if (unknown.length > 0) return [...new Set(unknown.map(describeIssue))].join(', ');
  }
  return `${at}: ${issue.message}`;
}

function validatePulseSection(root: Config): void {
  const parsed = pulseConfigSchema.safeParse(root.getOptional('pulse') ?? {});
  if (!parsed.success) {
    throw new InputError(
      `Invalid Pulse configuration: ${parsed.error.issues.map(describeIssue).join('; ')} (see plugins/pulse-backend/config.d.ts)`,
    );
  }
}
