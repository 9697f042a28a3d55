import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { pulseApiFactories } from './api/apiFactories';
import { rootRouteRef } from './routes';

/** The Pulse frontend plugin (legacy frontend system; the new one is in /alpha). */
export const pulsePlugin = createPlugin({
  id: 'pulse',
  apis: pulseApiFactories,
  routes: { root: rootRouteRef },
});

/** The SLO and error-budget card for an entity's Overview. */
export const EntitySloCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () => import('./components/EntitySloCard').then(m => m.EntitySloCard),
    },
  }),
);

/** The error-budget policy card: state and why, override, one-release exceptions and the gate decision log. */
export const EntityErrorBudgetPolicyCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityErrorBudgetPolicyCard',
    component: {
      lazy: () => import('./components/EntityPolicyCard').then(m => m.EntityErrorBudgetPolicyCard),
    },
  }),
);

/** The DORA scorecard for an entity's Overview. */
export const EntityDoraCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityDoraCard',
    component: {
      lazy: () => import('./components/EntityDoraCard').then(m => m.EntityDoraCard),
    },
  }),
);

/** The "On-call health" card for a Group's page and a Component's overview (shown there only when it has pages). */
export const EntityOncallHealthCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityOncallHealthCard',
    component: {
      lazy: () => import('./components/OncallHealthCard').then(m => m.EntityOncallHealthCard),
    },
  }),
);

/** The "Developer satisfaction" tab of an entity. */
export const EntitySurveyContent = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntitySurveyContent',
    component: {
      lazy: () =>
        import('./components/EntitySurveyContent').then(m => m.EntitySurveyContent),
    },
  }),
);

/** The team and org pages (DORA by team, developer satisfaction across teams), mounted at /pulse. */
export const PulsePage = pulsePlugin.provide(
  createRoutableExtension({
    name: 'PulsePage',
    component: () => import('./components/PulsePage').then(m => m.PulsePage),
    mountPoint: rootRouteRef,
  }),
);
