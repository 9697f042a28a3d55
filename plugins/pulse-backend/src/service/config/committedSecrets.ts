import { Config } from '@backstage/config';

/**
 * Every token and secret committed in this repository (app-config.development.yaml, the docs' examples). They are
 * public, so a production backend must never accept them; trust/committedSecrets.test.ts fails when a committed
 * config or doc holds a secret missing from this list.
 */
export const COMMITTED_SECRETS: ReadonlySet<string> = new Set([
  'pulse-local-dev-token',
  'local-dev-github-secret',
  'local-dev-pagerduty-secret',
]);

/** The config keys that hold a secret, with their values: webhook secrets and static external-access tokens. */
function secretsIn(root: Config): Array<{ key: string; value: string }> {
  const found: Array<{ key: string; value: string }> = [];
  for (const key of ['pulse.github.webhookSecret', 'pulse.pagerduty.webhookSecret']) {
    const value = root.getOptionalString(key);
    if (value !== undefined) found.push({ key, value });
  }
  root.getOptionalConfigArray('backend.auth.externalAccess')?.forEach((access, index) => {
    const token = access.getOptionalString('options.token');
    if (token !== undefined) found.push({ key: `backend.auth.externalAccess[${index}].options.token`, value: token });
  });
  root.getOptionalConfigArray('backend.auth.keys')?.forEach((entry, index) => {
    const secret = entry.getOptionalString('secret');
    if (secret !== undefined) found.push({ key: `backend.auth.keys[${index}].secret`, value: secret });
  });
  return found;
}

/**
 * In production (NODE_ENV=production) refuses to start when a webhook secret or a static token is one the repository
 * commits: anyone who has read the repository could otherwise sign webhooks or call the API.
 */
export function assertNoCommittedSecrets(root: Config, nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv !== 'production') return;
  const committed = secretsIn(root).filter(({ value }) => COMMITTED_SECRETS.has(value));
  if (committed.length > 0) {
    throw new Error(
      `Refusing to start in production: ${committed.map(c => c.key).join(', ')} holds a secret committed in the Pulse repository (app-config.development.yaml); set your own`,
    );
  }
}
