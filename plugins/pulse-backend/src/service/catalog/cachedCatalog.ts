import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * How long a catalog answer is reused. Owners, group trees, members and titles change rarely, and the catalog itself
 * applies changes only after its processing loop; a page, though, asks the same questions several times per request.
 */
export const CATALOG_CACHE_TTL_MS = 10_000;

/** Answers kept at most; the oldest are dropped first. */
const MAX_ENTRIES = 5_000;

/** The read methods whose answers depend only on the request and the caller. */
const CACHED_METHODS = new Set(['getEntities', 'getEntitiesByRefs', 'getEntityByRef', 'queryEntities']);

type CatalogCall = (request: unknown, options?: { credentials?: { principal?: unknown } }) => Promise<unknown>;

/**
 * The catalog with its read answers reused for a short time, per request and caller (a user may see less than the
 * plugin). Concurrent identical reads share one call; a failed call is not kept. Writes pass straight through.
 * Callers share the answers, so they must not mutate them.
 */
export function cachedCatalog(
  catalog: CatalogService,
  options: { ttlMs?: number; now?: () => number } = {},
): CatalogService {
  const ttlMs = options.ttlMs ?? CATALOG_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const answers = new Map<string, { expiresAt: number; answer: Promise<unknown> }>();

  return new Proxy(catalog, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !CACHED_METHODS.has(property) || typeof value !== 'function') return value;
      const call = value as CatalogCall;
      return (request: unknown, callOptions?: Parameters<CatalogCall>[1]) => {
        const key = JSON.stringify([property, request, callOptions?.credentials?.principal ?? null]);
        const cached = answers.get(key);
        if (cached && cached.expiresAt > now()) return cached.answer;
        const answer = call.call(target, request, callOptions);
        answers.delete(key);
        answers.set(key, { expiresAt: now() + ttlMs, answer });
        answer.catch(() => {
          if (answers.get(key)?.answer === answer) answers.delete(key);
        });
        if (answers.size > MAX_ENTRIES) answers.delete(answers.keys().next().value!);
        return answer;
      };
    },
  });
}
