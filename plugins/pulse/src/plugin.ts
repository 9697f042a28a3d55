import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PulseClient, pulseApiRef } from './api';
import { rootRouteRef } from './routes';

/** The Pulse frontend plugin (legacy frontend system). */
export const pulsePlugin = createPlugin({
  id: 'pulse',
  apis: [
    createApiFactory({
      api: pulseApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PulseClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The SLO and error-budget card for an entity's Overview. */
export const EntitySloCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () =>
        import('./components/EntitySloCard').then(m => m.EntitySloCard),
    },
  }),
);

/** The DORA scorecard for an entity's Overview. */
export const EntityDoraCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityDoraCard',
    component: {
      lazy: () =>
        import('./components/EntityDoraCard').then(m => m.EntityDoraCard),
    },
  }),
);

/** The "Developer satisfaction" tab of an entity. */
export const EntitySurveyContent = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntitySurveyContent',
    component: {
      lazy: () =>
        import('./components/EntitySurveyContent').then(
          m => m.EntitySurveyContent,
        ),
    },
  }),
);
