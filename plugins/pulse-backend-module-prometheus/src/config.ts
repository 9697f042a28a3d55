import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** `pulse.prometheus` with its defaults applied. */
export interface PrometheusSourceConfig {
  /** The server of metric sources without a `metricSourceRef`. */
  defaultBaseUrl?: string;
  /** Servers by `metricSourceRef`. */
  baseUrls: Map<string, string>;
  stepMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const DEFAULT_STEP_MS = 5 * 60_000;

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

function readStepMs(config: RootConfigService): number {
  if (!config.has('pulse.prometheus.step')) return DEFAULT_STEP_MS;
  const step = readDurationFromConfig(config, { key: 'pulse.prometheus.step' });
  if (step.months || step.years) throw new InputError('pulse.prometheus.step must not use months or years');
  const { milliseconds = 0, seconds = 0, minutes = 0, hours = 0, days = 0, weeks = 0 } = step;
  const stepMs = milliseconds + 1000 * (seconds + 60 * (minutes + 60 * (hours + 24 * (days + 7 * weeks))));
  if (stepMs < 1000 || stepMs % 1000 !== 0) {
    throw new InputError(`pulse.prometheus.step must be a whole number of seconds, at least 1s`);
  }
  return stepMs;
}

export function readPrometheusSourceConfig(config: RootConfigService): PrometheusSourceConfig {
  const defaultBaseUrl = config.getOptionalString('pulse.prometheus.baseUrl');
  const sources = config.getOptionalConfig('pulse.prometheus.sources');
  const schedule = config.getOptionalConfig('pulse.prometheus.schedule');
  return {
    defaultBaseUrl: defaultBaseUrl && withoutTrailingSlash(defaultBaseUrl),
    baseUrls: new Map(
      (sources?.keys() ?? []).map(name => [name, withoutTrailingSlash(sources!.getString(`${name}.baseUrl`))]),
    ),
    stepMs: readStepMs(config),
    schedule: schedule ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule) : DEFAULT_SCHEDULE,
  };
}
