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

/**
 * How a config value becomes a key: as `text` (webhook secrets, static tokens) or decoded as `base64` (legacy
 * external-access secrets and backend auth keys; Node decodes leniently: `-` reads as `+`, `=` padding is optional).
 */
type KeyEncoding = 'text' | 'base64';

/** The config keys that hold a secret, with their values and encodings: webhook secrets, static tokens, legacy keys. */
function secretsIn(root: Config): Array<{ key: string; value: string; encoding: KeyEncoding }> {
  const found: Array<{ key: string; value: string; encoding: KeyEncoding }> = [];
  for (const key of ['pulse.github.webhookSecret', 'pulse.pagerduty.webhookSecret']) {
    const value = root.getOptionalString(key);
    if (value !== undefined) found.push({ key, value, encoding: 'text' });
  }
  root.getOptionalConfigArray('backend.auth.externalAccess')?.forEach((access, index) => {
    const token = access.getOptionalString('options.token');
    if (token !== undefined) found.push({ key: `backend.auth.externalAccess[${index}].options.token`, value: token, encoding: 'text' });
    const secret = access.getOptionalString('options.secret');
    if (secret !== undefined) found.push({ key: `backend.auth.externalAccess[${index}].options.secret`, value: secret, encoding: 'base64' });
  });
  root.getOptionalConfigArray('backend.auth.keys')?.forEach((entry, index) => {
    const secret = entry.getOptionalString('secret');
    if (secret !== undefined) found.push({ key: `backend.auth.keys[${index}].secret`, value: secret, encoding: 'base64' });
  });
  return found;
}

/**
 * Whether a value works as a committed secret, or was made from one by surrounding whitespace (a secret pasted from a
 * file with its newline) or trailing zero bytes (HMAC pads a short key with zeros: the same webhook key).
 */
function isCommitted(value: string, encoding: KeyEncoding): boolean {
  const bare = value.replace(/^\s+|[\s\0]+$/g, '');
  if (COMMITTED_SECRETS.has(bare)) return true;
  if (encoding !== 'base64') return false;
  const key = Buffer.from(bare, 'base64');
  return [...COMMITTED_SECRETS].some(secret => Buffer.from(secret, 'base64').equals(key));
}

/**
 * In production (NODE_ENV=production) refuses to start when a webhook secret or a static token is one the repository
 * commits: anyone who has read the repository could otherwise sign webhooks or call the API.
 */
export function assertNoCommittedSecrets(root: Config, nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv !== 'production') return;
  const committed = secretsIn(root).filter(({ value, encoding }) => isCommitted(value, encoding));
  if (committed.length > 0) {
    throw new Error(
      `Refusing to start in production: ${committed.map(c => c.key).join(', ')} holds a secret committed in the Pulse repository (app-config.development.yaml); set your own`,
    );
  }
}
