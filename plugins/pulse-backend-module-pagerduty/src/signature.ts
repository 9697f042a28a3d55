import { AuthenticationError } from '@backstage/errors';
import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Throws unless one of the `v1=<hex>` signatures of `X-PagerDuty-Signature` (several, comma-separated, while a secret
 * is rotated) is the HMAC-SHA256 of the raw body under the webhook secret.
 */
export function verifyPagerDutySignature(secret: string, body: Buffer, header: string | undefined): void {
  if (!header) throw new AuthenticationError('Missing X-PagerDuty-Signature header');
  const expected = createHmac('sha256', secret).update(body).digest();
  const matches = header
    .split(',')
    .map(signature => signature.trim())
    .filter(signature => signature.startsWith('v1='))
    .map(signature => Buffer.from(signature.slice(3), 'hex'))
    .some(signature => signature.length === expected.length && timingSafeEqual(signature, expected));
  if (!matches) throw new AuthenticationError('Invalid X-PagerDuty-Signature signature');
}
