import { AuthService } from '@backstage/backend-plugin-api';
import { pulseServiceIdOf } from '@pulse/plugin-pulse-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { refOf } from '../catalog/PulseCatalog';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * Maps the service ids of external events to components: the `pulse.dev/service-id` annotation, else the name. The
 * map is loaded from the catalog once and reloaded on a miss at most every `refreshMs`, never per event.
 */
export class DoraServiceIds {
  private byServiceId = new Map<string, string>();
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly refreshMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The entity ref of each service id; unknown ids are absent from the result. */
  async resolve(serviceIds: string[]): Promise<Map<string, string>> {
    if (serviceIds.some(id => !this.byServiceId.has(lower(id))) && this.now() - this.loadedAt >= this.refreshMs) {
      await this.reload();
    }
    const result = new Map<string, string>();
    for (const id of serviceIds) {
      const ref = this.byServiceId.get(lower(id));
      if (ref) result.set(id, ref);
    }
    return result;
  }

  private async reload() {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'component' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const map = new Map<string, string>();
    for (const entity of items) {
      const id = lower(pulseServiceIdOf(entity));
      // Same id in several namespaces: the default namespace wins.
      if (!map.has(id) || (entity.metadata.namespace ?? 'default') === 'default') map.set(id, refOf(entity));
    }
    this.byServiceId = map;
    this.loadedAt = this.now();
  }
}
