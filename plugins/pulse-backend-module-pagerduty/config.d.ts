export interface Config {
  pulse?: {
    /** The PagerDuty V3 webhook of the Pulse PagerDuty module (`POST /api/pulse/webhooks/pagerduty`). */
    pagerduty?: {
      /**
       * The secret PagerDuty shows when the webhook subscription is created; every delivery's
       * `X-PagerDuty-Signature` is checked against it. Without it the webhook is not served.
       * @visibility secret
       */
      webhookSecret?: string;
    };
  };
}
