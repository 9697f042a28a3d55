import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { refOf } from '../catalog/PulseCatalog';

interface CachedRef {
  entityRef?: string;
  loadedAt: number;
}

/**
 * Finds the component (or, built with `kind` 'user', the User) an annotation value names (`github.com/project-slug: acme/checkout`) with one filtered catalog
 * query, and remembers the answer, found or not, for `ttlMs` so that a burst of deliveries costs one query.
 */
export class AnnotatedComponents {
  private readonly cache = new Map<string, CachedRef>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly kind: 'component' | 'user' = 'component',
  ) {}

  /** The component's ref; when several carry the value, the one in the default namespace, then the first by ref. */
  async find(annotation: string, value: string): Promise<string | undefined> {
    const key = `${annotation}\n${value.toLocaleLowerCase('en-US')}`;
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.loadedAt < this.ttlMs) return cached.entityRef;

    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: this.kind, [`metadata.annotations.${annotation}`]: value },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const [entityRef] = items
      .map(entity => ({ ref: refOf(entity), isDefault: (entity.metadata.namespace ?? 'default') === 'default' }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.ref.localeCompare(b.ref))
      .map(candidate => candidate.ref);
    this.cache.set(key, { entityRef, loadedAt: this.now() });
    return entityRef;
  }
}
