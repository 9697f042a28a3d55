import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { pulsePlugin } from '../../plugin';
import { Knex } from './trustBackend';

/** One route of the Pulse router, e.g. `{ method: 'post', path: '/slo/samples' }`. */
export interface PulseRoute {
  method: string;
  path: string;
}

/** `post /slo/samples`: the key of a route in the access table. */
export const routeKey = (route: PulseRoute) => `${route.method} ${route.path}`;

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routesOf(stack: Layer[]): PulseRoute[] {
  return stack.flatMap(layer => {
    if (layer.route) {
      const { path, methods } = layer.route;
      return Object.keys(methods).map(method => ({ method, path }));
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

/**
 * Every route the Pulse plugin registers, read from the router it hands to httpRouter. Tests walk this list rather
 * than a hand-written one, so a route added later is checked too.
 */
export async function pulseRoutes(knex: Knex): Promise<PulseRoute[]> {
  const httpRouter = mockServices.httpRouter.mock();
  await startTestBackend({
    features: [
      pulsePlugin,
      httpRouter.factory,
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: {} }),
    ],
  });
  return httpRouter.use.mock.calls.flatMap(([handler]) => routesOf((handler as Layer['handle'])?.stack ?? []));
}

/** A concrete URL for a route pattern: every `:param` filled with a plausible value. */
export function concretePath(path: string): string {
  return `/api/pulse${path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? '1' : `x-${name}`))}`;
}
