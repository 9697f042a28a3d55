export interface Config {
  pulse?: {
    /**
     * Fill an empty store with 90 days of demo data for the example entities at startup. Local development only.
     */
    demoData?: boolean;

    /** SLOs and error budgets. */
    slo?: {};

    /** DORA metrics. */
    dora?: {};

    /** Developer-satisfaction surveys. */
    surveys?: {};
  };
}
