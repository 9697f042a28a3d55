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

/** The "Outcomes" card for a Component's overview (shown there only when it has outcomes) and a Group's page. */
export const EntityOutcomesCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityOutcomesCard',
    component: {
      lazy: () => import('./components/OutcomesCard').then(m => m.EntityOutcomesCard),
    },
  }),
);

/** A Group page's DORA card: the team's pooled metrics with a tier per metric and the way back to the ranking. */
export const EntityTeamDoraCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamDoraCard',
    component: {
      lazy: () => import('./components/TeamCards').then(m => m.EntityTeamDoraCard),
    },
  }),
);

/** A Group page's SLO table: every service the team owns with worst status, budget left and gate decision. */
export const EntityTeamSloCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamSloCard',
    component: {
      lazy: () => import('./components/TeamCards').then(m => m.EntityTeamSloCard),
    },
  }),
);

/** A Group page's survey card: the team's developer satisfaction in the newest round with shown results. */
export const EntityTeamSurveyCard = pulsePlugin.provide(
  createComponentExtension({
    name: 'EntityTeamSurveyCard',
    component: {
      lazy: () => import('./components/TeamCards').then(m => m.EntityTeamSurveyCard),
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
