import { AuthService, BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who made a request, as stored in audit rows: `user:default/ada` or `service:<subject>`. */
export function callerRef(auth: AuthService, credentials: BackstageCredentials): string {
  if (auth.isPrincipal(credentials, 'user')) return credentials.principal.userEntityRef;
  if (auth.isPrincipal(credentials, 'service')) return `service:${credentials.principal.subject}`;
  return 'unknown';
}
