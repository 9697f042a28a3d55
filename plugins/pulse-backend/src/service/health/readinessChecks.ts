import { createServiceFactory, createServiceRef } from '@backstage/backend-plugin-api';

/** A check that throws when its part of the backend cannot serve; what it throws is logged, never answered. */
export type ReadinessCheck = () => Promise<void>;

/** Readiness checks that plugins add at start, for {@link pulseRootHealthServiceFactory} to run on each probe. */
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  add(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** The names of the checks that failed or took longer than `timeoutMs`. */
  async failing(timeoutMs: number): Promise<Array<{ name: string; error: unknown }>> {
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
          await Promise.race([check(), timeout]);
          return undefined;
        } catch (error) {
          return { name, error };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return results.filter((r): r is { name: string; error: unknown } => r !== undefined);
  }
}

/**
 * The backend-wide readiness checks (root scoped, so every plugin adds to the same list).
 *
 * @public
 */
export const readinessChecksServiceRef = createServiceRef<ReadinessChecks>({
  id: 'pulse.readinessChecks',
  scope: 'root',
  defaultFactory: async service => createServiceFactory({ service, deps: {}, factory: () => new ReadinessChecks() }),
});
