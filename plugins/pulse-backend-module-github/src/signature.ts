import { AuthenticationError } from '@backstage/errors';
import { verify } from '@octokit/webhooks-methods';

/** Throws unless `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body under the webhook secret. */
export async function verifyGithubSignature(secret: string, body: Buffer, signature: string | undefined): Promise<void> {
  if (!signature) throw new AuthenticationError('Missing X-Hub-Signature-256 header');
  const valid =
    signature.startsWith('sha256=') &&
    body.length > 0 &&
    (await verify(secret, body.toString('utf8'), signature).catch(() => false));
  if (!valid) throw new AuthenticationError('Invalid X-Hub-Signature-256 signature');
}
