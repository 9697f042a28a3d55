import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** Base of the Pulse API clients: JSON over fetchApi (which adds the user's token) to the pulse backend. */
export class PulseHttpClient {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  /** Sends a request to a path of the Pulse API and returns its JSON, or throws the server's error. */
  protected async request<T>(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('pulse');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      headers:
        init?.body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  /** Sends a GET to a path of the Pulse API and returns its body as text (exports), or throws the server's error. */
  protected async requestText(path: string): Promise<string> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('pulse');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }
}

/** `/entities/:kind/:namespace/:name` for an entity. */
export function entityPath(entity: {
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  const parts = [entity.kind, entity.metadata.namespace ?? 'default', entity.metadata.name];
  return `/entities/${parts.map(p => encodeURIComponent(p.toLocaleLowerCase('en-US'))).join('/')}`;
}
