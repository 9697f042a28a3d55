import {
  BackstageCredentials,
  BackstagePrincipalTypes,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';

/**
 * Who may call what. Reading is for signed-in users and services; answering a survey needs a user (it records who
 * took part); ingestion is for service principals: CI systems and webhooks with external-access tokens.
 */
export class PulseAuth {
  constructor(private readonly httpAuth: HttpAuthService) {}

  reader(req: Request): Promise<BackstageCredentials<BackstagePrincipalTypes['user' | 'service']>> {
    return this.httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  user(req: Request): Promise<BackstageCredentials<BackstagePrincipalTypes['user']>> {
    return this.httpAuth.credentials(req, { allow: ['user'] });
  }

  /** Whether the request carries valid user or service credentials; no token is "no", a bad token is a 401. */
  async isSignedIn(req: Request): Promise<boolean> {
    const credentials = await this.httpAuth.credentials(req, { allow: ['user', 'service', 'none'] });
    return credentials.principal.type !== 'none';
  }

  ingester(req: Request): Promise<BackstageCredentials<BackstagePrincipalTypes['service']>> {
    return this.httpAuth.credentials(req, { allow: ['service'] });
  }
}
