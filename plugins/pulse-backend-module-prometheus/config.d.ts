import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  pulse?: {
    /** The Prometheus SLI source of the Pulse Prometheus module. */
    prometheus?: {
      /**
       * The Prometheus server of SLOs whose metric source names no `metricSourceRef`, e.g. `http://prometheus:9090`.
       * Pulse calls `<baseUrl>/api/v1/query_range`.
       */
      baseUrl?: string;
      /** Further servers by name: an OpenSLO metric source with `metricSourceRef: <name>` is queried there. */
      sources?: {
        [name: string]: {
          baseUrl: string;
        };
      };
      /**
       * The length of one SLI sample: queries are evaluated on this grid (epoch-aligned). Whole seconds; default
       * 5 minutes. A string such as `1m` or an object such as `{ minutes: 1 }`.
       */
      step?: string | { [unit: string]: number };
      /** How often SLOs are filled (once across replicas). Default: every 5 minutes, 10 minute timeout. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
