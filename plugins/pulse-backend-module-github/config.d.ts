export interface Config {
  pulse?: {
    /** The GitHub webhook of the Pulse GitHub module (`POST /api/pulse/webhooks/github`). */
    github?: {
      /**
       * The secret set on the GitHub webhook; every delivery's `X-Hub-Signature-256` is checked against it. Without
       * it the webhook is not served.
       * @visibility secret
       */
      webhookSecret?: string;
      /** The issue label that makes an issue an incident, compared case-insensitively. Default `incident`. */
      incidentLabel?: string;
    };
  };
}
