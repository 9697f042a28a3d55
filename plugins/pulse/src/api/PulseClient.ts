import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { PulseHealth } from '@pulse/plugin-pulse-common';
import { PulseApi } from './PulseApi';

/** The HTTP client for the Pulse backend. */
export class PulseClient implements PulseApi {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getHealth(): Promise<PulseHealth> {
    return this.get('/health');
  }

  /** GETs a path of the Pulse API and returns its JSON, or throws the server's error. */
  protected async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('pulse');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
