import { coreServices, createServiceFactory, RootHealthService } from '@backstage/backend-plugin-api';
import { ReadinessChecks, readinessChecksServiceRef } from './readinessChecks';

/** A probe that waits longer than this on a check answers "not ready" rather than hanging the kubelet's probe. */
const CHECK_TIMEOUT_MS = 5_000;

type State = 'starting' | 'up' | 'stopping';

/** Backstage's rule (ready once started, not while shutting down) plus the registered checks. */
class CheckedRootHealth implements RootHealthService {
  private state: State = 'starting';

  constructor(
    private readonly checks: ReadinessChecks,
    private readonly onFailure: (name: string, error: unknown) => void,
  ) {}

  started() {
    this.state = 'up';
  }

  stopping() {
    this.state = 'stopping';
  }

  async getLiveness() {
    return { status: 200, payload: { status: 'ok' } };
  }

  async getReadiness() {
    if (this.state === 'starting') return { status: 503, payload: { status: 'error', message: 'Backend has not started yet' } };
    if (this.state === 'stopping') return { status: 503, payload: { status: 'error', message: 'Backend is shutting down' } };
    const failing = await this.checks.failing(CHECK_TIMEOUT_MS);
    failing.forEach(({ name, error }) => this.onFailure(name, error));
    // Only the names of the failing checks: no client, host or migration name reaches an unauthenticated prober.
    return failing.length === 0
      ? { status: 200, payload: { status: 'ok' } }
      : { status: 503, payload: { status: 'error', message: `Not ready: ${failing.map(f => f.name).join(', ')}` } };
  }
}

/**
 * The root health service (`/.backstage/health/v1/readiness` and `/liveness`) with the readiness checks plugins
 * register, such as Pulse's store. Add it to the backend in place of the default: `backend.add(pulseRootHealthServiceFactory)`.
 *
 * @public
 */
export const pulseRootHealthServiceFactory = createServiceFactory({
  service: coreServices.rootHealth,
  deps: { lifecycle: coreServices.rootLifecycle, logger: coreServices.rootLogger, checks: readinessChecksServiceRef },
  factory: ({ lifecycle, logger, checks }) => {
    const health = new CheckedRootHealth(checks, (name, error) => logger.warn(`Readiness check ${name} failed: ${error}`));
    lifecycle.addStartupHook(() => health.started());
    lifecycle.addBeforeShutdownHook(() => health.stopping());
    return health;
  },
});
